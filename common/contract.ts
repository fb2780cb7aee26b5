/**
 * The app's own API between the Custom UI frontend and the resolver: payloads and results of each
 * resolver function. Both sides import this module; neither reaches into the other's folder.
 * Split by feature under common/contract/; this module re-exports them all, so imports stay
 * `common/contract`. Shapes that DESIGN.md fixes ("The local runtime" contract) must not change; add fields freely.
 */

export * from './contract/catalogue';
export * from './contract/evidence';
export * from './contract/audit-day';
export * from './contract/trail';
export * from './contract/export-pack';
export * from './contract/plan';

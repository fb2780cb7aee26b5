/** The local Forge runtime: see runtime.ts. */
export { createForgeRuntime, DEFAULT_LIMITS } from './runtime';
export { loadAppManifest, parseAppManifest } from './manifest';
export type { AppManifest, ManifestUiModule } from './manifest';
export { KVS_LIMITS } from './kvs-store';
export type * from './types';

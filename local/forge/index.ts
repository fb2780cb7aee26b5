/** The local Forge runtime: see runtime.ts. */
export { createForgeRuntime, DEFAULT_LIMITS } from './runtime';
export { loadAppManifest, parseAppManifest } from './manifest';
export type { AppManifest, ManifestUiModule } from './manifest';
export { KVS_LIMITS } from './kvs-store';
export { InvokeError, REFUSAL_NAMES, REFUSAL_STATUS } from './errors';
export type * from './types';
export type { KvsStore } from './kvs-store';

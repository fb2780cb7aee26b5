/**
 * Loads the app's handlers (`src/index.ts`) the way Forge's bundler would see them: a CommonJS
 * module whose exports the manifest names. TypeScript runs through whatever loader is active:
 * jest's transform (@swc/jest), tsx when started with `tsx local/main.ts`, and otherwise tsx's
 * CommonJS register API, installed on demand.
 */
import Module from 'node:module';
import { join } from 'node:path';

let tsxRegistered = false;

function ensureTypeScriptLoader(): void {
  // Jest resolves and transforms .ts itself; its `require` is not Node's.
  if (process.env.JEST_WORKER_ID !== undefined || tsxRegistered) return;
  const extensions = (Module as unknown as { _extensions: Record<string, unknown> })._extensions;
  if (typeof extensions['.ts'] === 'function') return;
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- optional loader, needed only outside tsx and jest
  const api = require('tsx/cjs/api') as { register(): () => void };
  api.register();
  tsxRegistered = true;
}

export type HandlerFn = (...args: unknown[]) => unknown;

/**
 * `index.resolverHandler` → export `resolverHandler` of `<appDir>/src/index(.ts)`. Throws with the
 * handler name when the file or export is missing, so a manifest typo is obvious.
 */
export function loadHandler(appDir: string, handler: string): HandlerFn {
  const dot = handler.lastIndexOf('.');
  if (dot <= 0) throw new Error(`manifest.yml: handler "${handler}" must look like file.export`);
  const file = join(appDir, 'src', handler.slice(0, dot));
  const name = handler.slice(dot + 1);
  ensureTypeScriptLoader();
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- the app module is chosen at run time
  const mod = require(file) as Record<string, unknown>;
  const fn = mod[name];
  if (typeof fn !== 'function') throw new Error(`manifest.yml: handler "${handler}": ${file} exports no function "${name}"`);
  return fn as HandlerFn;
}

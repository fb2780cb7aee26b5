/**
 * Loads chevrotain for CommonJS callers.
 *
 * chevrotain 11 is published as ES modules only. Jest (CommonJS on Node 20) and tsx running
 * `local/main.ts` as CommonJS both fail to `require` it ("Must use import to load ES Module",
 * ERR_PACKAGE_PATH_NOT_EXPORTED for @chevrotain/utils). The package also ships a single-file bundle,
 * `lib/chevrotain.mjs`, with no imports of its own; evaluating it as a script with its closing
 * `export { … }` turned into a return value gives the same API in every runtime, with no change to
 * the shared jest or tsx setup. Types still come from the real package (`import type`).
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import * as path from 'node:path';
import * as vm from 'node:vm';
import type * as Chevrotain from 'chevrotain';

export class ChevrotainLoadError extends Error {
  override name = 'ChevrotainLoadError';
}

function bundlePath(): string {
  const req = typeof require === 'function' ? require : createRequire(path.join(process.cwd(), 'package.json'));
  // The "." export is lib/src/api.js; the bundle sits one folder up.
  return path.join(path.dirname(req.resolve('chevrotain')), '..', 'chevrotain.mjs');
}

function load(): typeof Chevrotain {
  const file = bundlePath();
  let source: string;
  try {
    source = readFileSync(file, 'utf8');
  } catch (err) {
    throw new ChevrotainLoadError(`Cannot read ${file} (${(err as Error).message}); run npm ci to install chevrotain.`);
  }
  const exportAt = source.lastIndexOf('\nexport {');
  const exportEnd = exportAt >= 0 ? source.indexOf('};', exportAt) : -1;
  if (exportAt < 0 || exportEnd < 0) throw new ChevrotainLoadError(`${file} has no closing export list; the chevrotain version changed its bundle layout.`);
  const entries = source
    .slice(exportAt + '\nexport {'.length, exportEnd)
    .split(',')
    .map((e) => e.trim())
    .filter((e) => e.length > 0)
    .map((e) => {
      const [local, exported] = e.split(/\s+as\s+/);
      return `${JSON.stringify(exported ?? local)}: ${local}`;
    });
  const script = `(function () {\n${source.slice(0, exportAt)}\nreturn { ${entries.join(', ')} };\n})`;
  const factory = vm.runInThisContext(script, { filename: file }) as () => typeof Chevrotain;
  return factory();
}

const chevrotain = load();

export const { EmbeddedActionsParser, Lexer, createToken } = chevrotain;

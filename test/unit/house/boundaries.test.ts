/**
 * The import boundaries of eslint.config.mjs (docs/layers.md): each rule refuses a deliberately
 * wrong import, allows a right one, and the real src/ and local/ pass.
 */
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..', '..');

const REFUSED: [string, string, string, string][] = [
    ['domain importing jira', 'src/domain/bad.ts', "import { JiraClient } from '../jira';", 'src/domain may import only itself'],
    ['domain importing a Node built-in', 'src/domain/bad.ts', "import { readFileSync } from 'node:fs';", 'src/domain is pure'],
    ['domain importing a bare Node built-in', 'src/domain/bad.ts', "import { createHash } from 'crypto';", 'src/domain is pure'],
    ['domain importing Forge', 'src/domain/bad.ts', "import { kvs } from '@forge/kvs';", 'src/domain is pure'],
    ['a use case importing another', 'src/import/bad.ts', "import { applySync } from '../sync/apply';", 'src/import may import only'],
    ['a use case importing the entry layer', 'src/sync/bad.ts', "import { buildResolver } from '../resolvers/definitions';", 'src/sync may import only'],
    ['a use case importing src/index.ts', 'src/evidence/bad.ts', "import { doneGate } from '..';", 'must not import src/index.ts'],
    ['a use case importing src/index.ts by name', 'src/plan/bad.ts', "import { doneGate } from '../index';", 'src/plan may import only'],
    ['jira importing storage', 'src/jira/bad.ts', "import { readValue } from '../storage/kvs';", 'src/jira may import only domain'],
    ['platform importing a capability', 'src/platform/bad.ts', "import { recordDecision } from '../trail/record';", 'src/platform may import only'],
    ['a capability importing a use case', 'src/rollup/bad.ts', "import { readAccess } from '../audit-day/audit-day';", 'src/rollup may import only'],
    ['the backend importing the frontend', 'src/rollup/bad.ts', "import { x } from '../../static/app/src/x';", 'never reaches into the frontend'],
    ['local importing the product', 'local/jira/bad.ts', "import type { ChecklistDefinition } from '../../src/domain/types';", 'local/ is its own package'],
    ['local importing common', 'local/bad.ts', "import { AppError } from '../common/errors';", 'local/ is its own package'],
    ['deep local importing static', 'local/jira/http/bad.ts', "import { x } from '../../../static/app/src/x';", 'local/ is its own package'],
];
const ALLOWED: [string, string, string][] = [
    ['domain importing itself and common', 'src/domain/ok.ts', "import { AppError } from '../../common/errors';\nimport type { ChecklistDefinition } from './types';\nimport { z } from 'zod';"],
    ['a use case importing platform and capabilities', 'src/import/ok.ts', "import { ProjectCaller } from '../platform/context';\nimport { recordDecision } from '../trail/record';\nimport { openItemMap } from '../item-map/ensure';"],
    ['the entry layer importing a use case', 'src/resolvers/ok.ts', "import { applySync } from '../sync/apply';"],
    ['local importing within local', 'local/jira/http/ok.ts', "import { x } from '../../forge/x';"],
];

interface Linted {
  cases: string[][];
  tree: string[];
  treeFiles: number;
}

/** One ESLint process for every case and the real tree (see test/support/lint-imports.ts). */
function lint(): Linted {
  const cases = [...REFUSED, ...ALLOWED].map(([, filePath, code]) => ({ filePath, code }));
  const out = execFileSync('npx', ['tsx', 'test/support/lint-imports.ts'], {
    cwd: ROOT,
    input: JSON.stringify({ cases, tree: ['src/**/*.ts', 'local/**/*.ts'] }),
    maxBuffer: 16 * 1024 * 1024,
  });
  return JSON.parse(out.toString('utf8')) as Linted;
}

describe('import boundaries (eslint no-restricted-imports)', () => {
  let linted: Linted;
  beforeAll(() => {
    linted = lint();
  }, 240_000);

  describe.each(REFUSED.map((entry, index) => [...entry, index] as const))('%s', (_name, _filePath, _code, expected, index) => {
    it('is refused with a message saying what is allowed', () => {
      // One wrong import may break two patterns (e.g. the layer rule and the no-frontend rule).
      expect(linted.cases[index]).toEqual(expect.arrayContaining([expect.stringContaining(expected)]));
    });
  });

  describe.each(ALLOWED.map((entry, index) => [...entry, REFUSED.length + index] as const))('%s', (_name, _filePath, _code, index) => {
    it('is allowed', () => {
      expect(linted.cases[index]).toEqual([]);
    });
  });

  describe('the real tree', () => {
    it('passes the boundaries in src/ and local/', () => {
      expect(linted.treeFiles).toBeGreaterThan(100);
      expect(linted.tree).toEqual([]);
    });
  });
});

/**
 * The resolver API is declared once (common/api): the function the manifest's resolver handler
 * dispatches to defines exactly the map's functions, and each one refuses a wrong payload with
 * `invalid-input` naming the field, before it reads or writes anything (these calls reach no Jira).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import type { z } from 'zod';
import { resolverApi, type ApiName } from '../../common/api';
import { errorCodeOf } from '../../common/errors';
import { buildResolver } from '../../src/resolvers/definitions';

type Handler = (request: { call: { functionKey: string; payload: unknown }; context: unknown }, backend: unknown) => Promise<unknown>;

const root = join(__dirname, '..', '..');
const manifest = parse(readFileSync(join(root, 'manifest.yml'), 'utf8')) as { modules: { function?: { key: string; handler: string }[] } };
const resolverFunction = manifest.modules.function?.find((f) => f.key === 'resolver');
/** `index.resolverHandler` → the export `resolverHandler` of src/index.ts, as Forge loads it. */
function manifestHandler(): Handler {
  const [file, name] = (resolverFunction?.handler ?? '').split('.');
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- the module the manifest names, loaded as Forge does
  const module = require(join(root, 'src', file ?? '')) as Record<string, unknown>;
  return module[name ?? ''] as Handler;
}

/** A context both kinds of caller accept: a signed-in user on an issue of a project. */
const context = { extension: { project: { key: 'MSP', id: '10000' }, issue: { key: 'MSP-1', id: '10001' } } };
/** Forge hands the caller's account id beside the call, as the principal. */
const backend = { principal: { accountId: 'someone' } };
const names = Object.keys(resolverApi) as ApiName[];
const shapeOf = (name: ApiName): Record<string, z.ZodType> => (resolverApi[name].payload as unknown as { shape: Record<string, z.ZodType> }).shape;
/** A value no string, number, boolean, enum or array field accepts. */
const WRONG = { wrong: true };
/** Fields a wrong value is refused for (fields typed `unknown` or records take anything object-like). */
const checkedFields = (name: ApiName): string[] => Object.entries(shapeOf(name)).flatMap(([field, schema]) => (schema.safeParse(WRONG).success ? [] : [field]));

async function refusal(call: Promise<unknown>): Promise<Error> {
  try {
    await call;
  } catch (error) {
    return error as Error;
  }
  throw new Error('the call was not refused');
}

describe('the one declaration of the resolver API', () => {
  it('is what the manifest’s resolver handler (index.resolverHandler) dispatches to', () => {
    expect(resolverFunction?.handler).toBe('index.resolverHandler');
    expect(typeof manifestHandler()).toBe('function');
  });

  it('has every function the resolver defines, and the resolver defines every function of it', () => {
    const defined = Object.keys((buildResolver() as unknown as { functions: Record<string, unknown> }).functions);
    expect([...defined].sort()).toEqual([...names].sort());
  });

  it('names a function outside the map as not found', async () => {
    const refused = await refusal(manifestHandler()({ call: { functionKey: 'notInTheMap', payload: {} }, context }, backend));
    expect(errorCodeOf(refused)).toBe('not-found');
  });

  it.each(names)('%s: every field it checks is named when wrong, and nothing else is done', async (name) => {
    const fields = checkedFields(name);
    // The field is named first in the problem: `field: …` or, inside it, `field.key: …`.
    const cases: [unknown, RegExp][] = fields.length > 0 ? fields.map((field) => [{ [field]: WRONG }, new RegExp(`(?:\\(|; )${field}[.:]`)]) : [['not an object', /\(payload: /]];
    for (const [payload, named] of cases) {
      const refused = await refusal(manifestHandler()({ call: { functionKey: name, payload }, context }, backend));
      expect({ code: errorCodeOf(refused), message: refused.message }).toEqual({ code: 'invalid-input', message: expect.stringMatching(named) });
      expect(refused.message).toContain(`${name} was called with an invalid payload`);
    }
  });
});

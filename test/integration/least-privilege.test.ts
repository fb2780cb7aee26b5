/**
 * Least privilege at the resolver door (issue 21, part 4): reading the app's data needs Browse
 * projects in the context project; a rollup of a checklist the project never imported writes
 * nothing; only the keys the app defines are dispatched.
 */
import type { ImportStatus, Rollup } from '../../common/contract';
import { errorCodeOf } from '../../common/errors';
import { buildResolver } from '../../src/resolvers/definitions';
import { isAbsent } from '../../src/storage/kvs';
import { startHarness, type Harness } from './harness';

let h: Harness;
beforeEach(() => {
  h = startHarness();
});
afterEach(async () => {
  await h.close();
});

/** The error a call rejects with (fails the test when it resolves). */
async function refusal(call: Promise<unknown>): Promise<Error> {
  return call.then(
    () => {
      throw new Error('expected a refusal');
    },
    (error: unknown) => error as Error,
  );
}

describe('reading the catalogue and an import needs Browse projects', () => {
  it.each([
    ['listChecklists', {}],
    ['getChecklist', { id: 'aws-msp-7.1' }],
  ])('%s refuses someone who cannot browse the project, and answers a viewer', async (functionKey, payload) => {
    const refused = await refusal(h.invoke(functionKey, payload, { accountId: 'outsider' }));
    expect(errorCodeOf(refused)).toBe('forbidden');
    expect(refused.message).toMatch(/Browse projects permission in project MSP/);
    await expect(h.invoke(functionKey, payload, { accountId: 'viewer' })).resolves.toBeTruthy();
  });

  it('getImport refuses someone who cannot browse the project, answers a viewer, and hides a job of another project', async () => {
    const { jobId } = await h.invoke<{ jobId: string }>('startImport', { checklistId: 'aws-msp-7.1' });
    await h.runtime.idle();

    const refused = await refusal(h.invoke('getImport', { jobId }, { accountId: 'outsider' }));
    expect(errorCodeOf(refused)).toBe('forbidden');
    await expect(h.invoke<ImportStatus>('getImport', { jobId }, { accountId: 'viewer' })).resolves.toMatchObject({ state: 'done' });

    h.emulator.addProject({ key: 'OTHER' });
    const elsewhere = await refusal(h.invoke('getImport', { jobId }, { projectKey: 'OTHER' }));
    expect(errorCodeOf(elsewhere)).toBe('not-found');
    expect(elsewhere.message).toBe(`There is no import ${jobId} in project OTHER. Start the import again from the Audit page.`);
  });
});

describe('a rollup of a checklist the project does not hold', () => {
  it('is answered to a viewer without writing a cache or a history point', async () => {
    await h.importChecklist('aws-msp-7.1');
    // Records (an ABSENT marker, src/storage/kvs.ts, stands for none and is not one).
    const records = () => h.runtime.kvs.keys().filter((key) => !isAbsent(h.runtime.kvs.get(key))).sort();
    const before = records();

    const rollup = await h.invoke<Rollup>('getRollup', { checklistId: 'mspalliance-ucs-23' }, { accountId: 'viewer' });
    expect(rollup).toMatchObject({ checklistId: 'mspalliance-ucs-23', score: 0, from: 'jira' });
    await h.invoke<Rollup>('getRollup', { checklistId: 'mspalliance-ucs-23', refresh: true }, { accountId: 'viewer' });

    expect(records()).toEqual(before);
  });

  it('is still cached and recorded for a checklist the project holds', async () => {
    await h.importChecklist('aws-msp-7.1');
    const first = await h.invoke<Rollup>('getRollup', { checklistId: 'aws-msp-7.1', refresh: true }, { accountId: 'viewer' });
    expect(first.from).toBe('jira');
    const second = await h.invoke<Rollup>('getRollup', { checklistId: 'aws-msp-7.1' }, { accountId: 'viewer' });
    expect(second.from).toBe('cache');
  });
});

describe('only the functions the app defines are dispatched', () => {
  it.each(['constructor', '__proto__', 'toString', 'hasOwnProperty', 'valueOf', 'nope'])('"%s" is refused as not found by the app’s own resolver', async (functionKey) => {
    const handler = buildResolver().getDefinitions();
    const refused = await refusal(handler({ call: { functionKey, payload: {} }, context: { accountId: 'admin', extension: { project: { key: 'MSP', id: '10000' } } } }, {}));
    expect(errorCodeOf(refused)).toBe('not-found');
    expect(refused.message).toBe(`There is no resolver function "${functionKey}": name one the app defines.`);
  });

  it('and the local runtime refuses inherited keys before the handler runs', async () => {
    const refused = await refusal(h.invoke('constructor', {}));
    expect(refused).toMatchObject({ status: 404, code: 'not-found' });
    expect(h.runtime.invocations()).toEqual([]);
  });
});

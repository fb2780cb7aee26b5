/**
 * The rollup's delta read (src/rollup/read-states.ts) gives the same figures as a full read of
 * every item, on the same project after changes of every kind: status changes made in Jira,
 * evidence and assessments recorded by the app, an issue hidden by issue security, an issue moved
 * to another project, an issue deleted, the assessment mirror property rewritten outside the app,
 * and an issue made outside the app that claims an item. The delta costs a constant number of calls.
 */
import { syncV1 } from '../fixtures/sync-v1-v2';
import type { Rollup } from '../../common/contract';
import { rollupBaseKey } from '../../src/storage/keys';
import { registerChecklist } from './checklists';
import { changeOutsideTheApp } from './cold-read';
import { startHarness, type Harness, type OutsideIssue } from './harness';

const identityOf = (issue: OutsideIssue) => issue.properties['msp-audit-item'] as { kind: string; itemId: string } | undefined;
const HOUR = 3_600_000;

/** Everything a rollup says except when and how it was read (and the score history it carries). */
function figures(rollup: Rollup): unknown {
  const { computedAt: _at, from: _from, history: _history, ...rest } = rollup;
  return { ...rest, items: [...rest.items].sort((a, b) => a.id.localeCompare(b.id)) };
}

describe('rollup: delta read versus full read', () => {
  let h: Harness;
  let keys: Map<string, string>;
  let jiraOffset = 0;
  const key = (itemId: string): string => keys.get(itemId)!;
  const onIssue = (functionKey: string, itemId: string, payload: unknown) =>
    h.runtime.invoke({ functionKey, payload, context: { moduleKey: 'audit-item-panel', accountId: 'admin', issueKey: key(itemId) } });
  const refresh = (accountId = 'admin') => h.invoke<Rollup>('getRollup', { checklistId: syncV1.id, refresh: true }, { accountId });

  beforeAll(async () => {
    process.env.MSP_ROLLUP_REFRESH_MIN_AGE_MS = '0';
    // Jira's clock, moved on after the import so the later changes are the only recent ones.
    h = startHarness({}, { now: () => new Date(Date.now() + jiraOffset) });
    await registerChecklist(syncV1);
    h.emulator.addProject({ key: 'OPS' });
    await h.importChecklist(syncV1.id);
    keys = new Map((await h.issues()).flatMap((issue) => (identityOf(issue)?.kind === 'item' ? [[identityOf(issue)!.itemId, issue.key]] : [])));
    await h.transition(key('1.2'), 'Done');
    await h.runtime.idle();
    jiraOffset = 2 * HOUR;
    // The first read of the checklist is a full one: the delta's base.
    expect((await refresh()).from).toBe('jira');
  });
  afterAll(async () => {
    delete process.env.MSP_ROLLUP_REFRESH_MIN_AGE_MS;
    await h.close();
  });

  it('after changes of every kind, the delta read costs ≤ 8 calls and gives the full read\'s figures, for the app and for a viewer under issue security', async () => {
    await h.transition(key('1.1'), 'Done');
    await h.transition(key('2.1'), 'In Progress');
    await onIssue('addEvidence', '1.1', { evidence: { kind: 'link', title: 'Runbook', url: 'https://intranet.example/runbook' } });
    await onIssue('setAssessment', '1.3', { result: 'na', complexity: null, justification: 'We run no customer workloads of this kind.' });
    await onIssue('setAssessment', '2.2', { result: 'not_met', complexity: null });
    // Changed outside the app (the mirror property says met: neither read trusts it; security, a move, a delete, a claim).
    await changeOutsideTheApp(h, key);

    h.emulator.clearRequests();
    const delta = await refresh();
    const deltaCalls = h.appRequests();
    expect(delta.from).toBe('jira');
    // mypermissions, the viewer's visibility search, membership, changed since, one bulk fetch.
    expect(deltaCalls.length).toBeLessThanOrEqual(8);
    expect(deltaCalls.filter((call) => call.path === '/rest/api/3/issue/bulkfetch')).toHaveLength(1);
    const bulk = deltaCalls.find((call) => call.path === '/rest/api/3/issue/bulkfetch')!.body as { issueIdsOrKeys: string[] };
    // Only what changed since the full read (1.1, 2.1, 1.3, 2.2, the moved and the new issue…), not all items.
    expect(bulk.issueIdsOrKeys.length).toBeLessThan(keys.size);
    const viewerDelta = await refresh('viewer');

    // The full read: without the base record the next read reads every item with its fields.
    h.runtime.kvs.delete(rollupBaseKey('MSP', syncV1.id));
    h.emulator.clearRequests();
    const full = await refresh();
    expect(h.appRequests().some((call) => call.path === '/rest/api/3/issue/bulkfetch')).toBe(false);
    h.runtime.kvs.delete(rollupBaseKey('MSP', syncV1.id));
    const viewerFull = await refresh('viewer');

    expect(figures(delta)).toEqual(figures(full));
    expect(figures(viewerDelta)).toEqual(figures(viewerFull));
    // The changes really are in the figures.
    expect(full.items.find((item) => item.id === '1.1')).toMatchObject({ result: 'met' });
    expect(full.items.find((item) => item.id === '2.2')).toMatchObject({ result: 'not_met' });
    expect(full.items.find((item) => item.id === '3.1')?.issueKey).toBeUndefined();
    expect(full.items.find((item) => item.id === '2.3')?.issueKey).toBeUndefined();
    expect(full.unclaimed?.map((claim) => claim.itemId)).toEqual(['1.1']);
    expect(viewerFull.hiddenItems).toBe(1);
  });

  it('a read with nothing changed is two searches (ids only; ids and `updated`) and no fetch, and still matches', async () => {
    // Nothing changed within the index-lag margin either: both clocks move on 20 minutes.
    jiraOffset += 20 * 60_000;
    const realNow = Date.now;
    Date.now = () => realNow() + 20 * 60_000;
    h.emulator.clearRequests();
    const quiet = await refresh().finally(() => (Date.now = realNow));
    const calls = h.appRequests().filter((call) => call.actor === 'app');
    expect(calls.map((call) => call.path)).toEqual(['/rest/api/3/search/jql', '/rest/api/3/search/jql']);
    expect(calls.map((call) => (call.body as { fields: string[] }).fields)).toEqual([['key'], ['key', 'updated']]);
    h.runtime.kvs.delete(rollupBaseKey('MSP', syncV1.id));
    expect(figures(quiet)).toEqual(figures(await refresh()));
    expect(quiet.counts).toMatchObject({ met: 2, na: 1, notMet: 1 });
  });
});

/**
 * The rollup's cold read (src/rollup/cold-read.ts: ids-only searches, one bit per issue, and the
 * item map) gives the same figures as the full read of every item with its fields, on the same
 * project after changes of every kind: status changes made in Jira, evidence and assessments
 * recorded by the app (an N/A with its justification), strict mode on, an issue hidden by issue
 * security, an issue moved to another project, an issue deleted, the assessment mirror property
 * rewritten outside the app, and an issue made outside the app that claims an item. And it costs
 * ≤ 8 Jira calls per getRollup (mypermissions and the caller's visibility search included) at 130
 * and 1,000 items (5,000: rollup-large.test.ts). Evidence of every kind on every item, old-format
 * values and the crosswalk: rollup-cold-evidence.test.ts.
 */
import type { Rollup } from '../../common/contract';
import { findBuiltinChecklist } from '../../src/checklists';
import { syncV1 } from '../fixtures/sync-v1-v2';
import { generatedChecklist } from './checklists';
import { changeOutsideTheApp, figures, importProject, onIssue, readWithout, searchesOf, type Project } from './cold-read';

beforeAll(() => {
  process.env.MSP_ROLLUP_REFRESH_MIN_AGE_MS = '0';
});
afterAll(() => {
  delete process.env.MSP_ROLLUP_REFRESH_MIN_AGE_MS;
  delete process.env.MSP_ROLLUP_COLD_MIN_ITEMS;
});

describe('rollup: cold read versus full read, changes of every kind', () => {
  let p: Project;
  beforeAll(async () => {
    p = await importProject(syncV1, true);
  });
  afterAll(async () => {
    await p.h.close();
  });

  it('gives the full read\'s figures for the app and for a viewer under issue security, strict mode on', async () => {
    const key = (itemId: string) => p.keys.get(itemId)!;
    const { h } = p;
    await h.transition(key('1.1'), 'Done');
    await h.transition(key('1.2'), 'Done');
    await h.transition(key('2.1'), 'In Progress');
    await onIssue(p, 'addEvidence', '1.1', { evidence: { kind: 'link', title: 'Runbook', url: 'https://intranet.example/runbook' } });
    await onIssue(p, 'setAssessment', '1.3', { result: 'na', complexity: null, justification: 'We run no customer workloads of this kind.' });
    await onIssue(p, 'setAssessment', '2.2', { result: 'not_met', complexity: null });
    await onIssue(p, 'setAssessment', '3.2', { result: 'met', complexity: 'low' });
    // Changed outside the app: the mirror property also says N/A on an unassessed item; neither read trusts it.
    expect((await h.outside('PUT', `/rest/api/3/issue/${key('2.1')}/properties/msp-audit-assessment`, { result: 'na' })).status).toBeLessThan(300);
    await h.runtime.invoke({ functionKey: 'setProjectSettings', payload: { strictMode: true }, context: { moduleKey: 'audit-page', accountId: 'admin', projectKey: 'MSP' } });
    await changeOutsideTheApp(h, key);

    const cold = await readWithout(p, '0');
    // The five bits of each member's class (status × assessment × evidence; ids only; the viewer's
    // visibility search is not the app's); N/A (1.3) with fields (1.1's pending evidence is a stand-in);
    // one bulk fetch for the issue the map does not know (the copy of 1.1).
    expect(searchesOf(cold.calls)).toEqual({ idsOnly: 5, withFields: 1, bulk: 1 });
    const coldViewer = await readWithout(p, '0', 'viewer');
    const full = await readWithout(p, 'Infinity');
    expect(searchesOf(full.calls)).toEqual({ idsOnly: 0, withFields: 1, bulk: 0 });
    const fullViewer = await readWithout(p, 'Infinity', 'viewer');

    expect(figures(cold.rollup)).toEqual(figures(full.rollup));
    expect(figures(coldViewer.rollup)).toEqual(figures(fullViewer.rollup));
    // The changes really are in the figures.
    const item = (id: string) => full.rollup.items.find((entry) => entry.id === id);
    expect(full.rollup.strictMode).toBe(true);
    expect(item('1.1')).toMatchObject({ result: 'not_met', reason: expect.stringMatching(/^Strict mode/) });
    expect(item('1.3')).toMatchObject({ result: 'na', justification: 'We run no customer workloads of this kind.' });
    expect(item('2.1')).toMatchObject({ result: 'not_assessed', inProgress: true });
    expect(item('2.2')).toMatchObject({ result: 'not_met' });
    expect(item('3.2')).toMatchObject({ result: 'not_met', reason: expect.stringMatching(/^Strict mode/) });
    expect(item('3.1')?.issueKey).toBeUndefined();
    expect(item('2.3')?.issueKey).toBeUndefined();
    expect(full.rollup.unclaimed?.map((claim) => claim.itemId)).toEqual(['1.1']);
    expect(full.rollup.risks.length).toBeGreaterThan(0);
    expect(fullViewer.rollup.hiddenItems).toBe(1);

    // Strict mode off: the same again, the figures move.
    await h.runtime.invoke({ functionKey: 'setProjectSettings', payload: { strictMode: false }, context: { moduleKey: 'audit-page', accountId: 'admin', projectKey: 'MSP' } });
    const coldLax = await readWithout(p, '0');
    const fullLax = await readWithout(p, 'Infinity');
    expect(figures(coldLax.rollup)).toEqual(figures(fullLax.rollup));
    expect(fullLax.rollup.items.find((entry) => entry.id === '1.1')).toMatchObject({ result: 'met' });
  });

  it('a delta read on top of a cold read still gives the full read\'s figures', async () => {
    await readWithout(p, '0');
    await p.h.transition(p.keys.get('2.1')!, 'Done');
    await p.h.runtime.idle();
    p.h.emulator.clearRequests();
    const delta = await p.h.invoke<Rollup>('getRollup', { checklistId: p.def.id, refresh: true });
    // A delta: membership and "changed since" (ids only: a cold read's states hold no `updated` to
    // compare with), and one fetch of what changed; no partition, no read with fields.
    expect(searchesOf(p.h.appRequests())).toEqual({ idsOnly: 2, withFields: 0, bulk: 1 });
    const full = await readWithout(p, 'Infinity');
    expect(figures(delta)).toEqual(figures(full.rollup));
  });
});

describe('rollup: the hourly full read after a cold read', () => {
  let p: Project;
  beforeAll(async () => {
    p = await importProject(syncV1, true);
  });
  afterAll(async () => {
    await p.h.close();
  });

  it('while the cache lives, the read once the last full (or first cold) read is an hour old is full; after the cache expired, cold', async () => {
    await readWithout(p, '0');
    const realNow = Date.now;
    const at = (minutes: number) => (Date.now = () => realNow() + minutes * 60_000);
    const refresh = async () => {
      p.h.emulator.clearRequests();
      const rollup = await p.h.invoke<Rollup>('getRollup', { checklistId: p.def.id, refresh: true });
      expect(rollup.from).toBe('jira');
      return searchesOf(p.h.appRequests());
    };
    try {
      at(40);
      expect(await refresh()).toMatchObject({ idsOnly: 2, withFields: 0 }); // a delta, which rewrites the cache
      at(61);
      // The backstop for an identity property rewritten outside the app, which only a full read sees.
      expect(await refresh()).toEqual({ idsOnly: 0, withFields: 1, bulk: 0 });
      at(61 + 125);
      expect(await refresh()).toEqual({ idsOnly: 5, withFields: 1, bulk: 0 }); // the cache expired an hour after its write: a first read again
    } finally {
      Date.now = realNow;
    }
  });
});

describe.each([
  ['130 items (AWS MSP 4.x, built in)', () => findBuiltinChecklist('aws-msp-4.x')!, false],
  ['1,000 items (custom)', () => generatedChecklist({ id: 'cold-1000', items: 1000, chapters: 10 }), true],
] as const)('rollup: the first read of %s', (_name, make, custom) => {
  let p: Project;
  beforeAll(async () => {
    p = await importProject(make(), custom);
    const ids = [...p.keys.keys()];
    await p.h.transition(p.keys.get(ids[0]!)!, 'Done');
    await p.h.transition(p.keys.get(ids[1]!)!, 'In Progress');
    await onIssue(p, 'setAssessment', ids[2]!, { result: 'met', complexity: null });
    await onIssue(p, 'setAssessment', ids[3]!, { result: 'not_met', complexity: null });
    await onIssue(p, 'addEvidence', ids[0]!, { evidence: { kind: 'link', title: 'Runbook', url: 'https://intranet.example/runbook' } });
    await p.h.runtime.idle();
  }, 180_000);
  afterAll(async () => {
    await p.h.close();
  });

  it('costs ≤ 8 Jira calls, cold or full, with the full read\'s figures', async () => {
    const first = await readWithout(p, undefined);
    expect(first.calls.length).toBeLessThanOrEqual(8);
    const cold = await readWithout(p, '0');
    expect(cold.calls.length).toBeLessThanOrEqual(8);
    expect(searchesOf(cold.calls)).toEqual({ idsOnly: 5, withFields: 1, bulk: 0 });
    const full = await readWithout(p, 'Infinity');
    expect(full.calls.length).toBe(Math.ceil(p.def.items.length / 100) + 2);
    expect(figures(cold.rollup)).toEqual(figures(full.rollup));
    expect(figures(first.rollup)).toEqual(figures(full.rollup));
    expect(full.rollup.counts).toMatchObject({ met: 2, notMet: 1 });
  });
});

describe('rollup: a cold read where more than a page of items hold evidence', () => {
  let p: Project;
  beforeAll(async () => {
    p = await importProject(generatedChecklist({ id: 'cold-evidence', items: 250, chapters: 5 }), true);
    const ids = [...p.keys.keys()].slice(0, 130);
    for (const itemId of ids) await onIssue(p, 'addEvidence', itemId, { evidence: { kind: 'link', title: `Proof of ${itemId}`, url: 'https://intranet.example/proof' } });
    for (const itemId of ids.slice(0, 40)) await p.h.transition(p.keys.get(itemId)!, 'Done');
    // Met without evidence: risks the full read raises from the missing field value.
    for (const itemId of [...p.keys.keys()].slice(200, 210)) await p.h.transition(p.keys.get(itemId)!, 'Done');
    await p.h.runtime.invoke({ functionKey: 'setProjectSettings', payload: { strictMode: true }, context: { moduleKey: 'audit-page', accountId: 'admin', projectKey: 'MSP' } });
    await p.h.runtime.idle();
  }, 180_000);
  afterAll(async () => {
    await p.h.close();
  });

  it('reads none of them with their fields (their in-force summary says it all) and gives the full read\'s figures and risks', async () => {
    const cold = await readWithout(p, '0');
    // 5 ids-only searches; the search with fields finds none to read (pending evidence without an expiry).
    expect(searchesOf(cold.calls)).toEqual({ idsOnly: 5, withFields: 1, bulk: 0 });
    const full = await readWithout(p, 'Infinity');
    expect(figures(cold.rollup)).toEqual(figures(full.rollup));
    expect(full.rollup.risks.filter((risk) => risk.kind === 'met-without-evidence')).toHaveLength(10);
    // Strict mode: done with evidence only pending, or with none, is not met.
    expect(full.rollup.items.filter((item) => item.reason.startsWith('Strict mode'))).toHaveLength(50);
  });
});

/**
 * The Audit page's Done gate section through the local runtime (issue 23): the app cannot read the
 * workflow with its scopes, so a project admin confirms once whether the validator is on (who and
 * when kept, a decision in the trail; a viewer is refused and nothing is written; a stale page gets
 * a conflict); and the items that reached Done before the gate and lack what it asks for are listed
 * with the gate's own rule, from the rollup's data.
 */
import type { ItemPanel, TrailPage } from '../../common/contract';
import type { GateStatus } from '../../common/gate-status';
import { syncV1 } from '../fixtures/sync-v1-v2';
import { registerChecklist } from './checklists';
import { startHarness, type Harness, type OutsideIssue } from './harness';

const DONE = '31';
const itemIdOf = (issue: OutsideIssue): string | undefined => {
  const identity = issue.properties['msp-audit-item'] as { kind?: string; itemId?: string } | undefined;
  return identity?.kind === 'item' ? identity.itemId : undefined;
};
const link = { kind: 'link', title: 'Scan report', url: 'https://intranet.example/scan' };

describe('Done gate status on the Audit page', () => {
  let h: Harness;
  let keys: Map<string, string>;
  const key = (itemId: string): string => keys.get(itemId)!;
  const onIssue = <T>(functionKey: string, itemId: string, payload: unknown = {}, accountId = 'admin'): Promise<T> =>
    h.runtime.invoke({ functionKey, payload, context: { moduleKey: 'audit-item-panel', accountId, issueKey: key(itemId) } }) as Promise<T>;
  const moveToDone = (itemId: string) => h.outside('POST', `/rest/api/3/issue/${key(itemId)}/transitions`, { transition: { id: DONE } });
  const status = (accountId = 'admin') => h.invoke<GateStatus>('getGateStatus', {}, { accountId });
  const confirm = (payload: Record<string, unknown>, accountId = 'admin') => h.invoke<GateStatus>('setGateConfirmation', payload, { accountId });
  const gateDecisions = async () => (await h.invoke<TrailPage>('getTrail', {})).entries.filter((entry) => entry.action === 'gate.confirm');

  beforeEach(async () => {
    h = startHarness();
    await registerChecklist(syncV1);
    await h.importChecklist(syncV1.id);
    keys = new Map((await h.issues()).flatMap((issue) => (itemIdOf(issue) ? [[itemIdOf(issue)!, issue.key]] : [])));
    // Before the gate: a mandatory item with no evidence, one with evidence another person
    // accepted, and an optional item with none all reach Done.
    const added = await onIssue<ItemPanel>('addEvidence', '2.1', { evidence: link }, 'lead');
    await onIssue('reviewEvidence', '2.1', { id: added.evidence.entries[0]!.id, state: 'accepted' }, 'admin');
    for (const itemId of ['1.1', '2.1', '1.2']) expect((await moveToDone(itemId)).status).toBe(204);
    await h.runtime.idle();
  });
  afterEach(() => h.close());

  it('lists mandatory items in Done without accepted evidence, with what is missing; nothing is confirmed yet', async () => {
    const got = await status();
    expect(got).toMatchObject({ checklistId: syncV1.id, source: 'confirmation', confirmation: null, config: { scope: 'mandatory', naCounts: true }, canConfirm: true, hiddenItems: 0 });
    expect(got.doneWithoutEvidence).toEqual([
      { itemId: '1.1', title: 'Service catalogue', issueKey: key('1.1'), mandatory: true, statusName: 'Done', missing: 'it has no evidence. It needs accepted evidence in force, a justified N/A or a waiver.' },
    ]);
    // Served again from the rollup's cache: 2.1 (accepted by someone other than its author) still
    // passes under four eyes, and no search of the items is made.
    h.emulator.clearRequests();
    expect((await status()).doneWithoutEvidence.map((item) => item.itemId)).toEqual(['1.1']);
    expect(h.appRequests().filter((r) => r.path === '/rest/api/3/search/jql')).toHaveLength(1);
  });

  it('a viewer reads the status but cannot confirm: refused with the permission named, nothing written, no trail entry', async () => {
    await expect(status('outsider')).rejects.toThrow('You need the Browse projects permission in project MSP to see whether the Done gate is on.');
    await expect(status('viewer')).resolves.toMatchObject({ confirmation: null, canConfirm: false });
    await expect(confirm({ on: true, revision: 0 }, 'viewer')).rejects.toThrow('You need the Administer projects permission in project MSP to confirm whether the Done gate is on for its workflow.');
    expect((await status()).confirmation).toBeNull();
    expect(await gateDecisions()).toEqual([]);
  });

  it('a project admin confirms with the options: who and when kept, the list follows the options, the trail has the decision', async () => {
    const got = await confirm({ on: true, scope: 'all', naCounts: true, revision: 0 });
    expect(got.confirmation).toMatchObject({ on: true, config: { scope: 'all', naCounts: true }, confirmedBy: 'admin', revision: 1 });
    expect(Date.parse(got.confirmation!.confirmedAt)).toBeGreaterThan(Date.now() - 60_000);
    // Under "every item" the optional item in Done without evidence is listed too.
    expect(got.doneWithoutEvidence.map((item) => item.itemId)).toEqual(['1.1', '1.2']);
    expect((await status('viewer')).confirmation).toMatchObject({ on: true, confirmedBy: 'admin' });
    const decisions = await gateDecisions();
    expect(decisions).toHaveLength(1);
    expect(decisions[0]).toMatchObject({ actor: 'admin', before: null, after: { on: true, scope: 'all', naCounts: true } });
    // The same statement again changes nothing and records nothing.
    await confirm({ on: true, scope: 'all', naCounts: true, revision: 1 });
    expect(await gateDecisions()).toHaveLength(1);
  });

  it('a save from a stale page is refused and keeps the colleague\'s confirmation', async () => {
    await confirm({ on: true, revision: 0 });
    await expect(confirm({ on: false, revision: 0 })).rejects.toThrow(/Someone else changed the Done gate confirmation of project MSP/);
    expect((await status()).confirmation).toMatchObject({ on: true, revision: 1 });
    await expect(confirm({ on: false, revision: 1 })).resolves.toMatchObject({ confirmation: { on: false, revision: 2 } });
  });

  it('an item accepted by its own author (while four eyes was off) is listed once four eyes is on, from the rollup\'s cached data', async () => {
    const fourEyes = (on: boolean) => h.invoke('setProjectSettings', { fourEyes: on });
    await fourEyes(false);
    const added = await onIssue<ItemPanel>('addEvidence', '1.1', { evidence: link }, 'admin');
    await onIssue('reviewEvidence', '1.1', { id: added.evidence.entries[0]!.id, state: 'accepted' }, 'admin');
    await h.runtime.idle();
    await h.invoke('getRollup', { refresh: true });
    expect((await status()).doneWithoutEvidence).toEqual([]);
    await fourEyes(true);
    const selfAccepted = { itemId: '1.1', missing: expect.stringContaining('accepted only by who added it (four eyes') };
    expect((await status()).doneWithoutEvidence).toEqual([expect.objectContaining(selfAccepted)]);
    // Again from the rollup's cache (its evidence digest keeps whether the reviewer was someone
    // else): no search of the items, only the caller's visibility.
    h.emulator.clearRequests();
    expect((await status()).doneWithoutEvidence).toEqual([expect.objectContaining(selfAccepted)]);
    expect(h.appRequests().filter((r) => r.path === '/rest/api/3/search/jql')).toHaveLength(1);
  });
});

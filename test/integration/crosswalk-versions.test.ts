/**
 * A crosswalk names checklist versions; a project's version update (issue 18.2, "versioned with the
 * checklists it names") through the real app, the local Forge runtime and the Jira emulator: the
 * crosswalk keeps naming version 1.0, the project moves to 2.0, a renamed item (3.1 → 3.4) still
 * carries its evidence to the UCS item it covers, and a mapping to the removed item (2.3) is
 * flagged as retired instead of pointing at nothing; the item panel follows the same versions as the
 * rollup (the renamed item's panel lists its mappings, the retired one is flagged, linking offers
 * only the versions the project works now).
 */
import type { ItemPanel, Rollup, SyncResult } from '../../common/contract';
import { readCrosswalkText, type ItemCrosswalk } from '../../common/crosswalk';
import { syncV1, syncV2 } from '../fixtures/sync-v1-v2';
import { registerChecklist } from './checklists';
import { startHarness, type Harness } from './harness';

const UCS = 'mspalliance-ucs-23';
const CROSSWALK = `from checklist,from item,to checklist,to item,coverage
${syncV1.id},3.1,${UCS},03.01,full
${syncV1.id},2.3,${UCS},02.01,full
${UCS},01.01,${syncV1.id},3.1,partial
`;

describe('a crosswalk across a version update', () => {
  let h: Harness;
  const keyOf = async (checklistId: string, itemId: string) =>
    (await h.issues()).find((issue) => {
      const identity = issue.properties['msp-audit-item'] as { kind?: string; checklistId?: string; itemId?: string; state?: string } | undefined;
      return identity?.kind === 'item' && identity.checklistId === checklistId && identity.itemId === itemId && identity.state === 'active';
    })?.key;
  const onIssue = <T>(functionKey: string, issueKey: string, payload: unknown, accountId = 'admin') =>
    h.runtime.invoke({ functionKey, payload, context: { moduleKey: 'audit-item-panel', accountId, issueKey } }) as Promise<T>;
  const ucsRollup = () => h.invoke<Rollup>('getRollup', { checklistId: UCS, refresh: true });

  beforeEach(async () => {
    process.env.MSP_ROLLUP_REFRESH_MIN_AGE_MS = '0';
    h = startHarness();
    await registerChecklist(syncV1);
    await registerChecklist(syncV2);
    await h.importChecklist(syncV1.id);
    await h.importChecklist(UCS);
    await h.invoke('saveCrosswalk', { rows: readCrosswalkText(CROSSWALK, 'map.csv'), fileName: 'map.csv' });
  });
  afterEach(async () => {
    delete process.env.MSP_ROLLUP_REFRESH_MIN_AGE_MS;
    await h.close();
  });

  it('follows the renamed item with its evidence and flags the mapping to the removed one', async () => {
    const renamed = (await keyOf(syncV1.id, '3.1'))!;
    const added = await onIssue<ItemPanel>('addEvidence', renamed, { evidence: { kind: 'document', title: 'Firewall review', note: 'GRC tool' } });
    await onIssue('reviewEvidence', renamed, { id: added.evidence.entries[0]!.id, state: 'accepted' }, 'lead');
    const before = await ucsRollup();
    expect(before.crosswalk).toMatchObject({ covered: [{ itemId: '03.01', by: [{ checklistId: syncV1.id, itemId: '3.1', issueKey: renamed }] }], mapped: 2, retired: 0 });

    expect(await h.invoke<SyncResult>('applySync', { checklistId: syncV2.id })).toMatchObject({ complete: true });
    expect(await keyOf(syncV2.id, '3.4')).toBe(renamed);

    const after = await ucsRollup();
    expect(after.crosswalk).toMatchObject({
      covered: [{ itemId: '03.01', by: [{ checklistId: syncV2.id, checklistName: syncV2.name, itemId: '3.4', issueKey: renamed, titles: ['Firewall review'] }] }],
      mapped: 1,
      retired: 1,
    });
  });

  it('lists the renamed item’s mappings on its panel after the update and flags the retired one, as the rollup does', async () => {
    const renamed = (await keyOf(syncV1.id, '3.1'))!;
    const added = await onIssue<ItemPanel>('addEvidence', renamed, { evidence: { kind: 'document', title: 'Firewall review', note: 'GRC tool' } });
    await onIssue('reviewEvidence', renamed, { id: added.evidence.entries[0]!.id, state: 'accepted' }, 'lead');
    const ucs = async (itemId: string) => (await keyOf(UCS, itemId))!;
    const panel = (issueKey: string) => onIssue<ItemCrosswalk>('getItemCrosswalk', issueKey, {});
    const summary = (view: ItemCrosswalk) =>
      view.mappings.map((m) => [m.direction, m.coverage, m.checklistId, m.itemId, m.state, m.renamedFrom ?? '-', m.issueKey ?? '-', m.evidence?.titles.join('+') ?? '-', m.earlierVersion ? 'earlier' : 'as-named'].join(' '));
    const linkable = (view: ItemCrosswalk) => (view.linkable ?? []).map((checklist) => checklist.checklistId);

    expect(await h.invoke<SyncResult>('applySync', { checklistId: syncV2.id })).toMatchObject({ complete: true });

    const own = await panel(renamed);
    expect({ checklistId: own.checklistId, itemId: own.itemId }).toEqual({ checklistId: syncV2.id, itemId: '3.4' });
    // Both name 3.1 of version 1.0: listed under 3.4, changed by an upload (no Remove that would find nothing).
    expect(summary(own)).toEqual([`covers full ${UCS} 03.01 held - ${await ucs('03.01')} - earlier`, `covered-by partial ${UCS} 01.01 held - ${await ucs('01.01')} - earlier`]);
    expect(linkable(own)).toEqual([UCS]);

    const covered = await panel(await ucs('03.01'));
    expect(summary(covered)).toEqual([`covered-by full ${syncV2.id} 3.4 held 3.1 ${renamed} Firewall review earlier`]);
    expect(linkable(covered)).toEqual([syncV2.id]);

    // The crosswalk still names 2.3 of version 1.0, which 2.0 removed: flagged, with no issue to open.
    expect(summary(await panel(await ucs('02.01')))).toEqual([`covered-by full ${syncV1.id} 2.3 retired - - - as-named`]);
    expect((await ucsRollup()).crosswalk).toMatchObject({ retired: 1 });
  });

  it('shows the change at once on a cached read when the source evidence changes (no refresh asked)', async () => {
    const source = (await keyOf(syncV1.id, '3.1'))!;
    const cachedRead = () => h.invoke<Rollup>('getRollup', { checklistId: UCS });
    expect((await cachedRead()).crosswalk?.covered).toEqual([]);
    expect((await cachedRead()).from).toBe('cache');
    const added = await onIssue<ItemPanel>('addEvidence', source, { evidence: { kind: 'document', title: 'Firewall review', note: 'GRC tool' } });
    await onIssue('reviewEvidence', source, { id: added.evidence.entries[0]!.id, state: 'accepted' }, 'lead');
    expect((await cachedRead()).crosswalk?.covered.map((entry) => entry.itemId)).toEqual(['03.01']);
    await onIssue('removeEvidence', source, { id: added.evidence.entries[0]!.id });
    expect((await cachedRead()).crosswalk?.covered).toEqual([]);
  });
});

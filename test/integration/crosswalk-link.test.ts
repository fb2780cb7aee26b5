/**
 * Linking by hand from the item panel (issue 18.2), through the real app, the local Forge runtime
 * and the Jira emulator: one mapping between the item on the issue and an item of another checklist
 * the project holds, with Edit issues on both issues (asked as the user), refused with what to fix
 * and nothing saved for a mapping to itself, an unknown checklist or item, a version of a checklist
 * the project no longer works (only the current one, as the panel offers), a cycle of partial mappings; two people linking at once both keep theirs; the rollup and the other item's panel see
 * it at once; the trail records it.
 */
import type { ItemPanel, Rollup, SyncResult, TrailPage } from '../../common/contract';
import type { ItemCrosswalk, LinkItemPayload } from '../../common/crosswalk';
import { syncV1, syncV2 } from '../fixtures/sync-v1-v2';
import { registerChecklist } from './checklists';
import { itemIssueKeys, startHarness, type Harness, type OutsideIssue } from './harness';

const ETHICS = 'mspalliance-code-of-ethics';
const UCS = 'mspalliance-ucs-23';
const identityOf = (issue: OutsideIssue) => issue.properties['msp-audit-item'] as { kind?: string; checklistId?: string; itemId?: string } | undefined;

describe('linking checklist items by hand', () => {
  let h: Harness;
  let keys: Map<string, string>;
  const key = (checklistId: string, itemId: string) => keys.get(`${checklistId} ${itemId}`)!;
  const onIssue = <T>(functionKey: string, issueKey: string, payload: unknown, accountId = 'admin'): Promise<T> =>
    h.runtime.invoke({ functionKey, payload, context: { moduleKey: 'audit-item-panel', accountId, issueKey } }) as Promise<T>;
  const link = (issueKey: string, payload: LinkItemPayload, accountId = 'admin') => onIssue<ItemCrosswalk>('linkItemCrosswalk', issueKey, payload, accountId);
  const stored = () => h.runtime.kvs.keys().filter((k) => k.startsWith('crosswalk')).sort();
  const summary = (view: ItemCrosswalk) => view.mappings.map((m) => `${m.direction} ${m.coverage} ${m.checklistId} ${m.itemId}${m.issueKey ? ` ${m.issueKey}` : ''}`);

  beforeEach(async () => {
    process.env.MSP_ROLLUP_REFRESH_MIN_AGE_MS = '0';
    h = startHarness();
    await h.importChecklist(ETHICS);
    await h.importChecklist(UCS);
    keys = await itemIssueKeys(h);
  });
  afterEach(async () => {
    delete process.env.MSP_ROLLUP_REFRESH_MIN_AGE_MS;
    await h.close();
  });

  it('links, lists the mapping on both items with the other issue, shows the evidence on the covered item and in its rollup, and records it', async () => {
    const view = await link(key(ETHICS, '4.1'), { checklistId: UCS, itemId: '03.01', direction: 'covers', coverage: 'full', note: 'NDA policy' });
    expect(summary(view)).toEqual([`covers full ${UCS} 03.01 ${key(UCS, '03.01')}`]);
    expect(view.canEdit).toBe(true);
    expect(view.linkable?.map((c) => c.checklistId)).toEqual([UCS]);

    const added = await onIssue<ItemPanel>('addEvidence', key(ETHICS, '4.1'), { evidence: { kind: 'document', title: 'NDA policy v3', note: 'wiki' } });
    await onIssue('reviewEvidence', key(ETHICS, '4.1'), { id: added.evidence.entries[0]!.id, state: 'accepted' }, 'lead');
    const covered = await onIssue<ItemCrosswalk>('getItemCrosswalk', key(UCS, '03.01'), {});
    expect(covered.mappings).toEqual([
      expect.objectContaining({ direction: 'covered-by', coverage: 'full', checklistId: ETHICS, itemId: '4.1', issueKey: key(ETHICS, '4.1'), note: 'NDA policy', evidence: { titles: ['NDA policy v3'] } }),
    ]);
    const rollup = await h.invoke<Rollup>('getRollup', { checklistId: UCS, refresh: true });
    expect(rollup.crosswalk?.covered).toEqual([{ itemId: '03.01', by: [expect.objectContaining({ checklistId: ETHICS, itemId: '4.1', issueKey: key(ETHICS, '4.1') })] }]);

    // The same link again (a retry after a lost answer) writes nothing and records nothing more.
    const revision = stored();
    await link(key(ETHICS, '4.1'), { checklistId: UCS, itemId: '03.01', direction: 'covers', coverage: 'full', note: 'NDA policy' });
    expect(stored()).toEqual(revision);

    const removed = await link(key(UCS, '03.01'), { checklistId: ETHICS, itemId: '4.1', direction: 'covered-by', coverage: 'full', remove: true });
    expect(removed.mappings).toEqual([]);
    expect((await h.invoke<Rollup>('getRollup', { checklistId: UCS, refresh: true })).crosswalk).toBeUndefined();

    const trail = await h.invoke<TrailPage>('getTrail', {});
    const entries = trail.entries.filter((entry) => entry.action.startsWith('crosswalk.'));
    expect(entries.map((entry) => [entry.action, entry.issueKey, entry.before, entry.after])).toEqual([
      ['crosswalk.unlink', key(UCS, '03.01'), { from: `${ETHICS} 4.1`, to: `${UCS} 03.01`, coverage: 'full', note: 'NDA policy' }, null],
      ['crosswalk.link', key(ETHICS, '4.1'), null, { from: `${ETHICS} 4.1`, to: `${UCS} 03.01`, coverage: 'full', note: 'NDA policy' }],
    ]);
  });

  it('shows someone who cannot see the other issue the mapping, but neither its key nor its evidence', async () => {
    await link(key(ETHICS, '4.1'), { checklistId: UCS, itemId: '03.01', direction: 'covers', coverage: 'full' });
    const added = await onIssue<ItemPanel>('addEvidence', key(ETHICS, '4.1'), { evidence: { kind: 'document', title: 'Restricted NDA list', note: 'HR' } });
    await onIssue('reviewEvidence', key(ETHICS, '4.1'), { id: added.evidence.entries[0]!.id, state: 'accepted' }, 'lead');
    expect((await onIssue<ItemCrosswalk>('getItemCrosswalk', key(UCS, '03.01'), {}, 'lead')).mappings[0]).toMatchObject({ issueKey: key(ETHICS, '4.1'), evidence: { titles: ['Restricted NDA list'] } });
    h.emulator.setIssueSecurity(key(ETHICS, '4.1'), ['lead']);
    const hidden = await onIssue<ItemCrosswalk>('getItemCrosswalk', key(UCS, '03.01'), {}, 'lead');
    expect(summary(hidden)).toEqual([`covered-by full ${ETHICS} 4.1`]);
    expect(JSON.stringify(hidden)).not.toMatch(new RegExp(`Restricted NDA list|"${key(ETHICS, '4.1')}"`));
  });

  it('needs Edit issues on both issues, asked as the user, and saves nothing otherwise', async () => {
    const payload: LinkItemPayload = { checklistId: UCS, itemId: '03.01', direction: 'covers', coverage: 'full' };
    await expect(link(key(ETHICS, '4.1'), payload, 'viewer')).rejects.toThrow(/You need the Edit issues permission on .* to link its item/);
    // lead may edit this issue but cannot see (so cannot edit) the other one.
    h.emulator.setIssueSecurity(key(UCS, '03.01'), ['lead']);
    await expect(link(key(ETHICS, '4.1'), payload, 'lead')).rejects.toThrow(
      /You need the Edit issues permission on the issue of MSPAlliance Unified Certification Standard \(UCS\) 03\.01 to link it/,
    );
    // ... and not the key of the issue hidden from them.
    await expect(link(key(ETHICS, '4.1'), payload, 'lead')).rejects.not.toThrow(new RegExp(key(UCS, '03.01')));
    h.emulator.setIssueSecurity(key(UCS, '03.01'), []);
    // Edit issues taken away in the project: neither issue may be edited.
    h.emulator.setProjectPermissions('lead', 'MSP', ['BROWSE_PROJECTS']);
    await expect(link(key(ETHICS, '4.1'), payload, 'lead')).rejects.toThrow(/Edit issues permission on/);
    expect(stored()).toEqual([]);
  });

  it('refuses a mapping to itself, an unknown checklist or item, and a cycle of partial mappings, saying what to fix and saving nothing', async () => {
    const from = key(ETHICS, '6.1');
    await expect(link(from, { checklistId: ETHICS, itemId: '6.1', direction: 'covers', coverage: 'full' })).rejects.toThrow(/same checklist .* a mapping links an item to an item of another checklist/);
    await expect(link(from, { checklistId: 'aws-msp-7.1', itemId: 'SEC-002', direction: 'covers', coverage: 'full' })).rejects.toThrow(
      /Project MSP holds no checklist "aws-msp-7\.1"; link to an item of mspalliance-ucs-23/,
    );
    await expect(link(from, { checklistId: UCS, itemId: '03.1', direction: 'covers', coverage: 'full' })).rejects.toThrow(/Nothing was linked: mspalliance-ucs-23 has no item "03\.1"; did you mean "03\.01"\?/);
    expect(stored()).toEqual([]);

    await link(from, { checklistId: UCS, itemId: '02.01', direction: 'covers', coverage: 'partial' });
    const before = stored();
    await expect(link(key(UCS, '02.01'), { checklistId: ETHICS, itemId: '6.1', direction: 'covers', coverage: 'partial' })).rejects.toThrow(
      /Nothing was linked: partial mappings go round in a cycle \(mspalliance-code-of-ethics 6\.1 → mspalliance-ucs-23 02\.01\)/,
    );
    expect(stored()).toEqual(before);
    // Made full, the way back is no cycle.
    const view = await link(key(UCS, '02.01'), { checklistId: ETHICS, itemId: '6.1', direction: 'covers', coverage: 'full' });
    expect(summary(view)).toEqual([`covered-by partial ${ETHICS} 6.1 ${from}`, `covers full ${ETHICS} 6.1 ${from}`]);
  });

  it('links only to the version of a checklist the project works now, as the panel offers, refusing an older one and saving nothing', async () => {
    await registerChecklist(syncV1);
    await registerChecklist(syncV2);
    await h.importChecklist(syncV1.id);
    expect(await h.invoke<SyncResult>('applySync', { checklistId: syncV2.id })).toMatchObject({ complete: true });
    const from = key(UCS, '02.01');
    const offered = await onIssue<ItemCrosswalk>('getItemCrosswalk', from, {});
    // The panel's read marks the missing crosswalk absent (storage/kvs.ts); nothing may join it.
    const before = stored().map((k) => [k, h.runtime.kvs.get(k)]);
    expect(offered.linkable?.map((c) => c.checklistId)).toEqual(expect.arrayContaining([ETHICS, syncV2.id]));
    expect(offered.linkable?.map((c) => c.checklistId)).not.toContain(syncV1.id);

    // 1.1 is in both versions: the old version is refused all the same, naming the current one.
    for (const itemId of ['1.1', '3.1']) {
      for (const remove of [false, true]) {
        await expect(link(from, { checklistId: syncV1.id, itemId, direction: 'covers', coverage: 'full', remove })).rejects.toThrow(
          `${syncV1.name} ${syncV1.version} is not the version project MSP works now: it works ${syncV2.name} ${syncV2.version} (${syncV2.id}); link to an item of ${syncV2.id}. Nothing was linked.`,
        );
      }
    }
    expect(stored().map((k) => [k, h.runtime.kvs.get(k)])).toEqual(before);
    const trail = await h.invoke<TrailPage>('getTrail', {});
    expect(trail.entries.filter((entry) => entry.action.startsWith('crosswalk.'))).toEqual([]);

    // From an item of version 2.0, version 1.0 is its own framework: no mapping to itself either.
    const current = (await h.issues()).find((issue) => identityOf(issue)?.checklistId === syncV2.id && identityOf(issue)?.itemId === '1.1')!.key;
    await expect(link(current, { checklistId: syncV1.id, itemId: '1.2', direction: 'covers', coverage: 'full' })).rejects.toThrow(
      `${syncV1.name} ${syncV1.version} is another version of this item's own checklist (${syncV2.name} ${syncV2.version}); link to an item of another checklist. Nothing was linked.`,
    );
    expect(stored().map((k) => [k, h.runtime.kvs.get(k)])).toEqual(before);

    const view = await link(from, { checklistId: syncV2.id, itemId: '1.1', direction: 'covers', coverage: 'full' });
    expect(summary(view)).toEqual([`covers full ${syncV2.id} 1.1 ${current}`]);
  });

  it('keeps both mappings when two people link at the same moment, and keeps an uploaded crosswalk’s rows', async () => {
    await h.invoke('saveCrosswalk', { rows: [{ fromChecklist: ETHICS, fromItem: '1.1', toChecklist: UCS, toItem: '01.01', coverage: 'partial' }], fileName: 'map.csv' });
    await Promise.all([
      link(key(ETHICS, '4.1'), { checklistId: UCS, itemId: '03.01', direction: 'covers', coverage: 'full' }),
      link(key(UCS, '06.01'), { checklistId: ETHICS, itemId: '6.1', direction: 'covered-by', coverage: 'partial' }, 'lead'),
    ]);
    const preview = await h.invoke<{ current: { rowCount: number; fileName: string } }>('previewCrosswalk', { rows: [{}] });
    expect(preview.current).toMatchObject({ rowCount: 3, fileName: 'map.csv' });
    expect(summary(await onIssue<ItemCrosswalk>('getItemCrosswalk', key(ETHICS, '6.1'), {}))).toEqual([`covers partial ${UCS} 06.01 ${key(UCS, '06.01')}`]);
    expect(summary(await onIssue<ItemCrosswalk>('getItemCrosswalk', key(UCS, '03.01'), {}))).toEqual([`covered-by full ${ETHICS} 4.1 ${key(ETHICS, '4.1')}`]);
    // One revision's rows are left once the sweep is done.
    expect(stored().filter((k) => k.startsWith('crosswalk-rows:'))).toHaveLength(1);
  });
});

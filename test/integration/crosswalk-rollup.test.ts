/**
 * The crosswalk at work in one project holding two checklists (issue 18.3), through the real app,
 * the local Forge runtime and the Jira emulator: accepted evidence on a Code of Ethics item shows on
 * the UCS item it fully covers ("evidence from …" with the issue), a partial mapping never does,
 * strict mode counts it only when the project says so, and removing the source evidence un-covers
 * the item.
 */
import type { ItemPanel, Rollup } from '../../common/contract';
import { readCrosswalkText, type CrosswalkSettings, type ItemCrosswalk } from '../../common/crosswalk';
import { itemIssueKeys, startHarness, type Harness } from './harness';

const ETHICS = 'mspalliance-code-of-ethics';
const UCS = 'mspalliance-ucs-23';

const CROSSWALK = `from checklist,from item,to checklist,to item,coverage
${ETHICS},4.1,${UCS},03.01,full
${ETHICS},6.1,${UCS},02.01,partial
`;


describe('evidence from another checklist', () => {
  let h: Harness;
  let keys: Map<string, string>;
  const key = (checklistId: string, itemId: string) => keys.get(`${checklistId} ${itemId}`)!;
  const onIssue = <T>(functionKey: string, issueKey: string, payload: unknown, accountId = 'admin'): Promise<T> =>
    h.runtime.invoke({ functionKey, payload, context: { moduleKey: 'audit-item-panel', accountId, issueKey } }) as Promise<T>;
  const ucsRollup = () => h.invoke<Rollup>('getRollup', { checklistId: UCS, refresh: true });
  const ucsItem = (rollup: Rollup, itemId: string) => rollup.items.find((item) => item.id === itemId)!;

  async function acceptEvidence(issueKey: string, title: string): Promise<string> {
    const added = await onIssue<ItemPanel>('addEvidence', issueKey, { evidence: { kind: 'document', title, note: 'Policy wiki' } });
    const id = added.evidence.entries.find((entry) => entry.title === title)!.id;
    await onIssue('reviewEvidence', issueKey, { id, state: 'accepted' }, 'lead');
    return id;
  }

  beforeEach(async () => {
    process.env.MSP_ROLLUP_REFRESH_MIN_AGE_MS = '0';
    h = startHarness();
    await h.importChecklist(ETHICS);
    await h.importChecklist(UCS);
    keys = await itemIssueKeys(h);
    await h.invoke('saveCrosswalk', { rows: readCrosswalkText(CROSSWALK, 'map.csv'), fileName: 'map.csv' });
  });
  afterEach(async () => {
    delete process.env.MSP_ROLLUP_REFRESH_MIN_AGE_MS;
    await h.close();
  });

  it('shows accepted evidence on the source on the item it fully covers, with a link, and never through a partial mapping', async () => {
    const before = await ucsRollup();
    expect(before.crosswalk).toEqual({ covered: [], mapped: 1, wouldClose: [], countsInStrictMode: false, retired: 0 });

    await acceptEvidence(key(ETHICS, '4.1'), 'NDA policy');
    await acceptEvidence(key(ETHICS, '6.1'), 'Training records 2026');
    const after = await ucsRollup();
    expect(after.crosswalk?.covered).toEqual([
      { itemId: '03.01', by: [{ checklistId: ETHICS, checklistName: 'MSPAlliance Code of Ethics & Conduct', itemId: '4.1', issueKey: key(ETHICS, '4.1'), titles: ['NDA policy'] }] },
    ]);
    // 03.01 is mandatory and open in UCS: the Code of Ethics work would close it.
    expect(after.crosswalk?.wouldClose).toEqual(['03.01']);
    // Without strict mode nothing about the score changes.
    expect([after.score, ucsItem(after, '03.01').result]).toEqual([before.score, 'not_assessed']);
  });

  it('counts the covered item in strict mode only when the project says so', async () => {
    await acceptEvidence(key(ETHICS, '4.1'), 'NDA policy');
    await h.transition(key(UCS, '03.01'), 'Done');
    await h.runtime.invoke({ functionKey: 'setProjectSettings', payload: { strictMode: true }, context: { moduleKey: 'audit-page', accountId: 'admin', projectKey: 'MSP' } });

    const strictOnly = await ucsRollup();
    expect(ucsItem(strictOnly, '03.01').result).toBe('not_met');
    expect(strictOnly.risks.filter((risk) => risk.itemId === '03.01').map((risk) => risk.kind)).toEqual(['met-without-evidence']);

    await expect(h.invoke('setCrosswalkSettings', { countsInStrictMode: true }, { accountId: 'viewer' })).rejects.toThrow(/Administer Projects permission in project MSP/);
    expect(await h.invoke<CrosswalkSettings>('setCrosswalkSettings', { countsInStrictMode: true })).toEqual({ countsInStrictMode: true });
    const counted = await ucsRollup();
    expect(counted.crosswalk?.countsInStrictMode).toBe(true);
    expect(ucsItem(counted, '03.01').result).toBe('met');
    expect(counted.score).toBe(strictOnly.score + 1);
    expect(counted.risks.filter((risk) => risk.itemId === '03.01')).toEqual([]);

    expect(await h.invoke<CrosswalkSettings>('setCrosswalkSettings', { countsInStrictMode: false })).toEqual({ countsInStrictMode: false });
    expect(ucsItem(await ucsRollup(), '03.01').result).toBe('not_met');
  });

  it('un-covers the item when the source evidence is removed', async () => {
    const id = await acceptEvidence(key(ETHICS, '4.1'), 'NDA policy');
    expect((await ucsRollup()).crosswalk?.covered.map((entry) => entry.itemId)).toEqual(['03.01']);
    await onIssue('removeEvidence', key(ETHICS, '4.1'), { id });
    expect((await ucsRollup()).crosswalk?.covered).toEqual([]);
  });

  it('lists an item’s mappings both ways on its panel, reading the issue as the user', async () => {
    const ethics = await onIssue<ItemCrosswalk>('getItemCrosswalk', key(ETHICS, '6.1'), {});
    expect(ethics).toMatchObject({
      checklistId: ETHICS,
      itemId: '6.1',
      canEdit: true,
      mappings: [{ direction: 'covers', coverage: 'partial', checklistId: UCS, checklistName: 'MSPAlliance Unified Certification Standard (UCS)', itemId: '02.01', title: 'Documentation of Policies and Procedures', state: 'held', issueKey: key(UCS, '02.01') }],
    });
    expect(ethics.mappings).toHaveLength(1);
    expect(ethics.linkable?.map((c) => [c.checklistId, c.items.length])).toEqual([[UCS, 42]]);
    const ucs = await onIssue<ItemCrosswalk>('getItemCrosswalk', key(UCS, '03.01'), {});
    expect(ucs.mappings.map((m) => `${m.direction} ${m.coverage} ${m.checklistId} ${m.itemId}`)).toEqual([`covered-by full ${ETHICS} 4.1`]);
    await expect(onIssue('getItemCrosswalk', key(UCS, '03.01'), {}, 'stranger')).rejects.toThrow();
  });
});

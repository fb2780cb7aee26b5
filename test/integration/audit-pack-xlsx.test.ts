/**
 * The structured audit pack (`exportAudit { format: 'pack' }`) through the real app, and the two
 * workbooks the Audit page writes from it, read back with exceljs and the upload reader: same
 * figures as getRollup, evidence with who and when, waivers with who, when and why, and nothing of
 * an issue the caller may not see, which the pack names as left out.
 */
import ExcelJS from 'exceljs';
import type { AuditExportPack, ItemPanel, Rollup } from '../../common/contract';
import { buildChecklist, readChecklistFile, recognizeAwsMspWorkbook, isTableWorkbook } from '../../common/sheets';
import { writeAwsSelfAssessment } from '../../common/sheets/write-aws';
import { PACK_SHEETS, writeAuditPack } from '../../common/sheets/write-pack';
import { syncV1 } from '../fixtures/sync-v1-v2';
import { registerChecklist } from './checklists';
import { startHarness, type Harness, type OutsideIssue } from './harness';

const itemIdOf = (issue: OutsideIssue): string | undefined => {
  const identity = issue.properties['msp-audit-item'] as { kind?: string; itemId?: string } | undefined;
  return identity?.kind === 'item' ? identity.itemId : undefined;
};
const SECRET_TITLE = 'Restricted pen-test report';

async function load(bytes: ArrayBuffer): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes);
  return workbook;
}

describe('exportAudit { format: pack } and the .xlsx workbooks', () => {
  let h: Harness;
  let keys: Map<string, string>;
  const key = (itemId: string): string => keys.get(itemId)!;

  beforeAll(async () => {
    h = startHarness();
    await registerChecklist(syncV1);
    await h.importChecklist(syncV1.id);
    keys = new Map((await h.issues()).flatMap((issue) => (itemIdOf(issue) ? [[itemIdOf(issue)!, issue.key]] : [])));
    await h.transition(key('1.1'), 'Done');
    await h.transition(key('1.2'), 'Done');
    await h.runtime.invoke({
      functionKey: 'addEvidence',
      payload: { evidence: { kind: 'document', title: SECRET_TITLE, url: 'https://intranet.example/pentest', expiryDate: '2099-12-31' } },
      context: { moduleKey: 'audit-item-panel', accountId: 'admin', issueKey: key('1.1') },
    }) as Promise<ItemPanel>;
    await h.runtime.invoke({
      functionKey: 'addEvidence',
      payload: { evidence: { kind: 'link', title: '=cmd|/C calc!A0', url: 'https://intranet.example/doc' } },
      context: { moduleKey: 'audit-item-panel', accountId: 'admin', issueKey: key('1.2') },
    }) as Promise<ItemPanel>;
    await h.runtime.idle();
    await h.invoke('addCustomWaiver', { checklistId: syncV1.id, name: 'Inherited control', reason: 'Covered by the parent company audit', items: ['2.1'] });
  });
  afterAll(async () => {
    await h.close();
  });

  it('answers the pack with the same figures as getRollup, evidence rows with who and when, and the waiver with who, when and why', async () => {
    h.emulator.clearRequests();
    const { pack, baseName } = await h.invoke<AuditExportPack>('exportAudit', { format: 'pack' });
    // The caller's search, then one ids-only search as the app: nobody is hidden, nothing more is read.
    const searches = h.appRequests().filter((request) => request.path === '/rest/api/3/search/jql');
    expect(searches.map((request) => [request.actor === 'app' ? 'app' : 'user', (request.body as { jql: string }).jql.includes('key in')])).toEqual([
      ['user', false],
      ['app', false],
    ]);
    const rollup = await h.invoke<Rollup>('getRollup', { force: true });
    expect(baseName).toMatch(new RegExp(`^MSP-${syncV1.id.replace(/\./g, '\\.')}-audit-pack-\\d{4}-\\d{2}-\\d{2}$`));
    expect([pack.score, pack.maxScore, pack.passed, pack.counts]).toEqual([rollup.score, rollup.maxScore, rollup.passed, rollup.counts]);
    expect(pack.items.map((item) => [item.id, item.result])).toEqual(rollup.items.map((item) => [item.id, item.result]));
    expect(pack.hiddenItems).toEqual([]);
    expect(pack.siteUrl).toMatch(/^https?:\/\//);
    expect(pack.evidence.map((entry) => [entry.itemId, entry.issueKey, entry.addedBy, entry.reviewState])).toEqual([
      ['1.1', key('1.1'), 'admin', 'pending'],
      ['1.2', key('1.2'), 'admin', 'pending'],
    ]);
    expect(pack.waivers).toEqual([expect.objectContaining({ name: 'Inherited control', reason: 'Covered by the parent company audit', appliedBy: 'admin' })]);
    expect(pack.items.find((item) => item.id === '2.1')?.waiver).toMatchObject({ name: 'Inherited control', appliedBy: 'admin' });

    const workbook = await load(await (await writeAuditPack(pack)).xlsx.writeBuffer());
    const items = workbook.getWorksheet(PACK_SHEETS.items)!;
    expect(items.getColumn(1).values.slice(2)).toEqual(rollup.items.map((item) => item.id));
    const evidence = workbook.getWorksheet(PACK_SHEETS.evidence)!;
    expect(evidence.getRow(3).getCell(4).value).toBe("'=cmd|/C calc!A0");
  });

  it('leaves out what the viewer may not see and names the item, never the issue', async () => {
    h.emulator.setIssueSecurity(key('1.1'), ['viewer']);
    try {
      h.emulator.clearRequests();
      const { pack } = await h.invoke<AuditExportPack>('exportAudit', { format: 'pack' }, { accountId: 'viewer' });
      expect(pack.hiddenItems).toEqual(['1.1']);
      const named = h.appRequests().filter((request) => request.path === '/rest/api/3/search/jql' && (request.body as { jql: string }).jql.includes('key in'));
      expect(named.map((request) => [request.actor, (request.body as { jql: string }).jql.endsWith(`key in (${key('1.1')})`)])).toEqual([['app', true]]);
      const text = JSON.stringify(pack);
      for (const secret of [key('1.1'), SECRET_TITLE]) expect(text).not.toContain(secret);
      const item = pack.items.find((entry) => entry.id === '1.1')!;
      expect(item).not.toHaveProperty('issueKey');
    } finally {
      h.emulator.setIssueSecurity(key('1.1'), []);
    }
  });

  it('writes an AWS self-assessment only a met-or-exempt control answers Yes in, and it imports again as the same checklist', async () => {
    const { pack } = await h.invoke<AuditExportPack>('exportAudit', { format: 'pack' });
    const bytes = new Uint8Array(await (await writeAwsSelfAssessment({ ...pack, framework: 'aws-msp' })).xlsx.writeBuffer());
    const workbook = await readChecklistFile({ name: 'self.xlsx', bytes });
    if (!isTableWorkbook(workbook)) throw new Error('not a table');
    const plan = recognizeAwsMspWorkbook(workbook)!;
    const result = buildChecklist({ workbook, sources: plan.sources, meta: { ...plan.meta, id: 'again', version: '1' } });
    expect(result.problems).toEqual([]);
    expect(result.definition.items.map((item) => [item.id, item.title, item.mandatory])).toEqual(syncV1.items.map((item) => [item.id, item.title, item.mandatory]));
    expect(result.initialResults).toEqual(Object.fromEntries(pack.items.map((item) => [item.id, item.result === 'met' ? 'met' : 'not_met'])));
    expect(result.initialResults['2.1']).toBe('met');
  });
});

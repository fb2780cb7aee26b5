/**
 * The audit pack through the real app: a CSV of every item that papaparse reads back (formula
 * injection neutralised), and the printable report's data, chapter by chapter with evidence.
 */
import Papa from 'papaparse';
import type { AuditExportCsv, AuditExportReport, ItemPanel } from '../../common/contract';
import type { AuditExportPart } from '../../common/export-parts';
import { EXPORT_COLUMNS } from '../../src/domain/export';
import type { ChecklistDefinition } from '../../src/domain/types';
import { syncV1 } from '../fixtures/sync-v1-v2';
import { registerChecklist } from './checklists';
import { startHarness, type Harness, type OutsideIssue } from './harness';
import { WAIVER_PROOF } from './waiver-proof-fixture';

/** syncV1 with titles a spreadsheet would run as formulas, and a named waiver. */
const hostile: ChecklistDefinition = {
  ...syncV1,
  id: 'export-demo-1.0',
  framework: 'export-demo',
  name: 'Export demo',
  items: syncV1.items.map((item, index) => ({
    ...item,
    title: ['=HYPERLINK("http://evil.example","x")', '+1+1', '-2+3', '@SUM(A1:A2)'][index] ?? item.title,
  })),
  waivers: [{ id: 'soc2', name: 'SOC 2 report', reason: 'The SOC 2 Type II report covers security', items: [], chapters: ['3'] }],
};

const itemIdOf = (issue: OutsideIssue): string | undefined => {
  const identity = issue.properties['msp-audit-item'] as { kind?: string; itemId?: string } | undefined;
  return identity?.kind === 'item' ? identity.itemId : undefined;
};

describe('exportAudit', () => {
  let h: Harness;
  let keys: Map<string, string>;
  const key = (itemId: string): string => keys.get(itemId)!;

  beforeAll(async () => {
    h = startHarness();
    await registerChecklist(hostile);
    await h.importChecklist(hostile.id);
    keys = new Map((await h.issues()).flatMap((issue) => (itemIdOf(issue) ? [[itemIdOf(issue)!, issue.key]] : [])));
    await h.transition(key('1.1'), 'Done');
    const assigned = await h.outside('PUT', `/rest/api/3/issue/${key('1.1')}`, { fields: { assignee: { accountId: 'admin' } } });
    expect(assigned.status).toBe(204);
    const onIssue = (functionKey: string, itemId: string, payload: unknown) =>
      h.runtime.invoke({ functionKey, payload, context: { moduleKey: 'audit-item-panel', accountId: 'admin', issueKey: key(itemId) } }) as Promise<ItemPanel>;
    await onIssue('addEvidence', '1.1', { evidence: { kind: 'link', title: 'Service catalogue v3', url: 'https://intranet.example/catalogue' } });
    await onIssue('addEvidence', '1.1', { evidence: { kind: 'document', title: '=cmd|/C calc!A0', url: 'https://intranet.example/doc', expiryDate: '2099-12-31' } });
    // Evidence without a link reaches the auditor through its note ("where the auditor finds it").
    await onIssue('addEvidence', '1.2', { evidence: { kind: 'process', title: 'Onboarding process', note: 'Runbook page 12,\nshown live in the ticket tool' } });
    await h.runtime.idle();
    await h.invoke('markChapterReviewed', { checklistId: hostile.id, chapterId: '1' });
    await h.invoke('applyWaiver', { checklistId: hostile.id, waiverId: 'soc2', proof: WAIVER_PROOF });
  });
  afterAll(async () => {
    await h.close();
  });

  it('exports every item as CSV that papaparse reads back, one row per item, in checklist order', async () => {
    const result = await h.invoke<AuditExportCsv>('exportAudit', {});
    expect(result).toMatchObject({ format: 'csv', rowCount: 8 });
    expect(result.fileName).toMatch(/^MSP-export-demo-1\.0-audit-pack-\d{4}-\d{2}-\d{2}\.csv$/);
    expect(result.csv.startsWith('\uFEFF')).toBe(true);

    const parsed = Papa.parse<string[]>(result.csv.slice(1), { skipEmptyLines: true });
    expect(parsed.errors).toEqual([]);
    const [header, ...rows] = parsed.data;
    expect(header).toEqual(EXPORT_COLUMNS.map((column) => column.header));
    expect(rows.map((row) => row[0])).toEqual(hostile.items.map((item) => item.id));
    const byId = new Map(rows.map((row) => [row[0]!, Object.fromEntries(header!.map((name, index) => [name, row[index] ?? '']))]));

    expect(byId.get('1.1')).toMatchObject({
      Chapter: 'Governance',
      Title: `'=HYPERLINK("http://evil.example","x")`,
      Points: '100',
      Mandatory: 'Yes',
      Result: 'Met',
      Why: `Issue ${key('1.1')} is Done`,
      Status: 'Done',
      Owner: 'Ada Admin',
      Evidence: "Service catalogue v3 (link)\n=cmd|/C calc!A0 (document)",
      'Evidence links': 'https://intranet.example/catalogue\nhttps://intranet.example/doc',
      'Evidence review': 'pending\npending, expires 2099-12-31',
    });
    expect(byId.get('1.1')!['Chapter review']).toMatch(/^Reviewed \d{4}-\d{2}-\d{2}$/);
    expect(byId.get('1.1')!['Evidence notes']).toBe('(no note)\n(no note)');
    expect(byId.get('1.2')).toMatchObject({
      Title: "'+1+1",
      Status: 'To Do',
      Owner: 'Unassigned',
      Evidence: 'Onboarding process (process)',
      'Evidence links': '(no link)',
      'Evidence notes': 'Runbook page 12, / shown live in the ticket tool',
    });
    expect(byId.get('1.3')!.Title).toBe("'-2+3");
    expect(byId.get('2.1')).toMatchObject({ Title: "'@SUM(A1:A2)", 'Chapter review': 'Not reviewed', Waiver: '' });
    // A waived item whose issue is To Do is "Waived", with who applied the waiver and when; never "Met".
    expect(byId.get('3.1')).toMatchObject({ Status: 'To Do', Why: 'Waived: SOC 2 report — The SOC 2 Type II report covers security' });
    expect(byId.get('3.1')!.Result).toMatch(/^Waived: SOC 2 report, by admin, on \d{4}-\d{2}-\d{2}$/);
    expect(rows.filter((row) => row[5] === 'Met').map((row) => row[0])).toEqual(['1.1']);
    expect(byId.get('3.1')!.Waiver).toMatch(/^SOC 2 report: The SOC 2 Type II report covers security \(applied \d{4}-\d{2}-\d{2}\); proof: Competency certificate \(https:\/\/partners\.example\.com\/certificates\/devops\.pdf\), valid 2025-01-01 to 2099-12-31, lapses on 2100-01-01$/);
    // No cell of the file starts a formula.
    for (const row of rows) for (const cell of row) expect(cell).not.toMatch(/^[=+\-@]/);
  });

  it('gives the printable report: summary, then chapter by chapter, item by item with evidence', async () => {
    const { format, fileName, report } = await h.invoke<AuditExportReport>('exportAudit', { format: 'report' });
    expect(format).toBe('report');
    expect(fileName).toMatch(/\.pdf$/);
    expect(report).toMatchObject({ projectKey: 'MSP', checklistId: hostile.id, model: 'points', evidenceAvailable: true, reviewCounts: { reviewed: 1, stale: 0, notReviewed: 2 } });
    expect(report.waivers.map((waiver) => waiver.id)).toEqual(['soc2']);
    expect(report.chapters.map((chapter) => [chapter.id, chapter.items.map((item) => item.id)])).toEqual([
      ['1', ['1.1', '1.2', '1.3']],
      ['2', ['2.1', '2.2', '2.3']],
      ['3', ['3.1', '3.2']],
    ]);
    expect(report.chapters[0]).toMatchObject({ reviewState: 'reviewed' });
    expect(report.chapters[2]).toMatchObject({ waiver: 'SOC 2 report: The SOC 2 Type II report covers security' });
    const first = report.chapters[0]!.items[0]!;
    expect(first).toMatchObject({ id: '1.1', issueKey: key('1.1'), result: 'met', resultWords: 'Met', owner: 'Ada Admin', status: 'Done' });
    expect(report.counts).toMatchObject({ met: 1, waived: 2, total: 8 });
    const waived = report.chapters[2]!.items[0]!;
    expect(waived).toMatchObject({ id: '3.1', result: 'met', waived: true, status: 'To Do' });
    expect(waived.resultWords).toMatch(/^Waived: SOC 2 report, by admin, on \d{4}-\d{2}-\d{2}$/);
    expect(report.chapters[0]!.items[1]!.evidence).toEqual([
      { title: 'Onboarding process', kind: 'process', reviewState: 'pending', note: 'Runbook page 12,\nshown live in the ticket tool' },
    ]);
    expect(first.evidence).toEqual([
      { title: 'Service catalogue v3', kind: 'link', url: 'https://intranet.example/catalogue', reviewState: 'pending' },
      { title: '=cmd|/C calc!A0', kind: 'document', url: 'https://intranet.example/doc', reviewState: 'pending', expiryDate: '2099-12-31' },
    ]);
  });

  it('names the waiver authors of the printable report (display names beside the report, in one answer or in the first part)', async () => {
    const whole = await h.invoke<AuditExportReport>('exportAudit', { format: 'report' });
    expect(whole.people).toEqual({ admin: 'Ada Admin' });
    const first = await h.invoke<AuditExportPart>('exportAuditPart', { format: 'report' });
    expect(first.index).toBe(0);
    expect(first.people).toEqual({ admin: 'Ada Admin' });
    const csv = await h.invoke<AuditExportPart>('exportAuditPart', { format: 'csv' });
    expect(csv.people).toBeUndefined();
  });

  it('lets a viewer export (reading needs Browse projects only) with the same figures as the Audit page', async () => {
    const viewer = await h.invoke<AuditExportReport>('exportAudit', { format: 'report' }, { accountId: 'viewer' });
    const rollup = await h.invoke<{ score: number; passed: boolean }>('getRollup', {});
    expect(viewer.report).toMatchObject({ score: rollup.score, passed: rollup.passed });
  });

  it('reads everything in one paged search, never per item', async () => {
    h.emulator.clearRequests();
    await h.invoke('exportAudit', {});
    const calls = h.appRequests().map((request) => `${request.method} ${request.path}`);
    expect(calls).toEqual(['GET /rest/api/3/mypermissions', 'POST /rest/api/3/search/jql']);
  });
});

/**
 * A pack past one resolver answer (5 MB) downloads in parts through the real app on the local
 * runtime, joined by the page's own code: 2,000 items with long titles and a long review note.
 */
import Papa from 'papaparse';
import type { AuditExportCsv, AuditReport } from '../../common/contract';
import { errorCodeOf } from '../../common/errors';
import type { AuditExportPart } from '../../common/export-parts';
import { EXPORT_COLUMNS } from '../../src/domain/export';
import { exportCsvInParts, exportPackInParts, exportReportInParts } from '../../static/app/src/api/export-parts';
import { generatedChecklist, registerChecklist } from './checklists';
import { startHarness, type Harness } from './harness';

const ITEMS = 2000;
const def = generatedChecklist({
  id: 'big-pack-1.0',
  items: ITEMS,
  chapters: 10,
  title: (n) => `Requirement ${n + 1}: ${'keep the runbook, the on-call rota and the "last review" date current; '.repeat(40)}`,
});

let h: Harness;
const call = <T,>(functionKey: string, payload?: Record<string, unknown>): Promise<T> => h.invoke<T>(functionKey, payload ?? {});

beforeAll(async () => {
  // The fixture is extreme on purpose (2,000 titles of ~2.9 KB: a 6 MB definition) to push the pack
  // past one 5 MB answer; each part reads that definition, which on real Forge would use up the
  // site's KVS read rate (4,000 × 10 KB a minute) within a few parts. What this test checks is the
  // joining of parts, so the read rate is lifted here; test/integration/forge-limits.test.ts checks
  // the limit and the app's back-off.
  h = startHarness({ limits: { kvsReadUnitsPerMinute: 1_000_000 } });
  await registerChecklist(def);
  expect((await h.importChecklist(def.id)).state).toBe('done');
  await h.invoke('markChapterReviewed', { checklistId: def.id, chapterId: 'C1', note: `Walked with the auditor. ${'Long note. '.repeat(150)}` });
}, 300_000);
afterAll(async () => {
  await h.close();
});

describe('the audit pack of a big project', () => {
  it('is refused in one answer (it is past 5 MB), with a limit code and what to do', async () => {
    const refused = await h.invoke('exportAudit', { checklistId: def.id }).then(
      () => undefined,
      (error: unknown) => error as Error,
    );
    expect(errorCodeOf(refused)).toBe('limit');
    expect(refused).toMatchObject({ status: 413 });
    expect(refused?.message).toMatch(/download it from the Audit day page, which fetches it in parts/);
  });

  it('downloads as CSV in parts the page joins: every item once, in order, readable by papaparse', async () => {
    const result: AuditExportCsv = await exportCsvInParts(call, def.id);
    expect(Buffer.byteLength(result.csv)).toBeGreaterThan(5 * 1024 * 1024);
    expect(result.rowCount).toBe(ITEMS);
    const parsed = Papa.parse<string[]>(result.csv.replace(/^\uFEFF/, ''), { skipEmptyLines: true });
    expect(parsed.errors).toEqual([]);
    expect(parsed.data[0]).toEqual(EXPORT_COLUMNS.map((column) => column.header));
    const rows = parsed.data.slice(1);
    expect(rows).toHaveLength(ITEMS);
    expect(rows.map((row) => row[0])).toEqual(def.items.map((item) => item.id));
    expect(rows.map((row) => row[2])).toEqual(def.items.map((item) => item.title));
    const parts = h.runtime.invocations().filter((record) => record.functionKey === 'exportAuditPart');
    expect(parts.length).toBeGreaterThanOrEqual(2);
    expect(parts.every((record) => record.outcome === 'ok' && record.durationMs < 25_000)).toBe(true);
  });

  it('downloads the printable report in parts: the joined JSON is the whole report', async () => {
    const { report }: { report: AuditReport } = await exportReportInParts(call, def.id);
    expect(report.checklistId).toBe(def.id);
    expect(report.chapters.flatMap((chapter) => chapter.items.map((item) => item.id)).sort()).toEqual(def.items.map((item) => item.id).sort());
    expect(report.chapters.find((chapter) => chapter.id === 'C1')?.reviewNote).toMatch(/^Walked with the auditor\./);
  });

  it('downloads the structured pack (the .xlsx workbooks\' data) in parts too, past one answer', async () => {
    const refused = await h.invoke('exportAudit', { checklistId: def.id, format: 'pack' }).then(
      () => undefined,
      (error: unknown) => error as Error,
    );
    expect(errorCodeOf(refused)).toBe('limit');
    const before = h.runtime.invocations().filter((record) => record.functionKey === 'exportAuditPart').length;
    const pack = await exportPackInParts(call, def.id);
    expect(pack.format).toBe('pack');
    expect(Buffer.byteLength(JSON.stringify(pack))).toBeGreaterThan(5 * 1024 * 1024);
    expect(pack.pack.items.map((item) => item.id)).toEqual(def.items.map((item) => item.id));
    expect(h.runtime.invocations().filter((record) => record.functionKey === 'exportAuditPart').length - before).toBeGreaterThanOrEqual(2);
  });

  it('refuses the next part with a conflict when the pack changed in between, and a cursor it never gave', async () => {
    const first = await h.invoke<AuditExportPart>('exportAuditPart', { checklistId: def.id });
    expect(first.next).toBeDefined();
    const issue = (await h.issues()).find((entry) => (entry.properties['msp-audit-item'] as { itemId?: string } | undefined)?.itemId === def.items[0]!.id);
    await h.transition(issue!.key, 'Done');
    const changed = await h.invoke('exportAuditPart', { cursor: first.next }).then(
      () => undefined,
      (error: unknown) => error as Error,
    );
    expect(errorCodeOf(changed)).toBe('conflict');
    expect(changed?.message).toMatch(/changed while it was being downloaded/);

    const forged = await h.invoke('exportAuditPart', { cursor: Buffer.from('{"v":1}').toString('base64url') }).then(
      () => undefined,
      (error: unknown) => error as Error,
    );
    expect(errorCodeOf(forged)).toBe('invalid-input');
  });

  it('needs Browse projects for every part', async () => {
    const refused = await h.invoke('exportAuditPart', { checklistId: def.id }, { accountId: 'outsider' }).then(
      () => undefined,
      (error: unknown) => error as Error,
    );
    expect(errorCodeOf(refused)).toBe('forbidden');
  });
});

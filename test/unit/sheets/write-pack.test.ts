import ExcelJS from 'exceljs';
import type { AuditPackData, TrailEntryView } from '../../../common/contract';
import { PACK_SHEETS, writeAuditPack, type PackExtras } from '../../../common/sheets/write-pack';
import { safeText } from '../../../common/sheets/write-cells';
import { findBuiltinChecklist } from '../../../src/checklists';
import { csvField } from '../../../src/domain/export-csv';
import type { ChecklistDefinition } from '../../../src/domain/types';
import { entry, makePack } from '../../fixtures/sheets/pack-data';

function checklist(id: string): ChecklistDefinition {
  const def = findBuiltinChecklist(id);
  if (!def) throw new Error(`${id} is not built in`);
  return def;
}

async function roundTrip(pack: AuditPackData, extras?: PackExtras): Promise<ExcelJS.Workbook> {
  const bytes = await (await writeAuditPack(pack, extras)).xlsx.writeBuffer();
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as ArrayBuffer);
  return workbook;
}

const sheet = (workbook: ExcelJS.Workbook, name: string): ExcelJS.Worksheet => {
  const found = workbook.getWorksheet(name);
  if (!found) throw new Error(`no sheet ${name}`);
  return found;
};

/** Label → value of the Summary's two-column block. */
function summary(workbook: ExcelJS.Workbook): Map<string, unknown> {
  const values = new Map<string, unknown>();
  sheet(workbook, PACK_SHEETS.summary).eachRow((row) => {
    const label = row.getCell(1).value;
    if (typeof label === 'string') values.set(label, row.getCell(2).value);
  });
  return values;
}

const EVIL = '=HYPERLINK("http://evil","x")';
const waiver = { id: 'w1', source: 'custom' as const, name: '+Team waiver', reason: '@reason', items: ['8.3'], chapters: [], appliedBy: 'acc-alice', appliedAt: '2026-02-20T08:00:00.000Z' };

describe('writeAuditPack', () => {
  const def = checklist('aws-msp-4.x');
  const pack = makePack(def, {
    result: (i) => (['met', 'not_met', 'na', undefined][i % 4] as never),
    evidence: (i) => (i < 3 ? [entry(`e${i}a`, { title: i === 0 ? EVIL : `Policy ${i}`, note: '-200 lines' }), entry(`e${i}b`, { reviewState: 'pending', reviewer: undefined, reviewedAt: undefined }), entry(`e${i}c`, { reviewState: 'rejected', url: undefined })] : []),
    waivers: [waiver],
    hidden: [def.items[5]!.id],
    siteUrl: 'https://acme.atlassian.net',
  });
  const trail: TrailEntryView[] = [
    { seq: 2, at: '2026-02-21T10:00:00.000Z', actor: 'acc-bob', action: 'assessment.set', itemId: def.items[0]!.id, issueKey: 'MSP-1', before: null, after: { result: 'met' }, reason: '-because', hash: 'h2' },
    { seq: 1, at: '2026-02-20T08:00:00.000Z', actor: 'acc-alice', action: 'waiver.apply', after: 'w1', hash: 'h1' },
  ];

  it('writes Summary, Items, Evidence, Waivers and N/A, and the trail, with frozen and filtered headers', async () => {
    const workbook = await roundTrip(pack, { trail });
    expect(workbook.worksheets.map((ws) => ws.name)).toEqual([PACK_SHEETS.summary, PACK_SHEETS.items, PACK_SHEETS.evidence, PACK_SHEETS.waivers, PACK_SHEETS.trail]);
    for (const name of [PACK_SHEETS.items, PACK_SHEETS.evidence, PACK_SHEETS.waivers, PACK_SHEETS.trail]) {
      const ws = sheet(workbook, name);
      expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
      expect(ws.autoFilter).toBeDefined();
      expect(ws.getRow(1).font?.bold).toBe(true);
    }
    expect(sheet(workbook, PACK_SHEETS.items).rowCount).toBe(def.items.length + 1);
    expect(sheet(workbook, PACK_SHEETS.evidence).rowCount).toBe(1 + 9);
  });

  it('leaves the trail sheet out when the project has no trail', async () => {
    const workbook = await roundTrip(pack);
    expect(workbook.worksheets.map((ws) => ws.name)).not.toContain(PACK_SHEETS.trail);
  });

  it('puts the score, verdict, projection and counts in the Summary as numbers', async () => {
    const values = summary(await roundTrip(pack));
    expect(values.get('Score')).toBe(pack.score);
    expect(values.get('Max score')).toBe(pack.maxScore);
    expect(values.get('Pass mark')).toBe(pack.passMark);
    expect(values.get('Projection (items in progress met)')).toBe(pack.projection.score);
    expect(values.get('Items')).toBe(def.items.length);
    expect(values.get('Verdict')).toMatch(pack.passed ? /^Pass$/ : /^Fail/);
    expect(values.get('Generated')).toEqual(new Date(pack.generatedAt));
    expect(String(values.get('Left out (issue security)'))).toContain(def.items[5]!.id);
  });

  it('writes each item with numbers as numbers and the issue key as a link to the issue', async () => {
    const items = sheet(await roundTrip(pack), PACK_SHEETS.items);
    const header = (items.getRow(1).values as unknown[]).slice(1);
    expect(header).toEqual(['ID', 'Chapter', 'Title', 'Mandatory', 'Points', 'Result', 'Result and reason', 'Why', 'Owner', 'Status', 'Issue', 'Evidence', 'Accepted', 'Pending', 'Rejected']);
    const row = items.getRow(2);
    expect(row.getCell(1).value).toBe(def.items[0]!.id);
    expect(row.getCell(5).value).toBe(def.items[0]!.points);
    expect(row.getCell(11).value).toEqual({ text: 'MSP-1', hyperlink: 'https://acme.atlassian.net/browse/MSP-1' });
    expect([row.getCell(12).value, row.getCell(13).value, row.getCell(14).value, row.getCell(15).value]).toEqual([3, 1, 1, 1]);
    // The hidden item: its catalogue entry, no issue.
    expect(items.getRow(7).getCell(11).value).toBeNull();
  });

  it('writes evidence with real dates and neutralises every text cell as the CSV does', async () => {
    const evidence = sheet(await roundTrip(pack), PACK_SHEETS.evidence);
    const row = evidence.getRow(2);
    expect(row.getCell(4).value).toBe(`'${EVIL}`);
    expect(row.getCell(4).value).toBe(csvField(EVIL).replace(/^"|"$/g, '').replace(/""/g, '"'));
    expect(row.getCell(5).value).toEqual({ text: 'https://docs.example.com/e0a', hyperlink: 'https://docs.example.com/e0a' });
    expect(row.getCell(8).value).toEqual(new Date('2026-02-01T09:30:00.000Z'));
    expect(row.getCell(9).value).toEqual(new Date('2026-01-15T00:00:00.000Z'));
    expect(row.getCell(9).numFmt).toBe('yyyy-mm-dd');
    expect(row.getCell(10).value).toEqual(new Date('2027-01-14T00:00:00.000Z'));
    expect(row.getCell(14).value).toBe("'-200 lines");
    // No cell anywhere is a formula or a text that starts like one.
    const workbook = await roundTrip(pack, { trail });
    workbook.eachSheet((ws) =>
      ws.eachRow((r) =>
        r.eachCell((cell) => {
          expect(cell.type).not.toBe(ExcelJS.ValueType.Formula);
          const text = typeof cell.value === 'string' ? cell.value : typeof cell.value === 'object' && cell.value !== null && 'text' in cell.value ? String(cell.value.text) : '';
          expect(text).not.toMatch(/^[=+\-@\t\r]/);
        }),
      ),
    );
  });

  it('lists waivers with who, when and why, then N/A answers with their justification', async () => {
    const ws = sheet(await roundTrip(pack), PACK_SHEETS.waivers);
    const first = ws.getRow(2);
    expect([first.getCell(1).value, first.getCell(2).value, first.getCell(4).value, first.getCell(5).value]).toEqual(['Waiver', safeText('+Team waiver'), "'@reason", 'acc-alice']);
    expect(first.getCell(6).value).toEqual(new Date('2026-02-20T08:00:00.000Z'));
    const na = pack.items.filter((item) => item.result === 'na');
    expect(ws.rowCount).toBe(2 + na.length);
    expect(ws.getRow(3).getCell(4).value).toBe(na[0]!.justification);
    // Without a trail nobody is named; with one, the item's latest assessment says who and when.
    expect([ws.getRow(3).getCell(5).value, ws.getRow(3).getCell(6).value]).toEqual([null, null]);
    const decisions: TrailEntryView[] = [
      { seq: 7, at: '2026-02-10T08:00:00.000Z', actor: 'acc-erin', action: 'assessment.set', itemId: na[0]!.id, after: { result: 'na' }, hash: 'a' },
      { seq: 3, at: '2026-02-01T08:00:00.000Z', actor: 'acc-old', action: 'assessment.set', itemId: na[0]!.id, after: { result: 'met' }, hash: 'b' },
      { seq: 9, at: '2026-02-11T08:00:00.000Z', actor: 'acc-other', action: 'evidence.add', itemId: na[0]!.id, hash: 'c' },
    ];
    const withTrail = sheet(await roundTrip(pack, { trail: decisions }), PACK_SHEETS.waivers).getRow(3);
    expect([withTrail.getCell(5).value, withTrail.getCell(6).value]).toEqual(['acc-erin', new Date('2026-02-10T08:00:00.000Z')]);
  });

  it('writes the trail oldest first with real dates', async () => {
    const ws = sheet(await roundTrip(pack, { trail, trailTotal: 5 }), PACK_SHEETS.trail);
    expect(ws.getRow(2).getCell(1).value).toBe(1);
    expect(ws.getRow(3).getCell(2).value).toEqual(new Date('2026-02-21T10:00:00.000Z'));
    expect(ws.getRow(3).getCell(8).value).toBe('{"result":"met"}');
    expect(ws.getRow(3).getCell(9).value).toBe("'-because");
    expect(String(ws.getRow(4).getCell(1).value)).toContain('Only the latest 2 of 5 decisions');
  });
});

describe('a text longer than one Excel cell holds', () => {
  it('is cut to 32,767 characters and says so', async () => {
    const def = checklist('aws-msp-4.x');
    const pack = makePack(def, { evidence: (i) => (i === 0 ? [entry('long', { note: 'x'.repeat(40_000) })] : []) });
    const note = sheet(await roundTrip(pack), PACK_SHEETS.evidence).getRow(2).getCell(14).value as string;
    expect(note.length).toBeLessThanOrEqual(32_767);
    expect(note.endsWith('(cut: too long for one cell)')).toBe(true);
  });
});

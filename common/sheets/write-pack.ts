/**
 * The audit pack as a workbook: Summary, Items, Evidence, Waivers and N/A, and the decision trail
 * when the project has one. Every table has its header frozen and filtered; dates are real dates,
 * numbers numbers, and every text cell is neutralised against formula injection as the CSV is.
 */
import type { Workbook } from 'exceljs';
import type { AuditPackData, AuditPackItem, TrailEntryView } from '../contract';
import { DATE_FORMAT, DATE_TIME_FORMAT, addRow, addTableSheet, isoDate, issueLink, newWorkbook, type CellInput, type Column } from './write-cells';

export const PACK_SHEETS = { summary: 'Summary', items: 'Items', evidence: 'Evidence', waivers: 'Waivers and NA', trail: 'Decision trail' } as const;

export interface PackExtras {
  /** The project's decision trail, any order (written oldest first); omitted or empty: no sheet. */
  trail?: readonly TrailEntryView[];
  /** The trail holds more entries than were fetched (the sheet says so). */
  trailTotal?: number;
}

const RESULT_NAMES: Record<AuditPackItem['result'], string> = { met: 'Met', not_met: 'Not met', na: 'N/A', not_assessed: 'Not assessed' };

/**
 * @example
 * const workbook = await writeAuditPack(pack, { trail });
 * const bytes = await workbook.xlsx.writeBuffer();
 */
export async function writeAuditPack(pack: AuditPackData, extras: PackExtras = {}): Promise<Workbook> {
  const workbook = await newWorkbook(new Date(pack.generatedAt));
  summarySheet(workbook, pack);
  itemsSheet(workbook, pack);
  evidenceSheet(workbook, pack);
  waiversSheet(workbook, pack, lastAssessments(extras.trail ?? []));
  if (extras.trail !== undefined && extras.trail.length > 0) trailSheet(workbook, extras.trail, extras.trailTotal);
  return workbook;
}

function verdict(pack: AuditPackData): string {
  if (pack.passed) return 'Pass';
  return pack.mandatoryOpen.length > 0 ? `Fail: mandatory items open (${pack.mandatoryOpen.join(', ')})` : 'Fail';
}

function summarySheet(workbook: Workbook, pack: AuditPackData): void {
  const sheet = workbook.addWorksheet(PACK_SHEETS.summary);
  sheet.columns = [{ width: 28 }, { width: 60 }, { width: 12 }, { width: 12 }, { width: 12 }, { width: 40 }];
  const pair = (label: string, value: CellInput, numFmt?: string) => {
    addRow(sheet, [label, value]);
    const row = sheet.getRow(sheet.rowCount);
    row.getCell(1).font = { bold: true };
    if (numFmt !== undefined) row.getCell(2).numFmt = numFmt;
    row.getCell(2).alignment = { horizontal: 'left', wrapText: true };
  };
  addRow(sheet, [`Audit pack: ${pack.checklistName}`]);
  sheet.getRow(1).font = { bold: true, size: 14 };
  pair('Project', pack.projectKey);
  pair('Checklist', pack.checklistName);
  pair('Checklist id', pack.checklistId);
  pair('Version', pack.version);
  pair('Generated', isoDate(pack.generatedAt), DATE_TIME_FORMAT);
  pair('Scoring', pack.model === 'met' ? 'Met model: every mandatory item met' : 'Points model');
  pair('Score', pack.score);
  pair('Max score', pack.maxScore);
  pair('Pass mark', pack.passMark);
  pair('Verdict', verdict(pack));
  pair('Projection (items in progress met)', pack.projection.score);
  pair('Projected verdict', pack.projection.passed ? 'Pass' : 'Fail');
  pair('Items', pack.counts.total);
  pair('Met', pack.counts.met);
  pair('Waived', pack.counts.waived ?? 0);
  pair('N/A', pack.counts.na);
  pair('Not met', pack.counts.notMet);
  pair('Not assessed', pack.counts.notAssessed);
  if (!pack.evidenceAvailable) pair('Evidence', 'The evidence field is missing from Jira: evidence sheets are empty.');
  if (pack.hiddenItems.length > 0) {
    pair('Left out (issue security)', `${pack.hiddenItems.length} items whose issues the exporting user cannot see: ${pack.hiddenItems.join(', ')}`);
  }
  addRow(sheet, []);
  const header = sheet.rowCount + 1;
  addRow(sheet, ['Chapter', 'Title', 'Earned', 'Max', 'Met', 'Of', 'Dry run']);
  sheet.getRow(header).font = { bold: true };
  for (const chapter of pack.chapters) {
    addRow(sheet, [chapter.id, chapter.title, chapter.earned, chapter.max, chapter.met, chapter.total, chapter.review]);
  }
  sheet.autoFilter = { from: { row: header, column: 1 }, to: { row: sheet.rowCount, column: 7 } };
  sheet.views = [{ state: 'frozen', ySplit: 1 }];
}

const ITEM_COLUMNS: Column[] = [
  { header: 'ID', width: 12 },
  { header: 'Chapter', width: 22 },
  { header: 'Title', width: 50, wrap: true },
  { header: 'Mandatory', width: 11 },
  { header: 'Points', width: 8 },
  { header: 'Result', width: 13 },
  { header: 'Result and reason', width: 40, wrap: true },
  { header: 'Why', width: 40, wrap: true },
  { header: 'Owner', width: 22 },
  { header: 'Status', width: 16 },
  { header: 'Issue', width: 12 },
  { header: 'Evidence', width: 10 },
  { header: 'Accepted', width: 10 },
  { header: 'Pending', width: 10 },
  { header: 'Rejected', width: 10 },
];

function itemsSheet(workbook: Workbook, pack: AuditPackData): void {
  addTableSheet(
    workbook,
    PACK_SHEETS.items,
    ITEM_COLUMNS,
    pack.items.map((item) => [
      item.id,
      item.chapterTitle,
      item.title,
      item.mandatory ? 'Yes' : 'No',
      item.points,
      RESULT_NAMES[item.result],
      item.resultWords,
      item.why,
      item.owner,
      item.status,
      issueLink(pack.siteUrl, item.issueKey),
      item.evidence.total,
      item.evidence.accepted,
      item.evidence.pending,
      item.evidence.rejected,
    ]),
  );
}

const EVIDENCE_COLUMNS: Column[] = [
  { header: 'Item', width: 12 },
  { header: 'Issue', width: 12 },
  { header: 'Kind', width: 13 },
  { header: 'Title', width: 40, wrap: true },
  { header: 'Link', width: 40 },
  { header: 'Owner', width: 22 },
  { header: 'Added by', width: 22 },
  { header: 'Added', width: 17, numFmt: DATE_TIME_FORMAT },
  { header: 'Effective', width: 12, numFmt: DATE_FORMAT },
  { header: 'Expiry', width: 12, numFmt: DATE_FORMAT },
  { header: 'Review state', width: 13 },
  { header: 'Reviewer', width: 22 },
  { header: 'Reviewed', width: 17, numFmt: DATE_TIME_FORMAT },
  { header: 'Note', width: 40, wrap: true },
];

function evidenceSheet(workbook: Workbook, pack: AuditPackData): void {
  addTableSheet(
    workbook,
    PACK_SHEETS.evidence,
    EVIDENCE_COLUMNS,
    pack.evidence.map((entry) => [
      entry.itemId,
      issueLink(pack.siteUrl, entry.issueKey),
      entry.kind,
      entry.title,
      entry.url !== undefined ? { text: entry.url, hyperlink: entry.url } : null,
      entry.owner,
      entry.addedBy,
      isoDate(entry.addedAt),
      isoDate(entry.effectiveDate),
      isoDate(entry.expiryDate),
      entry.reviewState,
      entry.reviewer,
      isoDate(entry.reviewedAt),
      entry.note,
    ]),
  );
}

const WAIVER_COLUMNS: Column[] = [
  { header: 'Kind', width: 10 },
  { header: 'Name or item', width: 30 },
  { header: 'Covers', width: 30, wrap: true },
  { header: 'Why', width: 60, wrap: true },
  { header: 'By', width: 22 },
  { header: 'When', width: 17, numFmt: DATE_TIME_FORMAT },
  { header: 'Issue', width: 12 },
];

/** The latest `assessment.set` decision of each item in the trail: who answered N/A, and when. */
function lastAssessments(trail: readonly TrailEntryView[]): Map<string, TrailEntryView> {
  const latest = new Map<string, TrailEntryView>();
  for (const entry of trail) {
    if (entry.action !== 'assessment.set' || entry.itemId === undefined) continue;
    const current = latest.get(entry.itemId);
    if (!current || entry.seq > current.seq) latest.set(entry.itemId, entry);
  }
  return latest;
}

/**
 * Waivers in force (who applied them, when, why), then every N/A answer with its justification;
 * who answered it and when come from the item's latest assessment in the decision trail, when the
 * trail has one.
 */
function waiversSheet(workbook: Workbook, pack: AuditPackData, assessments: ReadonlyMap<string, TrailEntryView>): void {
  const waivers = pack.waivers.map((waiver): CellInput[] => [
    'Waiver',
    waiver.name,
    [...waiver.chapters.map((chapter) => `chapter ${chapter}`), ...waiver.items].join(', '),
    waiver.reason,
    waiver.appliedBy,
    isoDate(waiver.appliedAt),
    null,
  ]);
  const na = pack.items
    .filter((item) => item.result === 'na')
    .map((item): CellInput[] => {
      const decided = assessments.get(item.id);
      return ['N/A', item.id, item.title, item.justification ?? item.why, decided?.actor, isoDate(decided?.at), issueLink(pack.siteUrl, item.issueKey)];
    });
  addTableSheet(workbook, PACK_SHEETS.waivers, WAIVER_COLUMNS, [...waivers, ...na]);
}

const TRAIL_COLUMNS: Column[] = [
  { header: 'Seq', width: 8 },
  { header: 'When', width: 17, numFmt: DATE_TIME_FORMAT },
  { header: 'Who', width: 22 },
  { header: 'Action', width: 20 },
  { header: 'Item', width: 12 },
  { header: 'Issue', width: 12 },
  { header: 'Before', width: 30, wrap: true },
  { header: 'After', width: 30, wrap: true },
  { header: 'Why', width: 40, wrap: true },
  { header: 'Hash', width: 20 },
];

function trailSheet(workbook: Workbook, trail: readonly TrailEntryView[], total: number | undefined): void {
  const entries = [...trail].sort((a, b) => a.seq - b.seq);
  const json = (value: unknown): string => (value === undefined ? '' : typeof value === 'string' ? value : JSON.stringify(value));
  const sheet = addTableSheet(
    workbook,
    PACK_SHEETS.trail,
    TRAIL_COLUMNS,
    entries.map((entry) => [entry.seq, isoDate(entry.at), entry.actor, entry.action, entry.itemId, entry.issueKey, json(entry.before), json(entry.after), entry.reason, entry.hash]),
  );
  if (total !== undefined && total > entries.length) {
    addRow(sheet, [`Only the latest ${entries.length} of ${total} decisions are here; export the whole trail from the Decision trail section.`]);
  }
}

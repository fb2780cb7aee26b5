/**
 * `exportAudit`: the audit pack of one checklist, as CSV (one row per item) or as the data of the
 * printable report (summary, then chapter by chapter, item by item with evidence).
 *
 * One paged search, made as the calling user, reads every item they can see with what the pack
 * shows (status, assignee, `updated` for the chapter reviews, the evidence field), scored as the
 * Audit page scores it (waivers, strict mode). An item whose issue the user may not see (issue
 * security) is in the pack as its catalogue entry only, without an issue, like a missing one. Without the evidence field in Jira (app not fully installed) the evidence columns are empty
 * and the report says so.
 */
import { LimitError } from '../../common/errors';
import type { AuditExport, AuditReport, AuditReportChapter, AuditReportItem } from '../../common/contract';
import { type EvidenceEntry, type EvidenceFieldValue } from '../domain/evidence';
import { exportRows, toCsv, type ExportEvidence, type ExportIssue, type ExportRow } from '../domain/export';
import { chapterReviewSummary, type ChapterReviewEntry, type ItemUpdate } from '../domain/reviews';
import { checklistValidity } from '../domain/checklist-validity';
import type { ChecklistDefinition, ItemState, ScoreReport } from '../domain/types';
import { toAppliedWaivers, type WaiverRecord } from '../domain/waivers';
import { evidenceFieldId } from '../platform/evidence-field-id';
import { scoreWithEvidence, utcDay } from '../domain/evidence-scoring';
import { readProjectSettings } from '../platform/settings';
import type { JiraClient, JiraSearchIssue } from '../jira';
import { activeItemsJql, ITEM_PROPERTY } from '../jira/identity';
import { assessmentInForce, readVerdict } from '../domain/verdict-reading';
import { openItemMap } from '../item-map/ensure';
import { isMappedItem } from '../item-map/model';
import type { ProjectCaller } from '../platform/context';
import { toItemState } from '../platform/item-states';
import { readAccess } from '../platform/audit-access';
import { displayNames } from '../platform/people';
import { auditChecklist } from '../catalogue/audit-checklist';
import { countReviews, waiverView } from './audit-day';
import { readReviews, readWaivers } from '../platform/records';
import { asRecord } from '../domain/records';

/** Forge answers a resolver with at most 5 MB; keep room for the JSON around the text. */
const MAX_EXPORT_BYTES = 4.5 * 1024 * 1024;

export class ExportTooLargeError extends LimitError {}

export interface PackData {
  def: ChecklistDefinition;
  report: ScoreReport;
  rows: ExportRow[];
  reviews: ChapterReviewEntry[];
  waivers: WaiverRecord[];
  evidence: Map<string, EvidenceEntry[]>;
  issueKeys: Map<string, string>;
  evidenceAvailable: boolean;
  today: string;
}

/**
 * The whole pack in one answer. A pack past one answer's size is refused: the page downloads it in
 * parts (exportAuditPart, export-parts.ts).
 */
export async function exportAudit(
  jira: JiraClient,
  caller: ProjectCaller,
  args: { checklistId?: string; format?: 'csv' | 'report' },
  now: () => number = Date.now,
): Promise<AuditExport> {
  await readAccess(jira, caller, 'export the audit pack');
  const def = await auditChecklist(caller.projectKey, args.checklistId);
  const built = await buildPack(jira, caller.projectKey, def, args.format ?? 'csv', new Date(now()));
  checkSize(built.text);
  if (built.result.format !== 'report') return built.result;
  return { ...built.result, people: await reportPeople(caller.projectKey, built.result.report, now) };
}

/** Names of the people a report names (waiver authors), for the print view; cosmetic, never fails. */
export function reportPeople(projectKey: string, report: AuditReport, now: () => number): Promise<Record<string, string | null>> {
  return displayNames(projectKey, report.waivers.map((waiver) => waiver.appliedBy), now);
}

/** The pack as its result and as the text that travels (the CSV, or the report's JSON). */
export interface BuiltPack {
  result: AuditExport;
  text: string;
  fileName: string;
  rowCount: number;
}

/** Reads and scores the pack as of `at`; the same data and `at` give the same text. No permission check. */
export async function buildPack(jira: JiraClient, projectKey: string, def: ChecklistDefinition, format: 'csv' | 'report', at: Date): Promise<BuiltPack> {
  const pack = await readPack(jira, projectKey, def, at);
  const base = `${projectKey}-${def.id}-audit-pack-${pack.today}`;
  const rowCount = pack.rows.length;
  if (format === 'report') {
    const report = reportOf(projectKey, pack, at);
    console.info(`[export] ${projectKey}/${def.id}: printable report of ${rowCount} items`);
    return { result: { format: 'report', fileName: `${base}.pdf`, report }, text: JSON.stringify(report), fileName: `${base}.pdf`, rowCount };
  }
  const csv = toCsv(pack.rows);
  console.info(`[export] ${projectKey}/${def.id}: CSV of ${rowCount} items`);
  return { result: { format: 'csv', fileName: `${base}.csv`, csv, rowCount }, text: csv, fileName: `${base}.csv`, rowCount };
}

export async function readPack(jira: JiraClient, projectKey: string, def: ChecklistDefinition, at: Date): Promise<PackData> {
  const fieldId = await evidenceFieldId(jira);
  // Only issues in the app's item map count (an identity the app did not write is ignored).
  const map = await openItemMap(jira, projectKey, def.framework);
  const issues = await jira.searchJql({
    jql: activeItemsJql(projectKey, def.id),
    fields: ['status', 'resolution', 'updated', 'assignee', ...(fieldId !== undefined ? [fieldId] : [])],
    properties: [ITEM_PROPERTY],
    // As the caller: Jira leaves out issues they may not see (issue security), with all their data.
    as: 'user',
  });
  const states: ItemState[] = [];
  const updates: ItemUpdate[] = [];
  const packIssues: Record<string, ExportIssue> = {};
  const values = new Map<string, EvidenceFieldValue>();
  const issueKeys = new Map<string, string>();
  for (const issue of issues) {
    // The verdict data the app owns (read-only field), never the assessment property.
    const reading = readVerdict(fieldId !== undefined ? (issue.fields?.[fieldId] ?? null) : null);
    const state = toItemState(issue, () => assessmentInForce(reading));
    // Only issues in the app's item map count (an identity the app did not write is ignored).
    if (!state || state.issueKey === undefined || !isMappedItem(map, def.id, state.itemId, state.issueKey)) continue;
    states.push(state);
    const updated = issue.fields?.updated;
    if (typeof updated === 'string') updates.push({ itemId: state.itemId, updatedAt: updated });
    // Scoring counts an item's first issue; the pack shows the same one.
    if (issueKeys.has(state.itemId) || state.issueKey === undefined) continue;
    issueKeys.set(state.itemId, state.issueKey);
    const value = fieldId !== undefined ? reading.evidence : undefined;
    if (value && value.count > 0) values.set(state.itemId, value);
    packIssues[state.itemId] = packIssue(issue, value?.entries ?? []);
  }

  const today = utcDay(at);
  const [waivers, storedReviews, settings] = await Promise.all([readWaivers(projectKey, def.id), readReviews(projectKey, def.id), readProjectSettings(projectKey)]);
  const { report } = scoreWithEvidence(def, states, values, { strictMode: settings.strictMode, today, scoring: { waivers: toAppliedWaivers(waivers, today) } });
  const reviews = chapterReviewSummary(def, storedReviews, updates);
  const rows = exportRows(def, report, { issues: packIssues, reviews, waivers, today });
  const evidence = new Map([...values].map(([itemId, value]) => [itemId, value.entries]));
  return { def, report, rows, reviews, waivers, evidence, issueKeys, evidenceAvailable: fieldId !== undefined, today };
}

function packIssue(issue: JiraSearchIssue, entries: readonly EvidenceEntry[]): ExportIssue {
  const status = asRecord(issue.fields?.status)?.name;
  const assignee = asRecord(issue.fields?.assignee)?.displayName;
  return {
    status: typeof status === 'string' ? status : '',
    ...(typeof assignee === 'string' ? { assignee } : {}),
    evidence: entries.map(packEvidence),
  };
}

function packEvidence(entry: EvidenceEntry): ExportEvidence {
  return {
    title: entry.title,
    kind: entry.kind,
    reviewState: entry.reviewState,
    ...(entry.url !== undefined ? { url: entry.url } : {}),
    ...(entry.expiryDate !== undefined ? { expiryDate: entry.expiryDate } : {}),
    ...(entry.note !== undefined && entry.note.trim() !== '' ? { note: entry.note } : {}),
  };
}

/** The figures every form of the pack opens with (the printable report, the .xlsx Summary). */
export function packHeadline(projectKey: string, def: ChecklistDefinition, report: ScoreReport, at: Date) {
  return {
    projectKey,
    checklistId: def.id,
    checklistName: def.name,
    version: def.version,
    model: report.model,
    generatedAt: at.toISOString(),
    score: report.score,
    maxScore: report.maxScore,
    passMark: report.passMark,
    passed: report.passed,
    mandatoryOpen: [...report.mandatoryOpen],
    counts: { ...report.counts },
  };
}

function reportOf(projectKey: string, pack: PackData, at: Date): AuditReport {
  const { def, report } = pack;
  const rowsById = new Map(pack.rows.map((row) => [row.id, row]));
  const reviews = new Map(pack.reviews.map((entry) => [entry.chapterId, entry]));
  const items = new Map<string, AuditReportItem[]>();
  for (const item of report.items) {
    const row = rowsById.get(item.id);
    if (!row) continue;
    const issueKey = pack.issueKeys.get(item.id);
    const entry: AuditReportItem = {
      id: item.id,
      title: item.title,
      ...(issueKey !== undefined ? { issueKey } : {}),
      points: row.points,
      mandatory: item.mandatory,
      result: item.result,
      resultWords: row.result,
      ...(item.source === 'waiver' ? { waived: true } : {}),
      ...(item.justification !== undefined ? { justification: item.justification } : {}),
      why: row.why,
      status: row.status,
      owner: row.owner,
      waiver: row.waiver,
      evidence: (pack.evidence.get(item.id) ?? []).map(packEvidence),
    };
    const list = items.get(item.chapterId);
    if (list) list.push(entry);
    else items.set(item.chapterId, [entry]);
  }
  const chapters = report.chapters.map((chapter): AuditReportChapter => {
    const review = reviews.get(chapter.id);
    const chapterItems = items.get(chapter.id) ?? [];
    const waiver = pack.waivers.find((record) => record.name === chapter.waivedBy && record.chapters.includes(chapter.id));
    return {
      id: chapter.id,
      title: chapter.title,
      earned: chapter.earned,
      max: chapter.max,
      met: chapter.met,
      total: chapter.total,
      reviewState: review?.state ?? 'not-reviewed',
      review: reviewWords(chapterItems[0] && rowsById.get(chapterItems[0].id), review),
      ...(review?.review?.note !== undefined ? { reviewNote: review.review.note } : {}),
      ...(waiver ? { waiver: `${waiver.name}: ${waiver.reason}` } : {}),
      items: chapterItems,
    };
  });
  return {
    ...packHeadline(projectKey, def, report, at),
    reviewCounts: countReviews(pack.reviews),
    waivers: pack.waivers.map((record) => waiverView(record, pack.today)),
    evidenceAvailable: pack.evidenceAvailable,
    chapters,
    ...(report.naRefused.length > 0 ? { naRefused: [...report.naRefused] } : {}),
    ...validityLine(def, at),
  };
}

/** The CSV's words for the chapter's review; a chapter without items cannot be stale. */
function reviewWords(row: ExportRow | undefined, entry: ChapterReviewEntry | undefined): string {
  if (row) return row.chapterReview;
  return entry?.review ? `Reviewed ${entry.review.reviewedAt.slice(0, 10)}` : 'Not reviewed';
}

export function checkSize(text: string): void {
  const bytes = Buffer.byteLength(text, 'utf8');
  if (bytes > MAX_EXPORT_BYTES) {
    throw new ExportTooLargeError(
      `The audit pack is ${Math.ceil(bytes / 1024 / 1024)} MB, more than Forge lets the app send in one answer (5 MB); download it from the Audit day page, which fetches it in parts.`,
    );
  }
}

/** Says in the report when the checklist version was past its validity on the day it was made. */
function validityLine(def: ChecklistDefinition, at: Date): Pick<AuditReport, 'validityMessage'> {
  const { message } = checklistValidity(def, at.toISOString().slice(0, 10));
  return message !== undefined ? { validityMessage: message } : {};
}

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
import type { AuditExport, AuditReport, AuditReportChapter, AuditReportItem } from '../../common/contract';
import { type EvidenceEntry, type EvidenceFieldValue } from '../domain/evidence';
import { exportRows, toCsv, type ExportEvidence, type ExportIssue, type ExportRow } from '../domain/export';
import { chapterReviewSummary, type ChapterReviewEntry, type ItemUpdate } from '../domain/reviews';
import type { ChecklistDefinition, ItemState, ScoreReport } from '../domain/types';
import { toAppliedWaivers, type WaiverRecord } from '../domain/waivers';
import { evidenceFieldId } from '../evidence/field-id';
import { readEvidence } from '../evidence/read';
import { scoreWithEvidence, utcDay } from '../evidence/scoring';
import { readProjectSettings } from '../evidence/settings';
import type { JiraClient, JiraSearchIssue } from '../jira';
import { activeItemsJql, ASSESSMENT_PROPERTY, ITEM_PROPERTY } from '../jira/identity';
import type { ProjectCaller } from '../resolvers/context';
import { toItemState } from '../rollup/states';
import { auditChecklist, readAccess } from './access';
import { countReviews, waiverView } from './audit-day';
import { readReviews, readWaivers } from './records';
import { asRecord } from '../domain/records';

/** Forge answers a resolver with at most 5 MB; keep room for the JSON around the text. */
const MAX_EXPORT_BYTES = 4.5 * 1024 * 1024;

export class ExportTooLargeError extends Error {
  override name = 'ExportTooLargeError';
}

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

export async function exportAudit(
  jira: JiraClient,
  caller: ProjectCaller,
  args: { checklistId?: string; format?: 'csv' | 'report' },
  now: () => number = Date.now,
): Promise<AuditExport> {
  await readAccess(jira, caller, 'export the audit pack');
  const def = await auditChecklist(caller.projectKey, args.checklistId);
  const at = new Date(now());
  const pack = await readPack(jira, caller.projectKey, def, at);
  const base = `${caller.projectKey}-${def.id}-audit-pack-${pack.today}`;
  if (args.format === 'report') {
    const result: AuditExport = { format: 'report', fileName: `${base}.pdf`, report: reportOf(caller.projectKey, pack, at) };
    checkSize(JSON.stringify(result));
    console.info(`[export] ${caller.projectKey}/${def.id}: printable report of ${pack.rows.length} items`);
    return result;
  }
  const csv = toCsv(pack.rows);
  checkSize(csv);
  console.info(`[export] ${caller.projectKey}/${def.id}: CSV of ${pack.rows.length} items`);
  return { format: 'csv', fileName: `${base}.csv`, csv, rowCount: pack.rows.length };
}

export async function readPack(jira: JiraClient, projectKey: string, def: ChecklistDefinition, at: Date): Promise<PackData> {
  const fieldId = await evidenceFieldId(jira);
  const issues = await jira.searchJql({
    jql: activeItemsJql(projectKey, def.id),
    fields: ['status', 'resolution', 'updated', 'assignee', ...(fieldId !== undefined ? [fieldId] : [])],
    properties: [ITEM_PROPERTY, ASSESSMENT_PROPERTY],
    // As the caller: Jira leaves out issues they may not see (issue security), with all their data.
    as: 'user',
  });
  const states: ItemState[] = [];
  const updates: ItemUpdate[] = [];
  const packIssues: Record<string, ExportIssue> = {};
  const values = new Map<string, EvidenceFieldValue>();
  const issueKeys = new Map<string, string>();
  for (const issue of issues) {
    const state = toItemState(issue);
    if (!state) continue;
    states.push(state);
    const updated = issue.fields?.updated;
    if (typeof updated === 'string') updates.push({ itemId: state.itemId, updatedAt: updated });
    // Scoring counts an item's first issue; the pack shows the same one.
    if (issueKeys.has(state.itemId) || state.issueKey === undefined) continue;
    issueKeys.set(state.itemId, state.issueKey);
    const value = fieldId !== undefined ? readEvidence(issue.fields?.[fieldId] ?? null).value : undefined;
    if (value && value.count > 0) values.set(state.itemId, value);
    packIssues[state.itemId] = packIssue(issue, value?.entries ?? []);
  }

  const today = utcDay(at);
  const [waivers, storedReviews, settings] = await Promise.all([readWaivers(projectKey, def.id), readReviews(projectKey, def.id), readProjectSettings(projectKey)]);
  const { report } = scoreWithEvidence(def, states, values, { strictMode: settings.strictMode, today, scoring: { waivers: toAppliedWaivers(waivers) } });
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
    reviewCounts: countReviews(pack.reviews),
    waivers: pack.waivers.map(waiverView),
    evidenceAvailable: pack.evidenceAvailable,
    chapters,
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
      `The audit pack is ${Math.ceil(bytes / 1024 / 1024)} MB, more than Forge lets the app send in one answer (5 MB); report this to the app's maintainers so the export can be split.`,
    );
  }
}

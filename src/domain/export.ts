/**
 * The audit pack: one row per checklist item with everything an auditor asks on audit day — the
 * result and why, who owns it, the evidence and whether it was reviewed, the chapter's dry-run
 * state, and the waiver behind a result.
 *
 * Choices made here:
 * - Rows follow the report's item order (the checklist's order).
 * - Several evidence entries go one per line in the evidence cells, and the titles, links and
 *   review-state cells stay line-aligned (an entry without a link shows `(no link)`), so line 2
 *   of each belongs to the same entry.
 * - `points` is a number under the points model and empty under the met model, where items carry
 *   no points.
 * - `reviews` is the output of `chapterReviewSummary`, so "stale" means the same here as on screen.
 * - The result says what decided it, as the Audit page does (common/result-words.ts): a waived
 *   item is "Waived: <waiver>, by <who>, on <day>", never "Met"; an N/A one "N/A: <justification>".
 * - Every evidence note (what the evidence is, where the auditor finds it) is in "Evidence notes",
 *   line-aligned with the titles like the other evidence cells: a note's own line breaks become
 *   " / " so its entry keeps one line, and an entry without a note shows `(no note)`.
 * - The waiver shown is the one scoring uses (an item waiver before a chapter waiver, the first
 *   applied first); if the issue's own assessment overrode it, or the report was scored without
 *   it, the cell says so rather than showing a waiver that did not decide the result.
 */
import { resultWords } from '../../common/result-words';
import { csvTable } from './export-csv';
import type { ChapterReviewEntry } from './reviews';
import { buildResultRules } from './scoring-result';
import type { ChecklistDefinition, ItemScore, ScoreReport } from './types';
import { toAppliedWaivers, type WaiverRecord } from './waivers';
import { hasLapsed, lapsedWords, proofLapseDate } from './waiver-proof';

/** An evidence entry as the pack needs it. */
export interface ExportEvidence {
  title: string;
  url?: string;
  kind: string;
  reviewState: string;
  /** `YYYY-MM-DD` (a longer ISO text is cut to its day). */
  expiryDate?: string;
  /** What the evidence is or where the auditor finds it; may span lines. */
  note?: string;
}

/** What the pack needs from an item's issue. */
export interface ExportIssue {
  status: string;
  /** Display name of the assignee. */
  assignee?: string;
  evidence: ExportEvidence[];
}

export interface ExportExtras {
  /** By item id; items without an entry have no issue. */
  issues: Record<string, ExportIssue>;
  /** From `chapterReviewSummary`. */
  reviews: ChapterReviewEntry[];
  /** The waivers in force, as the report was scored with. */
  waivers: WaiverRecord[];
  /** `YYYY-MM-DD`; when given, evidence past its expiry date is marked expired. */
  today?: string;
}

/** One item of the pack. */
export interface ExportRow {
  id: string;
  chapter: string;
  title: string;
  /** Null under the met model. */
  points: number | null;
  mandatory: 'Yes' | 'No';
  result: string;
  why: string;
  status: string;
  owner: string;
  evidenceTitles: string;
  evidenceLinks: string;
  evidenceReviewStates: string;
  evidenceNotes: string;
  chapterReview: string;
  waiver: string;
}

/** The pack's columns, in file order. */
export const EXPORT_COLUMNS: ReadonlyArray<{ key: keyof ExportRow; header: string }> = [
  { key: 'id', header: 'ID' },
  { key: 'chapter', header: 'Chapter' },
  { key: 'title', header: 'Title' },
  { key: 'points', header: 'Points' },
  { key: 'mandatory', header: 'Mandatory' },
  { key: 'result', header: 'Result' },
  { key: 'why', header: 'Why' },
  { key: 'status', header: 'Status' },
  { key: 'owner', header: 'Owner' },
  { key: 'evidenceTitles', header: 'Evidence' },
  { key: 'evidenceLinks', header: 'Evidence links' },
  { key: 'evidenceReviewStates', header: 'Evidence review' },
  { key: 'evidenceNotes', header: 'Evidence notes' },
  { key: 'chapterReview', header: 'Chapter review' },
  { key: 'waiver', header: 'Waiver' },
];

/** The report and the checklist given do not belong together. */
export class ExportInputError extends Error {
  override readonly name = 'ExportInputError';
}

/**
 * The rows of the audit pack, one per item of the report.
 *
 * @throws ExportInputError when the report was scored for another checklist
 * @example
 * const report = scoreChecklist(def, states, { waivers: toAppliedWaivers(waivers) });
 * const rows = exportRows(def, report, { issues, reviews: chapterReviewSummary(def, reviews, updates), waivers, today: '2026-03-02' });
 * rows[0]; // { id: '1.1', chapter: 'Governance', points: 20, mandatory: 'Yes', result: 'Met', why: 'Issue MSP-1 is Done', … }
 * // a waived item: result 'Waived: AWS DevOps Competency, by ana, on 2026-03-02'
 */
export function exportRows(def: ChecklistDefinition, report: ScoreReport, extras: ExportExtras): ExportRow[] {
  if (report.checklistId !== def.id) {
    throw new ExportInputError(`The score report is for ${report.checklistId}, not ${def.id}; score ${def.id} and export again.`);
  }
  const chapterTitles = new Map(def.chapters.map((chapter) => [chapter.id, chapter.title]));
  const reviews = new Map(extras.reviews.map((entry) => [entry.chapterId, entry]));
  const recordsById = new Map(extras.waivers.map((record) => [record.id, record]));
  const rules = buildResultRules({ waivers: toAppliedWaivers(extras.waivers, extras.today) });

  return report.items.map((item) => {
    const issue = extras.issues[item.id];
    const evidence = issue?.evidence ?? [];
    const applied =
      rules.itemWaivers.get(item.id) ?? rules.chapterWaivers.get(item.chapterId) ?? rules.lapsedItemWaivers?.get(item.id) ?? rules.lapsedChapterWaivers?.get(item.chapterId);
    const decidedBy = item.waiverId === undefined ? undefined : recordsById.get(item.waiverId);
    return {
      id: item.id,
      chapter: chapterTitles.get(item.chapterId) ?? item.chapterId,
      title: item.title,
      points: report.model === 'points' ? item.points : null,
      mandatory: item.mandatory ? 'Yes' : 'No',
      result: resultWords({
        result: item.result,
        ...(item.waivedBy !== undefined ? { waivedBy: item.waivedBy } : {}),
        ...(decidedBy ? { waiverAppliedBy: decidedBy.appliedBy, waiverAppliedAt: decidedBy.appliedAt } : {}),
        ...(item.justification !== undefined ? { justification: item.justification } : {}),
      }),
      why: item.reason,
      status: issue?.status ?? (item.issueKey === undefined ? 'No issue' : ''),
      owner: issue ? (issue.assignee ?? 'Unassigned') : '',
      evidenceTitles: evidence.map((entry) => `${entry.title} (${entry.kind})`).join('\n'),
      evidenceLinks: evidence.map((entry) => entry.url || '(no link)').join('\n'),
      evidenceReviewStates: evidence.map((entry) => reviewWords(entry, extras.today)).join('\n'),
      evidenceNotes: evidence.map(noteWords).join('\n'),
      chapterReview: chapterReviewWords(reviews.get(item.chapterId)),
      waiver: waiverWords(item, applied && recordsById.get(applied.id), extras.today),
    };
  });
}

/**
 * The audit pack as a CSV file (RFC 4180, CRLF, UTF-8 BOM, formula injection neutralised; see
 * `export-csv.ts`). Points are plain numbers.
 *
 * @example
 * toCsv(rows); // '\uFEFFID,Chapter,Title,Points,…\r\n8.3,Operations,Vulnerability management,20,Yes,…\r\n'
 */
export function toCsv(rows: ExportRow[]): string {
  return csvTable(
    EXPORT_COLUMNS.map((column) => column.header),
    rows.map((row) => EXPORT_COLUMNS.map((column) => row[column.key])),
  );
}

function reviewWords(entry: ExportEvidence, today: string | undefined): string {
  if (!entry.expiryDate) return entry.reviewState;
  const expiry = entry.expiryDate.slice(0, 10);
  const expired = today !== undefined && expiry < today;
  return `${entry.reviewState}, ${expired ? 'expired' : 'expires'} ${expiry}`;
}

/** One entry's note on one line (its own line breaks become " / "), so the cells stay line-aligned. */
function noteWords(entry: ExportEvidence): string {
  const lines = (entry.note ?? '').split(/\r\n|\r|\n/).map((line) => line.trim()).filter((line) => line !== '');
  return lines.length > 0 ? lines.join(' / ') : '(no note)';
}

/** "; proof: ISO 27001 certificate (https://…), valid 2025-06-01 to 2028-05-31, lapses on 2028-06-01", or "; no proof on record". */
function proofWords(record: WaiverRecord): string {
  const { proof } = record;
  if (!proof) return record.source === 'named' ? '; no proof on record' : '';
  const where = proof.url ?? proof.note;
  return `; proof: ${proof.title}${where !== undefined ? ` (${where})` : ''}, valid ${proof.effectiveDate} to ${proof.expiryDate}, lapses on ${proofLapseDate(proof)}`;
}

function chapterReviewWords(entry: ChapterReviewEntry | undefined): string {
  if (!entry?.review || entry.state === 'not-reviewed') return 'Not reviewed';
  const day = entry.review.reviewedAt.slice(0, 10);
  if (entry.state === 'reviewed') return `Reviewed ${day}`;
  return `Stale: reviewed ${day}, changed since: ${entry.changedItems.join(', ')}`;
}

function waiverWords(item: ItemScore, record: WaiverRecord | undefined, today?: string): string {
  if (!record) return item.waivedBy ?? '';
  const words = `${record.name}: ${record.reason} (applied ${record.appliedAt.slice(0, 10)})${proofWords(record)}`;
  if (record.proof && today !== undefined && hasLapsed(record, today)) return `${words}; ${lapsedWords(record.name, proofLapseDate(record.proof))}, so the item counts on its own`;
  if (item.source === 'waiver') return words;
  if (item.source === 'assessment') return `${words}; overridden by the assessment on the issue`;
  return `${words}; not applied to this score (score again with the waivers in force)`;
}

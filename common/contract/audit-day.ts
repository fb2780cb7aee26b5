/** The resolver contract, part: Audit day: chapter dry-runs, waivers, score history and the audit pack. (common/contract.ts re-exports every part.) */
import type { ItemResultName, ScoringModelName } from './catalogue';

// ---- Audit day: chapter dry-runs, waivers, score history and the audit pack ----
// The project always comes from the invocation context; `checklistId` defaults to the one imported last.

export type ChapterReviewStateName = 'not-reviewed' | 'reviewed' | 'stale';

/** One chapter's dry-run state: reviewed, stale (an item changed after the review) or not yet. */
export interface ChapterReviewView {
  chapterId: string;
  title: string;
  state: ChapterReviewStateName;
  /** Items changed after the review, in checklist order; empty unless `stale`. */
  changedItems: string[];
  /** The latest review of the chapter. */
  review?: { reviewedBy: string; reviewedAt: string; note?: string };
}

/** A waiver in force: one of the checklist's named waivers, or a team's own with its reason. */
export interface WaiverView {
  id: string;
  source: 'named' | 'custom';
  name: string;
  reason: string;
  items: string[];
  chapters: string[];
  /** Account id of whoever applied it. */
  appliedBy: string;
  appliedAt: string;
  /** Mandatory items it covers: applying or removing it needs Administer projects. */
  mandatoryItems?: string[];
  /** The certificate or report that grants it; absent on waivers applied before proof was asked for. */
  proof?: WaiverProofView;
  /** With a proof: the first day the waiver no longer counts (the day after the proof's expiry), YYYY-MM-DD. */
  lapsesOn?: string;
  /** True once `lapsesOn` has come: scoring no longer applies it. */
  lapsed?: boolean;
}

/** A waiver's proof, as sent with `applyWaiver` (required for a named waiver) and shown on it. */
export interface WaiverProofView {
  kind: 'document' | 'process' | 'presentation' | 'demo' | 'link';
  title: string;
  /** https:// link to the certificate or report; or a `note` saying where the auditor finds it. */
  url?: string;
  note?: string;
  /** YYYY-MM-DD. */
  effectiveDate: string;
  /** YYYY-MM-DD: the last valid day; the waiver lapses the day after. */
  expiryDate: string;
}

/** A waiver the checklist offers (e.g. "AWS DevOps Competency" covers OPS-009). */
export interface NamedWaiverView {
  id: string;
  name: string;
  reason: string;
  items: string[];
  chapters: string[];
  inForce: boolean;
  /** Mandatory items it covers: applying it needs Administer projects. */
  mandatoryItems?: string[];
}

/** `getScoreHistory { checklistId? }` (Browse projects): the score history alone, for the overview's trend. */
export interface ScoreHistoryView {
  checklistId: string;
  /** Today as the history counts days (UTC), `YYYY-MM-DD`. */
  today: string;
  history: ScoreHistoryPoint[];
}

/** One point of the score history: the daily snapshot or a significant change, with its time (a day may hold several). */
export interface ScoreHistoryPoint {
  /** `YYYY-MM-DD`, UTC. */
  date: string;
  /** When the snapshot was taken, ISO 8601 (absent from servers older than it: the day then stands for the time). */
  at?: string;
  score: number;
  maxScore: number;
  passMark: number | null;
  passed: boolean;
  mandatoryOpen: number;
  /** Score as a percentage of max, one decimal: under the met model, the share of items met. */
  percent: number;
}

/** `getAuditDay { checklistId? }` → AuditDay; every audit-day change returns it afresh. */
export interface AuditDay {
  checklistId: string;
  checklistName: string;
  version: string;
  model: ScoringModelName;
  /** Today as the history counts days (UTC), `YYYY-MM-DD`. */
  today: string;
  /** The caller may record reviews and change waivers (Edit issues permission). */
  canEdit: boolean;
  /** The caller may also apply or remove waivers that cover mandatory items (Administer projects). */
  canAdminister?: boolean;
  /** Most waivers one checklist may have in force. */
  maxWaivers?: number;
  chapters: ChapterReviewView[];
  reviewCounts: { reviewed: number; stale: number; notReviewed: number };
  waivers: WaiverView[];
  namedWaivers: NamedWaiverView[];
  /** Oldest first: every significant change of the last 92 days (with its time), a point per day for two years, one per week before that. */
  history: ScoreHistoryPoint[];
  /** When the item states behind `chapters` were read from Jira. */
  computedAt: string;
  /** Display names of waiver authors and chapter reviewers; null when Jira does not return the account. */
  people?: Record<string, string | null>;
}

/** One program condition outside the checklist ("before you apply"), and whether the team ticked it. */
export interface PrerequisiteView {
  id: string;
  text: string;
  detail?: string;
  done: boolean;
  /** Who last ticked or unticked it, and when (ISO). */
  by?: string;
  at?: string;
}

/** `getPrerequisites { checklistId? }` / `setPrerequisite { checklistId, id, done }` → Prerequisites. */
export interface Prerequisites {
  checklistId: string;
  /** Empty when the app knows no conditions outside this checklist's program. */
  conditions: PrerequisiteView[];
  /** The caller may tick (Edit issues). */
  canEdit: boolean;
}

export interface SetPrerequisitePayload {
  checklistId: string;
  id: string;
  done: boolean;
}

/** `markChapterReviewed { checklistId, chapterId, note? }` → AuditDay. */
export interface MarkChapterReviewedPayload {
  checklistId: string;
  chapterId: string;
  note?: string;
}

/** `applyWaiver { checklistId, waiverId }` → AuditDay. */
export interface ApplyWaiverPayload {
  checklistId: string;
  waiverId: string;
  /** Required: the certificate or report behind the exemption. */
  proof?: WaiverProofView;
}

/** `addCustomWaiver { checklistId, name?, reason, items?, chapters? }` → AuditDay. */
export interface AddCustomWaiverPayload {
  checklistId: string;
  name?: string;
  reason: string;
  items?: string[];
  chapters?: string[];
  /** Optional for a team's own waiver: with one, it lapses when the proof expires. */
  proof?: WaiverProofView;
}

/** `removeWaiver { checklistId, id }` → AuditDay (removing a waiver not in force changes nothing). */
export interface RemoveWaiverPayload {
  checklistId: string;
  id: string;
}

/** `exportAudit { checklistId?, format? }`: `csv` (default) → AuditExportCsv, `report` → AuditExportReport. */
export interface ExportAuditPayload {
  checklistId?: string;
  format?: 'csv' | 'report';
}

export interface AuditExportCsv {
  format: 'csv';
  /** e.g. `MSP-aws-msp-7.1-audit-pack-2026-03-02.csv`. */
  fileName: string;
  /** RFC 4180, UTF-8 with BOM, formula injection neutralised. */
  csv: string;
  rowCount: number;
}

/** One evidence entry as the printable report shows it. */
export interface AuditReportEvidence {
  title: string;
  kind: string;
  url?: string;
  reviewState: string;
  expiryDate?: string;
  /** What the evidence is or where the auditor finds it; may span lines. */
  note?: string;
}

/** One item of the printable report; the words are the CSV's. */
export interface AuditReportItem {
  id: string;
  title: string;
  issueKey?: string;
  points: number | null;
  mandatory: boolean;
  result: ItemResultName;
  /** "Met", "Waived: <waiver>, by <who>, on <day>", "N/A: <justification>" … (common/result-words.ts). */
  resultWords: string;
  /** True when a waiver decided the result (`result` is then `met`). */
  waived?: boolean;
  /** The written justification of an N/A answer. */
  justification?: string;
  why: string;
  status: string;
  owner: string;
  waiver: string;
  evidence: AuditReportEvidence[];
}

export interface AuditReportChapter {
  id: string;
  title: string;
  earned: number;
  max: number;
  met: number;
  total: number;
  reviewState: ChapterReviewStateName;
  /** e.g. "Reviewed 2026-03-02" or "Stale: reviewed 2026-03-02, changed since: 8.3". */
  review: string;
  reviewNote?: string;
  waiver?: string;
  items: AuditReportItem[];
}

/** What the printable report and the audit pack both open with: whose checklist, when, and its verdict. */
export interface ReportHeading {
  projectKey: string;
  checklistId: string;
  checklistName: string;
  version: string;
  model: ScoringModelName;
  generatedAt: string;
  score: number;
  maxScore: number;
  passMark: number | null;
  passed: boolean;
  mandatoryOpen: string[];
  /** Items by result; `waived` is apart from `met`. */
  counts: { met: number; notMet: number; na: number; notAssessed: number; total: number; waived?: number };
}

/** The printable audit report: the summary, then chapter by chapter, item by item with evidence. */
export interface AuditReport extends ReportHeading {
  reviewCounts: { reviewed: number; stale: number; notReviewed: number };
  waivers: WaiverView[];
  /** False when the evidence field is missing from Jira (evidence columns are then empty). */
  evidenceAvailable: boolean;
  chapters: AuditReportChapter[];
  /** Items answered N/A in a way the checklist does not allow, counted as not met. */
  naRefused?: string[];
  /** The checklist version's validity when the report was made (absent while current). */
  validityMessage?: string;
}

export interface AuditExportReport {
  format: 'report';
  fileName: string;
  report: AuditReport;
  /** Display names of the waiver authors the report names; null when Jira does not return the account. */
  people?: Record<string, string | null>;
}

export type AuditExport = AuditExportCsv | AuditExportReport;

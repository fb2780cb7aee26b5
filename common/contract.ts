/**
 * The app's own API between the Custom UI frontend and the resolver: payloads and results of each
 * resolver function. Both sides import this module; neither reaches into the other's folder.
 * Shapes that DESIGN.md fixes ("The local runtime" contract) must not change; add fields freely.
 */
import type { RollupCrosswalk } from './crosswalk';

export type ScoringModelName = 'points' | 'met';
export type ItemResultName = 'met' | 'not_met' | 'na' | 'not_assessed';

/** `listChecklists` → ChecklistSummary[] */
export interface ChecklistSummary {
  id: string;
  framework: string;
  name: string;
  version: string;
  description: string;
  model: ScoringModelName;
  itemCount: number;
  chapterCount: number;
  mandatoryCount: number;
  maxScore?: number;
  passMark?: number;
  source: 'builtin' | 'custom';
  /** A team's own (`source: 'custom'`): when it was saved, and the account that saved it if stored. */
  savedAt?: string;
  savedBy?: string;
  /** How N/A may be answered (absent: with a written justification). */
  naRule?: 'exemptions' | 'justified' | 'free';
  /** The version's validity as its publisher states it (YYYY-MM-DD days), when stated. */
  validity?: { validFrom?: string; validUntil?: string; usableUntil?: string; historical?: boolean };
}

export interface ChecklistItemView {
  id: string;
  chapterId: string;
  title: string;
  requirement: string;
  evidence: string[];
  points: number;
  mandatory: boolean;
  penalty: number;
  complexity?: string;
}

/** `getChecklist { id }` → ChecklistView */
export interface ChecklistView extends ChecklistSummary {
  passRule: { kind: 'points'; passMark: number } | { kind: 'met'; minOptionalPercent?: number };
  naPolicy: 'award' | 'exclude';
  chapters: { id: string; title: string; order: number }[];
  items: ChecklistItemView[];
  waivers: { id: string; name: string; reason: string; items: string[]; chapters: string[] }[];
}

export interface StartImportPayload {
  checklistId: string;
}
export interface StartImportResult {
  jobId: string;
}

export type ImportState = 'queued' | 'running' | 'done' | 'failed';

/** `getImport { jobId }` → ImportStatus */
export interface ImportStatus {
  jobId: string;
  checklistId: string;
  projectKey: string;
  state: ImportState;
  total: number;
  created: number;
  existing: number;
  failed: number;
  error?: string;
  startedAt: string;
  updatedAt: string;
}

export interface RollupItem {
  id: string;
  chapterId: string;
  title: string;
  issueKey?: string;
  result: ItemResultName;
  reason: string;
  points: number;
  mandatory: boolean;
  earned: number;
  cost: number;
  inProgress: boolean;
  /** Name of the waiver that decided the result (then shown as "Waived", not "Met"). */
  waivedBy?: string;
  /** Who applied that waiver (account id) and when (ISO instant). */
  waiverAppliedBy?: string;
  waiverAppliedAt?: string;
  /** The written justification of an N/A answer (absent for an issue the caller cannot see). */
  justification?: string;
}

export interface RollupChapter {
  id: string;
  title: string;
  earned: number;
  max: number;
  met: number;
  total: number;
  /** JQL that opens this chapter's items in Jira's issue navigator. */
  jql?: string;
  /** Name of the waiver covering the whole chapter (its items count as met, unless assessed otherwise). */
  waivedBy?: string;
  /** That waiver's reason, shown wherever the chapter is. */
  waiverReason?: string;
}

/** `getRollup { checklistId? }` → Rollup (project from the invocation context), or null when the project has no checklist yet and none was named. */
export interface Rollup {
  checklistId: string;
  checklistName: string;
  version: string;
  model: ScoringModelName;
  score: number;
  maxScore: number;
  passMark: number | null;
  passed: boolean;
  mandatoryOpen: string[];
  chapters: RollupChapter[];
  items: RollupItem[];
  /** Items by result; `waived` (met by a waiver) is apart from `met` (absent in caches older than it). */
  counts: { met: number; notMet: number; na: number; notAssessed: number; total: number; waived?: number };
  projection: { score: number; passed: boolean; mandatoryOpen: string[] };
  /** ISO time the figures were computed from Jira. */
  computedAt: string;
  /** `cache` when served from the stored rollup, `jira` when computed now. */
  from: 'cache' | 'jira';
  /** Evidence from other checklists of the project that the site's crosswalk maps here (absent: no mapping applies). */
  crosswalk?: RollupCrosswalk;
  /** What an auditor would catch in the evidence (items met without it, expired or expiring evidence). */
  risks: AuditRisk[];
  /** The project counts an item as met only with accepted evidence in force (`setProjectSettings`). */
  strictMode: boolean;
  /** Evidence cannot be reviewed by the person who added it (absent in old caches: on). */
  fourEyes?: boolean;
  /** What the calling user may do in this project (from the same permission check; absent in old caches). */
  can?: { createIssues: boolean; editIssues: boolean; administerProjects: boolean };
  /** Items whose issue the calling user cannot see (issue security): their rows carry no issue data. */
  hiddenItems?: number;
  /**
   * Issues that claim an item (their `msp-audit-item` property) without the app having created or
   * adopted them: "claims item X, not created by the app". Never scored until a project admin
   * adopts one (`adoptIssue`). Only issues the caller can see are listed.
   */
  unclaimed?: { issueKey: string; itemId: string }[];
  /**
   * Items answered N/A in a way the checklist's N/A rule does not allow (after a version update, or
   * without a justification where one is required): counted as not met, each row's reason says why.
   */
  /** How the checklist lets N/A be answered (src/domain/na-rule.ts): `exemptions` means only through a published exemption. */
  naRule?: 'exemptions' | 'justified' | 'free';
  naRefused?: string[];
  /** Whether the version in use is still the one to prepare against, judged on the server's today. */
  validity?: ChecklistValidityView;
  /** Points model: the fewest and most points an unmet mandatory item costs (the checklist's penalties). */
  mandatoryPenalty?: { min: number; max: number };
}

/** `adoptIssue { issueKey }`: a project admin makes an issue that claims an item that item's issue. */
export interface AdoptIssuePayload {
  issueKey: string;
}

export interface AdoptIssueResult {
  issueKey: string;
  checklistId: string;
  itemId: string;
  /** The issue that now stands for the item (the adopted one, or the one with work if it had a rival). */
  keptIssueKey: string;
  /** The rival closed as a duplicate, if there was one. */
  closedIssueKey?: string;
}

/** A checklist version's validity as its publisher states it, and where today falls (YYYY-MM-DD days). */
export interface ChecklistValidityView {
  validFrom?: string;
  validUntil?: string;
  usableUntil?: string;
  historical?: boolean;
  /** `past-valid`: past its window but still accepted; `past-usable`: no longer accepted; `historical`: superseded. */
  state: 'current' | 'past-valid' | 'past-usable' | 'historical';
  /** What is wrong and what to do (absent while current). */
  message?: string;
}

export type AuditRiskKind =
  | 'met-without-evidence'
  | 'only-rejected-evidence'
  | 'evidence-expired'
  | 'evidence-expiring'
  /** Evidence valid today whose expiry falls before the audit date of the plan. */
  | 'evidence-expires-before-audit'
  /** A waiver lapses within 30 days (its proof expires), or has lapsed, or is named with no proof on record. */
  | 'waiver-expiring'
  | 'waiver-lapsed'
  | 'waiver-no-proof';

/** One audit risk on the Audit page. */
export interface AuditRisk {
  itemId: string;
  issueKey?: string;
  kind: AuditRiskKind;
  /** Plain words saying what to do, e.g. `"Patch policy" expires in 12 days (2026-03-13); renew it before the audit.` */
  detail: string;
  /** The expiry date (YYYY-MM-DD) for expired and expiring evidence; the lapse date for a waiver. */
  date?: string;
  /** The waiver concerned, for the `waiver-…` kinds (`itemId` is then the first item it covers). */
  waiverId?: string;
}

/** Errors a resolver throws reach the frontend as `{ error: message }`; messages say what to do. */
export interface ResolverError {
  error: string;
}

/** `getRollup { checklistId?, refresh? }`: `refresh: true` reads Jira even when the cache is fresh. */
export interface GetRollupPayload {
  checklistId?: string;
  refresh?: boolean;
}

/** What a version sync would change: `planSync { checklistId }` → SyncPreview. */
export interface SyncPreview {
  /** The version the project would move to. */
  checklistId: string;
  framework: string;
  version: string;
  /** Checklist ids (versions of the framework) the project's issues carry now. */
  fromChecklistIds: string[];
  summary: {
    create: number;
    update: number;
    renamed: number;
    restored: number;
    changed: number;
    versionOnly: number;
    retire: number;
    unchanged: number;
    duplicates: number;
    /** Active issues before the move that stand for an item after it (they keep their work). */
    carriedOver: number;
    /** Active issues of the checklist before the move. */
    activeBefore: number;
    /** Issues to retire that have work on them: status, evidence, an assessment or a waiver. */
    retiredWithWork: number;
    proposals: number;
  };
  /**
   * Old items whose issue could stand for a new item (same title, one to one). Nothing moves
   * unless the person confirms it: `applySync { mappings }`. `issueKey` is absent when hidden.
   */
  proposals: { fromItemId: string; toItemId: string; reason: string; withWork: boolean; issueKey?: string }[];
  create: { itemId: string; chapterId: string; title: string }[];
  update: {
    /** Absent when the caller cannot see the issue (issue security). */
    issueKey?: string;
    itemId: string;
    previousItemId?: string;
    changes: ('summary' | 'description' | 'points' | 'chapter' | 'identity')[];
    restored?: boolean;
  }[];
  /** `issueKey` is absent when the caller cannot see the issue (issue security). */
  retire: { issueKey?: string; itemId: string }[];
  duplicates: { itemId: string; keptIssueKey?: string; issueKeys: string[] }[];
  /** Issues of the plan the caller cannot see: counted, their keys left out. */
  hiddenIssues?: number;
}

/** A proposal of the preview the person confirmed: the issue of `fromItemId` becomes `toItemId`'s. */
export interface SyncMapping {
  fromItemId: string;
  toItemId: string;
}

/**
 * `applySync { checklistId, mappings? }` → SyncResult. Run again (with the same mappings) while
 * `complete` is false (it resumes). A mapping the plan does not propose is refused, nothing written.
 */
export interface SyncResult {
  checklistId: string;
  created: number;
  updated: number;
  retired: number;
  unchanged: number;
  /** False when the call stopped early to stay inside the time limit; calling again finishes. */
  complete: boolean;
}

// ---- Evidence and the item panel (issue modules `audit-item-panel` and `audit-evidence`) ----
// The issue is always the one the module is open on (the invocation context); payloads never name it.

export type EvidenceKindName = 'document' | 'process' | 'presentation' | 'demo' | 'link' | 'attachment';
export type EvidenceReviewStateName = 'pending' | 'accepted' | 'rejected';
export type AssessmentResultName = 'met' | 'not_met' | 'na';
export type ComplexityName = 'low' | 'medium' | 'high';

/** One stored evidence entry, as the server validated it (text fields are plain text). */
export interface EvidenceEntryView {
  id: string;
  kind: EvidenceKindName;
  title: string;
  url?: string;
  attachmentId?: string;
  owner?: string;
  addedAt: string;
  addedBy: string;
  effectiveDate?: string;
  expiryDate?: string;
  note?: string;
  reviewState: EvidenceReviewStateName;
  reviewer?: string;
  reviewedAt?: string;
  reviewNote?: string;
  selfReviewed?: true;
  updatedAt?: string;
  updatedBy?: string;
}

/** The evidence field's value: the entries and the summary the formatter and JQL read. */
export interface EvidenceValueView {
  entries: EvidenceEntryView[];
  count: number;
  accepted: number;
  pending: number;
  rejected: number;
  nextExpiry?: string;
  reviewState: 'none' | 'pending' | 'accepted' | 'rejected';
}

/** `addEvidence { evidence }`: what a person supplies; the server sets id, who, when and review state. */
export interface EvidenceInputPayload {
  kind: EvidenceKindName;
  title: string;
  url?: string;
  attachmentId?: string;
  owner?: string;
  effectiveDate?: string;
  expiryDate?: string;
  note?: string;
}

/** `editEvidence { id, patch }`: only the fields to change; `null` or `""` clears an optional one. */
export type EvidencePatchPayload = Partial<Pick<EvidenceInputPayload, 'kind' | 'title'>> & {
  [K in Exclude<keyof EvidenceInputPayload, 'kind' | 'title'>]?: string | null;
};

/** `reviewEvidence { id, state, note? }`. */
export interface ReviewEvidencePayload {
  id: string;
  state: EvidenceReviewStateName;
  note?: string;
}

/**
 * `setAssessment { result, complexity, justification? }`: `result: null` means "from status". An N/A
 * must be one the checklist allows (`ItemPanel.na`); `justification` says why it does not apply.
 */
export interface SetAssessmentPayload {
  result: AssessmentResultName | null;
  complexity: ComplexityName | null;
  justification?: string;
}

/** `setProjectSettings { strictMode?, fourEyes? }` → ProjectSettings (a setting left out stays as it is). */
export interface ProjectSettings {
  strictMode: boolean;
  /** Evidence cannot be accepted or rejected by the person who added it (on unless turned off). */
  fourEyes: boolean;
}

/** The checklist item an issue stands for. */
export interface ItemPanelItem {
  checklistId: string;
  checklistName: string;
  version: string;
  model: ScoringModelName;
  id: string;
  chapterId: string;
  chapterTitle: string;
  title: string;
  requirement: string;
  /** Kinds of evidence an auditor expects. */
  expectedEvidence: EvidenceKindName[];
  points: number;
  mandatory: boolean;
  penalty: number;
  /** The checklist's hint; the team's own choice is in `assessment.complexity`. */
  complexityHint?: ComplexityName;
}

/**
 * `getItemPanel {}` → ItemPanel, and what every evidence and assessment change returns: the issue's
 * item, result, assessment and evidence as the server sees them after the change.
 */
export interface ItemPanel {
  issueKey: string;
  /** Null when the issue is not an active checklist item (the evidence still works). */
  item: ItemPanelItem | null;
  /** Null when `item` is null. */
  result: { result: ItemResultName; reason: string } | null;
  /** The assessment in force, as the app recorded it (never read from an issue property). */
  assessment: {
    result: AssessmentResultName | null;
    complexity: ComplexityName | null;
    /** Why N/A, as written when it was set. */
    justification?: string;
    assessedBy?: string;
    assessedAt?: string;
  };
  /** How this item may be answered N/A (null when the issue is not a checklist item). */
  na: { allowed: boolean; needsJustification: boolean; explanation: string; maxLength: number } | null;
  /**
   * Verdict data on the issue the app did not write, each in a sentence: not trusted, not counted
   * (e.g. the assessment property changed by a plain Jira edit). Empty when all is the app's.
   */
  outsideChanges: string[];
  /** Four eyes is on: evidence cannot be reviewed by the person who added it. */
  fourEyes: boolean;
  /** Account id of the person the panel was built for (to tell their own evidence under four eyes). */
  viewer: string;
  evidence: EvidenceValueView;
  /** e.g. "3 evidence · 2 accepted · 1 pending · 1 expires in 12 days", or "No evidence". */
  summaryText: string;
  /** Stored entries that break the evidence rules (written around the app): ignored, dropped on the next change. */
  ignored: { field: string; message: string }[];
  risks: AuditRisk[];
  strictMode: boolean;
  /** Whether the caller may change evidence and assessment (the server checks again on every change). */
  canEdit: boolean;
  /** False when Jira has no evidence field for the app (e.g. mid-install); evidence cannot be saved then. */
  fieldInstalled: boolean;
  /** The day (YYYY-MM-DD, UTC) expiry was judged against. */
  today: string;
  /** Display names of the account ids above (authors, reviewers, owners, who assessed); null when Jira does not return one. */
  people?: Record<string, string | null>;
}

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

/** The printable audit report: the summary, then chapter by chapter, item by item with evidence. */
export interface AuditReport {
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
}

export type AuditExport = AuditExportCsv | AuditExportReport;

// ---------------------------------------------------------------------------------------------
// Decision trail (src/trail, helper "trail"): every decision the verdict stands on, chained by
// hash per project.
//   getTrail { cursor?, limit? }   → TrailPage            (Browse projects; newest first)
//   getItemHistory {}              → ItemHistory          (the issue in context; Browse projects)
//   verifyTrail { cursor? }        → TrailVerification    (Browse projects; slices while nextCursor)
//   exportTrail { cursor? }        → TrailExportPage      (Browse projects; the browser joins pages)
// ---------------------------------------------------------------------------------------------

/** One decision as stored: who (account id or `app`), when, what, before → after, why. */
export interface TrailEntryView {
  seq: number;
  /** ISO 8601, UTC. */
  at: string;
  actor: string;
  /** `assessment.set`, `evidence.review`, `chapter.review`, … (DECISION_ACTIONS). */
  action: string;
  checklistId?: string;
  itemId?: string;
  issueKey?: string;
  /** JSON values; one too large for the trail is `{ trailSummary, bytes, sha256, preview }`. */
  before?: unknown;
  after?: unknown;
  reason?: string;
  hash: string;
}

export interface GetTrailPayload {
  /** `nextCursor` of the page before; absent for the newest entries. */
  cursor?: string;
  /** Entries per page, 1–100 (default 25). */
  limit?: number;
}

export interface TrailPage {
  /** Newest first. */
  entries: TrailEntryView[];
  /** Entries in the whole trail. */
  total: number;
  nextCursor?: string;
  /** Display names of the entries' actors; null when Jira does not return the account. */
  people?: Record<string, string | null>;
}

export interface ItemHistory {
  issueKey: string;
  /** The item the issue stands for, when it is a checklist item. */
  itemId?: string;
  /** Newest first, at most 50. */
  entries: TrailEntryView[];
  /** Entries about the issue or its item in the whole trail. */
  total: number;
  /** Display names of the entries' actors; null when Jira does not return the account. */
  people?: Record<string, string | null>;
}

/**
 * Why the chain breaks at an entry: `altered` (its content no longer matches its hash), `chain` (it
 * does not name the hash of the entry before it: that one was altered and rehashed, or replaced),
 * `missing` (entries before it are gone), `reordered` (out of order or repeated), `damaged` (not
 * an entry), `misplaced` (in the wrong chunk), `head` (the head's count or last hash disagrees).
 */
export type TrailProblem = 'altered' | 'chain' | 'missing' | 'reordered' | 'damaged' | 'misplaced' | 'head';

export interface TrailBreak {
  seq: number;
  problem: TrailProblem;
  message: string;
}

export interface TrailVerification {
  intact: boolean;
  /** Entries read. */
  entries: number;
  /** Hash of the last entry: write it down to notice later that the end was cut and the head rewritten. */
  lastHash: string;
  /** The first few breaks, lowest seq first. */
  breaks: TrailBreak[];
  /** Breaks in all (more than `breaks` lists when many). */
  breakCount: number;
  checkedAt: string;
  /** A long trail is checked in slices: call `verifyTrail { cursor }` again; the verdict so far is intact. */
  nextCursor?: string;
}

export interface VerifyTrailPayload {
  cursor?: string;
}

export interface ExportTrailPayload {
  cursor?: string;
}

export interface TrailExportPage {
  /** CSV text: the first page starts with the byte order mark and the header; join pages in order. */
  csv: string;
  rows: number;
  total: number;
  fileName: string;
  nextCursor?: string;
}

// ---------------------------------------------------------------------------------------------
// Spreadsheets out (helper "sheets"): the data the browser builds the .xlsx files from
// (common/sheets/write-*.ts). The file itself never passes through a resolver.
//   exportAudit { checklistId?, format: 'pack' } → AuditExportPack   (Browse projects)
// ---------------------------------------------------------------------------------------------

/** One item of the pack: the report's item plus what the workbooks need (chapter, requirement). */
export interface AuditPackItem {
  id: string;
  chapterId: string;
  chapterTitle: string;
  title: string;
  requirement: string;
  mandatory: boolean;
  /** Null under the met model. */
  points: number | null;
  result: ItemResultName;
  /** The CSV's result words ("Met", "Waived: …", "N/A: …"). */
  resultWords: string;
  why: string;
  owner: string;
  status: string;
  issueKey?: string;
  /** The waiver that decided the result, when one did. */
  waiver?: { name: string; reason: string; appliedBy: string; appliedAt: string };
  /** The written justification of an N/A answer. */
  justification?: string;
  evidence: { total: number; accepted: number; pending: number; rejected: number };
}

/** One evidence entry, one row of the Evidence sheet. Account ids as Jira gives them. */
export interface AuditPackEvidence {
  itemId: string;
  issueKey?: string;
  kind: string;
  title: string;
  url?: string;
  owner?: string;
  addedBy: string;
  addedAt: string;
  effectiveDate?: string;
  expiryDate?: string;
  reviewState: string;
  reviewer?: string;
  reviewedAt?: string;
  note?: string;
}

/** The structured audit pack: everything the two .xlsx workbooks show. */
export interface AuditPackData {
  projectKey: string;
  /** Jira site the issue links point at (from the invocation context), when known. */
  siteUrl?: string;
  checklistId: string;
  checklistName: string;
  framework: string;
  version: string;
  model: ScoringModelName;
  generatedAt: string;
  score: number;
  maxScore: number;
  passMark: number | null;
  passed: boolean;
  mandatoryOpen: string[];
  projection: { score: number; passed: boolean; mandatoryOpen: string[] };
  counts: { met: number; notMet: number; na: number; notAssessed: number; total: number; waived?: number };
  chapters: { id: string; title: string; earned: number; max: number; met: number; total: number; review: string }[];
  items: AuditPackItem[];
  evidence: AuditPackEvidence[];
  waivers: WaiverView[];
  /** Items whose issue exists but the caller may not see (issue security): in the pack without their issue. */
  hiddenItems: string[];
  evidenceAvailable: boolean;
}

export interface AuditExportPack {
  format: 'pack';
  /** Without extension, e.g. `MSP-aws-msp-7.1-audit-pack-2026-03-02`; the page adds `.xlsx`. */
  baseName: string;
  pack: AuditPackData;
}

/** `exportAudit { checklistId?, format: 'pack' }` → AuditExportPack. */
export interface ExportAuditPackPayload {
  checklistId?: string;
  format: 'pack';
}

// ---------------------------------------------------------------------------------------------
// Road to audit day (src/plan): the audit plan, what is due when, owners and the forecast.
// ---------------------------------------------------------------------------------------------

/** `getAuditPlan { checklistId? }` (Browse projects). */
export interface GetAuditPlanPayload {
  checklistId?: string;
}

/**
 * `setAuditPlan { checklistId?, validationDate, preAuditDate?, selfAssessmentSentDate?, revision? }`
 * (Edit issues): dates `YYYY-MM-DD`. `revision` is the plan's revision the page showed (0 for none):
 * a save from a page that missed a colleague's save is refused with a conflict.
 */
export interface SetAuditPlanPayload {
  checklistId?: string;
  validationDate: string;
  preAuditDate?: string;
  selfAssessmentSentDate?: string;
  revision?: number;
}

export interface AuditPlanView {
  validationDate: string;
  preAuditDate?: string;
  selfAssessmentSentDate?: string;
  /** Increments with every save; starts at 1. */
  revision: number;
  /** Account id and ISO time of the last save. */
  updatedBy: string;
  updatedAt: string;
}

export type PlanDueKind = 'self-assessment' | 'prerequisite-deadline' | 'prerequisite-open' | 'pre-audit' | 'evidence-expires' | 'mandatory-open' | 'validation' | 'action-items';

/** One line of "what is due when". */
export interface PlanDueEntry {
  date: string;
  /** Days from today; negative when past. */
  daysLeft: number;
  kind: PlanDueKind;
  title: string;
  detail: string;
  itemId?: string;
  issueKey?: string;
  /** The item's owner (assignee account id), null when unassigned; only on item lines. */
  owner?: string | null;
}

/** One cell of the by-owner table: its figure and the JQL listing the issues behind it (absent at 0). */
export interface OwnerCellView {
  count: number;
  jql?: string;
}

export interface OwnerRowView {
  /** Null: the unassigned items. */
  accountId: string | null;
  items: OwnerCellView;
  openMandatory: OwnerCellView;
  /** Points at stake (points model) or open items (met model). */
  atStake: OwnerCellView;
  pendingReview: OwnerCellView;
}

export type PlanForecastState = 'not-enough-history' | 'reached' | 'on-track' | 'at-risk' | 'no-progress' | 'no-date';

export interface PlanForecast {
  state: PlanForecastState;
  /** One sentence that explains the figure. */
  sentence: string;
  points: number;
  reachDate?: string;
  perDay?: number;
  daysLate?: number;
  daysEarly?: number;
}

/** `getAuditPlan` / `setAuditPlan` → the road to audit day of one checklist. */
export interface RoadToAudit {
  checklistId: string;
  checklistName: string;
  model: ScoringModelName;
  /** An AWS checklist: its deadlines apply. */
  aws: boolean;
  /** The UTC day the figures are for. */
  today: string;
  canEdit: boolean;
  plan: AuditPlanView | null;
  /** Things to know that did not refuse the plan (a validation date in the past). */
  warnings: string[];
  /** Days from today to the validation audit (negative when past); null without a plan. */
  daysToAudit: number | null;
  /** AWS: prerequisite evidence due and mandatory action items closed (absent otherwise or without a plan). */
  deadlines?: { prerequisiteEvidence: string; actionItems: string };
  due: PlanDueEntry[];
  /** Due lines left out of `due` (it is bounded). */
  dueMore: number;
  owners: OwnerRowView[];
  /** What `atStake` counts: `points` (points model) or `open-items` (met model). */
  atStakeUnit: 'points' | 'open-items';
  forecast: PlanForecast;
  /** Display names of every account id above (owners, who saved the plan); null when Jira does not return the account. */
  people: Record<string, string | null>;
}

/** `getPeople { accountIds }` → display names; only for accounts in the project's audit data (others: null). */
export interface GetPeoplePayload {
  accountIds: string[];
}
export type PeopleNames = Record<string, string | null>;

/** `getReminders { checklistId? }` / `setReminders { enabled, checklistId? }` (Edit issues). */
export interface RemindersView {
  /** The project's daily reminders are on. */
  enabled: boolean;
  /** What the next daily run would send for this checklist (after the 7-day throttle). */
  next: { issueKey: string; itemId: string; kind: 'evidence-expiring' | 'review-pending' | 'mandatory-open'; to: string; subject: string }[];
}

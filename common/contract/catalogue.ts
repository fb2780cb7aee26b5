/** The resolver contract, part: Checklists, import, the rollup (score) and version sync. (common/contract.ts re-exports every part.) */
import type { RollupCrosswalk } from '../crosswalk';
// Wire types derived from the domain's where they are the same shape (types only: nothing of src/ enters the UI bundle).
import type { SyncPlanSummary } from '../../src/domain/sync-plan';
import type { PlanDueEntry } from './plan';
import type { ScoreHistoryView } from './audit-day';

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
  /**
   * The audit plan's next line not yet past (the Overview's glance), as getAuditPlan's `due` has
   * it, without its owner; null with no plan or nothing ahead; absent from servers before it.
   */
  nextDeadline?: PlanDueEntry | null;
  /**
   * The score history for the Overview's glance, as getScoreHistory has it (one read that a read
   * from Jira makes anyway, so the page need not call getScoreHistory as well); absent for a
   * checklist the project does not hold and from servers before it.
   */
  history?: ScoreHistoryView;
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
  /** The domain's counts as they are (src/domain/sync-plan.ts): `update` = renamed + restored + changed + versionOnly. */
  summary: SyncPlanSummary;
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

/**
 * The checklist model and the scoring vocabulary. Pure data types, no I/O.
 *
 * A checklist *definition* is versioned data with stable ids; an item's *state* (status, explicit
 * assessment, evidence) is separate, mutable data that lives in Jira. Scoring reads both.
 */
import type { NaRule } from './na-rule';

/** `points`: AWS MSP 4.x style (score out of maxScore, pass mark, penalties). `met`: every item met / not met / N/A. */
export type ScoringModel = 'points' | 'met';

/** What an N/A item does under the points model: earn its points, or leave both score and max (pass mark scaled). */
export type NaPolicy = 'award' | 'exclude';

export const EVIDENCE_KINDS = ['document', 'process', 'presentation', 'demo', 'link', 'attachment'] as const;
export type EvidenceKind = (typeof EVIDENCE_KINDS)[number];

export const COMPLEXITIES = ['low', 'medium', 'high'] as const;
export type Complexity = (typeof COMPLEXITIES)[number];

export interface Chapter {
  id: string;
  title: string;
  order: number;
}

export interface ChecklistItem {
  /** Stable id from the publisher, e.g. `8.3`, `SEC-008`, `01.02`. */
  id: string;
  chapterId: string;
  title: string;
  /** What the item asks, in our own words. */
  requirement: string;
  /** Kinds of evidence an auditor expects. */
  evidence: EvidenceKind[];
  /** Points earned when met (0 under the `met` model). */
  points: number;
  mandatory: boolean;
  /** Points lost when a mandatory item is not met (points model); 0 when not mandatory. */
  penalty: number;
  complexity?: Complexity;
  /** Ids of items in an older version of the same framework that this item replaces (renames, merges). */
  replaces: string[];
  /** Evidence for this item expires this many months after it takes effect (the item's or the checklist's); absent: no default expiry. */
  evidenceValidMonths?: number;
}

/** A named exemption the checklist publisher allows, e.g. "AWS DevOps Competency" covers OPS-009. */
export interface NamedWaiver {
  id: string;
  name: string;
  reason: string;
  items: string[];
  chapters: string[];
}

export type PassRule =
  /** Pass when score ≥ passMark. */
  | { kind: 'points'; passMark: number }
  /** Pass when every mandatory item is met, N/A or waived and, if set, at least this % of the others are. */
  | { kind: 'met'; minOptionalPercent?: number };

export interface ChecklistDefinition {
  /** Unique id of this framework version, e.g. `aws-msp-7.1`. */
  id: string;
  /** The framework across versions, e.g. `aws-msp`; version sync only moves within a framework. */
  framework: string;
  name: string;
  version: string;
  description: string;
  model: ScoringModel;
  passRule: PassRule;
  /** Points model: Σ item points. Met model: the number of items. */
  maxScore: number;
  naPolicy: NaPolicy;
  /** How N/A may be answered (src/domain/na-rule.ts); absent: a justification is required. */
  naRule?: NaRule;
  /** When the publisher says this version may be used (src/domain/checklist-validity.ts); absent: not stated. */
  validity?: ChecklistValidity;
  /** Evidence expires this many months after it takes effect unless an item says otherwise (12: renewed yearly). */
  evidenceValidMonths?: number;
  chapters: Chapter[];
  items: ChecklistItem[];
  waivers: NamedWaiver[];
  /** `builtin` ships with the app; `custom` was uploaded by a team. */
  source: 'builtin' | 'custom';
}

/** A version's validity as its publisher states it; days are YYYY-MM-DD (UTC). */
export interface ChecklistValidity {
  /** First day the version applies. */
  validFrom?: string;
  /** Last day of its stated validity window. */
  validUntil?: string;
  /** Last day an application against it is still accepted (after validUntil: the overlap). */
  usableUntil?: string;
  /** Superseded and kept for history only. */
  historical?: boolean;
}

/** The result of one item for the audit. */
export type ItemResult = 'met' | 'not_met' | 'na' | 'not_assessed';

/** Jira status category keys. */
export type StatusCategory = 'new' | 'indeterminate' | 'done';

/** What Jira knows about one item's issue, as far as scoring needs it. */
export interface ItemState {
  itemId: string;
  issueKey?: string;
  statusCategory?: StatusCategory;
  statusName?: string;
  resolution?: string | null;
  /** An explicit assessment on the issue; absent or null means "from status". */
  assessment?: ItemResult | null;
  /** The written justification stored with an N/A assessment (checked against the checklist's N/A rule). */
  assessmentJustification?: string;
}

/** A waiver in force on a project: a named one from the checklist or a team's own, with its reason. */
export interface AppliedWaiver {
  id: string;
  name: string;
  reason: string;
  items: string[];
  chapters: string[];
  /** Set when the waiver's proof expired: it no longer decides any result (YYYY-MM-DD, the first day it does not count). */
  lapsedOn?: string;
}

/** A team's own mapping of statuses / resolutions to results (e.g. resolution "Won't Do" → `na`). */
export interface StatusMapping {
  statuses?: Record<string, ItemResult>;
  resolutions?: Record<string, ItemResult>;
}

export interface ScoringOptions {
  waivers?: AppliedWaiver[];
  statusMapping?: StatusMapping;
}

/** Why an item has the result it has. */
export type ResultSource = 'assessment' | 'waiver' | 'resolution-map' | 'status-map' | 'status' | 'no-issue';

export interface ItemScore {
  id: string;
  chapterId: string;
  title: string;
  issueKey?: string;
  result: ItemResult;
  source: ResultSource;
  /** Plain words, e.g. "Issue is Done", "Waived: AWS DevOps Competency". */
  reason: string;
  points: number;
  mandatory: boolean;
  /** Points this item adds to the score (points model; 0 under `met`). */
  earned: number;
  /** Points this item takes off the score (an unmet mandatory item's penalty). */
  cost: number;
  /** Counted in neither score nor max (N/A under the points model's `exclude` policy; under `met`, N/A counts as met). */
  excluded: boolean;
  /** Name of the waiver that decided the result (`source` is then `waiver`). */
  waivedBy?: string;
  /** Id of that waiver, so its record (who applied it, when) can be found: names may repeat. */
  waiverId?: string;
  /** The written justification of an N/A assessment, when the issue carries one. */
  justification?: string;
  /** The issue is in an `indeterminate` status (in progress). */
  inProgress: boolean;
}

export interface ChapterScore {
  id: string;
  title: string;
  earned: number;
  max: number;
  met: number;
  total: number;
  waivedBy?: string;
}

export interface Projection {
  score: number;
  passed: boolean;
  mandatoryOpen: string[];
}

export interface ScoreReport {
  checklistId: string;
  model: ScoringModel;
  /** Points model: points minus penalties. Met model: items met (N/A and waived count as met). */
  score: number;
  maxScore: number;
  /** Points model: the pass mark (scaled under `exclude`). Met model: null (pass is a rule, not a mark). */
  passMark: number | null;
  passed: boolean;
  /** Mandatory items not met, not N/A and not waived. */
  mandatoryOpen: string[];
  chapters: ChapterScore[];
  items: ItemScore[];
  /**
   * Items by result. Waived items (met by a waiver) are counted in `waived`, not in `met`, so "met"
   * means met on the issue: met + waived + na + notMet + notAssessed = total.
   */
  counts: { met: number; notMet: number; na: number; notAssessed: number; total: number; waived: number };
  /** "If every item in progress is met". */
  projection: Projection;
  /**
   * Items assessed N/A in a way the checklist's N/A rule does not allow (e.g. after a version
   * update, or without the justification the rule asks for): counted as not met.
   */
  naRefused: string[];
}

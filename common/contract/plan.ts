/** The resolver contract, part: Road to audit day: the audit plan, what is due when, owners and the forecast. (common/contract.ts re-exports every part.) */
import type { ScoringModelName } from './catalogue';

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

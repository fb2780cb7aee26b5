/**
 * The resolver contract of the auditor's findings and the dashboard gadget (issue 14, parts 5–6),
 * shared by backend and frontend. Kept beside common/contract.ts until the contract is declared in
 * one place.
 */

/**
 * `recordFinding { checklistId?, itemId, summary, detail?, requestId? }` (Edit issues on the item's
 * issue). `requestId` is the idempotency key a form sends with every attempt of one submission
 * (8–64 letters, digits, `-`, `_`): sending it again never makes a second issue.
 */
export interface RecordFindingPayload {
  checklistId?: string;
  itemId: string;
  summary: string;
  detail?: string;
  requestId?: string;
}

/** `listFindings { checklistId? }` (Browse projects). */
export interface ListFindingsPayload {
  checklistId?: string;
}

export interface FindingView {
  id: string;
  itemId: string;
  itemTitle: string;
  itemIssueKey: string;
  summary: string;
  detail?: string;
  /** `recording`: stored, its Jira issue not confirmed yet (recording it again finishes it). */
  state: 'open' | 'closed' | 'recording';
  /** The finding's own Jira issue. */
  issueKey?: string;
  /** How it is tied to the item's issue: a sub-task of it, or an issue link. */
  tie?: 'sub-task' | 'link' | 'none';
  /** AWS: 10 business days after the plan's validation date; absent otherwise. */
  dueDate?: string;
  /** Days from today to the due date, negative when overdue; null without a due date. */
  daysLeft: number | null;
  recordedBy: string;
  recordedAt: string;
}

export interface FindingsView {
  checklistId: string;
  checklistName: string;
  aws: boolean;
  today: string;
  validationDate: string | null;
  /** Where findings are due for this checklist (AWS with a plan), else null. */
  dueDate: string | null;
  /** The caller may record findings (Edit issues in the project; checked again per item). */
  canRecord: boolean;
  /** Open (and recording) first, most urgent first; then closed. */
  findings: FindingView[];
  /** The JQL that lists the project's finding issues (label `msp-finding`). */
  jql: string;
  /** Items a finding can be recorded on: the checklist's items in the item map, visible to the caller. */
  items: { itemId: string; title: string; issueKey: string }[];
  /** Display names of `recordedBy`; null when Jira does not return the account. */
  people: Record<string, string | null>;
}

/** `recordFinding` answers with the finding and the refreshed list. */
export interface RecordFindingResult {
  finding: FindingView;
  /** False when this request repeated one already recorded (nothing new was made). */
  created: boolean;
  list: FindingsView;
}

/** `getGadget { projectKey, checklistId? }` (Browse projects in that project, as the viewer). */
export interface GetGadgetPayload {
  projectKey: string;
  checklistId?: string;
}

/** What the dashboard gadget shows: one project's checklist against its pass mark. */
export interface GadgetView {
  projectKey: string;
  projectName: string;
  checklistId: string;
  checklistName: string;
  checklistVersion: string;
  model: 'points' | 'met';
  /** Points scored (points model) or items met, N/A or waived (met model). */
  score: number;
  /** The most points (points model) or the number of items (met model). */
  maxScore: number;
  /** The pass mark (points model); null for the met model, where every mandatory item met passes. */
  passMark: number | null;
  passing: boolean;
  verdict: string;
  openMandatory: number;
  /** Null without an audit plan. */
  daysToAudit: number | null;
  validationDate: string | null;
  openFindings: number;
  /** The project's checklists the configuration may choose from. */
  checklists: { id: string; name: string; version: string }[];
  /** The Audit page's module key, for `router.navigate({ target: 'module', moduleKey, projectKey })`. */
  auditPageModuleKey: string;
}

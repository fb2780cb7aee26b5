/**
 * The auditor's findings on checklist items (issue 14, part 5), as pure rules: the text a lead may
 * type, the Jira issue's summary, when a finding is due (AWS: mandatory action items closed within
 * 10 business days after the validation audit) and how many days are left. No I/O.
 */
import { freeTextProblem } from './free-text';
import { addBusinessDays, daysFrom, isCalendarDate } from './plan-dates';

/** The label every finding issue carries, so JQL finds them: `labels = msp-finding`. */
export const FINDING_LABEL = 'msp-finding';
/** AWS: the validation audit's action items are closed within this many business days after it. */
export const FINDING_DUE_BUSINESS_DAYS = 10;
export const FINDING_SUMMARY_MAX = 200;
export const FINDING_DETAIL_MAX = 2_000;
/** Findings kept per project and checklist (one KVS value). */
export const MAX_FINDINGS = 200;
/** Jira's limit on an issue summary. */
const JIRA_SUMMARY_MAX = 255;

export class FindingInputError extends Error {
  override name = 'FindingInputError';
}

export interface FindingText {
  summary: string;
  detail?: string;
}

/**
 * The finding's text, trimmed, or a FindingInputError that says what to fix: a summary is
 * required (one line), a detail is optional; both pass the free-text rule.
 *
 * @example
 * checkFindingText({ summary: '  No DR test record  ' }); // { summary: 'No DR test record' }
 */
export function checkFindingText(input: { summary: string; detail?: string }): FindingText {
  const summary = input.summary.trim();
  if (summary === '') throw new FindingInputError('Write what the auditor found in the summary (one line); nothing was recorded.');
  if (/[\r\n]/.test(summary)) throw new FindingInputError('The finding summary is one line: put the rest in the detail; nothing was recorded.');
  const summaryProblem = freeTextProblem('The finding summary', summary, FINDING_SUMMARY_MAX);
  if (summaryProblem) throw new FindingInputError(`${summaryProblem} Nothing was recorded.`);
  const detail = input.detail?.trim();
  if (detail === undefined || detail === '') return { summary };
  const detailProblem = freeTextProblem('The finding detail', detail, FINDING_DETAIL_MAX);
  if (detailProblem) throw new FindingInputError(`${detailProblem} Nothing was recorded.`);
  return { summary, detail };
}

/**
 * The finding issue's summary: the item, then the auditor's words, within Jira's 255 characters.
 *
 * @example
 * findingIssueSummary('OPS-001', 'No DR test record'); // 'Audit finding OPS-001: No DR test record'
 */
export function findingIssueSummary(itemId: string, summary: string): string {
  const text = `Audit finding ${itemId}: ${summary}`;
  return text.length <= JIRA_SUMMARY_MAX ? text : `${text.slice(0, JIRA_SUMMARY_MAX - 1)}…`;
}

/**
 * When a finding is due: for an AWS checklist with a validation date, 10 business days after it
 * (the audit day itself not counted); otherwise no due date (the program sets none).
 *
 * @example
 * findingDueDate({ aws: true, validationDate: '2026-03-05' }); // '2026-03-19'
 * findingDueDate({ aws: false, validationDate: '2026-03-05' }); // undefined
 */
export function findingDueDate(input: { aws: boolean; validationDate?: string }): string | undefined {
  if (!input.aws || input.validationDate === undefined || !isCalendarDate(input.validationDate)) return undefined;
  return addBusinessDays(input.validationDate, FINDING_DUE_BUSINESS_DAYS);
}

export type FindingState = 'open' | 'closed' | 'recording';

/**
 * A finding's state from its Jira issue: closed once the issue's status is in the done category;
 * `recording` while the issue is not created yet (or its answer was lost and not yet found).
 */
export function findingState(input: { issueKey?: string; statusCategory?: string }): FindingState {
  if (input.issueKey === undefined) return 'recording';
  return input.statusCategory === 'done' ? 'closed' : 'open';
}

/** Days from `today` to the due date (negative when overdue); null without a due date. */
export function findingDaysLeft(today: string, dueDate: string | undefined): number | null {
  return dueDate === undefined ? null : daysFrom(today, dueDate);
}

/** Open findings first, the most urgent first (no due date last), then by when they were recorded. */
export function compareFindings<T extends { state: FindingState; daysLeft: number | null; recordedAt: string }>(a: T, b: T): number {
  const rank = (state: FindingState) => (state === 'closed' ? 1 : 0);
  if (rank(a.state) !== rank(b.state)) return rank(a.state) - rank(b.state);
  const left = (value: number | null) => (value === null ? Number.POSITIVE_INFINITY : value);
  if (left(a.daysLeft) !== left(b.daysLeft)) return left(a.daysLeft) - left(b.daysLeft);
  return a.recordedAt.localeCompare(b.recordedAt);
}

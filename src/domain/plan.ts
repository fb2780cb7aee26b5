/**
 * The audit plan of one checklist in one project (the wanted validation date, an optional pre-audit
 * and the day the self-assessment was sent) and what is due when on the road to it. Pure: the
 * caller gives "today" and the items as the rollup scored them.
 *
 * Rules and choices:
 * - Dates are real calendar days `YYYY-MM-DD`; a pre-audit or a self-assessment dated after the
 *   validation audit is refused (both come before it). A validation date in the past is kept with a
 *   warning: the plan of a finished audit stays on record.
 * - AWS checklists (framework `aws-msp`): the prerequisites' evidence is due to AWS at least
 *   {@link AWS_PREREQUISITE_LEAD_DAYS} calendar days before the validation date, and mandatory action
 *   items are closed within {@link AWS_ACTION_ITEM_BUSINESS_DAYS} business days after it
 *   (checklist facts, "Flow"). Prerequisites are the items of a chapter whose id is `prereq` or whose
 *   title says "prerequisite".
 * - Open means not met, not N/A and not waived (`not_met` or `not_assessed`). An open mandatory
 *   prerequisite is due on the prerequisites' deadline; any other open mandatory item on the
 *   validation date.
 * - The list is sorted by date (milestones of a day before its items) and bounded to
 *   {@link MAX_DUE_ENTRIES} entries; the rest are counted.
 */
import type { ChecklistDefinition, ItemResult } from './types';
import { addBusinessDays, addDays, daysFrom, isCalendarDate } from './plan-dates';

export const AWS_PREREQUISITE_LEAD_DAYS = 30;
export const AWS_ACTION_ITEM_BUSINESS_DAYS = 10;
export const MAX_DUE_ENTRIES = 300;

export interface AuditPlanDates {
  validationDate: string;
  preAuditDate?: string;
  selfAssessmentSentDate?: string;
}

/** A plan the app cannot take; the message says which date and what to do. */
export class PlanInputError extends Error {
  override readonly name = 'PlanInputError';
}

const LABELS: Record<keyof AuditPlanDates, string> = {
  validationDate: 'validation date',
  preAuditDate: 'pre-audit date',
  selfAssessmentSentDate: 'self-assessment sent date',
};

/**
 * The plan's dates checked against the calendar and each other, with warnings that do not refuse it.
 *
 * @throws PlanInputError naming the first bad date
 * @example
 * checkPlanDates({ validationDate: '2026-02-30' }, '2026-01-10');
 * // throws: The validation date "2026-02-30" is not a day on the calendar; write it YYYY-MM-DD, e.g. 2026-02-28.
 */
export function checkPlanDates(input: AuditPlanDates, today: string): { dates: AuditPlanDates; warnings: string[] } {
  for (const field of ['validationDate', 'preAuditDate', 'selfAssessmentSentDate'] as const) {
    const value = input[field];
    if (value === undefined) continue;
    if (!isCalendarDate(value)) {
      throw new PlanInputError(`The ${LABELS[field]} "${String(value)}" is not a day on the calendar; write it YYYY-MM-DD, e.g. ${addDays(today, 30)}.`);
    }
  }
  const { validationDate, preAuditDate, selfAssessmentSentDate } = input;
  if (preAuditDate !== undefined && preAuditDate > validationDate) {
    throw new PlanInputError(`The pre-audit (${preAuditDate}) is after the validation audit (${validationDate}); a pre-audit comes before it: move it earlier or leave it empty.`);
  }
  if (selfAssessmentSentDate !== undefined && selfAssessmentSentDate > validationDate) {
    throw new PlanInputError(
      `The self-assessment was sent (${selfAssessmentSentDate}) after the validation audit (${validationDate}); it is sent before: correct the date or leave it empty.`,
    );
  }
  const warnings: string[] = [];
  const ago = daysFrom(validationDate, today);
  if (ago > 0) warnings.push(`The validation date ${validationDate} is ${ago} day${ago === 1 ? '' : 's'} in the past; kept, as the record of a finished audit.`);
  const dates: AuditPlanDates = { validationDate };
  if (preAuditDate !== undefined) dates.preAuditDate = preAuditDate;
  if (selfAssessmentSentDate !== undefined) dates.selfAssessmentSentDate = selfAssessmentSentDate;
  return { dates, warnings };
}

/** Whether the checklist is one of AWS's (its deadlines apply). */
export function isAwsChecklist(def: Pick<ChecklistDefinition, 'framework'>): boolean {
  return def.framework === 'aws-msp';
}

/** Chapter ids holding the prerequisites. */
export function prerequisiteChapters(def: Pick<ChecklistDefinition, 'chapters'>): Set<string> {
  return new Set(def.chapters.filter((chapter) => chapter.id === 'prereq' || /prerequisite/i.test(chapter.title)).map((chapter) => chapter.id));
}

/** The AWS deadlines of a plan: prerequisite evidence due, mandatory action items closed. */
export function awsDeadlines(validationDate: string): { prerequisiteEvidence: string; actionItems: string } {
  return {
    prerequisiteEvidence: addDays(validationDate, -AWS_PREREQUISITE_LEAD_DAYS),
    actionItems: addBusinessDays(validationDate, AWS_ACTION_ITEM_BUSINESS_DAYS),
  };
}

export type DueKind = 'self-assessment' | 'prerequisite-deadline' | 'prerequisite-open' | 'pre-audit' | 'evidence-expires' | 'mandatory-open' | 'validation' | 'action-items';

export interface DueEntry {
  date: string;
  /** Days from today (negative: overdue or past). */
  daysLeft: number;
  kind: DueKind;
  title: string;
  detail: string;
  itemId?: string;
  issueKey?: string;
  /** The item's owner (assignee account id); null when unassigned. Only on item entries. */
  owner?: string | null;
}

export interface PlanItem {
  itemId: string;
  chapterId: string;
  title: string;
  issueKey?: string;
  mandatory: boolean;
  result: ItemResult;
  /** The assignee's account id; null or absent when unassigned. */
  assignee?: string | null;
}

export interface ExpiringEvidence {
  itemId: string;
  issueKey?: string;
  /** The expiry date (last valid day). */
  date: string;
  detail: string;
}

export function isOpen(result: ItemResult): boolean {
  return result === 'not_met' || result === 'not_assessed';
}

const ORDER: Record<DueKind, number> = {
  'self-assessment': 0,
  'prerequisite-deadline': 1,
  'pre-audit': 2,
  validation: 3,
  'action-items': 4,
  'prerequisite-open': 5,
  'evidence-expires': 6,
  'mandatory-open': 7,
};

/**
 * What is due when: the plan's milestones, the AWS deadlines, evidence expiring before the audit and
 * the open mandatory items with their owners, sorted by date.
 *
 * @example
 * dueList(def, { validationDate: '2026-06-30' }, items, [], '2026-05-01').entries[0];
 * // { date: '2026-05-31', kind: 'prerequisite-deadline', daysLeft: 30, title: 'Prerequisite evidence due to AWS', … }
 */
export function dueList(
  def: Pick<ChecklistDefinition, 'framework' | 'chapters'>,
  plan: AuditPlanDates,
  items: readonly PlanItem[],
  expiring: readonly ExpiringEvidence[],
  today: string,
): { entries: DueEntry[]; more: number } {
  const entries: DueEntry[] = [];
  const at = (date: string) => ({ date, daysLeft: daysFrom(today, date) });
  const aws = isAwsChecklist(def) ? awsDeadlines(plan.validationDate) : undefined;
  const prereqChapters = aws ? prerequisiteChapters(def) : new Set<string>();
  if (plan.selfAssessmentSentDate !== undefined) {
    entries.push({ ...at(plan.selfAssessmentSentDate), kind: 'self-assessment', title: 'Self-assessment sent', detail: 'The self-assessment went to the program team.' });
  }
  if (aws) {
    entries.push({
      ...at(aws.prerequisiteEvidence),
      kind: 'prerequisite-deadline',
      title: 'Prerequisite evidence due to AWS',
      detail: `AWS reviews the prerequisites' evidence at least ${AWS_PREREQUISITE_LEAD_DAYS} days before the validation audit.`,
    });
  }
  if (plan.preAuditDate !== undefined) entries.push({ ...at(plan.preAuditDate), kind: 'pre-audit', title: 'Pre-audit', detail: 'A dry run with the auditor before the validation audit.' });
  entries.push({ ...at(plan.validationDate), kind: 'validation', title: 'Validation audit', detail: 'Every mandatory item met, with its evidence current on this day.' });
  if (aws) {
    entries.push({
      ...at(aws.actionItems),
      kind: 'action-items',
      title: 'Mandatory action items closed',
      detail: `Answer AWS on each mandatory action item within ${AWS_ACTION_ITEM_BUSINESS_DAYS} business days of the audit.`,
    });
  }
  for (const risk of expiring) {
    entries.push({ ...at(risk.date), kind: 'evidence-expires', title: `Evidence of ${risk.itemId} expires`, detail: risk.detail, itemId: risk.itemId, ...(risk.issueKey !== undefined ? { issueKey: risk.issueKey } : {}) });
  }
  for (const item of items) {
    if (!item.mandatory || !isOpen(item.result)) continue;
    const prerequisite = aws !== undefined && prereqChapters.has(item.chapterId);
    const date = prerequisite && aws ? aws.prerequisiteEvidence : plan.validationDate;
    entries.push({
      ...at(date),
      kind: prerequisite ? 'prerequisite-open' : 'mandatory-open',
      title: `${item.itemId} ${item.title}`,
      detail: prerequisite ? 'Mandatory prerequisite not met yet: its evidence is due to AWS.' : 'Mandatory item not met yet.',
      itemId: item.itemId,
      ...(item.issueKey !== undefined ? { issueKey: item.issueKey } : {}),
      owner: item.assignee ?? null,
    });
  }
  entries.sort((a, b) => (a.date !== b.date ? (a.date < b.date ? -1 : 1) : ORDER[a.kind] - ORDER[b.kind]));
  return { entries: entries.slice(0, MAX_DUE_ENTRIES), more: Math.max(0, entries.length - MAX_DUE_ENTRIES) };
}

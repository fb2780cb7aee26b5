/** Words of the road to audit day. Pure. */
import type { PillTone } from '../../components/StatusPill';
import type { PlanDueKind, PlanForecastState, RoadToAudit } from '../../../../../common/contract';

export const FORECAST_WORDS: Record<PlanForecastState, string> = {
  'not-enough-history': 'No forecast yet',
  reached: 'Reached',
  'on-track': 'On track',
  'at-risk': 'At risk',
  'no-progress': 'No progress',
  'no-date': 'No audit date',
};
export const FORECAST_TONES: Record<PlanForecastState, PillTone> = {
  'not-enough-history': 'neutral',
  reached: 'success',
  'on-track': 'success',
  'at-risk': 'danger',
  'no-progress': 'danger',
  'no-date': 'information',
};

export const DUE_WORDS: Record<PlanDueKind, string> = {
  'self-assessment': 'Milestone',
  'prerequisite-deadline': 'AWS deadline',
  'prerequisite-open': 'Prerequisite open',
  'pre-audit': 'Milestone',
  'evidence-expires': 'Evidence expires',
  'mandatory-open': 'Mandatory open',
  validation: 'Audit',
  'action-items': 'AWS deadline',
};
export const DUE_TONES: Record<PlanDueKind, PillTone> = {
  'self-assessment': 'neutral',
  'prerequisite-deadline': 'information',
  'prerequisite-open': 'danger',
  'pre-audit': 'neutral',
  'evidence-expires': 'warning',
  'mandatory-open': 'danger',
  validation: 'information',
  'action-items': 'information',
};

/** "in 30 days", "today", "3 days ago". */
export function daysWords(days: number): string {
  if (days === 0) return 'today';
  if (days === 1) return 'tomorrow';
  if (days === -1) return 'yesterday';
  return days > 0 ? `in ${days} days` : `${-days} days ago`;
}

/** The headline: days to the audit, or what to do without a plan. */
export function countdownLine(road: Pick<RoadToAudit, 'plan' | 'daysToAudit'>): string {
  if (!road.plan || road.daysToAudit === null) return 'No validation date yet: set one to see what is due when.';
  const days = road.daysToAudit;
  if (days > 0) return `${days} day${days === 1 ? '' : 's'} to the validation audit on ${road.plan.validationDate}`;
  if (days === 0) return `The validation audit is today (${road.plan.validationDate})`;
  return `The validation audit was ${-days} day${days === -1 ? '' : 's'} ago (${road.plan.validationDate})`;
}

/** A person's name, the account id when Jira gave none, or "Unassigned". */
export function personName(people: Record<string, string | null>, accountId: string | null | undefined): string {
  if (accountId === null || accountId === undefined) return 'Unassigned';
  return people[accountId] ?? accountId;
}

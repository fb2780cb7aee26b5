/** Words of the road to audit day. Pure. */
import type { PillTone } from '../../components/StatusPill';
import type { PlanDueKind, PlanForecastState, RoadToAudit } from '../../../../../common/contract';
import { planEnglish } from './messages';
import type { PlanMessages } from './messages.en';

/** English words (the catalogue, messages.<lang>.ts, has every language). */
export const FORECAST_WORDS: Record<PlanForecastState, string> = planEnglish().forecast;
export const FORECAST_TONES: Record<PlanForecastState, PillTone> = {
  'not-enough-history': 'neutral',
  reached: 'success',
  'on-track': 'success',
  'at-risk': 'danger',
  'no-progress': 'danger',
  'no-date': 'information',
};

export const DUE_WORDS: Record<PlanDueKind, string> = planEnglish().due;
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
export function daysWords(days: number, t: PlanMessages = planEnglish()): string {
  if (days === 0) return t.today;
  if (days === 1) return t.tomorrow;
  if (days === -1) return t.yesterday;
  return days > 0 ? t.inDays(days) : t.daysAgo(-days);
}

/** The headline: days to the audit, or what to do without a plan. */
export function countdownLine(road: Pick<RoadToAudit, 'plan' | 'daysToAudit'>, t: PlanMessages = planEnglish()): string {
  if (!road.plan || road.daysToAudit === null) return t.noDate;
  const days = road.daysToAudit;
  if (days > 0) return t.daysTo(days, road.plan.validationDate);
  if (days === 0) return t.auditToday(road.plan.validationDate);
  return t.auditAgo(-days, road.plan.validationDate);
}

/** A person's name, the account id when Jira gave none, or "Unassigned". */
export function personName(people: Record<string, string | null>, accountId: string | null | undefined, t: PlanMessages = planEnglish()): string {
  if (accountId === null || accountId === undefined) return t.unassigned;
  return people[accountId] ?? accountId;
}

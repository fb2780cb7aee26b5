/**
 * "The score at a glance": how far the pass mark is, the change over 7 and 30 days, the next
 * deadline, and the same in one sentence for a screen reader. Pure: the page passes the rollup,
 * the score history (audit day) and the plan's due lines it already reads.
 */
import type { PlanDueEntry, Rollup, ScoreHistoryPoint } from '../../../../../../common/contract';
import { auditEnglish } from '../messages';
import type { AuditMessages } from '../messages.en';

export interface GlanceBar {
  value: number;
  max: number;
  /** Where the pass sits on the bar (the pass mark, or every mandatory item). */
  target: number | null;
  /** "650 of 1000 points" / "5 of 8 mandatory items met, N/A or waived". */
  words: string;
}

export interface Trend {
  days: number;
  /** Null when the history does not reach that far back. */
  change: number | null;
}

/** Points model: score against the pass mark. Met model: mandatory met of total (the pass needs all). */
export function glanceBar(rollup: Pick<Rollup, 'model' | 'score' | 'maxScore' | 'passMark' | 'items' | 'mandatoryOpen'>, t: AuditMessages = auditEnglish()): GlanceBar {
  if (rollup.model === 'points') {
    return { value: Math.max(0, rollup.score), max: rollup.maxScore, target: rollup.passMark, words: t.glancePoints(rollup.score, rollup.maxScore) };
  }
  const total = rollup.items.filter((item) => item.mandatory).length;
  const met = Math.max(0, total - rollup.mandatoryOpen.length);
  return { value: met, max: total, target: total, words: t.glanceMet(met, total) };
}

/** The UTC day `days` before `today` (YYYY-MM-DD). */
export function daysBefore(today: string, days: number): string {
  const at = new Date(`${today}T00:00:00.000Z`);
  at.setUTCDate(at.getUTCDate() - days);
  return at.toISOString().slice(0, 10);
}

/**
 * The change since `days` ago: against the last history point on or before that day. Points:
 * score points; met: mandatory items closed (fewer open is up).
 */
export function trendSince(rollup: Pick<Rollup, 'model' | 'score' | 'mandatoryOpen'>, history: readonly ScoreHistoryPoint[], today: string, days: number): Trend {
  const day = daysBefore(today, days);
  const then = history.filter((point) => point.date <= day).at(-1);
  if (!then) return { days, change: null };
  const change = rollup.model === 'points' ? rollup.score - then.score : then.mandatoryOpen - rollup.mandatoryOpen.length;
  return { days, change };
}

export function trendWords(trend: Trend, model: Rollup['model'], t: AuditMessages = auditEnglish()): string {
  if (trend.change === null) return t.trendNone(trend.days);
  if (trend.change === 0) return t.trendZero(trend.days);
  return t.trend(trend.change, model === 'points', trend.days);
}

/** The first due line from today on, or undefined. */
export function nextDeadline(due: readonly PlanDueEntry[]): PlanDueEntry | undefined {
  return [...due].filter((entry) => entry.daysLeft >= 0).sort((a, b) => a.daysLeft - b.daysLeft)[0];
}

export function deadlineWords(entry: PlanDueEntry, t: AuditMessages = auditEnglish()): string {
  return t.deadline(entry.title, entry.date, entry.daysLeft);
}

/** The glance as one sentence: what a sighted reader takes from the bar, lozenge and figures. */
export function glanceSentence(
  rollup: Pick<Rollup, 'model' | 'score' | 'maxScore' | 'passMark' | 'passed' | 'items' | 'mandatoryOpen'>,
  trends: readonly Trend[],
  deadline: PlanDueEntry | undefined,
  t: AuditMessages = auditEnglish(),
): string {
  const bar = glanceBar(rollup, t);
  const toGo =
    rollup.model === 'points' && rollup.passMark !== null
      ? rollup.score >= rollup.passMark
        ? t.atOrAbove(rollup.passMark)
        : t.below(rollup.passMark - rollup.score, rollup.passMark)
      : rollup.model === 'met'
        ? t.stillOpen(rollup.mandatoryOpen.length)
        : '';
  const verdict = rollup.passed ? t.wouldPass : t.wouldNotPassYet;
  const trendLines = trends.map((trend) => trendWords(trend, rollup.model, t));
  return t.glanceSentence(verdict, bar.words, toGo, trendLines, deadline ? deadlineWords(deadline, t) : undefined);
}

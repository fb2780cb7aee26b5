/**
 * "The score at a glance": how far the pass mark is, the change over 7 and 30 days, the next
 * deadline, and the same in one sentence for a screen reader. Pure: the page passes the rollup,
 * the score history (audit day) and the plan's due lines it already reads.
 */
import type { PlanDueEntry, Rollup, ScoreHistoryPoint } from '../../../../../../common/contract';
import { plural } from '../format';

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
export function glanceBar(rollup: Pick<Rollup, 'model' | 'score' | 'maxScore' | 'passMark' | 'items' | 'mandatoryOpen'>): GlanceBar {
  if (rollup.model === 'points') {
    return { value: Math.max(0, rollup.score), max: rollup.maxScore, target: rollup.passMark, words: `${rollup.score} of ${rollup.maxScore} points` };
  }
  const total = rollup.items.filter((item) => item.mandatory).length;
  const met = Math.max(0, total - rollup.mandatoryOpen.length);
  return { value: met, max: total, target: total, words: `${met} of ${plural(total, 'mandatory item')} met, N/A or waived` };
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

export function trendWords(trend: Trend, model: Rollup['model']): string {
  if (trend.change === null) return `no history ${trend.days} days back yet`;
  const unit = model === 'points' ? 'point' : 'mandatory item';
  if (trend.change === 0) return `no change in ${trend.days} days`;
  const sign = trend.change > 0 ? '+' : '−';
  return `${sign}${plural(Math.abs(trend.change), unit)} in ${trend.days} days`;
}

/** The first due line from today on, or undefined. */
export function nextDeadline(due: readonly PlanDueEntry[]): PlanDueEntry | undefined {
  return [...due].filter((entry) => entry.daysLeft >= 0).sort((a, b) => a.daysLeft - b.daysLeft)[0];
}

export function deadlineWords(entry: PlanDueEntry): string {
  const when = entry.daysLeft === 0 ? 'today' : `in ${plural(entry.daysLeft, 'day')}`;
  return `${entry.title}, ${entry.date} (${when})`;
}

/** The glance as one sentence: what a sighted reader takes from the bar, lozenge and figures. */
export function glanceSentence(rollup: Pick<Rollup, 'model' | 'score' | 'maxScore' | 'passMark' | 'passed' | 'items' | 'mandatoryOpen'>, trends: readonly Trend[], deadline: PlanDueEntry | undefined): string {
  const bar = glanceBar(rollup);
  const toGo =
    rollup.model === 'points' && rollup.passMark !== null
      ? rollup.score >= rollup.passMark
        ? `, at or above the pass mark of ${rollup.passMark}`
        : `, ${plural(rollup.passMark - rollup.score, 'point')} below the pass mark of ${rollup.passMark}`
      : rollup.model === 'met'
        ? `, ${plural(rollup.mandatoryOpen.length, 'mandatory item')} still open`
        : '';
  const verdict = rollup.passed ? 'Would pass' : 'Would not pass yet';
  const trend = trends.length > 0 ? ` Change: ${trends.map((t) => trendWords(t, rollup.model)).join('; ')}.` : '';
  const next = deadline ? ` Next deadline: ${deadlineWords(deadline)}.` : '';
  return `${verdict}: ${bar.words}${toGo}.${trend}${next}`;
}

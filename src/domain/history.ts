/**
 * Score history: one point per day for the "score over time" chart, recorded by the daily run and,
 * between runs, whenever the score changes in a way a team would want to see.
 *
 * Rules, and the choices made here:
 * - **One point per day.** A later snapshot of a day replaces that day's point; an *older* one
 *   (a late event, a retried run) never overwrites a newer one. The day is the caller's calendar
 *   day (`date`); `at` is normalised to `toISOString()` form.
 * - **Significant change** (decides whether a snapshot outside the daily run is worth a write),
 *   compared with the latest point: the score moved by at least `significantDelta`, the pass flipped,
 *   the number of open mandatory items changed, or the scale changed (max score or pass mark — a
 *   new checklist version). No earlier point is always significant.
 * - **Retention**, counted back from the newest point's day: every daily point of the last
 *   {@link DAILY_RETENTION_DAYS} days (two years, a leap day included); older points thinned to the
 *   last point of each Monday–Sunday week; points older than {@link TOTAL_RETENTION_DAYS} days
 *   (five years) dropped. At most ~890 points remain, and thinning is idempotent: pruning again,
 *   or later, keeps the same weekly points.
 * - Figures are whole numbers (points and item counts are), which keeps the encoding exact.
 */
import { BadRequestError } from '../../common/errors';
import { epochDay, isCalendarDate, weekOfEpochDay } from './history-calendar';
import type { ScoreReport } from './types';

/** Every day of the last two years (730 days plus a leap day) keeps its own point. */
export const DAILY_RETENTION_DAYS = 731;
/** Nothing older than five years (5 × 365 days plus two leap days) is kept. */
export const TOTAL_RETENTION_DAYS = 1827;

/** The score of one checklist on one day. */
export interface ScorePoint {
  /** The project's calendar day, `YYYY-MM-DD`. */
  date: string;
  /** When the snapshot was taken, ISO 8601. */
  at: string;
  score: number;
  maxScore: number;
  passMark: number | null;
  passed: boolean;
  /** Items met, N/A or waived. */
  met: number;
  total: number;
  /** How many mandatory items are open. */
  mandatoryOpen: number;
}

/** Points in ascending date order, at most one per date. */
export type ScoreHistory = ScorePoint[];

/** What made a change significant. */
export type ChangeReason = 'first' | 'score' | 'pass' | 'mandatory' | 'scale';

export interface SnapshotOptions {
  /** Score movement (in score units: points, or items under the met model) that is worth a point. */
  significantDelta: number;
  /** `daily`: the scheduled run, always recorded. `change`: recorded only when significant. Default `daily`. */
  trigger?: 'daily' | 'change';
}

export interface SnapshotResult {
  history: ScoreHistory;
  /** False when nothing was written: an insignificant change, or an older snapshot of a day. Skip the storage write then. */
  recorded: boolean;
}

/** A point, option or range the history cannot take; the message says which field and why. */
export class HistoryInputError extends BadRequestError {}

/**
 * A score point from a report, for the caller's calendar day and snapshot time.
 *
 * @example
 * scorePointFromReport(report, { date: '2026-03-02', at: new Date('2026-03-02T02:00:00Z') });
 * // { date: '2026-03-02', at: '2026-03-02T02:00:00.000Z', score: 870, maxScore: 1000, passMark: 900, passed: false, … }
 */
export function scorePointFromReport(report: ScoreReport, when: { date: string; at: Date }): ScorePoint {
  return normalisePoint({
    date: when.date,
    at: Number.isNaN(when.at.getTime()) ? '' : when.at.toISOString(),
    score: report.score,
    maxScore: report.maxScore,
    passMark: report.passMark,
    passed: report.passed,
    met: report.counts.met + report.counts.na,
    total: report.counts.total,
    mandatoryOpen: report.mandatoryOpen.length,
  });
}

/**
 * Why `next` is worth recording next to `previous`; empty when it is not.
 *
 * @example
 * significantChanges(yesterday, { ...yesterday, score: yesterday.score + 25 }, 20); // ['score']
 * significantChanges(undefined, today, 20);                                      // ['first']
 */
export function significantChanges(previous: ScorePoint | undefined, next: ScorePoint, significantDelta: number): ChangeReason[] {
  checkDelta(significantDelta);
  if (!previous) return ['first'];
  const reasons: ChangeReason[] = [];
  if (Math.abs(next.score - previous.score) >= significantDelta) reasons.push('score');
  if (next.passed !== previous.passed) reasons.push('pass');
  if (next.mandatoryOpen !== previous.mandatoryOpen) reasons.push('mandatory');
  if (next.maxScore !== previous.maxScore || next.passMark !== previous.passMark) reasons.push('scale');
  return reasons;
}

/**
 * Records a snapshot: one point per day, significance checked for `change` snapshots, retention
 * applied from the newest day. The input history is not changed.
 *
 * @throws HistoryInputError when the point or the options are invalid
 * @example
 * const { history, recorded } = recordSnapshot(stored, todayPoint, { significantDelta: 20, trigger: 'change' });
 * if (recorded) await kvs.set(historyKey, encodeHistory(history));
 */
export function recordSnapshot(history: ScoreHistory, point: ScorePoint, options: SnapshotOptions): SnapshotResult {
  checkDelta(options.significantDelta);
  const next = normalisePoint(point);
  const latest = history[history.length - 1];
  if (options.trigger === 'change' && significantChanges(latest, next, options.significantDelta).length === 0) {
    return { history, recorded: false };
  }

  const sameDay = history.findIndex((entry) => entry.date === next.date);
  if (sameDay >= 0 && Date.parse(history[sameDay]?.at ?? '') > Date.parse(next.at)) return { history, recorded: false };

  const updated = history.filter((entry) => entry.date !== next.date);
  const insertAt = updated.findIndex((entry) => entry.date > next.date);
  updated.splice(insertAt < 0 ? updated.length : insertAt, 0, next);
  const newest = updated[updated.length - 1]?.date ?? next.date;
  return { history: pruneHistory(updated, newest), recorded: true };
}

/**
 * Applies retention as of `today` (see the module comment). Points dated after `today` are kept.
 *
 * @example
 * pruneHistory(fiveYearsOfDailyPoints, '2026-03-02').length; // 731 daily + one per older week (~890)
 */
export function pruneHistory(history: ScoreHistory, today: string): ScoreHistory {
  if (!isCalendarDate(today)) throw new HistoryInputError(`today must be a calendar day written YYYY-MM-DD; got "${String(today)}".`);
  const todayDay = epochDay(today);
  const kept: ScorePoint[] = [];
  // Index in `kept` of the weekly point kept so far for each thinned week.
  const weekSlot = new Map<number, number>();
  for (const point of sortedByDate(history)) {
    const day = epochDay(point.date);
    const age = todayDay - day;
    if (age >= TOTAL_RETENTION_DAYS) continue;
    if (age < DAILY_RETENTION_DAYS) {
      kept.push(point);
      continue;
    }
    const week = weekOfEpochDay(day);
    const slot = weekSlot.get(week);
    // Sorted by date, so a later point of the same thinned week replaces the earlier one.
    if (slot === undefined) {
      weekSlot.set(week, kept.length);
      kept.push(point);
    } else {
      kept[slot] = point;
    }
  }
  return kept;
}

/** One chart point. */
export interface SeriesPoint {
  date: string;
  score: number;
  maxScore: number;
  passMark: number | null;
  passed: boolean;
  mandatoryOpen: number;
  /** Score as a percentage of max, one decimal (0 when max is 0): comparable across a scale change. */
  percent: number;
}

/**
 * The points from `from` to `to` (both included), oldest first, shaped for a chart. Older ranges
 * hold one point per week (see retention).
 *
 * @throws HistoryInputError when a day is not `YYYY-MM-DD` or `from` is after `to`
 * @example
 * historySeries(history, '2026-02-01', '2026-03-02').map((point) => [point.date, point.score]);
 */
export function historySeries(history: ScoreHistory, from: string, to: string): SeriesPoint[] {
  for (const [label, value] of [['from', from], ['to', to]] as const) {
    if (!isCalendarDate(value)) throw new HistoryInputError(`${label} must be a calendar day written YYYY-MM-DD; got "${String(value)}".`);
  }
  if (from > to) throw new HistoryInputError(`from (${from}) is after to (${to}); swap them.`);
  return sortedByDate(history)
    .filter((point) => point.date >= from && point.date <= to)
    .map((point) => ({
      date: point.date,
      score: point.score,
      maxScore: point.maxScore,
      passMark: point.passMark,
      passed: point.passed,
      mandatoryOpen: point.mandatoryOpen,
      percent: point.maxScore > 0 ? Math.round((point.score * 1000) / point.maxScore) / 10 : 0,
    }));
}

/**
 * A valid point with `at` in `toISOString()` form; throws a {@link HistoryInputError} naming the
 * first bad field.
 *
 * @example
 * normalisePoint({ ...point, at: '2026-03-02T03:00:00+01:00' }).at; // '2026-03-02T02:00:00.000Z'
 */
export function normalisePoint(point: ScorePoint): ScorePoint {
  if (!isCalendarDate(point.date)) fail('date', 'a calendar day written YYYY-MM-DD', point.date);
  const at = Date.parse(point.at);
  if (typeof point.at !== 'string' || Number.isNaN(at)) fail('at', 'an ISO 8601 date and time', point.at);
  const counts = ['maxScore', 'met', 'total', 'mandatoryOpen'] as const;
  if (!Number.isSafeInteger(point.score)) fail('score', 'a whole number', point.score);
  for (const field of counts) if (!isCount(point[field])) fail(field, 'a whole number ≥ 0', point[field]);
  if (point.passMark !== null && !isCount(point.passMark)) fail('passMark', 'a whole number ≥ 0 or null', point.passMark);
  if (typeof point.passed !== 'boolean') fail('passed', 'true or false', point.passed);
  if (point.met > point.total) fail('met', `at most total (${point.total})`, point.met);
  if (point.mandatoryOpen > point.total) fail('mandatoryOpen', `at most total (${point.total})`, point.mandatoryOpen);
  return { ...point, at: new Date(at).toISOString() };
}

function isCount(value: unknown): boolean {
  return Number.isSafeInteger(value) && (value as number) >= 0;
}

function fail(field: string, expected: string, got: unknown): never {
  throw new HistoryInputError(`Score point field ${field} must be ${expected}; got ${JSON.stringify(got) ?? String(got)}.`);
}

function checkDelta(delta: number): void {
  if (!(typeof delta === 'number' && Number.isFinite(delta) && delta > 0)) {
    throw new HistoryInputError(`significantDelta must be a number above 0 (e.g. 10 points); got ${String(delta)}.`);
  }
}

function sortedByDate(history: ScoreHistory): ScorePoint[] {
  return [...history].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}

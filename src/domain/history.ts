/**
 * Score history: the points of the "score over time" chart, recorded by the daily run and, between
 * runs, whenever the score changes in a way a team would want to see.
 *
 * Rules, and the choices made here:
 * - **Every significant change is kept, with its time.** A day can hold several points (the import
 *   score in the morning, the afternoon's work): a later point never replaces an earlier one, so the
 *   score a day started with stays on the chart. Points are kept in time order (`date`, then `at`).
 * - **The daily run records one point a day**: a `daily` snapshot is recorded only when its day has
 *   no point yet (a retried or repeated run adds nothing), so every day the run reached has a point
 *   even when nothing changed.
 * - **Significant change** (decides whether a snapshot outside the daily run is worth a point),
 *   compared with the latest point: the score moved by at least `significantDelta`, the pass flipped,
 *   the number of open mandatory items changed, or the scale changed (max score or pass mark — a
 *   new checklist version). No earlier point is always significant. A `change` snapshot taken before
 *   the latest point (a late event, a slow read) is not recorded: the newer point already says more.
 *   One taken at the same millisecond is recorded after it (it was read later).
 * - **Retention**, counted back from the newest point's day:
 *   - the last {@link CHANGE_RETENTION_DAYS} days keep every point, at most
 *     {@link MAX_POINTS_PER_DAY} a day (a day with more keeps its first point and its latest ones);
 *   - up to {@link DAILY_RETENTION_DAYS} days (two years, a leap day included) keep the last point
 *     of each day;
 *   - older points are thinned to the last point of each Monday–Sunday week;
 *   - points older than {@link TOTAL_RETENTION_DAYS} days (five years) are dropped.
 *   So at most {@link MAX_HISTORY_POINTS} points remain (92 × 24 + 639 + 158 = 3,005); the codec's
 *   test measures that bound at ~113 KiB in the worst case (every figure jumping at every point),
 *   within one 240 KiB KVS value. Thinning is
 *   idempotent: pruning again, or later, keeps the same points.
 * - Figures are whole numbers (points and item counts are), which keeps the encoding exact.
 */
import { BadRequestError } from '../../common/errors';
import { epochDay, isCalendarDate, weekOfEpochDay } from './history-calendar';
import type { ScoreReport } from './types';

/** The last 92 days (a quarter) keep every significant change, up to {@link MAX_POINTS_PER_DAY} a day. */
export const CHANGE_RETENTION_DAYS = 92;
/** Points one day keeps within {@link CHANGE_RETENTION_DAYS}: its first and its latest 23. */
export const MAX_POINTS_PER_DAY = 24;
/** Every day of the last two years (730 days plus a leap day) keeps at least its last point. */
export const DAILY_RETENTION_DAYS = 731;
/** Nothing older than five years (5 × 365 days plus two leap days) is kept. */
export const TOTAL_RETENTION_DAYS = 1827;
/**
 * The most points retention keeps: every change of the last 92 days (24 a day), a point a day for
 * the rest of two years, a point a week (at most 158 weeks touch the three years before).
 */
export const MAX_HISTORY_POINTS =
  CHANGE_RETENTION_DAYS * MAX_POINTS_PER_DAY + (DAILY_RETENTION_DAYS - CHANGE_RETENTION_DAYS) + Math.ceil((TOTAL_RETENTION_DAYS - DAILY_RETENTION_DAYS) / 7) + 1;

/** The score of one checklist at one time. */
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

/** Points in time order (`date`, then `at`); a day may hold several. */
export type ScoreHistory = ScorePoint[];

/** What made a change significant. */
export type ChangeReason = 'first' | 'score' | 'pass' | 'mandatory' | 'scale';

export interface SnapshotOptions {
  /** Score movement (in score units: points, or items under the met model) that is worth a point. */
  significantDelta: number;
  /** `daily`: the scheduled run, recorded when its day has no point yet. `change`: recorded only when significant. Default `daily`. */
  trigger?: 'daily' | 'change';
}

export interface SnapshotResult {
  history: ScoreHistory;
  /** False when nothing was written: an insignificant or late change, or a daily snapshot of a day that has a point. Skip the storage write then. */
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
    met: report.counts.met + report.counts.na + report.counts.waived,
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
 * Records a snapshot: a `daily` one when its day has no point yet, a `change` one when it is
 * significant and not older than the latest point; retention applied from the newest day. The
 * input history is not changed.
 *
 * @throws HistoryInputError when the point or the options are invalid
 * @example
 * const { history, recorded } = recordSnapshot(stored, todayPoint, { significantDelta: 20, trigger: 'change' });
 * if (recorded) await kvs.set(historyKey, encodeHistory(history));
 */
export function recordSnapshot(history: ScoreHistory, point: ScorePoint, options: SnapshotOptions): SnapshotResult {
  checkDelta(options.significantDelta);
  const next = normalisePoint(point);
  const sorted = sortedByTime(history);
  const latest = sorted[sorted.length - 1];
  if (options.trigger === 'change') {
    if (latest && compareTime(next, latest) < 0) return { history, recorded: false };
    if (significantChanges(latest, next, options.significantDelta).length === 0) return { history, recorded: false };
  } else if (sorted.some((entry) => entry.date === next.date)) {
    return { history, recorded: false };
  }

  const insertAt = sorted.findIndex((entry) => compareTime(entry, next) > 0);
  sorted.splice(insertAt < 0 ? sorted.length : insertAt, 0, next);
  const newest = sorted[sorted.length - 1]?.date ?? next.date;
  return { history: pruneHistory(sorted, newest), recorded: true };
}

/**
 * Applies retention as of `today` (see the module comment). Points dated after `today` are kept
 * like today's.
 *
 * @example
 * pruneHistory(fiveYearsOfDailyPoints, '2026-03-02').length; // 731 daily + one per older week (~890)
 */
export function pruneHistory(history: ScoreHistory, today: string): ScoreHistory {
  if (!isCalendarDate(today)) throw new HistoryInputError(`today must be a calendar day written YYYY-MM-DD; got "${String(today)}".`);
  const todayDay = epochDay(today);
  // One bucket per kept unit, in time order: a recent day (every point), an older day or a week (its last point).
  const buckets = new Map<string, ScorePoint[]>();
  for (const point of sortedByTime(history)) {
    const day = epochDay(point.date);
    const age = todayDay - day;
    if (age >= TOTAL_RETENTION_DAYS) continue;
    if (age < CHANGE_RETENTION_DAYS) {
      const key = `c${day}`;
      const bucket = buckets.get(key);
      if (bucket) bucket.push(point);
      else buckets.set(key, [point]);
      continue;
    }
    // Sorted by time, so a later point of the same day or week replaces the earlier one.
    buckets.set(age < DAILY_RETENTION_DAYS ? `d${day}` : `w${weekOfEpochDay(day)}`, [point]);
  }
  const kept: ScorePoint[] = [];
  for (const bucket of buckets.values()) {
    if (bucket.length <= MAX_POINTS_PER_DAY) kept.push(...bucket);
    else kept.push(bucket[0]!, ...bucket.slice(bucket.length - (MAX_POINTS_PER_DAY - 1)));
  }
  return kept;
}

/** One chart point. */
export interface SeriesPoint {
  date: string;
  /** When the snapshot was taken, ISO 8601: a day may hold several points. */
  at: string;
  score: number;
  maxScore: number;
  passMark: number | null;
  passed: boolean;
  mandatoryOpen: number;
  /** Score as a percentage of max, one decimal (0 when max is 0): comparable across a scale change. */
  percent: number;
}

/**
 * The points from `from` to `to` (both days included), oldest first, shaped for a chart. Recent
 * days may hold several points; older ranges one a day, then one a week (see retention).
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
  return sortedByTime(history)
    .filter((point) => point.date >= from && point.date <= to)
    .map((point) => ({
      date: point.date,
      at: point.at,
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

/** Time order: by day, then by instant within the day (a stable sort keeps equal points in order). */
function compareTime(a: ScorePoint, b: ScorePoint): number {
  if (a.date !== b.date) return a.date < b.date ? -1 : 1;
  return Date.parse(a.at) - Date.parse(b.at);
}

function sortedByTime(history: ScoreHistory): ScorePoint[] {
  return [...history].sort(compareTime);
}

/**
 * When, at the current pace, the project reaches the pass mark (points model) or has every
 * mandatory item met (met model), from the score history; and whether that is before the validation
 * audit. Pure: the caller gives the history (src/domain/history.ts points) and today.
 *
 * How the pace is measured, in words the page repeats:
 * - Fewer than {@link MIN_FORECAST_POINTS} history points: no forecast (said so).
 * - The pace is the change between the first and the latest point of the last
 *   {@link PACE_WINDOW_DAYS} days (the last three points if that window holds fewer), divided by the
 *   time between them. Points on another scale (a new checklist version: max or pass mark changed)
 *   are left out. A window shorter than a day gives no forecast: a pace from one afternoon says
 *   nothing about weeks.
 * - The date reached is counted from the latest point's day (never before today), rounded up.
 * - On track when that date is on or before the validation date; at risk by the days after it. No
 *   progress (flat or falling) is at risk with no date.
 */
import { addDays, daysFrom } from './plan-dates';
import type { ScorePoint } from './history';

export const MIN_FORECAST_POINTS = 3;
export const PACE_WINDOW_DAYS = 28;
const MS_PER_DAY = 86_400_000;

export type ForecastState = 'not-enough-history' | 'reached' | 'on-track' | 'at-risk' | 'no-progress' | 'no-date';

export interface Forecast {
  state: ForecastState;
  /** One sentence that explains the figure. */
  sentence: string;
  /** History points the forecast saw. */
  points: number;
  /** The day the target is reached at the current pace. */
  reachDate?: string;
  /** Score points (points model) or mandatory items (met model) a day, one decimal. */
  perDay?: number;
  /** Days the reach date falls after the validation date (`at-risk`). */
  daysLate?: number;
  /** Days it falls before it (`on-track`). */
  daysEarly?: number;
}

export interface ForecastInput {
  history: readonly ScorePoint[];
  model: 'points' | 'met';
  today: string;
  validationDate?: string;
}

const plural = (count: number, word: string) => `${count} ${word}${count === 1 ? '' : 's'}`;
const oneDecimal = (value: number) => Math.round(value * 10) / 10;

/**
 * @example
 * forecast({ history, model: 'points', today: '2026-03-01', validationDate: '2026-04-30' }).sentence;
 * // 'The score rose 160 points in the last 20 days (8 a day); at that pace it reaches the pass mark of 900 on 2026-03-15, 46 days before the validation audit on 2026-04-30: on track.'
 */
export function forecast(input: ForecastInput): Forecast {
  const sorted = [...input.history].sort((a, b) => (a.date !== b.date ? (a.date < b.date ? -1 : 1) : Date.parse(a.at) - Date.parse(b.at)));
  const points = sorted.length;
  const latest = sorted[points - 1];
  if (!latest || points < MIN_FORECAST_POINTS) {
    return {
      state: 'not-enough-history',
      points,
      sentence: `No forecast yet: it needs at least ${MIN_FORECAST_POINTS} points of score history and there ${points === 1 ? 'is' : 'are'} ${points} so far (a point a day, and one with every significant change).`,
    };
  }
  const isPoints = input.model === 'points';
  const passMark = latest.passMark;
  if (isPoints && passMark === null) {
    return { state: 'not-enough-history', points, sentence: 'No forecast: this checklist has no pass mark to reach.' };
  }
  const reached = isPoints ? latest.score >= (passMark ?? 0) : latest.mandatoryOpen === 0;
  if (reached) {
    return {
      state: 'reached',
      points,
      sentence: isPoints ? `Already at the pass mark: the score is ${latest.score} of the ${passMark} needed.` : 'Every mandatory item is met already.',
    };
  }
  const sameScale = sorted.filter((point) => point.maxScore === latest.maxScore && point.passMark === latest.passMark);
  const since = addDays(latest.date, -PACE_WINDOW_DAYS);
  let window = sameScale.filter((point) => point.date >= since);
  if (window.length < MIN_FORECAST_POINTS) window = sameScale.slice(-MIN_FORECAST_POINTS);
  const first = window[0] ?? latest;
  const spanDays = (Date.parse(latest.at) - Date.parse(first.at)) / MS_PER_DAY;
  if (window.length < MIN_FORECAST_POINTS || !(spanDays >= 1)) {
    return {
      state: 'not-enough-history',
      points,
      sentence: `No forecast yet: the comparable history spans less than a day (${plural(window.length, 'point')}); a pace needs at least ${MIN_FORECAST_POINTS} points over a day or more.`,
    };
  }
  const days = Math.max(1, Math.round(spanDays));
  const progress = isPoints ? latest.score - first.score : first.mandatoryOpen - latest.mandatoryOpen;
  const perDay = progress / spanDays;
  const movement = isPoints
    ? `The score went from ${first.score} to ${latest.score} in the last ${plural(days, 'day')}`
    : `Open mandatory items went from ${first.mandatoryOpen} to ${latest.mandatoryOpen} in the last ${plural(days, 'day')}`;
  const never = isPoints ? `the pass mark of ${passMark} is never reached` : 'the last mandatory item is never met';
  if (!(perDay > 0)) {
    return {
      state: 'no-progress',
      points,
      perDay: oneDecimal(perDay),
      sentence: `${movement}: no progress, so at this pace ${never}${input.validationDate !== undefined ? ` before the validation audit on ${input.validationDate}` : ''}.`,
    };
  }
  const remaining = isPoints ? (passMark ?? 0) - latest.score : latest.mandatoryOpen;
  const start = latest.date > input.today ? latest.date : input.today;
  const needed = Math.ceil(remaining / perDay - 1e-9);
  const reachDate = addDays(latest.date, needed) < start ? start : addDays(latest.date, needed);
  const pace = `${oneDecimal(perDay)} ${isPoints ? 'points' : 'items'} a day`;
  const head = `${movement} (${pace}); at that pace ${isPoints ? `it reaches the pass mark of ${passMark}` : 'the last mandatory item is met'} on ${reachDate}`;
  const base = { points, perDay: oneDecimal(perDay), reachDate };
  if (input.validationDate === undefined) return { ...base, state: 'no-date', sentence: `${head}. Set the validation date to see whether that is in time.` };
  const late = daysFrom(input.validationDate, reachDate);
  if (late <= 0) {
    const early = Math.abs(late);
    const when = early === 0 ? 'on the day of the validation audit' : `${plural(early, 'day')} before the validation audit on ${input.validationDate}`;
    return { ...base, state: 'on-track', daysEarly: early, sentence: `${head}, ${when}: on track.` };
  }
  return { ...base, state: 'at-risk', daysLate: late, sentence: `${head}, ${plural(late, 'day')} after the validation audit on ${input.validationDate}: at risk by ${plural(late, 'day')}.` };
}

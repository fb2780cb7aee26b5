/**
 * Calendar and business-day arithmetic for the road to audit day. Days are `YYYY-MM-DD` texts with
 * no time zone (the caller decides which day "today" is); arithmetic happens on epoch days, so
 * nothing here depends on daylight-saving shifts. Business days are Monday to Friday: the app knows
 * no public holidays, and the AWS deadlines it computes are counted that way in the program guide.
 */
import { dateOfEpochDay, epochDay, isCalendarDate } from './history-calendar';

export { isCalendarDate };

/**
 * The day `days` calendar days after `date` (before it when negative).
 *
 * @example
 * addDays('2026-03-01', 30); // '2026-03-31'
 * addDays('2026-03-01', -1); // '2026-02-28'
 */
export function addDays(date: string, days: number): string {
  return dateOfEpochDay(epochDay(date) + days);
}

/**
 * Whole days from `from` to `to`: positive when `to` is later.
 *
 * @example
 * daysFrom('2026-03-01', '2026-03-31'); // 30
 */
export function daysFrom(from: string, to: string): number {
  return epochDay(to) - epochDay(from);
}

/** 0 Sunday … 6 Saturday (1970-01-01 was a Thursday). */
export function weekday(date: string): number {
  return (((epochDay(date) + 4) % 7) + 7) % 7;
}

export function isBusinessDay(date: string): boolean {
  const day = weekday(date);
  return day !== 0 && day !== 6;
}

/**
 * The business day `count` business days after `date` (Mon–Fri; the start day itself is not
 * counted, so 10 business days after a Thursday is the Thursday two weeks later). `count` 0 gives
 * `date` itself when it is a business day, else the next one. Negative counts go back.
 *
 * @example
 * addBusinessDays('2026-03-05', 10); // '2026-03-19' (Thursday → Thursday)
 * addBusinessDays('2026-03-06', 1);  // '2026-03-09' (Friday → Monday)
 */
export function addBusinessDays(date: string, count: number): string {
  if (!Number.isInteger(count)) throw new RangeError(`count must be a whole number of business days, not ${count}.`);
  let day = epochDay(date);
  const step = count < 0 ? -1 : 1;
  let left = Math.abs(count);
  if (left === 0) {
    while (!isBusinessDay(dateOfEpochDay(day))) day += 1;
    return dateOfEpochDay(day);
  }
  while (left > 0) {
    day += step;
    if (isBusinessDay(dateOfEpochDay(day))) left -= 1;
  }
  return dateOfEpochDay(day);
}

/**
 * Business days from `from` (excluded) to `to` (included); negative when `to` is earlier.
 *
 * @example
 * businessDaysBetween('2026-03-06', '2026-03-09'); // 1 (Friday → Monday)
 */
export function businessDaysBetween(from: string, to: string): number {
  const start = epochDay(from);
  const end = epochDay(to);
  const sign = end < start ? -1 : 1;
  const [low, high] = sign > 0 ? [start, end] : [end, start];
  let count = 0;
  for (let day = low + 1; day <= high; day++) if (isBusinessDay(dateOfEpochDay(day))) count += 1;
  return sign * count;
}

/**
 * Calendar days as whole numbers, for score history. A day is a `YYYY-MM-DD` text (the project's
 * own calendar day, decided by the caller); arithmetic happens on its "epoch day", the number of
 * days since 1970-01-01, so retention windows and the history encoding stay integer-exact and free
 * of time zones and daylight-saving shifts.
 */

const MS_PER_DAY = 86_400_000;
const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * Whether `text` is a real calendar day written `YYYY-MM-DD` (so `2026-02-30` is not).
 *
 * @example
 * isCalendarDate('2028-02-29'); // true
 * isCalendarDate('2026-02-29'); // false
 */
export function isCalendarDate(text: unknown): text is string {
  if (typeof text !== 'string') return false;
  const match = DATE_PATTERN.exec(text);
  if (!match) return false;
  const [, year, month, day] = match.map(Number) as [number, number, number, number];
  const parsed = new Date(Date.UTC(year, month - 1, day));
  return parsed.getUTCFullYear() === year && parsed.getUTCMonth() === month - 1 && parsed.getUTCDate() === day;
}

/**
 * Days since 1970-01-01 of a `YYYY-MM-DD` day (assumed valid: check with {@link isCalendarDate}).
 *
 * @example
 * epochDay('1970-01-02'); // 1
 */
export function epochDay(date: string): number {
  return Math.round(Date.parse(`${date}T00:00:00Z`) / MS_PER_DAY);
}

/**
 * The `YYYY-MM-DD` day of an epoch day.
 *
 * @example
 * dateOfEpochDay(1); // '1970-01-02'
 */
export function dateOfEpochDay(day: number): string {
  return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
}

/**
 * Milliseconds from the UTC midnight of `date` to the instant `at` (may be negative or over a day
 * when the project's day and UTC differ).
 *
 * @example
 * msIntoDay('2026-03-02', '2026-03-02T02:00:00Z'); // 7200000
 */
export function msIntoDay(date: string, at: string): number {
  return Date.parse(at) - epochDay(date) * MS_PER_DAY;
}

/**
 * The instant `ms` after the UTC midnight of `date`, as `toISOString()` writes it.
 *
 * @example
 * instantInDay('2026-03-02', 7200000); // '2026-03-02T02:00:00.000Z'
 */
export function instantInDay(date: string, ms: number): string {
  return new Date(epochDay(date) * MS_PER_DAY + ms).toISOString();
}

/**
 * Monday-based week number since the epoch (1970-01-01 was a Thursday), so a week runs Monday to
 * Sunday as an ISO week does.
 *
 * @example
 * weekOfEpochDay(epochDay('2026-03-02')) === weekOfEpochDay(epochDay('2026-03-08')); // true (Mon … Sun)
 */
export function weekOfEpochDay(day: number): number {
  return Math.floor((day + 3) / 7);
}

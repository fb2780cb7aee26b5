/**
 * Calendar-date arithmetic for evidence validity. Dates are `YYYY-MM-DD` strings compared as UTC
 * days, so the result never depends on the server's time zone; which day "today" is, is the caller's call.
 */
import { EvidenceError, type EvidenceEntry, type IsoDate } from './evidence-types';

const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY_MS = 86_400_000;

/**
 * Whether `value` is a real calendar date written `YYYY-MM-DD`.
 *
 * @example
 * isCalendarDate('2028-02-29'); // → true (leap year)
 * isCalendarDate('2026-02-30'); // → false
 */
export function isCalendarDate(value: unknown): value is IsoDate {
  if (typeof value !== 'string') return false;
  const match = DATE_PATTERN.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  // Date.UTC maps years 0–99 to 1900–1999; setUTCFullYear keeps the year as written.
  date.setUTCFullYear(year);
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** Throws an `invalid` {@link EvidenceError} unless `value` is a calendar date; `field` names it. */
export function assertCalendarDate(value: unknown, field: string): asserts value is IsoDate {
  if (!isCalendarDate(value)) {
    throw EvidenceError.invalid([{ field, message: 'must be a calendar date written YYYY-MM-DD, e.g. 2026-03-31' }], 'Date');
  }
}

function dayNumber(date: IsoDate): number {
  return Math.round(Date.parse(`${date}T00:00:00Z`) / DAY_MS);
}

/**
 * Whole days from `from` to `to`: positive when `to` is later.
 *
 * @example
 * daysBetween('2026-03-01', '2026-03-31'); // → 30
 * daysBetween('2026-03-01', '2026-02-28'); // → -1
 */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  return dayNumber(to) - dayNumber(from);
}

/** Where an entry stands against its expiry date on a given day. */
export type ExpiryStatus =
  | { state: 'no-expiry' }
  | { state: 'valid'; expiryDate: IsoDate; daysLeft: number }
  | { state: 'expiring'; expiryDate: IsoDate; daysLeft: number }
  | { state: 'expired'; expiryDate: IsoDate; daysAgo: number };

/**
 * An entry's expiry on `today`. The expiry date is the last valid day, so it counts as `expiring`
 * with 0 days left on that day and `expired` from the next. `expiring` covers
 * 0 … `withinDays` days left, both ends included.
 *
 * @example
 * expiryStatus({ expiryDate: '2026-03-31' }, '2026-03-01', 30); // → { state: 'expiring', expiryDate: '2026-03-31', daysLeft: 30 }
 * expiryStatus({ expiryDate: '2026-02-28' }, '2026-03-01', 30); // → { state: 'expired', expiryDate: '2026-02-28', daysAgo: 1 }
 */
export function expiryStatus(entry: Pick<EvidenceEntry, 'expiryDate'>, today: IsoDate, withinDays: number): ExpiryStatus {
  const { expiryDate } = entry;
  if (expiryDate === undefined) return { state: 'no-expiry' };
  const daysLeft = daysBetween(today, expiryDate);
  if (daysLeft < 0) return { state: 'expired', expiryDate, daysAgo: -daysLeft };
  return { state: daysLeft <= withinDays ? 'expiring' : 'valid', expiryDate, daysLeft };
}

/**
 * Whether an entry is in force on `today`: its effective date (if any) has come and its expiry date
 * (if any) has not passed. Review state is not considered here.
 *
 * @example
 * isInForce({ effectiveDate: '2026-01-01', expiryDate: '2026-03-01' }, '2026-03-01'); // → true
 */
export function isInForce(entry: Pick<EvidenceEntry, 'effectiveDate' | 'expiryDate'>, today: IsoDate): boolean {
  if (entry.effectiveDate !== undefined && entry.effectiveDate > today) return false;
  return entry.expiryDate === undefined || entry.expiryDate >= today;
}

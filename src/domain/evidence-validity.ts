/**
 * Evidence that renews on a cycle: a checklist (or one of its items) may say its evidence stays valid
 * for N months (`evidenceValidMonths`, e.g. 12 for a yearly signed attestation). New evidence added
 * without an expiry date then gets one: the last day before the same day N months after it takes
 * effect. Pure date arithmetic on `YYYY-MM-DD` (UTC) days; no I/O.
 */
import { isCalendarDate } from './evidence-dates';
import type { IsoDate } from './evidence-types';

/**
 * The last valid day of evidence taking effect on `from` and valid for `months` months: the day
 * before the same day of the month `months` later; when that month is shorter (31 January + 1
 * month), its last day.
 *
 * @example
 * expiryAfterMonths('2026-03-15', 12); // → '2027-03-14'
 * expiryAfterMonths('2026-01-31', 1);  // → '2026-02-28'
 * expiryAfterMonths('2028-02-29', 12); // → '2029-02-28'
 */
export function expiryAfterMonths(from: IsoDate, months: number): IsoDate {
  const [year, month, day] = from.split('-').map(Number) as [number, number, number];
  const targetMonth = month - 1 + months;
  const lastDay = new Date(Date.UTC(year, targetMonth + 1, 0)).getUTCDate();
  const date =
    day > lastDay
      ? new Date(Date.UTC(year, targetMonth, lastDay))
      : new Date(Date.UTC(year, targetMonth, day - 1));
  return date.toISOString().slice(0, 10);
}

/**
 * The evidence input to add, with an expiry date filled in when the item's evidence renews every
 * `months` months and the input names none. It runs from the input's effective date when that is
 * a real date, else from `now`'s UTC day. Anything else (no cycle, an expiry already given, input
 * that is not a mapping) is returned as it is: validation of the input stays with addEvidence.
 *
 * @example
 * withDefaultExpiry({ kind: 'document', title: 'Signed code' }, 12, new Date('2026-12-07T10:00:00Z'));
 * // → { kind: 'document', title: 'Signed code', expiryDate: '2027-12-06' }
 */
export function withDefaultExpiry(input: unknown, months: number | undefined, now: Date): unknown {
  if (months === undefined || typeof input !== 'object' || input === null || Array.isArray(input)) return input;
  const fields = input as Record<string, unknown>;
  if (fields.expiryDate !== undefined && fields.expiryDate !== null && fields.expiryDate !== '') return input;
  const from = isCalendarDate(fields.effectiveDate) ? fields.effectiveDate : now.toISOString().slice(0, 10);
  return { ...fields, expiryDate: expiryAfterMonths(from, months) };
}

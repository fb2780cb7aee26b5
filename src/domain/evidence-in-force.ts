/**
 * The evidence field's searchable summary of *when* its accepted evidence is in force, written by the
 * app with every value (evidence-verdict.ts `verdictValue`) so the rollup's cold read can tell with
 * one ids-only JQL search which items hold accepted evidence in force today, instead of reading
 * every entry (src/rollup/cold-read.ts). Pure.
 *
 * An accepted entry is in force from its effective date (none: always) to its expiry date, both
 * included (none: for ever): evidence-dates.ts `isInForce`, on UTC calendar days (`utcDay`). The
 * union of those windows is summarised as `acceptedSpans` (how many separate windows, 0 with no
 * accepted entry) and, when it is one window, `acceptedFrom` / `acceptedUntil` (each absent when
 * unbounded). So, for a value with `inForceFormat` and one span, "accepted and in force today" is
 * `(acceptedFrom is EMPTY OR acceptedFrom <= today) AND (acceptedUntil is EMPTY OR acceptedUntil >= today)`.
 * Values with two or more spans (rare: accepted evidence with a gap between windows) or written before
 * these properties existed (no `inForceFormat`) are read whole by the cold read.
 *
 * The summary is computed from the entries the app wrote, which met the evidence rules of that time;
 * a reader that would now ignore some of them (evidence-read.ts) must not trust an older summary: a
 * change that makes the rules stricter, or changes what "in force" means, bumps IN_FORCE_FORMAT (and
 * the schema's enum) and the cold read's `evidenceInForceFormat` test, so older values are read whole.
 */
import type { EvidenceEntry, IsoDate } from './evidence-types';

/** Marks a value whose in-force summary below was computed by the app (searchAlias `evidenceSummary`). */
export const IN_FORCE_FORMAT = 1;

export interface InForceSummary {
  inForceFormat: typeof IN_FORCE_FORMAT;
  acceptedSpans: number;
  acceptedFrom?: IsoDate;
  acceptedUntil?: IsoDate;
}

/** The day after `day` (YYYY-MM-DD, UTC). */
function nextDay(day: IsoDate): IsoDate {
  const [year, month, date] = day.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(year, month - 1, date + 1)).toISOString().slice(0, 10);
}

/**
 * The in-force summary of a value's entries: windows of accepted entries merged when they overlap
 * or touch (one ends the day before the next begins).
 *
 * @example
 * inForceSummary([{ reviewState: 'accepted', expiryDate: '2027-01-31' }, { reviewState: 'accepted', effectiveDate: '2027-02-01' }]);
 * // → { inForceFormat: 1, acceptedSpans: 1 }   (from always, for ever)
 * inForceSummary([{ reviewState: 'accepted', effectiveDate: '2026-01-01', expiryDate: '2026-12-31' }]);
 * // → { inForceFormat: 1, acceptedSpans: 1, acceptedFrom: '2026-01-01', acceptedUntil: '2026-12-31' }
 */
export function inForceSummary(entries: readonly Pick<EvidenceEntry, 'reviewState' | 'effectiveDate' | 'expiryDate'>[]): InForceSummary {
  // '' sorts before every day (no start); undefined end is for ever.
  const windows = entries
    .filter((entry) => entry.reviewState === 'accepted')
    .map((entry) => ({ from: entry.effectiveDate ?? '', until: entry.expiryDate }))
    .sort((a, b) => (a.from < b.from ? -1 : a.from > b.from ? 1 : 0));
  const spans: { from: string; until: string | undefined }[] = [];
  for (const window of windows) {
    const last = spans[spans.length - 1];
    if (last && (last.until === undefined || window.from <= nextDay(last.until))) {
      if (last.until !== undefined && (window.until === undefined || window.until > last.until)) last.until = window.until;
    } else {
      spans.push({ ...window });
    }
  }
  const only = spans.length === 1 ? spans[0] : undefined;
  return {
    inForceFormat: IN_FORCE_FORMAT,
    acceptedSpans: spans.length,
    ...(only && only.from !== '' ? { acceptedFrom: only.from } : {}),
    ...(only?.until !== undefined ? { acceptedUntil: only.until } : {}),
  };
}

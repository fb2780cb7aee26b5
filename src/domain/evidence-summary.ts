/**
 * The summary numbers stored with the entries, and the text the evidence field shows.
 *
 * Two texts, on purpose: {@link formatEvidenceSummary} knows today's date (the app's own views),
 * while the field's formatter in Jira ({@link EVIDENCE_FORMATTER_EXPRESSION}) is a Jira expression
 * that only reads stored properties, so it shows the next expiry *date* rather than "in 12 days".
 */
import { assertCalendarDate, expiryStatus } from './evidence-dates';
import type {
  EvidenceEntry,
  EvidenceFieldValue,
  EvidenceOverallState,
  EvidenceSummary,
  IsoDate,
} from './evidence-types';

/** Key order of a stored entry, so values diff cleanly in Jira's history. */
const ENTRY_KEYS: readonly (keyof EvidenceEntry)[] = [
  'id', 'kind', 'title', 'url', 'attachmentId', 'owner', 'addedAt', 'addedBy', 'effectiveDate', 'expiryDate',
  'note', 'reviewState', 'reviewer', 'reviewedAt', 'reviewNote', 'selfReviewed', 'updatedAt', 'updatedBy',
];

/**
 * An entry from its fields, keys in their stored order, undefined values and unknown keys left out.
 * The caller vouches that the fields make a valid entry.
 *
 * @example
 * canonicalEntry({ reviewState: 'pending', id: 'ev-1', kind: 'link', title: 'Policy', url: 'https://x.example',
 *   addedAt: '2026-03-01T10:00:00.000Z', addedBy: 'admin', note: undefined });
 * // → { id: 'ev-1', kind: 'link', title: 'Policy', url: 'https://x.example', addedAt: …, addedBy: 'admin', reviewState: 'pending' }
 */
export function canonicalEntry(fields: Partial<Record<keyof EvidenceEntry, unknown>>): EvidenceEntry {
  const out: Partial<Record<keyof EvidenceEntry, unknown>> = {};
  for (const key of ENTRY_KEYS) if (fields[key] !== undefined) out[key] = fields[key];
  return out as unknown as EvidenceEntry;
}

/**
 * The summary of a list of entries. `nextExpiry` is the earliest expiry date among entries not
 * rejected (rejected evidence counts for nothing, so its expiry does not matter).
 *
 * @example
 * summarizeEvidence([
 *   { id: 'a', kind: 'link', title: 'Policy', url: 'https://x.example', addedAt: '2026-03-01T10:00:00.000Z',
 *     addedBy: 'admin', reviewState: 'accepted', expiryDate: '2026-12-04' },
 * ]);
 * // → { count: 1, accepted: 1, pending: 0, rejected: 0, nextExpiry: '2026-12-04', reviewState: 'accepted' }
 */
export function summarizeEvidence(entries: readonly EvidenceEntry[]): EvidenceSummary {
  const counts = { accepted: 0, pending: 0, rejected: 0 };
  let nextExpiry: IsoDate | undefined;
  for (const entry of entries) {
    counts[entry.reviewState] += 1;
    if (entry.reviewState !== 'rejected' && entry.expiryDate !== undefined && (nextExpiry === undefined || entry.expiryDate < nextExpiry)) {
      nextExpiry = entry.expiryDate;
    }
  }
  const reviewState: EvidenceOverallState =
    entries.length === 0 ? 'none' : counts.rejected > 0 ? 'rejected' : counts.pending > 0 ? 'pending' : 'accepted';
  return { count: entries.length, ...counts, ...(nextExpiry === undefined ? {} : { nextExpiry }), reviewState };
}

/**
 * The field value for a list of entries, summary recomputed. The entries array is copied, so the
 * value never shares a mutable array with its caller.
 *
 * @example
 * evidenceValue([]); // → { entries: [], count: 0, accepted: 0, pending: 0, rejected: 0, reviewState: 'none' }
 */
export function evidenceValue(entries: readonly EvidenceEntry[]): EvidenceFieldValue {
  return { entries: [...entries], ...summarizeEvidence(entries) };
}

function inDays(days: number): string {
  if (days === 0) return 'today';
  return days === 1 ? 'tomorrow' : `in ${days} days`;
}

export interface FormatOptions {
  /** How many days ahead an expiry counts as "soon". Default 30. */
  expiringWithinDays?: number;
}

/**
 * The one-line text for an issue's evidence on `today`, computed from the entries (not the stored
 * summary). Rejected entries are counted but their expiry is ignored. Parts, each only when non-zero:
 * count · accepted (always) · pending · rejected · expired · expiring within the window.
 *
 * @example
 * formatEvidenceSummary(value, '2026-03-01');
 * // → '3 evidence · 2 accepted · 1 pending · 1 expires in 12 days'
 * formatEvidenceSummary(null, '2026-03-01'); // → 'No evidence'
 */
export function formatEvidenceSummary(
  value: EvidenceFieldValue | null | undefined,
  today: IsoDate,
  { expiringWithinDays = 30 }: FormatOptions = {},
): string {
  assertCalendarDate(today, 'today');
  const entries = value?.entries ?? [];
  if (entries.length === 0) return 'No evidence';
  const summary = summarizeEvidence(entries);
  const parts = [`${summary.count} evidence`, `${summary.accepted} accepted`];
  if (summary.pending > 0) parts.push(`${summary.pending} pending`);
  if (summary.rejected > 0) parts.push(`${summary.rejected} rejected`);

  let expired = 0;
  const expiringIn: number[] = [];
  for (const entry of entries) {
    if (entry.reviewState === 'rejected') continue;
    const status = expiryStatus(entry, today, expiringWithinDays);
    if (status.state === 'expired') expired += 1;
    else if (status.state === 'expiring') expiringIn.push(status.daysLeft);
  }
  if (expired > 0) parts.push(`${expired} expired`);
  if (expiringIn.length === 1) parts.push(`1 expires ${inDays(expiringIn[0] ?? 0)}`);
  else if (expiringIn.length > 1) parts.push(`${expiringIn.length} expire, the first ${inDays(Math.min(...expiringIn))}`);
  return parts.join(' · ');
}

/**
 * The Jira expression for the evidence field's `view.formatter.expression` in `manifest.yml`.
 * It reads only the stored summary (`value` is the field value, or null when the field is empty)
 * and uses only what both Jira expressions and JavaScript share: `==`, `!=`, `>`, ternaries,
 * template literals and `+` on strings. Example output:
 * `3 evidence · 2 accepted · 1 pending · next expiry 2026-12-04`, or `No evidence`.
 */
export const EVIDENCE_FORMATTER_EXPRESSION =
  "value == null ? 'No evidence' : (value.count == 0 ? 'No evidence' : " +
  '`${value.count} evidence · ${value.accepted} accepted`' +
  " + (value.pending > 0 ? ` · ${value.pending} pending` : '')" +
  " + (value.rejected > 0 ? ` · ${value.rejected} rejected` : '')" +
  " + (value.nextExpiry != null ? ` · next expiry ${value.nextExpiry}` : ''))";

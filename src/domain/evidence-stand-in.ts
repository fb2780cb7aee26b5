/**
 * What the rollup's cold read (src/rollup/cold-read.ts) puts in place of an item's evidence when it
 * read only the searchable summary, not the entries: one placeholder entry that gives every figure
 * the entries would give *on the day of that read*: no evidence risk (the read fetched whole every
 * item whose evidence has a risk by then: an expiry before the horizon, only rejected entries), and
 * strict mode and crosswalk coverage counting it exactly when accepted evidence is in force that day.
 * Pure.
 *
 * - `in-force`: one accepted entry without dates (in force all day);
 * - `held`: one pending entry (evidence, none of it accepted and in force that day).
 *
 * The entry's id carries the day and the horizon (expiries before it were read whole), so a cache
 * holding stand-ins is used only that day and for an audit date no later than the horizon
 * ({@link standInsHold}). Its title is empty: views that show entries (the Done gate's backlog,
 * the owners' pending reviews, the audit day, crosswalk titles) read the entries when they find
 * stand-ins ({@link hasStandIns}); never show or store a stand-in.
 */
import { evidenceValue } from './evidence-summary';
import type { EvidenceFieldValue, IsoDate } from './evidence-types';

const PREFIX = '~cold~';

/** Evidence of one placeholder entry, valid on `day` for risks up to `horizon` (exclusive). */
export function standInEvidence(kind: 'in-force' | 'held', day: IsoDate, horizon: IsoDate): EvidenceFieldValue {
  return evidenceValue([
    { id: `${PREFIX}${day}~${horizon}`, kind: 'document', title: '', addedAt: '1970-01-01T00:00:00.000Z', addedBy: 'cold-read', reviewState: kind === 'in-force' ? 'accepted' : 'pending' },
  ]);
}

/** The kind, day and horizon of a stand-in; undefined for real evidence. */
export function standInOf(value: EvidenceFieldValue | null | undefined): { kind: 'in-force' | 'held'; day: IsoDate; horizon: IsoDate } | undefined {
  const entry = value?.entries.length === 1 ? value.entries[0] : undefined;
  if (entry === undefined || !entry.id.startsWith(PREFIX)) return undefined;
  const [day, horizon] = entry.id.slice(PREFIX.length).split('~');
  return day !== undefined && horizon !== undefined ? { kind: entry.reviewState === 'accepted' ? 'in-force' : 'held', day, horizon } : undefined;
}

export function hasStandIns(evidence: ReadonlyMap<string, EvidenceFieldValue>): boolean {
  for (const value of evidence.values()) if (standInOf(value) !== undefined) return true;
  return false;
}

/**
 * The day up to which (exclusive) a cold read on `today` reads whole every item with a non-rejected
 * entry expiring before it: the 30-day "expiring" window (evidence-risk.ts) and the audit date.
 *
 * @example
 * standInHorizon('2026-12-07', undefined);     // → '2027-01-07'
 * standInHorizon('2026-12-07', '2027-03-01');  // → '2027-03-01'
 */
export function standInHorizon(today: IsoDate, auditDate: IsoDate | undefined): IsoDate {
  const [year, month, day] = today.split('-').map(Number) as [number, number, number];
  const window = new Date(Date.UTC(year, month - 1, day + 31)).toISOString().slice(0, 10);
  return auditDate !== undefined && auditDate > window ? auditDate : window;
}

/** Whether every stand-in in `evidence` gives the entries' figures on `today` with this audit date. */
export function standInsHold(evidence: ReadonlyMap<string, EvidenceFieldValue>, today: IsoDate, auditDate: IsoDate | undefined): boolean {
  const wanted = standInHorizon(today, auditDate);
  for (const value of evidence.values()) {
    const standIn = standInOf(value);
    if (standIn !== undefined && (standIn.day !== today || standIn.horizon < wanted)) return false;
  }
  return true;
}

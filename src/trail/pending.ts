/**
 * Pending decisions, the trail's write-ahead records: what they hold and how they are judged. Pure
 * (sha256 from node:crypto only); src/trail/wal.ts does the KVS and Jira reads around it.
 *
 * A decision is written in three steps: (1) a pending record holding the full decision and a
 * {@link Probe} that tells later whether its write took effect, (2) the decision's own write (an
 * issue's field value, a KVS record), (3) the trail append and the pending record's deletion. When
 * step 3 fails (KVS error, timeout, the function killed), the pending record stays, and whoever next
 * touches the project's trail settles it once it is older than {@link PENDING_GRACE_MS} (so a write
 * still in flight is not judged): its probe holds → the decision is appended with its own time and
 * actor and `recordedAt` (recorded late); it does not → the write never happened, the record is
 * dropped without an entry.
 *
 * A probe compares the target's value *now* with what the decision wrote, so a later write to the
 * same target would make it fail. Two rules keep that from losing a decision:
 * - a writer settles the pending records of its own target, whatever their age, under the lock that
 *   serialises writes to that target and before its own write (wal.ts `beginDecisions`), so the value
 *   it judges by is still the one the earlier decision left (or did not);
 * - a target written by others without that lock (the site's crosswalk) uses an `includes` probe: the
 *   record carries the ids of its latest decisions, which later writes keep (crosswalk/store.ts).
 */
import { createHash } from 'node:crypto';
import { z } from 'zod';
import { canonicalJson, type JsonValue } from '../domain/hash';
import { decisionShape, type DecisionFields } from './entry';

/** A pending record younger than this may belong to a write in flight (a resolver has 25 s): not judged. */
export const PENDING_GRACE_MS = 2 * 60_000;
/** Pending records one call settles at most (each costs a read of its target and, maybe, an append). */
export const SETTLE_PER_CALL = 3;

/**
 * What tells whether a decision took effect:
 * - `issue-field`: the app field's value on the issue (by id) has this digest ({@link fieldDigestOf});
 * - `kvs`: the KVS record's value has this digest (absent: the digest of `null`);
 * - `includes`: the KVS record's array at `path` holds `id` (kept across later writes by its owner).
 */
export type Probe =
  | { kind: 'issue-field'; issueId: string; fieldId: string; digest: string }
  | { kind: 'kvs'; key: string; digest: string }
  | { kind: 'includes'; key: string; path: string; id: string };

/** The decision as the trail will record it (src/trail/record.ts DecisionInput, JSON-safe). */
export type PendingInput = { projectKey: string } & DecisionFields;

export interface PendingDecision {
  id: string;
  /** When the pending record was written (the grace counts from here). */
  createdAt: string;
  input: PendingInput;
  probe: Probe;
}

const probeSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('issue-field'), issueId: z.string(), fieldId: z.string(), digest: z.string() }),
  z.object({ kind: z.literal('kvs'), key: z.string(), digest: z.string() }),
  z.object({ kind: z.literal('includes'), key: z.string(), path: z.string(), id: z.string() }),
]);

export const pendingSchema: z.ZodType<PendingDecision> = z.object({
  id: z.string().min(1),
  createdAt: z.string(),
  input: z.object({ projectKey: z.string(), ...decisionShape }),
  probe: probeSchema,
});

/** A value as JSON would carry it (undefined members dropped; undefined itself is null). */
export function asJson(value: unknown): JsonValue {
  return JSON.parse(JSON.stringify(value) ?? 'null') as JsonValue;
}

/**
 * sha256 of a value's canonical JSON: what a `kvs` or `issue-field` probe compares.
 *
 * @example
 * digestOf({ b: 1, a: [2] }) === digestOf({ a: [2], b: 1 }); // true
 */
export function digestOf(value: unknown): string {
  return createHash('sha256').update(canonicalJson(asJson(value))).digest('hex');
}

/**
 * The digest an `issue-field` probe compares: {@link digestOf} with object members that are null
 * left out, so a field value Jira gives back without its null members still matches what was written.
 *
 * @example
 * fieldDigestOf({ a: 1, b: null }) === fieldDigestOf({ a: 1 }); // true
 */
export function fieldDigestOf(value: unknown): string {
  return digestOf(withoutNulls(asJson(value)));
}

function withoutNulls(value: JsonValue): JsonValue {
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map(withoutNulls);
  return Object.fromEntries(Object.entries(value).flatMap(([key, member]) => (member === null || member === undefined ? [] : [[key, withoutNulls(member)]])));
}

/** Which record a probe reads: two probes with one target are judged by the same value. */
export function targetOf(probe: Probe): string {
  return probe.kind === 'issue-field' ? `issue-field:${probe.issueId}:${probe.fieldId}` : `kvs:${probe.key}`;
}

/**
 * Whether the decision took effect, from the target's value now (`undefined`: no record).
 *
 * @example
 * probeHolds({ kind: 'includes', key: 'k', path: 'decisions', id: 'd1' }, { decisions: ['d0', 'd1'] }); // true
 */
export function probeHolds(probe: Probe, observed: unknown): boolean {
  if (probe.kind === 'issue-field') return observed !== undefined && observed !== null && fieldDigestOf(observed) === probe.digest;
  if (probe.kind === 'kvs') return digestOf(observed ?? null) === probe.digest;
  if (typeof observed !== 'object' || observed === null) return false;
  const list = (observed as Record<string, unknown>)[probe.path];
  return Array.isArray(list) && list.includes(probe.id);
}

/**
 * Whether a pending record is judged now: always when its target is the one about to be written
 * (the caller holds the target's lock), otherwise once older than the grace.
 */
export function isDue(pending: PendingDecision, now: Date, sameTarget: string | undefined, graceMs = PENDING_GRACE_MS): boolean {
  // A later write of the target hides whether a digest probe's write happened, so the writer settles
  // those first, whatever their age; an `includes` probe survives later writes (they keep the ids),
  // so a young one is left to its own append (settled now, it would read "recorded late" for nothing).
  if (sameTarget !== undefined && targetOf(pending.probe) === sameTarget && pending.probe.kind !== 'includes') return true;
  const created = Date.parse(pending.createdAt);
  return !Number.isFinite(created) || now.getTime() - created >= graceMs;
}

/**
 * The records to settle in this call, oldest first, at most `max`: those of `sameTarget` first
 * (the write waits for them), then the overdue ones.
 */
export function dueRecords(pending: readonly PendingDecision[], now: Date, sameTarget: string | undefined, max = SETTLE_PER_CALL): PendingDecision[] {
  const due = pending.filter((record) => isDue(record, now, sameTarget));
  const mine = due.filter((record) => sameTarget !== undefined && targetOf(record.probe) === sameTarget);
  const others = due.filter((record) => !mine.includes(record)).sort((a, b) => a.createdAt.localeCompare(b.createdAt));
  return [...mine, ...others.slice(0, Math.max(0, max - mine.length))];
}

/**
 * The rollup cache: per project and checklist, the item states last read from Jira (compact, so
 * big checklists still fit one KVS value) and when they were read. The score is recomputed from
 * them on every call, which is pure and fast; only the Jira search is saved.
 */
import { z } from 'zod';
import type { ItemResult, StatusCategory } from '../domain/types';
import { evidenceDigestSchema, type EvidenceDigest } from '../evidence/digest';
import { rollupCacheKey } from '../storage/keys';
import { jsonBytes, MAX_VALUE_BYTES, readValue, writeValue } from '../storage/kvs';
import type { ItemRead } from './states';

/** A cached rollup older than this is re-read even without a change event (events can be late or lost). */
export const CACHE_MAX_AGE_MS = 2 * 60_000;

/** [itemId, issueKey, statusCategory, statusName, resolution, assessment, evidence digest?, updated (ms)?] */
const stateParts = [
  z.string(),
  z.string(),
  z.enum(['new', 'indeterminate', 'done']).nullable(),
  z.string().nullable(),
  z.string().nullable(),
  z.enum(['met', 'not_met', 'na', 'not_assessed']).nullable(),
] as const;
// Caches written before evidence counted have six elements; they still read (without evidence).
// Caches written before the audit day read `updated` have seven; the audit day re-reads Jira for those.
const tupleSchema = z.union([
  z.tuple([...stateParts, evidenceDigestSchema.nullable(), z.number().nullable()]),
  z.tuple([...stateParts, evidenceDigestSchema.nullable()]),
  z.tuple(stateParts),
]);
const cacheSchema = z.object({ readAt: z.number(), states: z.array(tupleSchema) });

export interface CachedStates {
  readAt: number;
  states: ItemRead[];
  /** Evidence digests by item id, for items with evidence. */
  evidence: Map<string, EvidenceDigest>;
}

export async function readCachedStates(projectKey: string, checklistId: string): Promise<CachedStates | undefined> {
  const cached = await readValue(rollupCacheKey(projectKey, checklistId), cacheSchema);
  if (!cached) return undefined;
  const evidence = new Map<string, EvidenceDigest>();
  for (const tuple of cached.states) {
    const digest = tuple[6];
    if (digest && !evidence.has(tuple[0])) evidence.set(tuple[0], digest);
  }
  return {
    readAt: cached.readAt,
    evidence,
    states: cached.states.map(([itemId, issueKey, category, statusName, resolution, assessment, , updated]) => ({
      itemId,
      issueKey,
      ...(category !== null ? { statusCategory: category as StatusCategory } : {}),
      ...(statusName !== null ? { statusName } : {}),
      resolution,
      assessment: assessment as ItemResult | null,
      ...(typeof updated === 'number' ? { updatedAt: new Date(updated).toISOString() } : {}),
    })),
  };
}

/** Stores the states; returns false (and stores nothing) when they would not fit one KVS value. */
export async function writeCachedStates(
  projectKey: string,
  checklistId: string,
  readAt: number,
  states: readonly ItemRead[],
  evidence: ReadonlyMap<string, EvidenceDigest> = new Map(),
): Promise<boolean> {
  const value = {
    readAt,
    states: states.map((state) => [
      state.itemId,
      state.issueKey ?? '',
      state.statusCategory ?? null,
      state.statusName ?? null,
      state.resolution ?? null,
      state.assessment ?? null,
      evidence.get(state.itemId) ?? null,
      // As a number: 14 bytes an item instead of 30 keeps big checklists within one value.
      updatedMs(state.updatedAt),
    ]),
  };
  if (jsonBytes(value) > MAX_VALUE_BYTES) return false;
  await writeValue(rollupCacheKey(projectKey, checklistId), value);
  return true;
}

function updatedMs(iso: string | undefined): number | null {
  const ms = iso === undefined ? Number.NaN : Date.parse(iso);
  return Number.isNaN(ms) ? null : ms;
}

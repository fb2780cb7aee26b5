/**
 * The rollup cache: per project and checklist, the item states last read from Jira and when they
 * were read. The score is recomputed from them on every call, which is pure and fast; only the
 * Jira search is saved. The states are stored compactly (cache-codec.ts), in one KVS value when
 * they fit and in a header plus chunks of one generation otherwise (cache-chunks.ts), so a
 * checklist of any supported size opens from the cache.
 */
import type { EvidenceDigest } from '../domain/evidence-digest';
import { blockLimitBytes, forgeCacheStore, readBlocks, writeBlocks, type CacheGeneration, type CacheStore } from './cache-chunks';
import { packStates } from './cache-pack';
import { unpackStates } from './cache-codec';
import type { ItemRead } from '../platform/item-states';

/**
 * `updated` is cached to the millisecond for issues changed this long before the read, or since the
 * earliest chapter review in force if that is earlier; earlier ones as "before then" (cache-codec.ts).
 * Longer than any delta read's look-back before the cached read (read-states.ts: the index-lag margin
 * and a minute), so the delta compares every time it needs, and the audit day tells each review
 * stale or not from the cache (src/audit-day/audit-day.ts).
 */
export const UPDATED_EXACT_MS = 60 * 60_000;

/** A cached rollup older than this is re-read even without a change event (events can be late or lost). */
export const CACHE_MAX_AGE_MS = 2 * 60_000;

export interface CachedStates {
  readAt: number;
  states: ItemRead[];
  /** Evidence digests by item id, for items with evidence. */
  evidence: Map<string, EvidenceDigest>;
  /** The stored generation read (writeCachedStates sweeps it without reading the header again). */
  read: CacheGeneration;
}

/** The cached states, or undefined when there are none usable (never written, older format, torn). */
export async function readCachedStates(projectKey: string, checklistId: string, store: CacheStore = forgeCacheStore, order?: readonly string[]): Promise<CachedStates | undefined> {
  const stored = await readBlocks(projectKey, checklistId, store);
  if (!stored) return undefined;
  // Blocks whose ids are steps in another item order (the checklist's items changed): not usable.
  const decoded = order ? unpackStates(stored.blocks, order) : unpackStates(stored.blocks);
  if (!decoded) return undefined;
  return { readAt: stored.readAt, ...decoded, read: { generation: stored.generation, blocks: stored.blocks.length } };
}

/** Stores the states; returns false (and stores nothing) when they would not fit MAX_BLOCKS values. */
export async function writeCachedStates(
  projectKey: string,
  checklistId: string,
  readAt: number,
  states: readonly ItemRead[],
  evidence: ReadonlyMap<string, EvidenceDigest> = new Map(),
  store: CacheStore = forgeCacheStore,
  /** The generation the caller read (CachedStates.read); null when it read and found no usable cache. */
  read?: CacheGeneration | null,
  /** The checklist's item ids in order: ids are cached as steps in it (cache-codec.ts); read back with the same order. */
  order?: readonly string[],
  /** Keep `updated` exactly from this instant too, when earlier than UPDATED_EXACT_MS before the read (the chapter reviews in force). */
  exactSince?: number,
): Promise<boolean> {
  const exactFrom = Math.min(readAt - UPDATED_EXACT_MS, exactSince ?? Number.POSITIVE_INFINITY);
  const blocks = packStates(projectKey, states, evidence, blockLimitBytes(), exactFrom, order);
  if (!blocks) return false;
  const written = await writeBlocks(projectKey, checklistId, readAt, blocks, store, read);
  if (!written) return false;
  if (written.blocks > 1) {
    console.info(`[rollup] ${projectKey}/${checklistId}: ${states.length} states cached in ${written.blocks} values (${written.bytes} bytes)`);
  }
  return true;
}

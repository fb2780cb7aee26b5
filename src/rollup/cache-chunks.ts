/**
 * Where the cached states live in KVS. The states are cut into blocks that each fit one value
 * (cache-codec.ts). A header value at `rollupCacheKey` names the generation, when it was read and
 * how many blocks there are, and holds the first block itself; blocks 1… are chunk values at
 * `rollupChunkKey(…, generation, i)`. A warm open thus reads exactly as many values as there are
 * blocks: one for 5,000 items, and never more than ceil(bytes / 240 KiB) + 1 for sizes up to
 * ~1 MB of states (blocks are ≤ 200 KiB).
 *
 * A new read is written as a new generation beside the old one, and only then does the header
 * switch to it (one write, so it is atomic). A reader therefore never mixes chunks of two reads:
 * every chunk also names its generation and index, and a chunk that is missing or not the one the
 * header names makes the cache stale (the rollup reads Jira again) rather than wrong. The previous
 * generation's chunks are deleted after the switch, best effort; anything a failed or racing
 * writer leaves behind expires (every value has a TTL far beyond the cache's two-minute life).
 *
 * Staleness is not recorded here: the issue trigger writes `rollupDirtyKey`, so marking the cache
 * stale never rewrites a chunk.
 */
import { randomUUID } from 'node:crypto';
import { kvs } from '@forge/kvs';
import { z } from 'zod';
import { rollupCacheKey, rollupChunkKey } from '../storage/keys';
import { deleteValue, jsonBytes, MAX_VALUE_BYTES, writeValue } from '../storage/kvs';
import { withBackoff } from '../storage/backoff';
import type { StateBlock } from './cache-codec';
import { compressBlock, decompressBlock, storedBlockSchema } from './cache-compress';

/** What the cache needs of KVS; tests hand in a fake. */
export interface CacheStore {
  get(key: string): Promise<unknown>;
  set(key: string, value: unknown): Promise<void>;
  delete(key: string): Promise<void>;
}

/**
 * Values live an hour: the rollup serves a cache for two minutes at most (CACHE_MAX_AGE_MS), so
 * the TTL never hides a usable cache, and it sweeps chunks a crashed or racing writer left.
 */
const TTL_SECONDS = 60 * 60;

export const forgeCacheStore: CacheStore = {
  // Plain get, not readValue: a value of an older format is a stale cache, not an error.
  get: (key) => withBackoff('storage reads', () => kvs.get<unknown>(key)),
  set: (key, value) => writeValue(key, value, { ttlSeconds: TTL_SECONDS }),
  delete: (key) => deleteValue(key),
};

/**
 * Blocks a cache may have: ≈5 MB, far beyond any supported checklist (5,000 items need ~0.11 MB).
 * Beyond it the states are not cached and every open reads Jira.
 */
export const MAX_BLOCKS = 25;

/** Room left in a value for the header's or a chunk's own fields around the states block. */
const WRAPPER_BYTES = 256;

/** The most a states block may weigh (JSON bytes) to fit a header or a chunk. */
export function blockLimitBytes(): number {
  // MSP_ROLLUP_CHUNK_BYTES (a Forge environment variable) can shrink chunks, so tests can
  // exercise many chunks without generating megabytes of states.
  const override = Number(process.env.MSP_ROLLUP_CHUNK_BYTES);
  const limit = Number.isFinite(override) && override > 0 ? Math.min(override, MAX_VALUE_BYTES) : MAX_VALUE_BYTES;
  return Math.max(1024, limit - WRAPPER_BYTES);
}

/** 3: blocks compressed (cache-compress.ts). A header of another format is a stale cache: Jira is read. */
const FORMAT = 3;
const headerSchema = z.object({
  format: z.literal(FORMAT),
  generation: z.string(),
  readAt: z.number(),
  /** Blocks in all: this header's `states`, then chunks 1 … blocks − 1. */
  blocks: z.number().int().min(1).max(MAX_BLOCKS),
  /** Items cached, and the JSON bytes of their blocks: for logs and tests. */
  count: z.number().int().min(0),
  bytes: z.number().int().min(0),
  /** Block 0, as stored (compressed when that is smaller). */
  states: storedBlockSchema,
});
type Header = z.infer<typeof headerSchema>;
// Any format: the chunks of a header of an older format are swept too.
const previousSchema = z.object({ generation: z.string(), blocks: z.number().int().min(1).max(MAX_BLOCKS) });
type Generation = z.infer<typeof previousSchema>;
/** Which generation a reader found, so its writer need not read the header again to sweep it. */
export type CacheGeneration = Pick<Generation, 'generation' | 'blocks'>;

const chunkSchema = z.object({ generation: z.string(), index: z.number().int().min(1), states: storedBlockSchema });

export interface StoredBlocks {
  readAt: number;
  generation: string;
  blocks: StateBlock[];
}

/** The cached blocks of one checklist, or undefined when there is none usable (missing, old, torn). */
export async function readBlocks(projectKey: string, checklistId: string, store: CacheStore = forgeCacheStore): Promise<StoredBlocks | undefined> {
  const header = await readHeader(projectKey, checklistId, store);
  if (!header) return undefined;
  const { generation } = header;
  // Parallel single gets rather than one batchGet: Forge allows only 45 batch operations a minute,
  // and every open of the Audit page would spend one.
  const raw = await Promise.all(chunkIndexes(header).map((index) => store.get(rollupChunkKey(projectKey, checklistId, generation, index))));
  const first = decompressBlock(header.states);
  if (!first) {
    console.info(`[rollup] ${projectKey}/${checklistId}: cached block 0 of ${header.blocks} is unreadable; reading Jira`);
    return undefined;
  }
  const blocks: StateBlock[] = [first];
  for (const [offset, value] of raw.entries()) {
    const index = offset + 1;
    const chunk = chunkSchema.safeParse(value);
    const states = chunk.success ? decompressBlock(chunk.data.states) : undefined;
    if (!chunk.success || !states || chunk.data.generation !== generation || chunk.data.index !== index) {
      const why = value === undefined || value === null ? 'missing' : chunk.success && states ? 'not the one the header names' : 'unreadable';
      console.info(`[rollup] ${projectKey}/${checklistId}: cached block ${index} of ${header.blocks} is ${why}; reading Jira`);
      return undefined;
    }
    blocks.push(states);
  }
  return { readAt: header.readAt, generation, blocks };
}

export interface WrittenBlocks {
  generation: string;
  /** Values written: the header and blocks − 1 chunks. */
  blocks: number;
  bytes: number;
}

/**
 * Stores blocks (each within blockLimitBytes) as a new generation and switches the header to it.
 * Undefined, and nothing written, when there are none or more than MAX_BLOCKS. `read`: the
 * generation the caller read this cache at (readBlocks), so the header is not read again (the
 * whole first block, every time the rollup reads Jira) just to learn which chunks to sweep; a
 * generation a racing writer switched to meanwhile is then not swept and expires with its TTL.
 */
export async function writeBlocks(
  projectKey: string,
  checklistId: string,
  readAt: number,
  blocks: readonly StateBlock[],
  store: CacheStore = forgeCacheStore,
  /** The generation the caller read; null: it read and found none usable (nothing to sweep, no second read). */
  read?: CacheGeneration | null,
): Promise<WrittenBlocks | undefined> {
  const [first, ...rest] = blocks;
  if (!first || blocks.length > MAX_BLOCKS) return undefined;
  // Which chunks to delete after the switch; the states themselves need no parsing for that.
  const previous = read !== undefined
    ? previousSchema.safeParse(read ?? undefined)
    : previousSchema.safeParse(await store.get(rollupCacheKey(projectKey, checklistId)).catch(() => undefined));
  const generation = newGeneration(readAt);
  const bytes = blocks.reduce((sum, block) => sum + jsonBytes(block), 0);
  const count = blocks.reduce((sum, block) => sum + block.ids.length, 0);
  await Promise.all(rest.map((states, offset) => store.set(rollupChunkKey(projectKey, checklistId, generation, offset + 1), { generation, index: offset + 1, states: compressBlock(states) })));
  const header: Header = { format: FORMAT, generation, readAt, blocks: blocks.length, count, bytes, states: compressBlock(first) };
  // Only now can a reader see the new generation, complete.
  await store.set(rollupCacheKey(projectKey, checklistId), header);
  if (previous.success && previous.data.blocks > 1 && previous.data.generation !== generation) {
    await deleteChunks(projectKey, checklistId, previous.data, store);
  }
  return { generation, blocks: blocks.length, bytes };
}

async function readHeader(projectKey: string, checklistId: string, store: CacheStore): Promise<Header | undefined> {
  const parsed = headerSchema.safeParse(await store.get(rollupCacheKey(projectKey, checklistId)));
  return parsed.success ? parsed.data : undefined;
}

/** Best effort: a chunk left behind costs storage until its TTL, never a wrong answer. */
async function deleteChunks(projectKey: string, checklistId: string, header: Generation, store: CacheStore): Promise<void> {
  const results = await Promise.allSettled(chunkIndexes(header).map((index) => store.delete(rollupChunkKey(projectKey, checklistId, header.generation, index))));
  const failed = results.filter((result) => result.status === 'rejected').length;
  if (failed > 0) console.info(`[rollup] ${projectKey}/${checklistId}: ${failed} old cache chunk(s) not deleted; they expire on their own`);
}

/** Unique per write, and usable in a key: base-36 read time and a random part. */
function newGeneration(readAt: number): string {
  return `${Math.max(0, Math.trunc(readAt)).toString(36)}-${randomUUID().slice(0, 8)}`;
}

/** The chunk values of a header: blocks 1 … blocks − 1 (block 0 is in the header). */
function chunkIndexes(header: Generation): number[] {
  return Array.from({ length: header.blocks - 1 }, (_, offset) => offset + 1);
}

/**
 * How a project's trail sits in KVS:
 * - `trail-head:<project>`: `{ count, lastHash }`, the number of entries and the last one's hash;
 * - `trail-chunk:<project>:<n>`: entries `n × 40 + 1 … n × 40 + 40`, in seq order;
 * - `trail-index:<project>:<ref>`: the seq numbers of the entries about one issue or one item
 *   (newest {@link INDEX_MAX_SEQS}), so an item's history reads only the chunks that hold it.
 * An append writes the chunk, the head and the indexes in one KVS transaction (src/trail/append.ts).
 */
import { z } from 'zod';
import { readValue } from '../storage/kvs';
import { trailChunkKey, trailHeadKey, trailIndexKey } from '../storage/keys';
import { chunkOf, entrySchema, sha256, type TrailEntry } from './entry';

/** The newest seq numbers an index keeps; older ones are counted in `dropped`. */
export const INDEX_MAX_SEQS = 5_000;

export interface TrailHead {
  count: number;
  lastHash: string;
}

export interface TrailIndex {
  seqs: number[];
  /** Seq numbers left out of `seqs` (oldest first) to keep the value small. */
  dropped: number;
}

const headSchema = z.object({ count: z.number().int().min(0), lastHash: z.string() });
const indexSchema = z.object({ seqs: z.array(z.number().int().min(1)), dropped: z.number().int().min(0) });
/** Entries are checked one by one (see {@link parseChunk}) so one damaged entry does not hide the rest. */
const rawChunkSchema = z.array(z.unknown());

/** A stored chunk: entries that parse, and the positions of those that do not. */
export interface Chunk {
  entries: TrailEntry[];
  damaged: number[];
}

export const EMPTY_HEAD: TrailHead = { count: 0, lastHash: '' };

export async function readHead(projectKey: string): Promise<TrailHead> {
  return (await readValue(trailHeadKey(projectKey), headSchema)) ?? EMPTY_HEAD;
}

export function parseChunk(raw: unknown[]): Chunk {
  const entries: TrailEntry[] = [];
  const damaged: number[] = [];
  raw.forEach((value, position) => {
    const parsed = entrySchema.safeParse(value);
    if (parsed.success) entries.push(parsed.data as TrailEntry);
    else damaged.push(position);
  });
  return { entries, damaged };
}

export async function readChunk(projectKey: string, chunk: number): Promise<Chunk> {
  return parseChunk((await readValue(trailChunkKey(projectKey, chunk), rawChunkSchema)) ?? []);
}

/** The entries with the given seq numbers, reading each chunk once. */
export async function readEntries(projectKey: string, seqs: readonly number[]): Promise<TrailEntry[]> {
  const chunks = [...new Set(seqs.map(chunkOf))];
  const wanted = new Set(seqs);
  const read = await Promise.all(chunks.map((chunk) => readChunk(projectKey, chunk)));
  return read.flatMap((chunk) => chunk.entries.filter((entry) => wanted.has(entry.seq)));
}

export async function readIndex(projectKey: string, ref: string): Promise<TrailIndex> {
  return (await readValue(trailIndexKey(projectKey, ref), indexSchema)) ?? { seqs: [], dropped: 0 };
}

/** The index refs of one issue and one checklist item: digests, so any key or id fits a KVS key. */
export function issueRef(issueKey: string): string {
  return `i-${sha256(`issue\u0000${issueKey}`).slice(0, 40)}`;
}

export function itemRef(checklistId: string, itemId: string): string {
  return `c-${sha256(`item\u0000${checklistId}\u0000${itemId}`).slice(0, 40)}`;
}

/** The indexes an entry belongs to: its issue and its checklist item, when it names them. */
export function refsOf(entry: Pick<TrailEntry, 'issueKey' | 'checklistId' | 'itemId'>): string[] {
  const refs: string[] = [];
  if (entry.issueKey !== undefined) refs.push(issueRef(entry.issueKey));
  if (entry.checklistId !== undefined && entry.itemId !== undefined) refs.push(itemRef(entry.checklistId, entry.itemId));
  return refs;
}

/** The index with `seq` added (once), the oldest dropped past {@link INDEX_MAX_SEQS}. */
export function withSeq(index: TrailIndex, seq: number): TrailIndex {
  if (index.seqs.includes(seq)) return index;
  const seqs = [...index.seqs, seq];
  const excess = Math.max(0, seqs.length - INDEX_MAX_SEQS);
  return { seqs: seqs.slice(excess), dropped: index.dropped + excess };
}

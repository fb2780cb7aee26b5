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
import { compressText, decompressText } from '../storage/compress';
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
/**
 * A chunk as stored: its entries' JSON array, or that array brotli-compressed in base64 (`{ z }`),
 * written whenever smaller: every append reads and rewrites its chunk (up to 40 entries, ~20 KB as
 * JSON, ~4 times less compressed), and KVS bills those bytes. Entries are checked one by one (see
 * {@link parseChunk}) so one damaged entry does not hide the rest; a compressed chunk that does not
 * decode reads as one damaged entry, which verification reports.
 */
export const storedChunkSchema = z.union([z.array(z.unknown()), z.object({ z: z.string() })]);
export type StoredChunk = z.infer<typeof storedChunkSchema>;

/** The raw entries of a stored chunk (none for a chunk not written yet). */
export function chunkValues(stored: StoredChunk | undefined): unknown[] {
  if (stored === undefined) return [];
  if (Array.isArray(stored)) return stored;
  const text = decompressText(stored.z);
  try {
    const values: unknown = text === undefined ? undefined : JSON.parse(text);
    return Array.isArray(values) ? values : [undefined];
  } catch {
    return [undefined];
  }
}

/** A chunk's entries as they are written: compressed when that is smaller. */
export function storedChunk(values: readonly unknown[]): StoredChunk {
  const json = JSON.stringify(values);
  const packed = compressText(json);
  // `{"z":""}` around it: 8 bytes.
  return packed.length + 8 < Buffer.byteLength(json, 'utf8') ? { z: packed } : [...values];
}

/** The raw entries stored at chunk `chunk` of the project's trail. */
export async function readChunkValues(projectKey: string, chunk: number): Promise<unknown[]> {
  return chunkValues(await readValue(trailChunkKey(projectKey, chunk), storedChunkSchema));
}

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
  return parseChunk(await readChunkValues(projectKey, chunk));
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

/**
 * Recomputes a project's chain and says where it breaks. {@link checkChain} is pure: chunks and
 * head in, verdict out. Each entry is reported at most once, with the first problem found:
 * - `misplaced`: it sits in a chunk that cannot hold its seq;
 * - `reordered`: its seq is not the next one (a repeat, or an entry that belongs later or earlier);
 * - `missing`: the entries between the previous one and it are gone;
 * - `altered`: its content no longer gives its hash;
 * - `chain`: it does not name the hash of entry seq − 1 (that one was changed and rehashed);
 * - `damaged`: a stored value that is not an entry at all.
 * Then the head must count the last entry and carry its hash (`head`): cutting the end shows there.
 * Cutting the end *and* rewriting the head cannot be seen from inside; the verdict carries the last
 * hash for the team to note (e.g. in the exported audit pack) and compare later.
 *
 * A long trail is read in slices ({@link verifySlice}, 500 chunks a call by batch get) so that one
 * call stays well inside a resolver's time limit; a slice hands the next one the last entry it
 * checked, and the first slice that breaks ends the verification with its verdict.
 */
import type { TrailBreak, TrailVerification } from '../../common/contract';
import { readMany } from '../storage/kvs';
import { trailChunkKey } from '../storage/keys';
import { chunkOf, entryHash, TRAIL_CHUNK_ENTRIES, type TrailEntry } from './entry';
import { chunkValues, parseChunk, readHead, storedChunkSchema, type Chunk, type TrailHead } from './store';


/** How many breaks a verdict lists (it counts them all). */
export const LISTED_BREAKS = 20;

/** Where a verification continues: the next chunk, the last entry checked and its hash. */
export interface VerifyCarry {
  chunk: number;
  lastSeq: number;
  prevHash: string;
}

export const START: VerifyCarry = { chunk: 0, lastSeq: 0, prevHash: '' };

/** The whole chain at once (for tests and small trails): {@link checkSlice} over every chunk. */
export function checkChain(chunks: readonly { chunk: number; value: Chunk }[], head: TrailHead, checkedAt: Date): TrailVerification {
  return checkSlice(chunks, START, head, true, checkedAt).verdict;
}

/**
 * Checks the chunks from `carry` on (everything before it was checked clean); `final` when
 * they run to the head's last chunk, which then checks the head too. The verdict counts entries
 * from the first; `next` is where to go on while it is clean and not final.
 */
export function checkSlice(
  chunks: readonly { chunk: number; value: Chunk }[],
  carry: VerifyCarry,
  head: TrailHead,
  final: boolean,
  checkedAt: Date,
): { verdict: TrailVerification; next?: VerifyCarry } {
  const breaks: TrailBreak[] = [];
  const entries = chunks.flatMap(({ chunk, value }) => value.entries.map((entry) => ({ chunk, entry })));
  for (const { chunk, value } of chunks) {
    for (const position of value.damaged) {
      const seq = chunk * TRAIL_CHUNK_ENTRIES + position + 1;
      breaks.push({ seq, problem: 'damaged', message: `Chunk ${chunk} holds a value that is not a trail entry at position ${position + 1} (around entry ${seq}).` });
    }
  }
  const before = carry.lastSeq;
  const present = new Set(entries.map(({ entry }) => entry.seq));
  const hashOf = new Map<number, string>(before > 0 ? [[before, carry.prevHash]] : []);
  for (const { entry } of entries) if (!hashOf.has(entry.seq)) hashOf.set(entry.seq, entry.hash);

  let expected = before + 1;
  let last: TrailEntry | undefined;
  for (const { chunk, entry } of entries) {
    const problem = problemOf(entry, chunk, expected, present, hashOf);
    if (problem) breaks.push(problem);
    expected = Math.max(expected, entry.seq + 1);
    if (last === undefined || entry.seq >= last.seq) last = entry;
  }

  if (!final && chunks.length === 0) {
    breaks.push({ seq: before + 1, problem: 'missing', message: `Entries from ${before + 1} on are missing: their chunks were removed.` });
  }
  const count = last?.seq ?? before;
  const lastHash = last?.hash ?? carry.prevHash;
  if (final && (head.count !== count || head.lastHash !== lastHash)) breaks.push(headBreak(head, count));
  breaks.sort((a, b) => a.seq - b.seq);
  const verdict: TrailVerification = {
    intact: breaks.length === 0,
    entries: before + entries.length,
    lastHash,
    breaks: breaks.slice(0, LISTED_BREAKS),
    breakCount: breaks.length,
    checkedAt: checkedAt.toISOString(),
  };
  const lastChunk = chunks.at(-1)?.chunk ?? carry.chunk - 1;
  return { verdict, ...(!final && verdict.intact ? { next: { chunk: lastChunk + 1, lastSeq: count, prevHash: lastHash } } : {}) };
}

function headBreak(head: TrailHead, count: number): TrailBreak {
  return {
    seq: Math.min(head.count, count) + 1,
    problem: 'head',
    message:
      head.count > count
        ? `The trail's head counts ${head.count} entries but the chunks hold ${count}: entries ${count + 1}–${head.count} were removed.`
        : head.count < count
          ? `The trail's head counts ${head.count} entries but the chunks hold ${count}: the head was rolled back or not written.`
          : `The trail's head names another hash for entry ${count} than the entry has: the last entry was replaced.`,
  };
}

function problemOf(entry: TrailEntry, chunk: number, expected: number, present: Set<number>, hashOf: Map<number, string>): TrailBreak | undefined {
  const { seq } = entry;
  if (chunkOf(seq) !== chunk) {
    return { seq, problem: 'misplaced', message: `Entry ${seq} is stored in chunk ${chunk}, where it does not belong: entries were moved.` };
  }
  if (seq < expected) {
    return { seq, problem: 'reordered', message: `Entry ${seq} comes after entry ${expected - 1}: entries were reordered or repeated.` };
  }
  if (seq > expected) {
    return present.has(expected)
      ? { seq: expected, problem: 'reordered', message: `Entry ${seq} comes where entry ${expected} belongs: entries were reordered.` }
      : {
          seq: expected,
          problem: 'missing',
          message: seq - expected === 1 ? `Entry ${expected} is missing: it was removed.` : `Entries ${expected}–${seq - 1} are missing: they were removed.`,
        };
  }
  if (entryHash(entry) !== entry.hash) {
    return { seq, problem: 'altered', message: `Entry ${seq} was altered: its content no longer matches its hash.` };
  }
  const previous = seq === 1 ? '' : hashOf.get(seq - 1);
  if (previous !== undefined && entry.prev !== previous) {
    return {
      seq,
      problem: 'chain',
      message: `Entry ${seq} does not follow from entry ${seq - 1}: entry ${seq - 1} was changed (and its hash recomputed) or replaced.`,
    };
  }
  return undefined;
}

/** Chunks one verification call reads (20,000 entries): well inside a resolver's 25 s. */
export const VERIFY_CHUNKS_PER_CALL = 500;

/**
 * Checks the chunks from `carry` on, at most {@link VERIFY_CHUNKS_PER_CALL} of them, plus the one
 * after the head's last chunk (entries beyond the head show as a head mismatch). Stops at the first
 * slice that breaks: the verdict then says where.
 */
export async function verifySlice(
  projectKey: string,
  carry: VerifyCarry,
  now: Date = new Date(),
  chunksPerCall = VERIFY_CHUNKS_PER_CALL,
): Promise<{ verdict: TrailVerification; next?: VerifyCarry }> {
  const head = await readHead(projectKey);
  const lastChunk = head.count === 0 ? -1 : chunkOf(head.count);
  const to = Math.min(lastChunk + 1, carry.chunk + chunksPerCall - 1);
  const final = to >= lastChunk + 1;
  const numbers = Array.from({ length: Math.max(0, to - carry.chunk + 1) }, (_, i) => carry.chunk + i);
  const stored = await readMany(
    numbers.map((chunk) => trailChunkKey(projectKey, chunk)),
    storedChunkSchema,
  );
  const chunks = numbers.flatMap((chunk) => {
    const raw = stored.get(trailChunkKey(projectKey, chunk));
    return raw === undefined ? [] : [{ chunk, value: parseChunk(chunkValues(raw)) }];
  });
  return checkSlice(chunks, carry, head, final, now);
}

/** Reads the whole trail of a project, slice after slice, and checks it. */
export async function verifyProjectTrail(projectKey: string, now: Date = new Date(), chunksPerCall = VERIFY_CHUNKS_PER_CALL): Promise<TrailVerification> {
  let carry = START;
  for (;;) {
    const { verdict, next } = await verifySlice(projectKey, carry, now, chunksPerCall);
    if (next === undefined) return verdict;
    carry = next;
  }
}

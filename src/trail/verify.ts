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
 */
import type { TrailBreak, TrailVerification } from '../../common/contract';
import { chunkOf, entryHash, TRAIL_CHUNK_ENTRIES, type TrailEntry } from './entry';
import { readAllChunks, readHead, type Chunk, type TrailHead } from './store';

/** How many breaks a verdict lists (it counts them all). */
export const LISTED_BREAKS = 20;

export function checkChain(chunks: readonly { chunk: number; value: Chunk }[], head: TrailHead, checkedAt: Date): TrailVerification {
  const breaks: TrailBreak[] = [];
  const entries = chunks.flatMap(({ chunk, value }) => value.entries.map((entry) => ({ chunk, entry })));
  for (const { chunk, value } of chunks) {
    for (const position of value.damaged) {
      const seq = chunk * TRAIL_CHUNK_ENTRIES + position + 1;
      breaks.push({ seq, problem: 'damaged', message: `Chunk ${chunk} holds a value that is not a trail entry at position ${position + 1} (around entry ${seq}).` });
    }
  }
  const present = new Set(entries.map(({ entry }) => entry.seq));
  const hashOf = new Map<number, string>();
  for (const { entry } of entries) if (!hashOf.has(entry.seq)) hashOf.set(entry.seq, entry.hash);

  let expected = 1;
  let last: TrailEntry | undefined;
  for (const { chunk, entry } of entries) {
    const problem = problemOf(entry, chunk, expected, present, hashOf);
    if (problem) breaks.push(problem);
    expected = Math.max(expected, entry.seq + 1);
    if (last === undefined || entry.seq >= last.seq) last = entry;
  }

  const count = last?.seq ?? 0;
  const lastHash = last?.hash ?? '';
  if (head.count !== count || head.lastHash !== lastHash) {
    breaks.push({
      seq: Math.min(head.count, count) + 1,
      problem: 'head',
      message:
        head.count > count
          ? `The trail's head counts ${head.count} entries but the chunks hold ${count}: entries ${count + 1}–${head.count} were removed.`
          : head.count < count
            ? `The trail's head counts ${head.count} entries but the chunks hold ${count}: the head was rolled back or not written.`
            : `The trail's head names another hash for entry ${count} than the entry has: the last entry was replaced.`,
    });
  }
  breaks.sort((a, b) => a.seq - b.seq);
  return {
    intact: breaks.length === 0,
    entries: entries.length,
    lastHash,
    breaks: breaks.slice(0, LISTED_BREAKS),
    breakCount: breaks.length,
    checkedAt: checkedAt.toISOString(),
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

/** Reads the whole trail of a project and checks it. */
export async function verifyProjectTrail(projectKey: string, now: Date = new Date()): Promise<TrailVerification> {
  const [head, chunks] = await Promise.all([readHead(projectKey), readAllChunks(projectKey)]);
  return checkChain(chunks, head, now);
}

/**
 * Appending one entry to a project's trail, in O(1) KVS operations whatever its length: claim the
 * project's lock, read the head, the chunk that takes the entry and the entry's item indexes (at
 * most two), then write chunk, head and indexes in one transaction, and free the lock.
 *
 * - No fork: appends of one project are serialised by the lock (FAIL_IF_EXISTS, the only
 *   compare-and-set Forge KVS offers on plain keys). The lock has a TTL so a crashed holder cannot
 *   block the trail for long; an append that held it for more than {@link LOCK_FENCE_MS} gives up
 *   before writing, because its lock might have expired and been taken by another append.
 * - Never half-written: the chunk, the head and the indexes go in one transaction, all or nothing.
 *   A transaction answered with an error is checked against the head: if the entry is there, the
 *   append succeeded (no duplicate when the caller retries); if not, nothing was written.
 * - A head that lags its chunk (a chunk written without its head, as the first version of this
 *   file could leave it if its second write failed) is caught up from the chunk before the next
 *   entry is numbered: the entry already in the chunk is neither overwritten nor duplicated.
 * - Damaged or altered entries in the chunk are written back exactly as found: an append never
 *   repairs, hides or drops evidence of tampering (verify reports it).
 * - Idempotent per decision: an entry with a decision id already among the recent entries is not
 *   appended again (a decision's own append racing its reconciliation, src/trail/wal.ts).
 */
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { ConflictError } from '../../common/errors';
import { claimValue, deleteValue, readValue, writeAll } from '../storage/kvs';
import { trailChunkKey, trailHeadKey, trailIndexKey, trailLockKey } from '../storage/keys';
import { buildEntry, chunkOf, TRAIL_CHUNK_ENTRIES, type EntryInput, type TrailEntry } from './entry';
import { parseChunk, readChunkValues, readHead, readIndex, refsOf, storedChunk, withSeq, type TrailHead } from './store';

/** How long the lock lives if its holder never frees it. */
export const LOCK_TTL_SECONDS = 20;
/** An append that has held the lock this long does not write (its lock may have expired). */
export const LOCK_FENCE_MS = 8_000;
/** How long an append waits for the lock before saying the trail is busy. */
export const LOCK_WAIT_MS = 10_000;
/**
 * Recent entries an append with a decision id looks through for that id (see recentWithId): a
 * decision's own append races only a reconciliation of seconds before; a late append (by a
 * reconciliation, minutes or a day after) looks further, at the cost of one more chunk read.
 */
export const DEDUPE_LOOKBACK = 5;
export const DEDUPE_LOOKBACK_LATE = TRAIL_CHUNK_ENTRIES;

const lockSchema = z.object({ token: z.string() });
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export async function appendEntry(projectKey: string, input: EntryInput): Promise<TrailEntry> {
  const lock = trailLockKey(projectKey);
  const token = randomUUID();
  const claimedAt = await claimLock(lock, token, projectKey);
  try {
    const { head, raw } = await settledHead(projectKey, await readHead(projectKey));
    const seq = head.count + 1;
    const lookBack = input.recordedAt === undefined ? DEDUPE_LOOKBACK : DEDUPE_LOOKBACK_LATE;
    const already = input.decisionId === undefined ? undefined : await recentWithId(projectKey, raw, seq, input.decisionId, lookBack);
    if (already) return already;
    const entry = buildEntry(input, seq, head.lastHash);
    const refs = refsOf(entry);
    const indexes = await Promise.all(refs.map((ref) => readIndex(projectKey, ref)));
    if (Date.now() - claimedAt > LOCK_FENCE_MS) {
      throw new ConflictError(`Recording the decision in the trail of ${projectKey} took too long; nothing was written to the trail. Try again.`);
    }
    try {
      await writeAll([
        { key: trailChunkKey(projectKey, chunkOf(seq)), value: storedChunk([...raw, entry]) },
        { key: trailHeadKey(projectKey), value: { count: seq, lastHash: entry.hash } satisfies TrailHead },
        ...refs.map((ref, i) => ({ key: trailIndexKey(projectKey, ref), value: withSeq(indexes[i] ?? { seqs: [], dropped: 0 }, seq) })),
      ]);
    } catch (error) {
      // An answer lost after the commit: the head (still ours to read, under the lock) says whether
      // the transaction happened. All or nothing, so a head without our entry means nothing was written.
      const after = await readHead(projectKey).catch(() => undefined);
      if (after?.count !== seq || after.lastHash !== entry.hash) throw error;
      console.warn(`[trail] ${projectKey}: entry ${seq} was written although its write was answered with an error`);
    }
    return entry;
  } finally {
    await releaseLock(lock, token);
  }
}

/**
 * The entry of decision `id` among the trail's recent entries: the chunk the next entry goes in,
 * and the one before when that chunk holds fewer than `lookBack` entries (so at least that many
 * recent entries are looked at). Two appends of one decision (its own and a reconciliation's, or two
 * reconciliations) come within seconds of each other; a reconciliation after the decision's own
 * append whose pending record could not be deleted, with over 40 entries between, is the one case
 * left that would record it twice (both entries carry its id; the later is marked late).
 */
async function recentWithId(projectKey: string, raw: unknown[], seq: number, id: string, lookBack: number): Promise<TrailEntry | undefined> {
  const current = parseChunk(raw).entries;
  const chunk = chunkOf(seq);
  const previous =
    current.length < lookBack && chunk > 0 ? parseChunk(await readChunkValues(projectKey, chunk - 1)).entries : [];
  const found = [...current, ...previous].find((entry) => entry.decisionId === id);
  if (found) console.info(`[trail] ${projectKey}: decision ${id} is already entry ${found.seq}; not appended again`);
  return found;
}

/**
 * The head to append after, and the stored chunk the next entry goes in. When that chunk already
 * holds entries past the head, the head was lost after its chunk was written: the last of them is
 * the real head (and may fill the chunk, so the next one is read in turn).
 */
async function settledHead(projectKey: string, start: TrailHead): Promise<{ head: TrailHead; raw: unknown[] }> {
  let head = start;
  for (;;) {
    const raw = await readChunkValues(projectKey, chunkOf(head.count + 1));
    const last = parseChunk(raw).entries.reduce<TrailEntry | undefined>((max, entry) => (max === undefined || entry.seq > max.seq ? entry : max), undefined);
    if (last === undefined || last.seq <= head.count) return { head, raw };
    console.warn(`[trail] ${projectKey}: head said ${head.count} entries, its chunk holds ${last.seq}; continuing after ${last.seq}`);
    head = { count: last.seq, lastHash: last.hash };
  }
}

async function claimLock(lock: string, token: string, projectKey: string): Promise<number> {
  const deadline = Date.now() + LOCK_WAIT_MS;
  for (let attempt = 0; ; attempt++) {
    if (await claimValue(lock, { token, at: Date.now() }, { ttlSeconds: LOCK_TTL_SECONDS })) return Date.now();
    if (Date.now() >= deadline) {
      throw new ConflictError(`The decision trail of ${projectKey} is busy with other changes; the decision was saved but not yet recorded in the trail. Try again in a moment.`);
    }
    await sleep(Math.min(200, 10 * 2 ** Math.min(attempt, 4)) * (0.5 + Math.random()));
  }
}

/** Frees the lock only if it is still ours (it may have expired and been claimed by another append). */
async function releaseLock(lock: string, token: string): Promise<void> {
  try {
    const held = await readValue(lock, lockSchema);
    if (held?.token === token) await deleteValue(lock);
  } catch {
    // The entry is written (or refused) already; the lock's TTL frees it.
    console.warn('[trail] could not free the trail lock; it expires on its own');
  }
}

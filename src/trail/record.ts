/**
 * The one door to the decision trail: every decision the verdict stands on (assessment, evidence
 * added / edited / reviewed / removed, waiver applied / removed, chapter reviewed, settings,
 * version update, import, adoption of an issue, duplicate closed, a "before you apply" tick) calls
 * {@link recordDecision} after its write has succeeded.
 *
 * The trail is per project, append-only and chained by hash (src/trail/ owns how it is stored).
 */
import { createHash } from 'node:crypto';
import { z } from 'zod';
import { canonicalJson, type JsonValue } from '../domain/hash';
import { claimValue, deleteValue, readValue, writeValue } from '../storage/kvs';
import { trailChunkKey, trailHeadKey, trailLockKey } from '../storage/keys';

export const DECISION_ACTIONS = [
  'assessment.set',
  'evidence.add',
  'evidence.edit',
  'evidence.review',
  'evidence.remove',
  'waiver.apply',
  'waiver.remove',
  'chapter.review',
  'settings.change',
  'sync.apply',
  'import.done',
  'item.adopt',
  'duplicate.close',
  'prerequisite.set',
] as const;
export type DecisionAction = (typeof DECISION_ACTIONS)[number];

export interface DecisionInput {
  projectKey: string;
  /** Account id of the person who decided (the app itself: `app`). */
  actor: string;
  action: DecisionAction;
  checklistId?: string;
  itemId?: string;
  issueKey?: string;
  /** What it was and what it became: small JSON values (an entry, a result, a setting). */
  before?: unknown;
  after?: unknown;
  /** The reason or justification the person gave, if any. */
  reason?: string;
  /** When it was decided; defaults to now. */
  at?: Date;
}


/** Entries per stored chunk: an append reads and writes one chunk and the head, whatever the trail's length. */
export const TRAIL_CHUNK_ENTRIES = 100;

export interface TrailEntry {
  seq: number;
  at: string;
  actor: string;
  action: DecisionAction;
  checklistId?: string;
  itemId?: string;
  issueKey?: string;
  before?: JsonValue;
  after?: JsonValue;
  reason?: string;
  /** Hash of the previous entry ('' for the first). */
  prev: string;
  /** sha256 over prev and the entry's canonical JSON (without `hash`). */
  hash: string;
}

const headSchema = z.object({ count: z.number().int().min(0), lastHash: z.string() });
const chunkSchema = z.array(z.looseObject({ seq: z.number(), hash: z.string() }));

export function entryHash(entry: Omit<TrailEntry, 'hash'>): string {
  return createHash('sha256').update(canonicalJson(entry as unknown as JsonValue)).digest('hex');
}

function toJson(value: unknown): JsonValue | undefined {
  return value === undefined ? undefined : (JSON.parse(JSON.stringify(value)) as JsonValue);
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Appends one decision to the project's trail: O(1) KVS operations (lock, head, one chunk) under a
 * per-project lock, so two appends never fork the chain.
 */
export async function recordDecision(input: DecisionInput): Promise<TrailEntry> {
  const lock = trailLockKey(input.projectKey);
  for (let attempt = 0; !(await claimValue(lock, { at: Date.now() }, { ttlSeconds: 30 })); attempt++) {
    if (attempt >= 100) throw new Error(`The decision trail of ${input.projectKey} is busy; try again.`);
    await sleep(20 + Math.random() * 60);
  }
  try {
    const head = (await readValue(trailHeadKey(input.projectKey), headSchema)) ?? { count: 0, lastHash: '' };
    const seq = head.count + 1;
    const chunkNo = Math.floor((seq - 1) / TRAIL_CHUNK_ENTRIES);
    const chunkKey = trailChunkKey(input.projectKey, chunkNo);
    const chunk = (seq - 1) % TRAIL_CHUNK_ENTRIES === 0 ? [] : ((await readValue(chunkKey, chunkSchema)) ?? []);
    const body: Omit<TrailEntry, 'hash'> = {
      seq,
      at: (input.at ?? new Date()).toISOString(),
      actor: input.actor,
      action: input.action,
      ...(input.checklistId !== undefined ? { checklistId: input.checklistId } : {}),
      ...(input.itemId !== undefined ? { itemId: input.itemId } : {}),
      ...(input.issueKey !== undefined ? { issueKey: input.issueKey } : {}),
      ...(input.before !== undefined ? { before: toJson(input.before) } : {}),
      ...(input.after !== undefined ? { after: toJson(input.after) } : {}),
      ...(input.reason !== undefined ? { reason: input.reason } : {}),
      prev: head.lastHash,
    };
    const entry: TrailEntry = { ...body, hash: entryHash(body) };
    await writeValue(chunkKey, [...chunk, entry]);
    await writeValue(trailHeadKey(input.projectKey), { count: seq, lastHash: entry.hash });
    return entry;
  } finally {
    await deleteValue(lock);
  }
}

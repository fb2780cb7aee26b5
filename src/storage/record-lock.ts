/**
 * A short KVS lock around the read-modify-write of one small record (waivers, "before you apply"
 * ticks, chapter reviews, project settings): Forge KVS has no compare-and-set for plain values, so two people saving at the same
 * instant take turns. The loser waits up to LOCK_WAIT_MS, then gets a ConflictError (nothing written).
 * The lock has a TTL, so a crashed holder frees it within 30 s.
 */
import { ConflictError } from '../../common/errors';
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { claimValue, deleteValue, readValue } from './kvs';

/** How long a change waits for another person's change of the same record before giving up. */
export const LOCK_WAIT_MS = 8_000;

export async function withRecordLock<T>(lockKey: string, conflictMessage: string, work: () => Promise<T>): Promise<T> {
  const started = Date.now();
  const token = randomUUID();
  while (!(await claimValue(lockKey, { at: Date.now(), token }, { ttlSeconds: 30 }))) {
    if (Date.now() - started > LOCK_WAIT_MS) throw new ConflictError(conflictMessage);
    await new Promise((resolve) => setTimeout(resolve, 50 + Math.random() * 100));
  }
  try {
    return await work();
  } finally {
    // Only our own lock: if the work outlived the TTL, another writer holds it now, and deleting it
    // would let a third in beside them.
    const held = await readValue(lockKey, lockSchema).catch(() => undefined);
    if (held?.token === token) await deleteValue(lockKey);
    else console.warn(`[lock] ${lockKey.split(':')[0]}: held past its ${30} s; not released, another writer has it now`);
  }
}

const lockSchema = z.object({ token: z.string().optional() });

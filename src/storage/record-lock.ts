/**
 * A short KVS lock around the read-modify-write of one small record (waivers, "before you apply"
 * ticks, chapter reviews, project settings): Forge KVS has no compare-and-set for plain values, so two people saving at the same
 * instant take turns. The loser waits up to LOCK_WAIT_MS, then gets a ConflictError (nothing written).
 * The lock has a TTL, so a crashed holder frees it within 30 s.
 */
import { ConflictError } from '../../common/errors';
import { claimValue, deleteValue } from './kvs';

/** How long a change waits for another person's change of the same record before giving up. */
export const LOCK_WAIT_MS = 8_000;

export async function withRecordLock<T>(lockKey: string, conflictMessage: string, work: () => Promise<T>): Promise<T> {
  const started = Date.now();
  while (!(await claimValue(lockKey, { at: Date.now() }, { ttlSeconds: 30 }))) {
    if (Date.now() - started > LOCK_WAIT_MS) throw new ConflictError(conflictMessage);
    await new Promise((resolve) => setTimeout(resolve, 50 + Math.random() * 100));
  }
  try {
    return await work();
  } finally {
    await deleteValue(lockKey);
  }
}

/**
 * One issue's verdict data (evidence and assessment) is changed by one call at a time: a per-issue
 * lock in KVS around each read-modify-write, so two people saving at once never lose a change.
 *
 * Why a lock and not optimistic concurrency: Jira has no conditional write of a field value (no
 * version or ETag on `PUT /rest/api/3/app/field/{fieldIdOrKey}/value`), so "compare before write"
 * would still leave a window between the compare and the write. KVS does have an atomic
 * create-if-absent (`keyPolicy: FAIL_IF_EXISTS`), which makes a lock; its TTL frees it if a holder
 * dies (an invocation killed at its 25 s limit), and the holder deletes it in `finally`.
 *
 * A caller that finds it taken waits with jittered backoff for up to {@link LOCK_WAIT_MS}, then gets
 * a ConflictError that says nothing was saved (the frontend retries once by itself).
 */
import { ConflictError } from '../../common/errors';
import { issueVerdictLockKey } from '../storage/keys';
import { claimValue, deleteValue } from '../storage/kvs';

/** Longer than any one change takes (a few Jira calls), shorter than a person waits to retry. */
export const LOCK_TTL_SECONDS = 30;
/** How long a waiting change keeps trying before it gives up with a conflict. */
export const LOCK_WAIT_MS = 8_000;

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

export interface LockOptions {
  waitMs?: number;
  now?: () => number;
}

/** Runs `work` holding the issue's verdict lock; throws ConflictError when it stays taken. */
export async function withIssueLock<T>(issueId: string, issueKey: string, work: () => Promise<T>, options: LockOptions = {}): Promise<T> {
  const key = issueVerdictLockKey(issueId);
  const now = options.now ?? Date.now;
  // MSP_VERDICT_LOCK_WAIT_MS: a shorter wait for tests that provoke the conflict.
  const deadline = now() + (options.waitMs ?? (Number(process.env.MSP_VERDICT_LOCK_WAIT_MS) || LOCK_WAIT_MS));
  let delay = 40;
  while (!(await claimValue(key, { at: new Date(now()).toISOString() }, { ttlSeconds: LOCK_TTL_SECONDS }))) {
    if (now() >= deadline) {
      throw new ConflictError(
        `Someone else is saving a change to the evidence or assessment of ${issueKey} right now, so nothing was saved; try again.`,
      );
    }
    // Full jitter keeps a crowd of waiters from retrying in step.
    await sleep(Math.min(delay, Math.max(0, deadline - now())) * (0.5 + Math.random() / 2));
    delay = Math.min(delay * 2, 250);
  }
  try {
    return await work();
  } finally {
    await deleteValue(key);
  }
}

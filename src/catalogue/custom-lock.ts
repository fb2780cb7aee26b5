/**
 * One writer at a time per custom checklist id. A save writes the item chunks, then the header; two
 * saves of the same id at once could leave chunks of one under the header of the other. Each save,
 * commit and delete claims `custom-checklist-lock:<id>` (FAIL_IF_EXISTS, so exactly one wins) and
 * frees it when done; the TTL frees a lock whose resolver died mid-write.
 */
import { ConflictError } from '../../common/errors';
import { customChecklistLockKey } from '../storage/keys';
import { claimValue, deleteValue } from '../storage/kvs';

/** Longer than a resolver may run (25 s), so a live writer never loses its lock. */
export const CUSTOM_CHECKLIST_LOCK_TTL_SECONDS = 60;

/** Someone else is saving or deleting this checklist right now; nothing was written. */
export class CustomChecklistBusyError extends ConflictError {}

/**
 * Runs `write` holding the checklist's lock, or throws {@link CustomChecklistBusyError}.
 *
 * @example
 * await withChecklistLock('team-list-2', 'saved', () => saveCustomChecklist(def)); // → what write returns
 */
export async function withChecklistLock<T>(checklistId: string, act: 'saved' | 'deleted', write: () => Promise<T>): Promise<T> {
  const key = customChecklistLockKey(checklistId);
  const claimed = await claimValue(key, { since: new Date().toISOString() }, { ttlSeconds: CUSTOM_CHECKLIST_LOCK_TTL_SECONDS });
  if (!claimed) {
    throw new CustomChecklistBusyError(
      `Checklist "${checklistId}" is being ${act === 'saved' ? 'saved' : 'changed'} by someone else right now; try again in a minute.`,
    );
  }
  try {
    return await write();
  } finally {
    await deleteValue(key);
  }
}

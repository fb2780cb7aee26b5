/**
 * One mapping added to or removed from the site's crosswalk (linking by hand from the item panel),
 * as a new revision of the whole crosswalk. Read, change and write happen under `crosswalk-lock`,
 * the lock an upload's save claims too; an edit that finds it taken waits for it (polling, up to
 * LOCK_WAIT_MS) instead of failing at once, so two people linking at the same moment both keep
 * their mapping: the second one reads the first one's revision. The same edit made twice (a retry
 * after a lost answer) finds its mapping already there and writes nothing.
 *
 * A save of an uploaded file replaces every row, those linked by hand included; its preview says
 * what it replaces, and a save based on a preview older than a hand edit is refused (store.ts).
 */
import { ConflictError } from '../../common/errors';
import type { CrosswalkMapping } from '../domain/crosswalk';
import { crosswalkLockKey } from '../storage/keys';
import { claimValue, deleteValue } from '../storage/kvs';
import { loadCrosswalk, LOCK_TTL_SECONDS, writeRevision, type CrosswalkHeader } from './store';

const LOCK_WAIT_MS = 8_000;
const LOCK_POLL_MS = 50;

/** What an edit decides from the crosswalk as it is now: the new mappings, or nothing to write. */
export type CrosswalkEdit<T> = (current: readonly CrosswalkMapping[]) => { mappings: CrosswalkMapping[]; result: T } | { unchanged: true; result: T };

/** The file name a crosswalk made only by hand carries (an upload's file name stays on later hand edits). */
export const LINKED_BY_HAND = 'linked by hand';

/**
 * Runs `edit` on the current crosswalk holding the lock and writes what it answers as a new
 * revision; `beforeWrite` runs just before that write, still under the lock (the trail's pending
 * record), and the decision id it gives is kept beside the header (store.ts `crosswalkDecisionsKey`). Throws ConflictError when the lock stays taken (an upload of many rows) for ~8 s.
 */
export async function editCrosswalk<T>(
  edit: CrosswalkEdit<T>,
  meta: { savedBy: string; now: Date },
  beforeWrite?: (result: T) => Promise<{ decisionId?: string }>,
): Promise<{ result: T; header?: CrosswalkHeader }> {
  const started = Date.now();
  while (!(await claimValue(crosswalkLockKey(), { since: meta.now.toISOString() }, { ttlSeconds: LOCK_TTL_SECONDS }))) {
    if (Date.now() - started > LOCK_WAIT_MS) {
      throw new ConflictError('Someone else is saving the crosswalk right now; nothing of yours was saved. Try again in a minute.');
    }
    await new Promise((resolve) => setTimeout(resolve, LOCK_POLL_MS));
  }
  try {
    const current = await loadCrosswalk();
    const outcome = edit(current.mappings);
    if ('unchanged' in outcome) return { result: outcome.result, ...(current.header ? { header: current.header } : {}) };
    const { decisionId } = (await beforeWrite?.(outcome.result)) ?? {};
    const header = await writeRevision(outcome.mappings, { fileName: current.header?.fileName ?? LINKED_BY_HAND, savedBy: meta.savedBy, now: meta.now, ...(decisionId !== undefined ? { decisionId } : {}) });
    return { result: outcome.result, header };
  } finally {
    await deleteValue(crosswalkLockKey());
  }
}

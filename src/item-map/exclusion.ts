/**
 * One writer per framework in a project: an import of any version of a framework and a version
 * update of it must never write the project's issues at once (both create issues that the other
 * cannot see yet, so together they duplicate items or mix versions).
 *
 * Version sync claims `frameworkWriteLockKey` (FAIL_IF_EXISTS, with a TTL longer than a resolver
 * may run), then looks for running imports; startImport claims its checklist slot, then looks at
 * the lock. Each claims before it looks, so of two racing starts at least one sees the other.
 */
import { ConflictError } from '../../common/errors';
import type { ChecklistDefinition } from '../domain/types';
import { checklistIdsOfFramework } from '../catalogue';
import { activeImportKey, frameworkWriteLockKey } from '../storage/keys';
import { claimValue, deleteValue, readValue } from '../storage/kvs';
import { z } from 'zod';
import { activeImportSchema } from '../platform/import-active';
import { isStale, loadJob } from '../platform/import-job';

/** Another import or version update of the framework holds the project; nothing was written. */
export class FrameworkBusyError extends ConflictError {}

/** A version update runs in one resolver call (25 s); the TTL frees a lock its holder never released. */
const SYNC_LOCK_TTL_S = 120;

const lockSchema = z.object({ holder: z.string(), at: z.string() });

export function busyMessage(def: ChecklistDefinition): string {
  return `Another import or version update of ${def.name} is running in this project; try again when it finishes.`;
}

/** Claims the framework for a version update; returns the release. Throws FrameworkBusyError when taken. */
export async function claimFrameworkForSync(projectKey: string, def: ChecklistDefinition): Promise<() => Promise<void>> {
  const key = frameworkWriteLockKey(projectKey, def.framework);
  if (!(await claimValue(key, { holder: `sync:${def.id}`, at: new Date().toISOString() }, { ttlSeconds: SYNC_LOCK_TTL_S }))) {
    throw new FrameworkBusyError(busyMessage(def));
  }
  const release = (): Promise<void> => deleteValue(key);
  try {
    if (await importRunning(projectKey, def)) throw new FrameworkBusyError(busyMessage(def));
  } catch (error) {
    await release();
    throw error;
  }
  return release;
}

/** For startImport, after it claimed its slot: throws FrameworkBusyError while a version update of the framework runs. */
export async function refuseWhileSyncRuns(projectKey: string, def: ChecklistDefinition): Promise<void> {
  if (await readValue(frameworkWriteLockKey(projectKey, def.framework), lockSchema)) throw new FrameworkBusyError(busyMessage(def));
}

/** True when an import of any version of `def`'s framework is queued or running (and alive) in the project. */
async function importRunning(projectKey: string, def: ChecklistDefinition): Promise<boolean> {
  const ids = new Set([def.id, ...(await checklistIdsOfFramework(def.framework))]);
  for (const id of ids) {
    const active = await readValue(activeImportKey(projectKey, id), activeImportSchema);
    if (!active) continue;
    const job = await loadJob(active.jobId);
    if (job && (job.state === 'queued' || job.state === 'running') && !isStale(job, Date.now())) return true;
  }
  return false;
}

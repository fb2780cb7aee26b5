/**
 * Small per-project records shared by the use cases: which checklists the project holds (and which
 * came last), and when its audit issues last changed (the rollup cache compares against it).
 */
import { z } from 'zod';
import { lastChecklistKey, projectChecklistsKey, projectChecklistsLockKey, rollupDirtyKey } from './keys';
import { withRecordLock } from './record-lock';
import { readValue, writeValue } from './kvs';

// `at` (when) was written before and never read: no longer written, read on every page open.
const lastChecklistSchema = z.object({ checklistId: z.string(), at: z.string().optional() });
const checklistListSchema = z.object({ checklistIds: z.array(z.string()) });
const changedSchema = z.object({ at: z.number() });

/**
 * Remembers that the project holds this checklist, and that it is the one used last. Two imports of
 * different checklists ending at the same moment take turns on the list, so neither is dropped.
 */
export async function rememberChecklist(projectKey: string, checklistId: string): Promise<void> {
  await writeValue(lastChecklistKey(projectKey), { checklistId });
  if ((await projectChecklists(projectKey)).includes(checklistId)) return;
  const busy = `Another import or version update of project ${projectKey} is recording its checklist right now; try again in a moment.`;
  await withRecordLock(projectChecklistsLockKey(projectKey), busy, async () => {
    const known = await projectChecklists(projectKey);
    if (!known.includes(checklistId)) await writeValue(projectChecklistsKey(projectKey), { checklistIds: [...known, checklistId] });
  });
}

/** The checklist imported or synced last in the project, if any. */
export async function lastChecklist(projectKey: string): Promise<string | undefined> {
  return (await readValue(lastChecklistKey(projectKey), lastChecklistSchema))?.checklistId;
}

/** Every checklist id ever imported or synced into the project. */
export async function projectChecklists(projectKey: string): Promise<string[]> {
  return (await readValue(projectChecklistsKey(projectKey), checklistListSchema))?.checklistIds ?? [];
}

/** Records that the project's audit issues changed now (cached rollups older than this are stale). */
export async function markProjectChanged(projectKey: string, now: number = Date.now()): Promise<void> {
  await writeValue(rollupDirtyKey(projectKey), { at: now });
}

/** When the project's audit issues last changed (ms since epoch), or 0 if never recorded. */
export async function projectChangedAt(projectKey: string): Promise<number> {
  return (await readValue(rollupDirtyKey(projectKey), changedSchema))?.at ?? 0;
}

/**
 * A checklist a version update moved away from is history, not a second checklist: one KVS value
 * per project records, for each retired checklist id, the version that replaced it, when the move
 * finished and the last score recorded before it started. The first round of an update notes the
 * score (pending, no `at`); the round that completes the move stamps `at`. Importing or updating
 * to a retired checklist again makes it current: its record is dropped.
 */
import { z } from 'zod';
import { readHistory } from './history-store';
import { retiredChecklistsKey, retiredChecklistsLockKey } from '../storage/keys';
import { withRecordLock } from '../storage/record-lock';
import { readValue, writeValue } from '../storage/kvs';

const scoreSchema = z.object({ score: z.number(), maxScore: z.number(), passed: z.boolean(), at: z.string() });
const recordSchema = z.object({ replacedBy: z.string(), at: z.string().optional(), lastScore: scoreSchema.optional() });
const retiredSchema = z.object({ checklists: z.record(z.string(), recordSchema) });

export type RetiredChecklist = z.infer<typeof recordSchema>;

/** Every retirement record of the project (pending ones too), by checklist id. */
export async function readRetiredChecklists(projectKey: string): Promise<Record<string, RetiredChecklist>> {
  const stored = await readValue(retiredChecklistsKey(projectKey), retiredSchema);
  // Null prototype: a checklist id such as `constructor` is a plain key.
  return Object.assign(Object.create(null) as Record<string, RetiredChecklist>, stored?.checklists ?? {});
}

/**
 * Notes, before an update to `replacedBy` writes anything, the last recorded score of each checklist
 * it moves away from (once: a resumed update keeps the first note).
 */
export async function noteRetiring(projectKey: string, fromIds: readonly string[], replacedBy: string): Promise<void> {
  await underLock(projectKey, () => noteRetiringLocked(projectKey, fromIds, replacedBy));
}

/** Version updates of different frameworks of one project share the record: they take turns, and neither note is lost. */
function underLock(projectKey: string, work: () => Promise<void>): Promise<void> {
  return withRecordLock(retiredChecklistsLockKey(projectKey), `Another version update of project ${projectKey} is recording its retired checklists right now; try again in a moment.`, work);
}

async function noteRetiringLocked(projectKey: string, fromIds: readonly string[], replacedBy: string): Promise<void> {
  const records = await readRetiredChecklists(projectKey);
  let changed = false;
  for (const id of fromIds) {
    if (id === replacedBy) continue;
    const record = records[id];
    if (record !== undefined && record.replacedBy === replacedBy && record.at === undefined) continue;
    const last = (await readHistory(projectKey, id)).at(-1);
    records[id] = { replacedBy, ...(last ? { lastScore: { score: last.score, maxScore: last.maxScore, passed: last.passed, at: last.at } } : {}) };
    changed = true;
  }
  if (records[replacedBy] !== undefined) {
    delete records[replacedBy];
    changed = true;
  }
  if (changed) await writeValue(retiredChecklistsKey(projectKey), { checklists: { ...records } });
}

/** Stamps the move to `replacedBy` finished: its pending records become retirements. */
export async function finishRetiring(projectKey: string, replacedBy: string, now: Date = new Date()): Promise<void> {
  await underLock(projectKey, async () => {
    const records = await readRetiredChecklists(projectKey);
    const pending = Object.entries(records).filter(([, record]) => record.replacedBy === replacedBy && record.at === undefined);
    if (pending.length === 0) return;
    for (const [id, record] of pending) records[id] = { ...record, at: now.toISOString() };
    await writeValue(retiredChecklistsKey(projectKey), { checklists: { ...records } });
  });
}

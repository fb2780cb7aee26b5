/**
 * Checkpoints of the issues a version update created, one TTL'd KVS record per chunk under the
 * project and target checklist: `{ itemId: issue }`. A re-run (after `complete: false`, an error,
 * or right after a finished run) merges them into its plan, so it never creates an item again
 * while Jira's search index does not show the new issue yet. The identity search stays the truth
 * once the index caught up (the records expire).
 */
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import type { CreatedIssue } from '../import/created';
import { syncCreatedKey, syncCreatedPrefix } from '../storage/keys';
import { readByPrefix, writeValue } from '../storage/kvs';

/** Far longer than any search index lag; short enough that a deliberately deleted issue can come back. */
const CREATED_TTL_S = 3600;

const createdChunkSchema = z.object({ items: z.record(z.string(), z.object({ id: z.string(), key: z.string() })) });

export async function recordSyncCreated(projectKey: string, checklistId: string, items: ReadonlyMap<string, CreatedIssue>): Promise<void> {
  if (items.size === 0) return;
  const stamp = `${Date.now().toString(36)}-${randomUUID().slice(0, 8)}`;
  await writeValue(syncCreatedKey(projectKey, checklistId, stamp), { items: Object.fromEntries(items) }, { ttlSeconds: CREATED_TTL_S });
}

/** Every issue recent version updates to this checklist created in the project, by item id. */
export async function readSyncCreated(projectKey: string, checklistId: string): Promise<Map<string, CreatedIssue>> {
  const created = new Map<string, CreatedIssue>();
  for (const { value } of await readByPrefix(syncCreatedPrefix(projectKey, checklistId), createdChunkSchema)) {
    for (const [itemId, issue] of Object.entries(value.items)) if (!created.has(itemId)) created.set(itemId, issue);
  }
  return created;
}

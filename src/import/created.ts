/**
 * Checkpoints of the issues an import job created, one KVS record per chunk: `{ itemId: issue }`.
 * The fast path when a job resumes (Jira's search index may lag a fresh write); the identity
 * search stays the truth for what exists.
 */
import { z } from 'zod';
import { importCreatedKey, importCreatedPrefix } from '../storage/keys';
import { readByPrefix, writeValue } from '../storage/kvs';

export interface CreatedIssue {
  id: string;
  key: string;
}

const createdChunkSchema = z.object({ items: z.record(z.string(), z.object({ id: z.string(), key: z.string() })) });

export async function recordCreated(jobId: string, chunk: number, items: ReadonlyMap<string, CreatedIssue>): Promise<void> {
  await writeValue(importCreatedKey(jobId, chunk), { items: Object.fromEntries(items) });
}

/** Every issue the job recorded as created, by item id. */
export async function readCreated(jobId: string): Promise<Map<string, CreatedIssue>> {
  const created = new Map<string, CreatedIssue>();
  for (const { value } of await readByPrefix(importCreatedPrefix(jobId), createdChunkSchema)) {
    for (const [itemId, issue] of Object.entries(value.items)) created.set(itemId, issue);
  }
  return created;
}

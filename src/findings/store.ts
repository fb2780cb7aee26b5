/**
 * The findings of one checklist in one project: one KVS value (findingsKey) listing every finding
 * with its idempotency key (the finding id), written BEFORE the Jira create (state `pending`, with
 * the project's newest key number at that moment) and again once the issue exists (`created`).
 * A create whose answer was lost is then found again by reading the keys after that number (the
 * issue carries the finding id in a property), never made twice. Recording holds a short lock
 * (findingsLockKey), so two recordings of the same finding cannot both create it.
 */
import { z } from 'zod';
import { ConflictError } from '../../common/errors';
import { findingsKey, findingsLockKey } from '../storage/keys';
import { claimValue, deleteValue, readValue, writeValue } from '../storage/kvs';

/** Long enough for a create, its read-back and a link under Jira's 429s; a crashed holder frees it then. */
const LOCK_TTL_SECONDS = 120;
const LOCK_WAIT_MS = 8_000;
const LOCK_POLL_MS = 150;

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

export const storedFindingSchema = z.object({
  id: z.string(),
  itemId: z.string(),
  /** The item's issue (from the item map) the finding is on. */
  itemIssueKey: z.string(),
  summary: z.string(),
  detail: z.string().optional(),
  dueDate: day.optional(),
  state: z.enum(['pending', 'created']),
  /** The project's newest key number before the create: a lost answer is looked for after it. */
  afterKeyNumber: z.number().int().min(0),
  issueKey: z.string().optional(),
  issueId: z.string().optional(),
  /** How the issue is tied to the item's issue. */
  tie: z.enum(['sub-task', 'link', 'none']).optional(),
  /** True once the decision trail has the finding. */
  trailed: z.boolean().optional(),
  recordedBy: z.string(),
  recordedAt: z.string(),
});
export type StoredFinding = z.infer<typeof storedFindingSchema>;

const storedFindingsSchema = z.object({ findings: z.array(storedFindingSchema) });

export async function readFindings(projectKey: string, checklistId: string): Promise<StoredFinding[]> {
  return (await readValue(findingsKey(projectKey, checklistId), storedFindingsSchema))?.findings ?? [];
}

export async function writeFindings(projectKey: string, checklistId: string, findings: readonly StoredFinding[]): Promise<void> {
  await writeValue(findingsKey(projectKey, checklistId), { findings: [...findings] });
}

/** Replaces (or appends) one finding by id and writes the list. */
export async function saveFinding(projectKey: string, checklistId: string, finding: StoredFinding): Promise<StoredFinding[]> {
  const all = await readFindings(projectKey, checklistId);
  const index = all.findIndex((candidate) => candidate.id === finding.id);
  if (index >= 0) all[index] = finding;
  else all.push(finding);
  await writeFindings(projectKey, checklistId, all);
  return all;
}

/** Runs `work` holding the checklist's findings lock; ConflictError when another recording holds it for ~8 s. */
export async function withFindingsLock<T>(projectKey: string, checklistId: string, work: () => Promise<T>): Promise<T> {
  const lock = findingsLockKey(projectKey, checklistId);
  const started = Date.now();
  while (!(await claimValue(lock, { at: new Date().toISOString() }, { ttlSeconds: LOCK_TTL_SECONDS }))) {
    if (Date.now() - started > LOCK_WAIT_MS) {
      throw new ConflictError('Someone else is recording a finding on this checklist right now; nothing of yours was recorded yet. Send it again in a moment: it will be recorded once.');
    }
    await new Promise((resolve) => setTimeout(resolve, LOCK_POLL_MS));
  }
  try {
    return await work();
  } finally {
    await deleteValue(lock);
  }
}

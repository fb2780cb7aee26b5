/**
 * The import job record in KVS: what the UI polls (getImport) and what a resumed consumer picks
 * up from. Progress is checkpointed here after each chunk; the issues each chunk created are kept
 * under their own keys (see created.ts), so the record stays small at any checklist size.
 */
import { z } from 'zod';
import type { ImportStatus } from '../../common/contract';
import { importJobKey } from '../storage/keys';
import { readValue, writeValue } from '../storage/kvs';

/** What the consumer resolved once and reuses when it resumes. */
const setupSchema = z.object({
  itemTypeId: z.string(),
  epicTypeId: z.string().optional(),
  pointsFieldId: z.string().optional(),
});
export type ImportSetup = z.infer<typeof setupSchema>;

export const importJobSchema = z.object({
  jobId: z.string(),
  checklistId: z.string(),
  projectKey: z.string(),
  projectId: z.string(),
  state: z.enum(['queued', 'running', 'done', 'failed']),
  total: z.number(),
  created: z.number(),
  existing: z.number(),
  failed: z.number(),
  error: z.string().optional(),
  startedAt: z.string(),
  updatedAt: z.string(),
  /** The highest issue key number known when the job started: the verification pass reads every key after it. */
  startKeyNumber: z.number().optional(),
  /** Items already in Jira when the job first looked (set once, so resumes do not recount). */
  existingAtStart: z.number().optional(),
  setup: setupSchema.optional(),
  /** Chapter id → Epic key, for the chapters this project has an Epic for. */
  chapterKeys: z.record(z.string(), z.string()).default({}),
  /** Created-issue checkpoints written so far (importCreatedKey 0..n-1). */
  createdChunks: z.number().default(0),
  /** The invocation working on the job and until when its claim holds (ms since epoch). */
  lease: z.object({ owner: z.string(), until: z.number() }).optional(),
  /** Planned continuations so far (the consumer hands over before its time limit). */
  handoffs: z.number().default(0),
  /** Re-queues after Jira stayed rate-limited or unavailable through every retry. */
  transientFailures: z.number().default(0),
});
export type ImportJob = z.infer<typeof importJobSchema>;

/** How long a consumer's claim on a job holds without a checkpoint; then another may take over. */
export const LEASE_MS = 5 * 60_000;

export async function loadJob(jobId: string): Promise<ImportJob | undefined> {
  return readValue(importJobKey(jobId), importJobSchema);
}

export async function saveJob(job: ImportJob, now: Date = new Date()): Promise<ImportJob> {
  const saved = { ...job, updatedAt: now.toISOString() };
  await writeValue(importJobKey(job.jobId), saved);
  return saved;
}

export function newJob(args: { jobId: string; checklistId: string; projectKey: string; projectId: string; total: number; now: Date }): ImportJob {
  const at = args.now.toISOString();
  return {
    jobId: args.jobId,
    checklistId: args.checklistId,
    projectKey: args.projectKey,
    projectId: args.projectId,
    state: 'queued',
    total: args.total,
    created: 0,
    existing: 0,
    failed: 0,
    startedAt: at,
    updatedAt: at,
    chapterKeys: {},
    createdChunks: 0,
    handoffs: 0,
    transientFailures: 0,
  };
}

/** A queued or running job nobody has touched for a lease period: its consumer is gone. */
export function isStale(job: ImportJob, now: number): boolean {
  if (job.state !== 'queued' && job.state !== 'running') return false;
  const leaseHeld = job.lease !== undefined && job.lease.until > now;
  return !leaseHeld && now - Date.parse(job.updatedAt) > LEASE_MS;
}

export function toStatus(job: ImportJob): ImportStatus {
  return {
    jobId: job.jobId,
    checklistId: job.checklistId,
    projectKey: job.projectKey,
    state: job.state,
    total: job.total,
    created: job.created,
    existing: job.existing,
    failed: job.failed,
    ...(job.error !== undefined ? { error: job.error } : {}),
    startedAt: job.startedAt,
    updatedAt: job.updatedAt,
  };
}

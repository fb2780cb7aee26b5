/** What the import worker needs around the work itself: setup, the queue, time, bookkeeping. */
import { Queue } from '@forge/events';
import { invocationRemainingMs } from '../platform/jira';
import { withBackoff } from '../storage/backoff';
import { activeImportKey } from '../storage/keys';
import { deleteValue, readValue } from '../storage/kvs';
import { activeImportSchema } from '../platform/import-active';
import type { ImportJob } from '../platform/import-job';
import type { ImportEventBody } from './worker';

export { markProjectChanged } from '../storage/project-state';
export { resolveSetup, SetupError } from '../item-map/issue-setup';

export const IMPORT_QUEUE = 'import-queue';
/** The consumer's limit in manifest.yml (timeoutSeconds: 900). */
const CONSUMER_LIMIT_MS = 900_000;

export async function enqueueImport(body: ImportEventBody, delayInSeconds?: number): Promise<void> {
  const event = { body: { ...body }, ...(delayInSeconds !== undefined ? { delayInSeconds } : {}) };
  // Over Forge's 500 events a minute the push is retried with back-off, then refused (storage/backoff.ts).
  await withBackoff('background events', () => new Queue({ key: IMPORT_QUEUE }).push([event]));
}

/** Frees the project's import slot for the checklist, if this job still holds it. */
export async function clearActiveImport(job: ImportJob): Promise<void> {
  const key = activeImportKey(job.projectKey, job.checklistId);
  const active = await readValue(key, activeImportSchema);
  if (active?.jobId === job.jobId) await deleteValue(key);
}

/**
 * Milliseconds this invocation may still work: the platform's remaining time when it says, else
 * the consumer limit from the start. `MSP_IMPORT_TIME_BUDGET_MS` (a Forge environment variable)
 * can shorten it, e.g. to exercise hand-over without waiting 15 minutes.
 */
export function timeLeftMs(startedAt: number): number {
  const elapsed = Date.now() - startedAt;
  const budget = Number(process.env.MSP_IMPORT_TIME_BUDGET_MS);
  const fromBudget = Number.isFinite(budget) && budget > 0 ? budget - elapsed : Number.POSITIVE_INFINITY;
  const fromPlatform = invocationRemainingMs() ?? CONSUMER_LIMIT_MS - elapsed;
  return Math.min(fromBudget, fromPlatform);
}

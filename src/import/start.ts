/**
 * `startImport` and `getImport`: the resolver side of an import. startImport checks the caller,
 * records a job and queues it, answering at once (the work runs in the consumer, which has minutes
 * where a resolver has 25 s). A checklist has at most one running import per project: a second
 * start returns the running job, and re-queues it if its consumer is gone.
 */
import { NotFoundError } from '../../common/errors';
import { randomUUID } from 'node:crypto';
import type { ImportStatus, StartImportResult } from '../../common/contract';
import { requireChecklist } from '../catalogue';
import type { JiraClient } from '../jira';
import { requireProjectPermissions } from '../platform/access';
import type { ProjectCaller } from '../platform/context';
import { activeImportKey } from '../storage/keys';
import { claimValue, deleteValue, readValue } from '../storage/kvs';
import { rememberChecklist } from '../storage/project-state';
import { activeImportSchema } from '../platform/import-active';
import { isStale, loadJob, newJob, saveJob, toStatus, type ImportJob } from '../platform/import-job';
import { refuseWhileSyncRuns } from '../item-map/exclusion';
import { refuseOtherVersionInUse } from './version-guard';
import { enqueueImport } from './worker-support';

/** No such job in this project (or it belongs to another one). */
export class ImportNotFoundError extends NotFoundError {}

/** Attempts at claiming the project's import slot; a lost race means another job now holds it. */
const CLAIM_ATTEMPTS = 3;

export async function startImport(jira: JiraClient, caller: ProjectCaller, checklistId: string): Promise<StartImportResult> {
  const def = await requireChecklist(checklistId);
  await requireProjectPermissions(jira, caller, ['BROWSE_PROJECTS', 'CREATE_ISSUES'], `import the checklist ${def.name}`);
  await refuseOtherVersionInUse(jira, caller.projectKey, def);

  const slot = activeImportKey(caller.projectKey, def.id);
  for (let attempt = 0; attempt < CLAIM_ATTEMPTS; attempt++) {
    const running = await runningJob(slot);
    if (running) {
      if (isStale(running, Date.now())) {
        await saveJob({ ...running, state: 'queued' });
        await enqueueImport({ jobId: running.jobId });
        console.info(`[import] job ${running.jobId}: its consumer was gone; queued again`);
      }
      return { jobId: running.jobId };
    }
    const job = newJob({ jobId: randomUUID(), checklistId: def.id, projectKey: caller.projectKey, projectId: caller.projectId, total: def.items.length, now: new Date() });
    if (!(await claimValue(slot, { jobId: job.jobId }))) continue;
    try {
      await refuseWhileSyncRuns(caller.projectKey, def);
    } catch (error) {
      await deleteValue(slot);
      throw error;
    }
    await saveJob(job);
    await rememberChecklist(caller.projectKey, def.id);
    try {
      await enqueueImport({ jobId: job.jobId });
    } catch (error) {
      await saveJob({ ...job, state: 'failed', error: 'The import could not be queued; try again in a minute.' });
      await deleteValue(slot);
      throw error;
    }
    console.info(`[import] job ${job.jobId}: queued (${def.id}, ${def.items.length} items)`);
    return { jobId: job.jobId };
  }
  throw new Error('Another import of this checklist is starting at the same moment; open the Audit page again to follow it.');
}

export async function getImport(caller: ProjectCaller, jobId: string): Promise<ImportStatus> {
  const job = await loadJob(jobId);
  // A job of another project is reported exactly like a missing one: ids are not a way in.
  if (!job || job.projectKey !== caller.projectKey) {
    throw new ImportNotFoundError(`There is no import ${jobId} in project ${caller.projectKey}. Start the import again from the Audit page.`);
  }
  return toStatus(job);
}

/** The job holding the slot if it is still queued or running; frees a slot left by a finished one. */
async function runningJob(slot: string): Promise<ImportJob | undefined> {
  const active = await readValue(slot, activeImportSchema);
  if (!active) return undefined;
  const job = await loadJob(active.jobId);
  if (job && (job.state === 'queued' || job.state === 'running')) return job;
  await deleteValue(slot);
  return undefined;
}

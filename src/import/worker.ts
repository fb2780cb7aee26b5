/**
 * The import consumer (`import-worker`, queue `import-queue`): turns a checklist into issues for
 * one job, resumable at any point.
 *
 * Exactly one issue per item, whatever happens (lost answers, search lag, a killed consumer): the
 * app's item map (src/item-map) is the truth of what exists. Each bulk create is checkpointed in it
 * before the call and recovered by key if its answer is lost; the worker creates only items the map
 * lacks, and ends with a verification pass that reads by id and key, never through the search
 * index, and closes duplicates by the README's rule. Recorded on the trail as `import.done`. A consumer that dies is re-run by the platform's redelivery, or by a new
 * startImport once its claim (lease) has lapsed; one that is running out of time hands over to a
 * fresh invocation through the queue.
 */
import { randomUUID } from 'node:crypto';
import { findChecklist } from '../catalogue';
import { initialAssessmentProperties, loadInitialResults } from '../catalogue/initial-results';
import { blankEvidenceIssues, chaptersToCreate, importCounts, itemsToCreate, knownChapterKeys, mappedItemCount, pointsFieldChanges } from '../domain/import-plan';
import type { ChecklistDefinition } from '../domain/types';
import { isTransientJiraError, JiraError, JiraUnavailableError, type JiraClient } from '../jira';
import { evidenceFieldId, rememberingEvidenceField } from '../platform/evidence-field-id';
import { writeInitialVerdicts } from '../item-map/initial-verdicts';
import { ItemLedger } from '../item-map/ledger';
import { checklistMap } from '../item-map/model';
import { verifyChecklist, type Verified } from '../item-map/verify';
import { recordDecision } from '../trail/record';
import { jiraClientFor } from '../platform/jira';
import { StoredValueError } from '../storage/kvs';
import { rememberChecklist } from '../storage/project-state';
import { IssueRejectedError, createChapters, createItems } from '../item-map/create-issues';
import { LEASE_MS, loadJob, saveJob, type ImportJob } from '../platform/import-job';
import { clearActiveImport, enqueueImport, markProjectChanged, SetupError, resolveSetup, timeLeftMs } from './worker-support';

export interface ImportEventBody {
  jobId: string;
  /** Set on a planned continuation: the job's `handoffs` count when it was queued. */
  handoff?: number;
}

/** Create-then-verify rounds before the job gives up for now (an issue deleted during the import costs one). */
const VERIFY_PASSES = 3;
/** Hand over when less than this is left: enough for one slow chunk and the checkpoint. */
const HANDOFF_MARGIN_MS = 90_000;
/** Re-queues after persistent rate limiting or outages before the job gives up. */
const MAX_TRANSIENT_FAILURES = 5;
/** Platform redeliveries of an unexpected error before the job is marked failed. */
const MAX_UNEXPECTED_RETRIES = 3;

export async function runImportJob(body: ImportEventBody, retryCount: number): Promise<void> {
  const startedAt = Date.now();
  let job = await loadJob(body.jobId);
  if (!job || job.state === 'done' || job.state === 'failed') return;

  const owner = randomUUID();
  const planned = body.handoff !== undefined && body.handoff === job.handoffs;
  if (job.lease && job.lease.until > Date.now() && retryCount === 0 && !planned) {
    console.info(`[import] job ${job.jobId}: another invocation holds it; this event is a duplicate`);
    return;
  }
  job = await saveJob({ ...job, state: 'running', lease: { owner, until: Date.now() + LEASE_MS } });
  console.info(`[import] job ${job.jobId}: ${retryCount > 0 ? `resumed after a failed delivery (retry ${retryCount})` : planned ? 'continued' : 'started'}`);

  try {
    const def = await findChecklist(job.checklistId);
    if (!def) throw new SetupError(`Checklist ${job.checklistId} no longer exists; nothing more was imported.`);
    await importChecklist(jiraClientFor('async'), def, job, startedAt);
  } catch (error) {
    await handleFailure(job.jobId, error, retryCount);
  }
}

async function importChecklist(jira: JiraClient, def: ChecklistDefinition, initial: ImportJob, startedAt: number): Promise<void> {
  let job = initial;
  const save = async (changes: Partial<ImportJob>): Promise<void> => {
    job = await saveJob({ ...job, ...changes, lease: { owner: job.lease?.owner ?? '', until: Date.now() + LEASE_MS } });
  };

  // The field list resolveSetup reads also gives the evidence field's id: remembered for the rollup.
  const setup = job.setup ?? (await resolveSetup(rememberingEvidenceField(jira), job.projectKey));
  if (!job.setup) await save({ setup });

  // The item map is the truth of what exists (it settles a bulk call a killed run left unanswered).
  const ledger = await ItemLedger.open(jira, job.projectKey, def.framework, def.id);
  const mapped = checklistMap(ledger.map, def.id);
  if (job.startKeyNumber === undefined) await save({ startKeyNumber: await ledger.lastKeyNumber() });
  const mappedCount = (): number => mappedItemCount(def, mapped.items);
  if (job.existingAtStart === undefined) await save({ existingAtStart: mappedCount(), existing: mappedCount() });

  const chapterKeys = knownChapterKeys(job.chapterKeys, [...mapped.chapters].map(([chapterId, chapter]) => [chapterId, chapter.key] as const));
  if (setup.epicTypeId !== undefined) {
    const missing = chaptersToCreate(def, chapterKeys);
    Object.assign(chapterKeys, await createChapters({ jira, def, projectKey: job.projectKey, ledger, epicTypeId: setup.epicTypeId, chapters: missing }));
  }
  await save({ chapterKeys, created: mappedCount() - (job.existingAtStart ?? 0) });

  // A custom checklist's own answers (`Met?`) become the new issues' assessments, in the same bulk calls.
  const answers = await loadInitialResults(def);
  // Short budgets (an env override) get a proportionate margin; every invocation makes progress.
  const margin = Math.min(HANDOFF_MARGIN_MS, timeLeftMs(startedAt) * 0.2);
  let chunksSent = 0;
  let lostClaim = false;
  const shouldStop = async (): Promise<boolean> => {
    if (chunksSent++ === 0) return false;
    // A slow chunk can outlast the claim; if another invocation took the job over, stop writing.
    const current = await loadJob(job.jobId);
    lostClaim = current?.lease?.owner !== job.lease?.owner;
    return lostClaim || timeLeftMs(startedAt) < margin;
  };
  const fieldId = await evidenceFieldId(jira);
  let verified: Verified | undefined;
  for (let pass = 0; pass < VERIFY_PASSES; pass++) {
    const completed = await createItems({
      jira,
      def,
      projectKey: job.projectKey,
      ledger,
      issueTypeId: setup.itemTypeId,
      chapterKeys,
      items: itemsToCreate(def, mapped.items),
      shouldStop,
      extraProperties: initialAssessmentProperties(answers),
      onChunk: async () => {
        await save({ created: mappedCount() - (job.existingAtStart ?? 0) });
      },
    });
    if (lostClaim) {
      console.warn(`[import] job ${job.jobId}: another invocation took the job over; this one stops`);
      return;
    }
    if (!completed) {
      await handOff(job);
      return;
    }
    verified = await verifyChecklist(jira, ledger, def, {
      fromKeyNumber: job.startKeyNumber ?? 0,
      ...(setup.pointsFieldId !== undefined ? { fields: [setup.pointsFieldId] } : {}),
      ...(fieldId !== undefined ? { evidenceFieldId: fieldId } : {}),
    });
    // Issues gone since the job started (deleted, moved away) were not "already there": count true.
    if (verified.dropped.length > 0) await save({ existingAtStart: Math.max(0, (job.existingAtStart ?? 0) - verified.dropped.length) });
    if (verified.missing.length === 0) break;
  }
  if (!verified || verified.missing.length > 0) throw new JiraUnavailableError({ operation: 'verifyImport', status: 0, errorMessages: ['Some items still have no issue after verification.'], errors: {} });

  if (setup.pointsFieldId !== undefined) {
    const values = pointsFieldChanges(def, verified.issues, setup.pointsFieldId);
    if (values.length > 0) await jira.setAppFieldValues({ fieldId: setup.pointsFieldId, values });
  }
  // A custom checklist's own answers count only once the app wrote them into its own field: after
  // the verification read, into every item issue whose field is still empty (a resumed or repeated
  // job writes only what is missing and never overwrites what the team has since recorded).
  if (fieldId !== undefined) {
    await writeInitialVerdicts(jira, blankEvidenceIssues(verified.issues, fieldId), answers);
  }

  const { lease: _lease, ...rest } = job;
  job = await saveJob({ ...rest, state: 'done', ...importCounts(def, job.existingAtStart) });
  await clearActiveImport(job);
  // Again at the end: startImport's read-modify-write of the list can lose an id to a concurrent start.
  await rememberChecklist(job.projectKey, def.id);
  await markProjectChanged(job.projectKey);
  await recordDecision({
    projectKey: job.projectKey,
    actor: 'app',
    action: 'import.done',
    checklistId: def.id,
    after: { created: job.created, existing: job.existing, total: job.total, duplicatesClosed: verified.duplicatesClosed },
  });
  console.info(`[import] job ${job.jobId}: done (${job.created} created, ${job.existing} already there, ${job.total} items)`);
}

/** Queues a continuation and lets this invocation end before its time limit. */
async function handOff(job: ImportJob): Promise<void> {
  const handoffs = job.handoffs + 1;
  const { lease: _lease, ...rest } = job;
  await saveJob({ ...rest, handoffs });
  await enqueueImport({ jobId: job.jobId, handoff: handoffs });
  console.info(`[import] job ${job.jobId}: handed over to a new invocation (${handoffs})`);
}

async function handleFailure(jobId: string, error: unknown, retryCount: number): Promise<void> {
  const job = await loadJob(jobId);
  if (!job) throw error;
  if (isTransientJiraError(error) && job.transientFailures < MAX_TRANSIENT_FAILURES) {
    const transientFailures = job.transientFailures + 1;
    const { lease: _lease, ...rest } = job;
    await saveJob({ ...rest, transientFailures });
    await enqueueImport({ jobId }, Math.min(300, 30 * 2 ** (transientFailures - 1)));
    console.warn(`[import] job ${jobId}: Jira unavailable or rate limiting (${(error as Error).name}); re-queued (${transientFailures})`);
    return;
  }
  const known = error instanceof JiraError || error instanceof IssueRejectedError || error instanceof SetupError || error instanceof StoredValueError;
  if (!known && retryCount < MAX_UNEXPECTED_RETRIES) throw error; // the platform redelivers the event
  const message = known
    ? (error as Error).message
    : 'The import stopped on an unexpected error. Start it again: items already created are kept and never duplicated.';
  const { lease: _lease, ...rest } = job;
  const failedJob = await saveJob({ ...rest, state: 'failed', error: message, failed: Math.max(0, job.total - job.existing - job.created) });
  await clearActiveImport(failedJob);
  await markProjectChanged(job.projectKey);
  console.warn(`[import] job ${jobId}: failed (${error instanceof Error ? error.name : 'error'})`);
}

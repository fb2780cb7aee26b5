/**
 * Entry points only (manifest.yml names them): the resolver handler for the Custom UI, the import
 * queue consumer, the issue trigger, the daily score-history run and the Done gate (workflow validator). Each use case lives in its own folder.
 */
import { buildResolver } from './resolvers/definitions';
import { importWorkerHandler } from './import/handler';
import { issueTriggerHandler } from './rollup/trigger';
import { dailyScoreHandler } from './audit-day/daily';
import { remindersHandler } from './plan/reminders';
import { validateDoneTransition } from './gate/validate';

export const resolverHandler = buildResolver().getDefinitions();
export const importWorker = importWorkerHandler;
export const issueTrigger = issueTriggerHandler;
export const scoreHistory = dailyScoreHandler;
export const auditReminders = remindersHandler;
/** `jira:workflowValidator` audit-done-gate: `{ issue: { key }, configuration, transition }` → `{ result, errorMessage? }`. */
export const doneGate = (args: unknown) => validateDoneTransition(args);

/**
 * Jira's asynchronous bulk writes, as far as the app uses them:
 * - `POST /issue/properties/multi` (≤ 100 issues, ≤ 10 properties each; Browse and Edit issues on
 *   each): answers 303 with `location` → `GET /task/{taskId}` (TaskProgressBeanObject; creator or
 *   Jira admin). Non-transactional: an issue that cannot be written is left out and named in the
 *   task's `result`.
 * - `POST /bulk/issues/fields` (≤ 1,000 issues; global Make bulk changes, Browse and Edit issues):
 *   answers 201 `{taskId}` → `GET /bulk/queue/{taskId}` (BulkOperationProgress). Only the labels
 *   field (`labelsFields`, ADD / REMOVE / REPLACE / REMOVE_ALL) is emulated.
 * The work is done when the request is accepted; the task then reports COMPLETE (Jira may take a
 * while: clients must poll, and do).
 */
import type { Router, RouteContext, RouteResult } from '../http/router';
import { fail } from '../http/errors';
import { bodyObject, isRecord } from '../http/params';
import { checkProperty } from '../issues/properties';
import { applyChanges, changeEvent } from '../issues/mutate';
import type { IssueRecord } from '../state/model';

export const PROPERTIES_MULTI_ISSUES = 100;
export const PROPERTIES_MULTI_PER_ISSUE = 10;
export const BULK_EDIT_ISSUES = 1000;

interface Task {
  id: string;
  kind: 'properties' | 'bulk-edit';
  submittedBy: string;
  at: number;
  processed: string[];
  failed: Record<string, string[]>;
  invalid: number;
}

/** Tasks live as long as the emulator process (Jira keeps them 14 days). */
const tasks = new Map<string, Task>();
let nextTaskId = 10000;

function newTask(ctx: RouteContext, kind: Task['kind']): Task {
  const task: Task = { id: String(nextTaskId++), kind, submittedBy: ctx.actor.accountId, at: Date.now(), processed: [], failed: {}, invalid: 0 };
  tasks.set(task.id, task);
  return task;
}

function editable(ctx: RouteContext, issue: IssueRecord | undefined): issue is IssueRecord {
  return issue !== undefined && ctx.store.canSeeIssue(ctx.actor, issue) && ctx.store.can(ctx.actor, 'EDIT_ISSUES', ctx.store.projectById(issue.projectId));
}

function setPropertiesMulti(ctx: RouteContext): RouteResult {
  const body = bodyObject(ctx.req.body);
  if (!Array.isArray(body.issues) || body.issues.length === 0) fail(400, 'issues must list at least one issue and its properties.');
  if (body.issues.length > PROPERTIES_MULTI_ISSUES) fail(400, `At most ${PROPERTIES_MULTI_ISSUES} issues can be updated in one request.`);
  const writes: { issue: IssueRecord | undefined; id: string; properties: [string, unknown][] }[] = [];
  for (const entry of body.issues as unknown[]) {
    if (!isRecord(entry) || typeof entry.issueID !== 'number' || !isRecord(entry.properties)) fail(400, 'Each entry needs an issueID (number) and a properties object.');
    const properties = Object.entries(entry.properties);
    if (properties.length === 0 || properties.length > PROPERTIES_MULTI_PER_ISSUE) fail(400, `Each issue takes 1 to ${PROPERTIES_MULTI_PER_ISSUE} properties.`);
    for (const [key, value] of properties) {
      const problem = checkProperty(key, value);
      if (problem) fail(400, problem);
    }
    writes.push({ issue: ctx.store.issueById(String(entry.issueID)), id: String(entry.issueID), properties });
  }
  const task = newTask(ctx, 'properties');
  for (const write of writes) {
    if (!editable(ctx, write.issue)) {
      task.failed[write.id] = ['Issue does not exist or you do not have permission to edit it.'];
      continue;
    }
    for (const [key, value] of write.properties) write.issue.properties[key] = structuredClone(value);
    task.processed.push(write.id);
  }
  return { status: 303, headers: { location: ctx.store.url(`/rest/api/3/task/${task.id}`) } };
}

function getTask(ctx: RouteContext): RouteResult {
  const task = tasks.get(ctx.params.taskId ?? '');
  if (!task || task.kind !== 'properties') fail(404, `Task ${ctx.params.taskId ?? ''} does not exist.`);
  if (task.submittedBy !== ctx.actor.accountId && !ctx.store.canGlobal(ctx.actor, 'ADMINISTER')) fail(403, 'You are not the creator of this task.');
  return {
    status: 200,
    body: {
      self: ctx.store.url(`/rest/api/3/task/${task.id}`),
      id: task.id,
      description: 'Set issue properties',
      status: 'COMPLETE',
      result: { processed: task.processed.map(Number), failed: task.failed },
      submittedBy: 0,
      progress: 100,
      elapsedRuntime: 1,
      submitted: task.at,
      started: task.at,
      finished: task.at,
      lastUpdate: task.at,
    },
  };
}

function labelsOf(raw: unknown): { option: string; labels: string[] } {
  const fields = isRecord(raw) && Array.isArray(raw.labelsFields) ? raw.labelsFields : [];
  const first = fields[0] as unknown;
  if (!isRecord(first) || typeof first.bulkEditMultiSelectFieldOption !== 'string' || !Array.isArray(first.labels)) fail(400, 'editedFieldsInput.labelsFields must give an option and labels.');
  const labels = first.labels.map((label: unknown) => (isRecord(label) && typeof label.name === 'string' ? label.name : fail(400, 'Each label needs a name.')));
  if (!['ADD', 'REMOVE', 'REPLACE', 'REMOVE_ALL'].includes(first.bulkEditMultiSelectFieldOption)) fail(400, 'bulkEditMultiSelectFieldOption must be ADD, REMOVE, REPLACE or REMOVE_ALL.');
  return { option: first.bulkEditMultiSelectFieldOption, labels };
}

function bulkEditFields(ctx: RouteContext): RouteResult {
  const body = bodyObject(ctx.req.body);
  // The description declares no 403 here; the emulator answers one, in Jira's usual error shape.
  if (!ctx.store.canGlobal(ctx.actor, 'BULK_CHANGE')) fail(403, 'You do not have the Make bulk changes global permission.');
  const refs = Array.isArray(body.selectedIssueIdsOrKeys) ? body.selectedIssueIdsOrKeys.filter((ref): ref is string => typeof ref === 'string') : [];
  const actions = Array.isArray(body.selectedActions) ? body.selectedActions : [];
  if (refs.length === 0) return { status: 400, body: { errors: [{ message: 'selectedIssueIdsOrKeys must list at least one issue.' }] } };
  if (refs.length > BULK_EDIT_ISSUES) return { status: 400, body: { errors: [{ message: `At most ${BULK_EDIT_ISSUES} issues can be edited in one request.` }] } };
  if (actions.length !== 1 || actions[0] !== 'labels') return { status: 400, body: { errors: [{ message: 'The local Jira emulator bulk-edits the labels field only.' }] } };
  const { option, labels } = labelsOf(body.editedFieldsInput);
  const task = newTask(ctx, 'bulk-edit');
  for (const ref of refs) {
    const issue = ctx.store.issue(ref);
    if (!editable(ctx, issue)) {
      task.invalid += 1;
      continue;
    }
    const next =
      option === 'ADD' ? [...new Set([...issue.labels, ...labels])] : option === 'REMOVE' ? issue.labels.filter((label) => !labels.includes(label)) : option === 'REPLACE' ? [...labels] : [];
    const items = applyChanges(ctx.store, issue, { labels: next, customFields: {} });
    if (items.length > 0) ctx.emit(changeEvent(ctx.store, issue, 'updated', items, ctx.actor.accountId, ctx.req.origin));
    task.processed.push(issue.id);
  }
  return { status: 201, body: { taskId: task.id } };
}

function bulkQueue(ctx: RouteContext): RouteResult {
  const task = tasks.get(ctx.params.taskId ?? '');
  if (!task || task.kind !== 'bulk-edit' || task.submittedBy !== ctx.actor.accountId) return { status: 400, body: { errors: [{ message: `No bulk operation ${ctx.params.taskId ?? ''} of yours.` }] } };
  const at = new Date(task.at).toISOString();
  return {
    status: 200,
    body: {
      taskId: task.id,
      status: 'COMPLETE',
      progressPercent: 100,
      processedAccessibleIssues: task.processed.map(Number),
      failedAccessibleIssues: {},
      invalidOrInaccessibleIssueCount: task.invalid,
      totalIssueCount: task.processed.length + task.invalid,
      submittedBy: { accountId: task.submittedBy },
      created: at,
      started: at,
      updated: at,
    },
  };
}

export function registerBulkRoutes(router: Router): void {
  router
    .post('/rest/api/3/issue/properties/multi', setPropertiesMulti)
    .get('/rest/api/3/task/:taskId', getTask)
    .post('/rest/api/3/bulk/issues/fields', bulkEditFields)
    .get('/rest/api/3/bulk/queue/:taskId', bulkQueue);
}

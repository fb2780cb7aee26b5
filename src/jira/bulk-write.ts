/**
 * Jira's bulk writes for many issues at once, both asynchronous (a task to poll):
 * - `POST /rest/api/3/issue/properties/multi`: entity properties, ≤ 100 issues a call, each its own
 *   values; answered 303 to `/rest/api/3/task/{taskId}` (a client that follows the redirect gets
 *   the task itself). Non-transactional: the task's result names what failed.
 * - `POST /rest/api/3/bulk/issues/fields`: one field edit (here labels) on ≤ 1,000 issues; answered
 *   201 `{taskId}`, polled at `/rest/api/3/bulk/queue/{taskId}`. Needs the global Make bulk changes
 *   permission: without it Jira answers 401/403 and {@link bulkEditLabels} returns false, so the
 *   caller edits one issue at a time.
 * Both are idempotent, so a 5xx is retried like any read.
 */
import { route } from '@forge/api';
import { z } from 'zod';
import { product } from './actor';
import { JiraError, JiraResponseError, JiraUnavailableError } from './errors';
import { jsonBody, readBody, type JiraHttp } from './http';

export const PROPERTIES_MULTI_MAX = 100;
export const BULK_EDIT_MAX = 1000;
/** Polls of a task before the app gives up on it for now (Jira keeps working; a re-run writes again). */
const MAX_POLLS = 30;

const taskSchema = z.looseObject({ id: z.string(), status: z.string(), result: z.unknown().optional() });
const queueSchema = z.looseObject({ taskId: z.string().optional(), status: z.string(), invalidOrInaccessibleIssueCount: z.number().optional(), failedAccessibleIssues: z.record(z.string(), z.unknown()).optional() });
const FINISHED = new Set(['COMPLETE', 'FAILED', 'CANCELLED', 'DEAD']);

/** Sets properties on many issues (by id), 100 a call; resolves when Jira's tasks completed. Returns the calls made. */
export async function setIssuePropertiesBulk(http: JiraHttp, args: { issues: readonly { issueId: string; properties: Record<string, unknown> }[] }): Promise<number> {
  let calls = 0;
  for (let start = 0; start < args.issues.length; start += PROPERTIES_MULTI_MAX) {
    const request = { issues: args.issues.slice(start, start + PROPERTIES_MULTI_MAX).map((issue) => ({ issueID: Number(issue.issueId), properties: issue.properties })) };
    const response = await http.send('setIssuePropertiesBulk', () => product('app').requestJira(route`/rest/api/3/issue/properties/multi`, { method: 'POST', ...jsonBody(request) }), [303]);
    calls += 1;
    let task = response.status === 303 ? undefined : taskSchema.safeParse(await readBody(response)).data;
    const taskId = task?.id ?? /\/task\/([^/?#]+)/.exec(response.headers.get('location') ?? '')?.[1];
    if (taskId === undefined) throw new JiraResponseError({ operation: 'setIssuePropertiesBulk', status: response.status, errorMessages: [], errors: {} }, 'Jira did not say which task sets the properties.');
    for (let poll = 0; !task || !FINISHED.has(task.status); poll++) {
      if (poll >= MAX_POLLS) throw new JiraUnavailableError({ operation: 'setIssuePropertiesBulk', status: 0, errorMessages: [`Task ${taskId} is still running.`], errors: {} });
      if (poll > 0) await http.pause(1);
      ({ body: task } = await http.json('getTask', () => product('app').requestJira(route`/rest/api/3/task/${taskId}`), taskSchema));
      calls += 1;
    }
    if (task.status !== 'COMPLETE') throw new JiraUnavailableError({ operation: 'setIssuePropertiesBulk', status: 0, errorMessages: [`Task ${taskId} ended ${task.status}.`], errors: {} });
    const failed = (task.result as { failed?: Record<string, unknown> } | undefined)?.failed;
    if (failed && Object.keys(failed).length > 0) {
      throw new JiraError({ operation: 'setIssuePropertiesBulk', status: 0, errorMessages: [`Jira could not set properties on issue(s) ${Object.keys(failed).join(', ')}.`], errors: {} });
    }
  }
  return calls;
}

/**
 * Adds or removes one label on many issues (ids or keys), 1,000 a call. Returns the calls made, or
 * false when the app may not make bulk changes on this site (nothing was changed).
 */
export async function bulkEditLabels(http: JiraHttp, args: { issueIdsOrKeys: readonly string[]; option: 'ADD' | 'REMOVE'; label: string }): Promise<number | false> {
  let calls = 0;
  for (let start = 0; start < args.issueIdsOrKeys.length; start += BULK_EDIT_MAX) {
    const request = {
      selectedActions: ['labels'],
      selectedIssueIdsOrKeys: args.issueIdsOrKeys.slice(start, start + BULK_EDIT_MAX),
      editedFieldsInput: { labelsFields: [{ fieldId: 'labels', bulkEditMultiSelectFieldOption: args.option, labels: [{ name: args.label }] }] },
      sendBulkNotification: false,
    };
    const response = await http.send('bulkEditFields', () => product('app').requestJira(route`/rest/api/3/bulk/issues/fields`, { method: 'POST', ...jsonBody(request) }), [401, 403]);
    calls += 1;
    if (response.status === 401 || response.status === 403) {
      if (start === 0) return false;
      throw new JiraError({ operation: 'bulkEditFields', status: response.status, errorMessages: ['Bulk changes were refused part-way.'], errors: {} });
    }
    const taskId = z.looseObject({ taskId: z.string() }).safeParse(await readBody(response)).data?.taskId;
    if (taskId === undefined) throw new JiraResponseError({ operation: 'bulkEditFields', status: response.status, errorMessages: [], errors: {} }, 'Jira did not say which task edits the issues.');
    for (let poll = 0; ; poll++) {
      if (poll >= MAX_POLLS) throw new JiraUnavailableError({ operation: 'bulkEditFields', status: 0, errorMessages: [`Bulk edit ${taskId} is still running.`], errors: {} });
      if (poll > 0) await http.pause(1);
      const { body } = await http.json('getBulkEditProgress', () => product('app').requestJira(route`/rest/api/3/bulk/queue/${taskId}`), queueSchema);
      calls += 1;
      if (!FINISHED.has(body.status)) continue;
      if (body.status !== 'COMPLETE') throw new JiraUnavailableError({ operation: 'bulkEditFields', status: 0, errorMessages: [`Bulk edit ${taskId} ended ${body.status}.`], errors: {} });
      break;
    }
  }
  return calls;
}

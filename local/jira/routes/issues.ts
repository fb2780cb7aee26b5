/**
 * Issues: create, bulk create (the 50-issue cap, partial failures), read, edit, delete.
 */
import type { Router, RouteContext, RouteResult } from '../http/router';
import { JiraError, errorCollection, fail, messages } from '../http/errors';
import { bodyObject, queryBool, queryList } from '../http/params';
import { validateCreate, validateEdit } from '../issues/validate';
import { applyChanges, changeEvent, createIssueRecord } from '../issues/mutate';
import { renderIssue } from '../render/issue';
import type { IssueRecord } from '../state/model';

export const BULK_CREATE_LIMIT = 50;

function createOne(ctx: RouteContext, input: unknown): IssueRecord {
  const { store, actor, req } = ctx;
  const valid = validateCreate(store, actor, input);
  const issue = createIssueRecord(store, valid.project, valid.issueTypeId, valid.changes, actor.accountId);
  for (const p of valid.properties) issue.properties[p.key] = p.value;
  ctx.emit(changeEvent(store, issue, 'created', null, actor.accountId, req.origin));
  return issue;
}

function created(ctx: RouteContext, issue: IssueRecord): { id: string; key: string; self: string } {
  return { id: issue.id, key: issue.key, self: ctx.store.url(`/rest/api/3/issue/${issue.id}`) };
}

export function visibleIssueOr404(ctx: RouteContext): IssueRecord {
  const issue = ctx.store.visibleIssue(ctx.actor, ctx.params.issueIdOrKey ?? '');
  if (!issue) fail(404, messages.issueNotFound);
  return issue;
}

function createIssue(ctx: RouteContext): RouteResult {
  const issue = createOne(ctx, bodyObject(ctx.req.body));
  return { status: 201, body: created(ctx, issue) };
}

function bulkCreate(ctx: RouteContext): RouteResult {
  const body = bodyObject(ctx.req.body);
  if (!Array.isArray(body.issueUpdates)) fail(400, messages.invalidPayload);
  const updates = body.issueUpdates as unknown[];
  if (updates.length > BULK_CREATE_LIMIT) {
    // Nothing is created; the answer keeps the bulk shape, pointing at the first element over the cap.
    const message = `Bulk create accepts at most ${BULK_CREATE_LIMIT} issues in one request; this request has ${updates.length}. Split it into batches of ${BULK_CREATE_LIMIT}.`;
    return { status: 400, body: { issues: [], errors: [{ status: 400, elementErrors: errorCollection([message]), failedElementNumber: BULK_CREATE_LIMIT }] } };
  }
  const issues: ReturnType<typeof created>[] = [];
  const errors: { status: number; elementErrors: unknown; failedElementNumber: number }[] = [];
  updates.forEach((element, index) => {
    try {
      issues.push(created(ctx, createOne(ctx, element)));
    } catch (err) {
      if (!(err instanceof JiraError)) throw err;
      errors.push({ status: err.status, elementErrors: err.body, failedElementNumber: index });
    }
  });
  return { status: issues.length > 0 ? 201 : 400, body: { issues, errors } };
}

function getIssue(ctx: RouteContext): RouteResult {
  const issue = visibleIssueOr404(ctx);
  const q = ctx.req.query;
  return {
    status: 200,
    body: renderIssue(ctx.store, issue, { fields: queryList(q, 'fields'), defaultFields: ['*all'], properties: queryList(q, 'properties') }),
  };
}

/**
 * `overrideEditableFlag` / `overrideScreenSecurity`: only for Connect and Forge app users with
 * Administer Jira, and Forge apps acting for such users (the OpenAPI description); anyone else gets
 * 403. A person editing through REST can never use them, so a read-only app field stays read-only.
 */
function overrideGranted(ctx: RouteContext): boolean {
  const asked = queryBool(ctx.req.query, 'overrideEditableFlag', false) || queryBool(ctx.req.query, 'overrideScreenSecurity', false);
  if (!asked) return false;
  if (ctx.req.origin !== 'app' || !ctx.store.canGlobal(ctx.actor, 'ADMINISTER')) {
    fail(403, 'Overriding screen security or the editable flag is only available to Connect and Forge app users with the Administer Jira global permission, and to Forge apps acting on behalf of such users.');
  }
  return queryBool(ctx.req.query, 'overrideEditableFlag', false);
}

function editIssue(ctx: RouteContext): RouteResult {
  const issue = visibleIssueOr404(ctx);
  const { store, actor, req } = ctx;
  const overrideEditable = overrideGranted(ctx);
  const changes = validateEdit(store, actor, issue, bodyObject(req.body), { overrideEditable });
  const items = applyChanges(store, issue, changes);
  if (items.length > 0) ctx.emit(changeEvent(store, issue, 'updated', items, actor.accountId, req.origin));
  // notifyUsers only controls e-mail, which the emulator never sends; accepted and ignored.
  if (queryBool(req.query, 'returnIssue', false)) {
    return { status: 200, body: renderIssue(store, issue, { defaultFields: ['*all'] }) };
  }
  return { status: 204 };
}

function deleteIssue(ctx: RouteContext): RouteResult {
  const issue = visibleIssueOr404(ctx);
  const { store, actor, req } = ctx;
  if (!store.can(actor, 'DELETE_ISSUES', store.projectById(issue.projectId))) {
    fail(403, 'You do not have permission to delete issues in this project.');
  }
  const level = store.issueType(issue.issueTypeId).hierarchyLevel;
  const subtasks = store.children(issue).filter((c) => store.issueType(c.issueTypeId).hierarchyLevel < 0 && level >= 0);
  if (subtasks.length > 0 && !queryBool(req.query, 'deleteSubtasks', false)) {
    fail(400, `The issue '${issue.key}' has subtasks. To delete it, set deleteSubtasks=true.`);
  }
  const removed = new Set([issue.id, ...subtasks.map((s) => s.id)]);
  store.state.issues = store.state.issues.filter((i) => !removed.has(i.id));
  for (const other of store.state.issues) if (other.parentId && removed.has(other.parentId)) other.parentId = null;
  store.replace(store.state);
  return { status: 204 };
}

export function registerIssueRoutes(router: Router): void {
  router
    .post('/rest/api/3/issue', createIssue)
    .post('/rest/api/3/issue/bulk', bulkCreate)
    .get('/rest/api/3/issue/:issueIdOrKey', getIssue)
    .put('/rest/api/3/issue/:issueIdOrKey', editIssue)
    .delete('/rest/api/3/issue/:issueIdOrKey', deleteIssue);
}

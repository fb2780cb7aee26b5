/**
 * Fields: the field list (system fields plus the manifest's Forge fields) and the app-only value
 * endpoints, which are how a read-only app field (audit points) gets its values.
 */
import type { Router, RouteContext, RouteResult } from '../http/router';
import { JiraError, errorCollection, fail } from '../http/errors';
import { bodyObject, isRecord, queryBool } from '../http/params';
import { renderFieldList } from '../render/fields';
import { checkCustomValue } from '../issues/custom-values';
import { applyChanges, changeEvent } from '../issues/mutate';
import type { CustomFieldRecord, IssueRecord } from '../state/model';

function getFields(ctx: RouteContext): RouteResult {
  return { status: 200, body: renderFieldList(ctx.store) };
}

interface PlannedUpdate {
  field: CustomFieldRecord;
  issues: IssueRecord[];
  value: unknown;
}

/**
 * Only the app that declares a field may write its value here (Jira: 403 "not authenticated as the
 * app that provided the field"). The app is the Forge runtime's own calls (origin `app`); a request
 * from outside naming the app's account (`X-Account-Id: app`) is a person, not the app.
 */
function requireApp(ctx: RouteContext): void {
  if (ctx.actor.accountType !== 'app' || ctx.req.origin !== 'app') {
    fail(403, 'Only the app that provides the custom field can update its value. Call this as the app (asApp()).');
  }
}

/** Checks every update before writing any, so a bad element leaves all issues untouched. */
function plan(ctx: RouteContext, fieldRef: string, issueIds: unknown, value: unknown): PlannedUpdate {
  const field = ctx.store.customField(fieldRef);
  if (!field) fail(404, `The custom field '${fieldRef}' was not found.`);
  if (!Array.isArray(issueIds) || issueIds.length === 0) fail(400, 'issueIds must list at least one issue id.');
  const issues = issueIds.map((raw) => {
    const issue = ctx.store.issueById(String(raw));
    if (!issue) fail(400, `The issue with id '${String(raw)}' does not exist.`);
    return issue;
  });
  if (value === undefined) fail(400, `A value (or null) is required for field '${field.id}'.`);
  const err = checkCustomValue(field, value);
  if (err) throw new JiraError(400, errorCollection([], { [field.id]: err }));
  return { field, issues, value };
}

function apply(ctx: RouteContext, updates: PlannedUpdate[]): RouteResult {
  const { store, actor, req } = ctx;
  const generateEvents = queryBool(req.query, 'generateAppEvents', true);
  const withChangelog = queryBool(req.query, 'generateChangelog', true);
  const changed = new Map<string, { issue: IssueRecord; items: ReturnType<typeof applyChanges> }>();
  for (const u of updates) {
    for (const issue of u.issues) {
      const items = applyChanges(store, issue, { customFields: { [u.field.id]: structuredClone(u.value) } });
      if (items.length === 0) continue;
      const entry = changed.get(issue.id) ?? { issue, items: [] };
      entry.items.push(...items);
      changed.set(issue.id, entry);
    }
  }
  for (const { issue, items } of changed.values()) {
    ctx.emit(changeEvent(store, issue, 'updated', withChangelog ? items : [], actor.accountId, req.origin, generateEvents));
  }
  return { status: 204 };
}

function setMultipleValues(ctx: RouteContext): RouteResult {
  requireApp(ctx);
  const body = bodyObject(ctx.req.body);
  if (!Array.isArray(body.updates)) fail(400, 'updates must be an array of {customField, issueIds, value}.');
  const planned = body.updates.map((u) => {
    if (!isRecord(u) || typeof u.customField !== 'string') fail(400, 'Each update needs customField, issueIds and value.');
    return plan(ctx, u.customField, u.issueIds, u.value);
  });
  return apply(ctx, planned);
}

function setFieldValue(ctx: RouteContext): RouteResult {
  requireApp(ctx);
  const body = bodyObject(ctx.req.body);
  if (!Array.isArray(body.updates)) fail(400, 'updates must be an array of {issueIds, value}.');
  const fieldRef = ctx.params.fieldIdOrKey ?? '';
  const planned = body.updates.map((u) => {
    if (!isRecord(u)) fail(400, 'Each update needs issueIds and value.');
    return plan(ctx, fieldRef, u.issueIds, u.value);
  });
  return apply(ctx, planned);
}

export function registerFieldRoutes(router: Router): void {
  router
    .get('/rest/api/3/field', getFields)
    .post('/rest/api/3/app/field/value', setMultipleValues)
    .put('/rest/api/3/app/field/:fieldIdOrKey/value', setFieldValue);
}

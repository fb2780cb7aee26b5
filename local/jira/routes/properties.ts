/**
 * Issue entity properties: list keys, read, set (201 created / 200 updated), delete. Writes need
 * Edit Issues, as in Jira.
 */
import type { Router, RouteContext, RouteResult } from '../http/router';
import { fail } from '../http/errors';
import { checkProperty } from '../issues/properties';
import { visibleIssueOr404 } from './issues';

function listKeys(ctx: RouteContext): RouteResult {
  const issue = visibleIssueOr404(ctx);
  const keys = Object.keys(issue.properties).map((key) => ({
    key,
    self: ctx.store.url(`/rest/api/3/issue/${issue.id}/properties/${encodeURIComponent(key)}`),
  }));
  return { status: 200, body: { keys } };
}

function propertyKey(ctx: RouteContext): string {
  return ctx.params.propertyKey ?? '';
}

function notFound(ctx: RouteContext, issueKey: string): never {
  fail(404, `The property with key '${propertyKey(ctx)}' does not exist for issue '${issueKey}'.`);
}

function getProperty(ctx: RouteContext): RouteResult {
  const issue = visibleIssueOr404(ctx);
  const key = propertyKey(ctx);
  if (!(key in issue.properties)) notFound(ctx, issue.key);
  return { status: 200, body: { key, value: structuredClone(issue.properties[key]) } };
}

function canEdit(ctx: RouteContext, projectId: string): boolean {
  return ctx.store.can(ctx.actor, 'EDIT_ISSUES', ctx.store.projectById(projectId));
}

function setProperty(ctx: RouteContext): RouteResult {
  const issue = visibleIssueOr404(ctx);
  if (!canEdit(ctx, issue.projectId)) fail(403, 'You do not have permission to edit this issue.');
  const key = propertyKey(ctx);
  const err = checkProperty(key, ctx.req.body);
  if (err) fail(400, err);
  const existed = key in issue.properties;
  issue.properties[key] = structuredClone(ctx.req.body);
  return { status: existed ? 200 : 201 };
}

function deleteProperty(ctx: RouteContext): RouteResult {
  const issue = visibleIssueOr404(ctx);
  const key = propertyKey(ctx);
  // Jira answers 404 both when the property is missing and when the user may not edit the issue.
  if (!canEdit(ctx, issue.projectId) || !(key in issue.properties)) notFound(ctx, issue.key);
  delete issue.properties[key];
  return { status: 204 };
}

export function registerPropertyRoutes(router: Router): void {
  router
    .get('/rest/api/3/issue/:issueIdOrKey/properties', listKeys)
    .get('/rest/api/3/issue/:issueIdOrKey/properties/:propertyKey', getProperty)
    .put('/rest/api/3/issue/:issueIdOrKey/properties/:propertyKey', setProperty)
    .delete('/rest/api/3/issue/:issueIdOrKey/properties/:propertyKey', deleteProperty);
}

/**
 * Project configuration the app reads: the project, its create metadata (issue types with their
 * hierarchy level), workflow statuses and transitions.
 */
import type { Router, RouteContext, RouteResult } from '../http/router';
import { fail, messages } from '../http/errors';
import { bodyObject, isRecord, parseIntParam, queryString } from '../http/params';
import { RESOLUTIONS, STATUSES } from '../state/catalog';
import type { ProjectRecord } from '../state/model';
import { renderProject, renderStatus } from '../render/entities';
import { applyStatus, changeEvent } from '../issues/mutate';
import { visibleIssueOr404 } from './issues';

function browsableProject(ctx: RouteContext, idOrKey: string): ProjectRecord {
  const project = ctx.store.project(idOrKey);
  if (!project || !ctx.store.canBrowse(ctx.actor, project)) fail(404, messages.projectNotFound(idOrKey));
  return project;
}

function getProject(ctx: RouteContext): RouteResult {
  return { status: 200, body: renderProject(ctx.store, browsableProject(ctx, ctx.params.projectIdOrKey ?? '')) };
}

function createMetaIssueTypes(ctx: RouteContext): RouteResult {
  const { store, actor, req } = ctx;
  const project = browsableProject(ctx, ctx.params.projectIdOrKey ?? '');
  const startAt = parseIntParam(queryString(req.query, 'startAt'), 'startAt', 0);
  const maxResults = parseIntParam(queryString(req.query, 'maxResults'), 'maxResults', 50);
  if (maxResults > 200) fail(400, "Parameter 'maxResults' must not exceed the limit '200'");
  if (startAt < 0 || maxResults < 0) fail(400, "Parameters 'startAt' and 'maxResults' must not be negative");
  // Create metadata lists only what the user may create.
  const types = store.can(actor, 'CREATE_ISSUES', project) ? store.projectIssueTypes(project) : [];
  const page = types.slice(startAt, startAt + maxResults).map((t) => ({
    self: store.url(`/rest/api/3/issuetype/${t.id}`),
    id: t.id,
    iconUrl: store.url(`/rest/api/2/universal_avatar/view/type/issuetype/avatar/${t.avatarId}?size=medium`),
    name: t.name,
    subtask: t.hierarchyLevel < 0,
    avatarId: t.avatarId,
    hierarchyLevel: t.hierarchyLevel,
  }));
  return { status: 200, body: { maxResults, startAt, total: types.length, issueTypes: page } };
}

function getStatuses(ctx: RouteContext): RouteResult {
  return { status: 200, body: STATUSES.map((s) => renderStatus(ctx.store, s)) };
}

/** `GET /rest/api/3/status/{idOrName}`: one status by id or name (404 when there is none). */
function getStatus(ctx: RouteContext): RouteResult {
  const key = ctx.params.idOrName ?? '';
  const found = STATUSES.find((s) => s.id === key) ?? STATUSES.find((s) => s.name.toLowerCase() === key.toLowerCase());
  if (!found) fail(404, `The status with ID '${key}' was not found.`);
  return { status: 200, body: renderStatus(ctx.store, found) };
}

const CATEGORY_ENUM = { new: 'TODO', indeterminate: 'IN_PROGRESS', done: 'DONE' } as const;

function searchStatuses(ctx: RouteContext): RouteResult {
  const q = ctx.req.query;
  const startAt = parseIntParam(queryString(q, 'startAt'), 'startAt', 0);
  const maxResults = parseIntParam(queryString(q, 'maxResults'), 'maxResults', 200);
  const search = (queryString(q, 'searchString') ?? '').toLowerCase();
  const category = queryString(q, 'statusCategory');
  const all = STATUSES.filter((s) => s.name.toLowerCase().includes(search) && (!category || CATEGORY_ENUM[s.category] === category));
  const values = all.slice(startAt, startAt + maxResults).map((s) => ({ id: s.id, name: s.name, statusCategory: CATEGORY_ENUM[s.category], scope: { type: 'GLOBAL' } }));
  return {
    status: 200,
    body: { self: ctx.store.url(`/rest/api/3/statuses/search?startAt=${startAt}&maxResults=${maxResults}`), maxResults, startAt, total: all.length, isLast: startAt + values.length >= all.length, values },
  };
}

function availableTransitions(ctx: RouteContext, statusId: string, projectId: string): typeof STATUSES {
  // Jira lists only the transitions the user may perform.
  if (!ctx.store.can(ctx.actor, 'TRANSITION_ISSUES', ctx.store.projectById(projectId))) return [];
  return STATUSES.filter((s) => s.id !== statusId);
}

function getTransitions(ctx: RouteContext): RouteResult {
  const issue = visibleIssueOr404(ctx);
  const only = queryString(ctx.req.query, 'transitionId');
  const transitions = availableTransitions(ctx, issue.statusId, issue.projectId)
    .filter((s) => !only || s.transitionId === only)
    .map((s) => ({
      id: s.transitionId,
      name: s.name,
      to: renderStatus(ctx.store, s),
      hasScreen: false,
      isGlobal: true,
      isInitial: false,
      isAvailable: true,
      isConditional: false,
      isLooped: false,
    }));
  return { status: 200, body: { expand: 'transitions', transitions } };
}

function doTransition(ctx: RouteContext): RouteResult {
  const issue = visibleIssueOr404(ctx);
  const body = bodyObject(ctx.req.body);
  const transition = isRecord(body.transition) ? body.transition : {};
  const id = typeof transition.id === 'string' || typeof transition.id === 'number' ? String(transition.id) : '';
  if (!id) fail(400, "Missing 'transition' identifier");
  const target = availableTransitions(ctx, issue.statusId, issue.projectId).find((s) => s.transitionId === id);
  if (!target) fail(400, `Transition id '${id}' is not valid for this issue.`);
  const fields = isRecord(body.fields) ? body.fields : {};
  let resolutionId: string | undefined;
  if (isRecord(fields.resolution)) {
    const r = fields.resolution;
    const res = RESOLUTIONS.find((x) => x.id === r.id || x.name === r.name);
    if (!res) fail(400, 'The resolution selected is invalid.');
    resolutionId = res.id;
  }
  const items = applyStatus(ctx.store, issue, target, resolutionId);
  if (items.length > 0) ctx.emit(changeEvent(ctx.store, issue, 'updated', items, ctx.actor.accountId, ctx.req.origin));
  return { status: 204 };
}

export function registerProjectRoutes(router: Router): void {
  router
    .get('/rest/api/3/project/:projectIdOrKey', getProject)
    .get('/rest/api/3/issue/createmeta/:projectIdOrKey/issuetypes', createMetaIssueTypes)
    .get('/rest/api/3/status', getStatuses)
    .get('/rest/api/3/status/:idOrName', getStatus)
    .get('/rest/api/3/statuses/search', searchStatuses)
    .get('/rest/api/3/issue/:issueIdOrKey/transitions', getTransitions)
    .post('/rest/api/3/issue/:issueIdOrKey/transitions', doTransition);
}

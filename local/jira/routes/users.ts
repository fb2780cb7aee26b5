/**
 * Who is calling and what they may do: myself, user, mypermissions, permissions/check. The app
 * checks a user's permissions here before acting as the app on their behalf.
 */
import type { Router, RouteContext, RouteResult } from '../http/router';
import { JiraError, errorCollection, fail, messages } from '../http/errors';
import { bodyObject, isRecord, parseIntParam, queryString, splitList } from '../http/params';
import { GLOBAL_PERMISSIONS, PROJECT_PERMISSIONS } from '../state/catalog';
import type { ProjectRecord, UserDef } from '../state/model';
import { renderUser } from '../render/entities';

function myself(ctx: RouteContext): RouteResult {
  return { status: 200, body: renderUser(ctx.store, ctx.actor) };
}

function getUser(ctx: RouteContext): RouteResult {
  const accountId = queryString(ctx.req.query, 'accountId');
  if (!accountId) fail(400, 'The accountId query parameter needs to be provided.');
  const user = ctx.store.user(accountId);
  if (!user) fail(404, `Specified user does not exist or you do not have required permissions`);
  return { status: 200, body: renderUser(ctx.store, user) };
}

/**
 * `GET /rest/api/3/user/bulk?accountId=…&accountId=…` (PageBeanUser): the accounts that exist, in
 * the order asked, paged by startAt / maxResults (default 10); unknown ids are left out.
 */
function getUsersBulk(ctx: RouteContext): RouteResult {
  const raw = ctx.req.query.accountId;
  const ids = raw === undefined ? [] : (Array.isArray(raw) ? raw : [raw]).filter((id) => id.length > 0);
  if (ids.length === 0) fail(400, 'The accountId query parameter needs to be provided.');
  if (ids.some((id) => id.length > 128)) fail(400, 'An accountId is at most 128 characters.');
  const startAt = parseIntParam(queryString(ctx.req.query, 'startAt'), 'startAt', 0);
  const maxResults = parseIntParam(queryString(ctx.req.query, 'maxResults'), 'maxResults', 10);
  if (startAt < 0 || maxResults < 0) fail(400, 'startAt and maxResults must be 0 or more.');
  const users = [...new Set(ids)].flatMap((id) => {
    const user = ctx.store.user(id);
    return user ? [user] : [];
  });
  const page = users.slice(startAt, startAt + maxResults);
  return {
    status: 200,
    body: {
      self: ctx.store.url(`/rest/api/3/user/bulk?startAt=${startAt}&maxResults=${maxResults}`),
      maxResults,
      startAt,
      total: users.length,
      isLast: startAt + page.length >= users.length,
      values: page.map((user) => renderUser(ctx.store, user)),
    },
  };
}

function myPermissions(ctx: RouteContext): RouteResult {
  const { store, actor, req } = ctx;
  const keys = splitList([queryString(req.query, 'permissions') ?? '']);
  if (keys.length === 0) fail(400, "The 'permissions' query parameter is required: a comma-separated list of permission keys such as BROWSE_PROJECTS,EDIT_ISSUES.");
  const unknown = keys.filter((k) => !PROJECT_PERMISSIONS[k] && !GLOBAL_PERMISSIONS[k]);
  if (unknown.length > 0) throw new JiraError(400, errorCollection([], Object.fromEntries(unknown.map((k) => [k, 'Unrecognized permission']))));

  let project: ProjectRecord | undefined;
  const projectRef = queryString(req.query, 'projectKey') ?? queryString(req.query, 'projectId');
  const issueRef = queryString(req.query, 'issueKey') ?? queryString(req.query, 'issueId');
  if (issueRef) {
    const issue = store.visibleIssue(actor, issueRef);
    if (!issue) fail(404, messages.issueNotFound);
    project = store.projectById(issue.projectId);
  } else if (projectRef) {
    project = store.project(projectRef);
    if (!project || !store.canBrowse(actor, project)) fail(404, messages.projectNotFound(projectRef));
  }
  const permissions: Record<string, unknown> = {};
  for (const key of keys) {
    const projectDef = PROJECT_PERMISSIONS[key];
    const def = projectDef ?? GLOBAL_PERMISSIONS[key]!;
    // Without a project, a project permission counts when the user holds it in any project.
    const have = projectDef ? (project ? store.can(actor, key, project) : store.state.projects.some((p) => store.can(actor, key, p))) : store.canGlobal(actor, key);
    permissions[key] = { id: def.id, key, name: def.name, type: projectDef ? 'PROJECT' : 'GLOBAL', description: def.description, havePermission: have };
  }
  return { status: 200, body: { permissions } };
}

function numbers(value: unknown): number[] {
  return Array.isArray(value) ? value.filter((x): x is number => typeof x === 'number' && Number.isInteger(x)) : [];
}

function checkPermissions(ctx: RouteContext): RouteResult {
  const { store, actor } = ctx;
  const body = bodyObject(ctx.req.body);
  let subject: UserDef = actor;
  if (typeof body.accountId === 'string' && body.accountId !== actor.accountId) {
    // Checking someone else takes Jira admin rights, or being an app (apps check users before acting).
    if (actor.accountType !== 'app' && !store.canGlobal(actor, 'ADMINISTER')) fail(403, 'Only Jira administrators can perform this operation.');
    const other = store.user(body.accountId);
    if (!other) throw new JiraError(400, errorCollection([], { accountId: `The user with account ID '${body.accountId}' does not exist.` }));
    subject = other;
  }
  const requests = Array.isArray(body.projectPermissions) ? body.projectPermissions.filter(isRecord) : [];
  const globals = Array.isArray(body.globalPermissions) ? body.globalPermissions.filter((x): x is string => typeof x === 'string') : [];
  const unknown: Record<string, string> = {};
  for (const r of requests) {
    const perms = Array.isArray(r.permissions) ? r.permissions.filter((x): x is string => typeof x === 'string') : [];
    if (perms.length === 0) fail(400, 'At least one project permission is required for each projectPermissions entry.');
    for (const p of perms) if (!PROJECT_PERMISSIONS[p]) unknown[p] = 'Unrecognized permission';
  }
  for (const g of globals) if (!GLOBAL_PERMISSIONS[g]) unknown[g] = 'Unrecognized permission';
  if (Object.keys(unknown).length > 0) throw new JiraError(400, errorCollection([], unknown));

  const grants = new Map<string, { projects: Set<number>; issues: Set<number> }>();
  for (const r of requests) {
    for (const permission of r.permissions as string[]) {
      const grant = grants.get(permission) ?? { projects: new Set<number>(), issues: new Set<number>() };
      grants.set(permission, grant);
      for (const pid of numbers(r.projects)) {
        const project = store.project(String(pid));
        if (project && store.canBrowse(subject, project) && store.can(subject, permission, project)) grant.projects.add(pid);
      }
      for (const iid of numbers(r.issues)) {
        const issue = store.issueById(String(iid));
        if (!issue) continue;
        const project = store.projectById(issue.projectId);
        if (store.canBrowse(subject, project) && store.can(subject, permission, project)) grant.issues.add(iid);
      }
    }
  }
  return {
    status: 200,
    body: {
      projectPermissions: [...grants].map(([permission, g]) => ({ permission, projects: [...g.projects], issues: [...g.issues] })),
      globalPermissions: globals.filter((g) => store.canGlobal(subject, g)),
    },
  };
}

export function registerUserRoutes(router: Router): void {
  router
    .get('/rest/api/3/myself', myself)
    .get('/rest/api/3/user', getUser)
    .get('/rest/api/3/user/bulk', getUsersBulk)
    .get('/rest/api/3/mypermissions', myPermissions)
    .post('/rest/api/3/permissions/check', checkPermissions);
}

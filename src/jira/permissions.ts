/** Permission checks made before the app acts for a user. */
import { route } from '@forge/api';
import { product } from './actor';
import { ACCEPT_JSON, jsonBody, type JiraHttp } from './http';
import { myPermissionsSchema, permissionGrantsSchema } from './schemas';

/** Project permission keys the app checks. */
export type ProjectPermission = 'BROWSE_PROJECTS' | 'CREATE_ISSUES' | 'EDIT_ISSUES' | 'ADMINISTER_PROJECTS';

/** Global (site) permission keys the app checks: Administer Jira. */
export type GlobalPermission = 'ADMINISTER';

/** true / false for each permission asked about. */
export type PermissionGrants = Partial<Record<ProjectPermission, boolean>>;

/**
 * The calling user's permissions in a project (`asUser`, so only valid inside a resolver).
 * Returns `{ BROWSE_PROJECTS: true, CREATE_ISSUES: false }`.
 */
export async function getMyPermissions(
  http: JiraHttp,
  args: { projectKey: string; permissions: readonly ProjectPermission[] },
): Promise<PermissionGrants> {
  const keys = args.permissions.join(',');
  const { body } = await http.json(
    'getMyPermissions',
    () => product('user').requestJira(route`/rest/api/3/mypermissions?projectKey=${args.projectKey}&permissions=${keys}`, { headers: ACCEPT_JSON }),
    myPermissionsSchema,
  );
  return grantMap(args.permissions, (permission) => body.permissions[permission]?.havePermission === true);
}

/**
 * The calling user's global permissions (`asUser`, so only valid inside a resolver): asked without
 * a project, so only the site-wide grant counts. Returns `{ ADMINISTER: true }`.
 */
export async function getMyGlobalPermissions(
  http: JiraHttp,
  args: { permissions: readonly GlobalPermission[] },
): Promise<Partial<Record<GlobalPermission, boolean>>> {
  const keys = args.permissions.join(',');
  const { body } = await http.json(
    'getMyPermissions',
    () => product('user').requestJira(route`/rest/api/3/mypermissions?permissions=${keys}`, { headers: ACCEPT_JSON }),
    myPermissionsSchema,
  );
  const result: Partial<Record<GlobalPermission, boolean>> = {};
  for (const permission of args.permissions) result[permission] = body.permissions[permission]?.havePermission === true;
  return result;
}

/**
 * Another account's permissions in a project, asked as the app (for work done on a user's behalf
 * where no user session exists).
 */
export async function checkPermissions(
  http: JiraHttp,
  args: { accountId: string; projectId: string; permissions: readonly ProjectPermission[] },
): Promise<PermissionGrants> {
  const projectId = Number(args.projectId);
  const request = {
    accountId: args.accountId,
    projectPermissions: [{ permissions: [...args.permissions], projects: [projectId] }],
  };
  const { body } = await http.json(
    'checkPermissions',
    () => product('app').requestJira(route`/rest/api/3/permissions/check`, { method: 'POST', ...jsonBody(request) }),
    permissionGrantsSchema,
  );
  return grantMap(args.permissions, (permission) =>
    body.projectPermissions.some((grant) => grant.permission === permission && grant.projects.includes(projectId)),
  );
}

function grantMap(permissions: readonly ProjectPermission[], has: (p: ProjectPermission) => boolean): PermissionGrants {
  const result: PermissionGrants = {};
  for (const permission of permissions) result[permission] = has(permission);
  return result;
}

/**
 * One issue's fields and properties, a status's category, the caller's permissions on an issue or
 * project, whether an account exists, and the assessment mirror write: the calls the issue modules
 * (item panel, evidence field) and the Done gate make, as methods of the one {@link JiraClient}.
 */
import { route } from '@forge/api';
import { z } from 'zod';
import { product, type Actor } from './actor';
import { ACCEPT_JSON, jsonBody, type JiraHttp } from './http';
import { JiraNotFoundError } from './errors';
import { myPermissionsSchema } from './schemas';

/** Permission keys the issue modules check (a wider set than the project-level checks elsewhere). */
export type IssueModulePermission = 'BROWSE_PROJECTS' | 'EDIT_ISSUES' | 'ADMINISTER_PROJECTS';

const issueSchema = z.looseObject({
  id: z.string(),
  key: z.string(),
  fields: z.record(z.string(), z.unknown()).optional(),
  properties: z.record(z.string(), z.unknown()).optional(),
});
const statusSchema = z.looseObject({ id: z.string(), statusCategory: z.looseObject({ key: z.string() }) });
const userSchema = z.looseObject({ accountId: z.string() });

export interface JiraIssueWithProperties {
  id: string;
  key: string;
  fields: Record<string, unknown>;
  properties: Record<string, unknown>;
}

export interface GetIssueArgs {
  issueKey: string;
  fields: readonly string[];
  properties: readonly string[];
  /** Default: the invoking user (Jira answers for what they may see). */
  as?: Actor;
}

/** `GET /rest/api/3/issue/{key}?fields=…&properties=…` (404 → JiraNotFoundError). */
export async function getIssue(http: JiraHttp, { issueKey, fields, properties, as = 'user' }: GetIssueArgs): Promise<JiraIssueWithProperties> {
  const fieldList = fields.join(',');
  const propertyList = properties.join(',');
  const { body } = await http.json(
    'getIssue',
    () => product(as).requestJira(route`/rest/api/3/issue/${issueKey}?fields=${fieldList}&properties=${propertyList}`, { headers: ACCEPT_JSON }),
    issueSchema,
  );
  return { id: body.id, key: body.key, fields: body.fields ?? {}, properties: body.properties ?? {} };
}

/** The category key of a status (`GET /rest/api/3/status/{idOrName}`). */
export async function getStatusCategory(http: JiraHttp, { statusId, as = 'app' }: { statusId: string; as?: Actor }): Promise<string> {
  const { body } = await http.json('getStatus', () => product(as).requestJira(route`/rest/api/3/status/${statusId}`, { headers: ACCEPT_JSON }), statusSchema);
  return body.statusCategory.key;
}

/**
 * The calling user's permissions on one issue (`issueKey`) or in one project (`projectKey`):
 * `{ EDIT_ISSUES: true }`. On an issue, Jira also applies issue security.
 */
export async function getMyPermissionsOn(
  http: JiraHttp,
  args: ({ issueKey: string } | { projectKey: string }) & { permissions: readonly IssueModulePermission[] },
): Promise<Partial<Record<IssueModulePermission, boolean>>> {
  const keys = args.permissions.join(',');
  const call =
    'issueKey' in args
      ? () => product('user').requestJira(route`/rest/api/3/mypermissions?issueKey=${args.issueKey}&permissions=${keys}`, { headers: ACCEPT_JSON })
      : () => product('user').requestJira(route`/rest/api/3/mypermissions?projectKey=${args.projectKey}&permissions=${keys}`, { headers: ACCEPT_JSON });
  const { body } = await http.json('getMyPermissions', call, myPermissionsSchema);
  const grants: Partial<Record<IssueModulePermission, boolean>> = {};
  for (const permission of args.permissions) grants[permission] = body.permissions[permission]?.havePermission === true;
  return grants;
}

/** Writes the `msp-audit-assessment` mirror property, as the app. */
export async function setAssessmentMirror(http: JiraHttp, { issueKey, propertyKey, value }: { issueKey: string; propertyKey: string; value: unknown }): Promise<void> {
  await http.empty('setAssessmentMirror', () =>
    product('app').requestJira(route`/rest/api/3/issue/${issueKey}/properties/${propertyKey}`, { method: 'PUT', ...jsonBody(value) }),
  );
}

/** Whether Jira knows this account (as the user: `GET /rest/api/3/user?accountId=`). */
export async function accountExists(http: JiraHttp, { accountId }: { accountId: string }): Promise<boolean> {
  try {
    const { body } = await http.json('getUser', () => product('user').requestJira(route`/rest/api/3/user?accountId=${accountId}`, { headers: ACCEPT_JSON }), userSchema);
    return body.accountId === accountId;
  } catch (error) {
    if (error instanceof JiraNotFoundError) return false;
    throw error;
  }
}

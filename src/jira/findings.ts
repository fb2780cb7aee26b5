/**
 * The Jira calls findings need beyond the client's: the caller's permissions on one issue
 * (`GET /rest/api/3/mypermissions?issueKey=`, as the user), the site's issue link types
 * (`GET /rest/api/3/issueLinkType`, IssueLinkTypes) and the highest issue key number a project
 * had before a create (one keys-only search, newest key first; a lagging index gives a lower number,
 * which only makes a later read-back look at more keys).
 */
import { route } from '@forge/api';
import { z } from 'zod';
import { product } from './actor';
import { ACCEPT_JSON, type JiraHttp } from './http';
import type { ProjectPermission } from './permissions';
import { myPermissionsSchema } from './schemas';
import { searchJql } from './search';
import { jqlString } from './jql';

/** The property on a finding issue naming the finding (its idempotency key), the checklist and the item. */
export const FINDING_PROPERTY = 'msp-audit-finding';

export const findingIdentitySchema = z.looseObject({ findingId: z.string(), checklistId: z.string(), itemId: z.string() });
export type FindingIdentity = z.infer<typeof findingIdentitySchema>;

/** The caller's permissions on an issue; a 404 (the issue hidden or gone) is thrown as JiraNotFoundError. */
export async function myIssuePermissions(http: JiraHttp, issueKey: string, permissions: readonly ProjectPermission[]): Promise<Partial<Record<ProjectPermission, boolean>>> {
  const keys = permissions.join(',');
  const { body } = await http.json(
    'getMyPermissions',
    () => product('user').requestJira(route`/rest/api/3/mypermissions?issueKey=${issueKey}&permissions=${keys}`, { headers: ACCEPT_JSON }),
    myPermissionsSchema,
  );
  return Object.fromEntries(permissions.map((permission) => [permission, body.permissions[permission]?.havePermission === true]));
}

const linkTypesSchema = z.looseObject({
  issueLinkTypes: z.array(z.looseObject({ id: z.string().optional(), name: z.string(), inward: z.string().optional(), outward: z.string().optional() })).optional(),
});

export interface LinkType {
  name: string;
  inward?: string;
  outward?: string;
}

/** The site's issue link types (asked as the app). */
export async function getIssueLinkTypes(http: JiraHttp): Promise<LinkType[]> {
  const { body } = await http.json('getIssueLinkTypes', () => product('app').requestJira(route`/rest/api/3/issueLinkType`, { headers: ACCEPT_JSON }), linkTypesSchema);
  return (body.issueLinkTypes ?? []).map((type) => ({ name: type.name, ...(type.inward !== undefined ? { inward: type.inward } : {}), ...(type.outward !== undefined ? { outward: type.outward } : {}) }));
}

/** The number of the project's newest issue key as the index has it (0 for an empty project). */
export async function latestKeyNumber(http: JiraHttp, projectKey: string): Promise<number> {
  const issues = await searchJql(http, { jql: `project = ${jqlString(projectKey)} ORDER BY key DESC`, fields: ['key'], limit: 1, maxResults: 1, as: 'app' });
  const key = issues[0]?.key;
  const number = key === undefined ? 0 : Number(/-(\d+)$/.exec(key)?.[1] ?? '0');
  return Number.isFinite(number) ? number : 0;
}

/**
 * The Jira calls behind the issue modules (item panel, evidence field) that the shared client does
 * not make: one issue with chosen fields and properties, and the calling user's permissions on that
 * issue or project. Both act as the invoking user, so Jira answers for what *they* may see and do.
 * Writes go through the shared client (`editIssue`, `setIssueProperty` with `as: 'user'`).
 */
import { route } from '@forge/api';
import { z } from 'zod';
import { product } from './actor';
import { ACCEPT_JSON, JiraHttp, type JiraHttpOptions } from './http';
import { myPermissionsSchema } from './schemas';

/** Permission keys the issue modules check (a wider set than the project-level checks elsewhere). */
export type IssueModulePermission = 'BROWSE_PROJECTS' | 'EDIT_ISSUES' | 'ADMINISTER_PROJECTS';

const issueSchema = z.looseObject({
  id: z.string(),
  key: z.string(),
  fields: z.record(z.string(), z.unknown()).optional(),
  properties: z.record(z.string(), z.unknown()).optional(),
});

export interface JiraIssueWithProperties {
  id: string;
  key: string;
  fields: Record<string, unknown>;
  properties: Record<string, unknown>;
}

export interface EvidenceJira {
  /** One issue as the calling user, with these fields and entity properties (404 → JiraNotFoundError). */
  getIssue(args: { issueKey: string; fields: readonly string[]; properties: readonly string[] }): Promise<JiraIssueWithProperties>;
  /**
   * The calling user's permissions on one issue (`issueKey`) or in one project (`projectKey`):
   * `{ EDIT_ISSUES: true }`. On an issue, Jira also applies issue security.
   */
  getMyPermissions(
    args: ({ issueKey: string } | { projectKey: string }) & { permissions: readonly IssueModulePermission[] },
  ): Promise<Partial<Record<IssueModulePermission, boolean>>>;
}

export function createEvidenceJira(options: JiraHttpOptions = {}): EvidenceJira {
  const http = new JiraHttp(options);
  return {
    async getIssue({ issueKey, fields, properties }) {
      const fieldList = fields.join(',');
      const propertyList = properties.join(',');
      const { body } = await http.json(
        'getIssue',
        () =>
          product('user').requestJira(route`/rest/api/3/issue/${issueKey}?fields=${fieldList}&properties=${propertyList}`, {
            headers: ACCEPT_JSON,
          }),
        issueSchema,
      );
      return { id: body.id, key: body.key, fields: body.fields ?? {}, properties: body.properties ?? {} };
    },
    async getMyPermissions(args) {
      const keys = args.permissions.join(',');
      const call =
        'issueKey' in args
          ? () => product('user').requestJira(route`/rest/api/3/mypermissions?issueKey=${args.issueKey}&permissions=${keys}`, { headers: ACCEPT_JSON })
          : () => product('user').requestJira(route`/rest/api/3/mypermissions?projectKey=${args.projectKey}&permissions=${keys}`, { headers: ACCEPT_JSON });
      const { body } = await http.json('getMyPermissions', call, myPermissionsSchema);
      const grants: Partial<Record<IssueModulePermission, boolean>> = {};
      for (const permission of args.permissions) grants[permission] = body.permissions[permission]?.havePermission === true;
      return grants;
    },
  };
}

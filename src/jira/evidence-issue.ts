/**
 * The Jira calls behind the issue modules (item panel, evidence field) that the shared client does
 * not make. Reads act as the invoking user, so Jira answers for what *they* may see and do: one
 * issue with chosen fields and properties, the user's permissions on that issue or project, whether
 * an account exists. Writes act as the app, and only after the use case checked Edit issues as the
 * user: the read-only evidence field (app field value API; Jira lets no one else write it) and the
 * assessment mirror property (JQL).
 */
import { route } from '@forge/api';
import { z } from 'zod';
import { product } from './actor';
import { ACCEPT_JSON, JiraHttp, jsonBody, type JiraHttpOptions } from './http';
import { JiraNotFoundError } from './errors';
import { setAppFieldValue } from './fields';
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
  /** Writes the evidence field's value on one issue, as the app (the field is read-only to users). */
  setVerdictField(args: { fieldId: string; issueId: string; value: unknown }): Promise<void>;
  /** Writes the `msp-audit-assessment` mirror property, as the app. */
  setAssessmentMirror(args: { issueKey: string; propertyKey: string; value: unknown }): Promise<void>;
  /** Whether Jira knows this account (as the user: `GET /rest/api/3/user?accountId=`). */
  accountExists(accountId: string): Promise<boolean>;
}

const userSchema = z.looseObject({ accountId: z.string() });

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
    setVerdictField: (args) => setAppFieldValue(http, args),
    async setAssessmentMirror({ issueKey, propertyKey, value }) {
      await http.empty('setAssessmentMirror', () =>
        product('app').requestJira(route`/rest/api/3/issue/${issueKey}/properties/${propertyKey}`, { method: 'PUT', ...jsonBody(value) }),
      );
    },
    async accountExists(accountId) {
      try {
        const { body } = await http.json(
          'getUser',
          () => product('user').requestJira(route`/rest/api/3/user?accountId=${accountId}`, { headers: ACCEPT_JSON }),
          userSchema,
        );
        return body.accountId === accountId;
      } catch (error) {
        if (error instanceof JiraNotFoundError) return false;
        throw error;
      }
    },
  };
}

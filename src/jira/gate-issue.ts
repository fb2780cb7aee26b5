/**
 * The two Jira calls the Done gate (workflow validator) makes, as the app: a validator runs inside
 * someone's transition with no resolver of ours in between, and it only answers yes or no (with
 * the item's name), so it reads what it needs as the app. One attempt each: a person is waiting on
 * the transition, and a failed read refuses with "try again" rather than stalling.
 */
import { route } from '@forge/api';
import { z } from 'zod';
import { product } from './actor';
import type { JiraField } from './schemas';
import { findAppField, listFields } from './fields';
import { ACCEPT_JSON, JiraHttp, type JiraHttpOptions } from './http';

const issueSchema = z.looseObject({
  id: z.string(),
  key: z.string(),
  fields: z.record(z.string(), z.unknown()).optional(),
  properties: z.record(z.string(), z.unknown()).optional(),
});

export interface GateIssue {
  id: string;
  key: string;
  fields: Record<string, unknown>;
  properties: Record<string, unknown>;
}
const statusSchema = z.looseObject({ id: z.string(), statusCategory: z.looseObject({ key: z.string() }) });

export interface GateJira {
  /** One issue's fields and entity properties, as the app (`GET /rest/api/3/issue/{key}?fields=…&properties=…`). */
  getIssue(issueKey: string, fields: readonly string[], properties: readonly string[]): Promise<GateIssue>;
  /** The category of a status (`GET /rest/api/3/status/{idOrName}`). */
  statusCategory(statusId: string): Promise<string>;
  /** Lists the fields to find an app field: only when its id was never remembered (see evidence/field-id.ts). */
  findAppField(args: { moduleKey: string }): Promise<JiraField | undefined>;
}

export function createGateJira(options: JiraHttpOptions = {}): GateJira {
  const http = new JiraHttp({ ...options, retry: { maxAttempts: 1, ...(options.retry ?? {}) } });
  return {
    async getIssue(issueKey, fields, properties) {
      const list = fields.join(',');
      const propertyList = properties.join(',');
      const { body } = await http.json(
        'getIssueForGate',
        () => product('app').requestJira(route`/rest/api/3/issue/${issueKey}?fields=${list}&properties=${propertyList}`, { headers: ACCEPT_JSON }),
        issueSchema,
      );
      return { id: body.id, key: body.key, fields: body.fields ?? {}, properties: body.properties ?? {} };
    },
    async statusCategory(statusId) {
      const { body } = await http.json(
        'getStatus',
        () => product('app').requestJira(route`/rest/api/3/status/${statusId}`, { headers: ACCEPT_JSON }),
        statusSchema,
      );
      return body.statusCategory.key;
    },
    findAppField: async ({ moduleKey }) => findAppField(await listFields(http), moduleKey),
  };
}

/**
 * The Done gate's (workflow validator) view of the one {@link JiraClient}, as the app: a validator
 * runs inside someone's transition with no resolver of ours in between, and it only answers yes or
 * no (with the item's name), so it reads what it needs as the app. One attempt each: a person is
 * waiting on the transition, and a failed read refuses with "try again" rather than stalling.
 */
import { createJiraClient, type JiraClient } from './client';
import type { JiraHttpOptions } from './http';
import type { JiraIssueWithProperties } from './issue-reads';
import type { JiraField } from './schemas';

export type GateIssue = JiraIssueWithProperties;

export interface GateJira {
  /** One issue's fields and entity properties, as the app (`GET /rest/api/3/issue/{key}?fields=…&properties=…`). */
  getIssue(issueKey: string, fields: readonly string[], properties: readonly string[]): Promise<GateIssue>;
  /** The category of a status (`GET /rest/api/3/status/{idOrName}`). */
  statusCategory(statusId: string): Promise<string>;
  /** Lists the fields to find an app field: only when its id was never remembered (see platform/evidence-field-id.ts). */
  findAppField(args: { moduleKey: string }): Promise<JiraField | undefined>;
}

/** The gate's calls, made through `jira` (as the app). */
export function gateJiraOf(jira: JiraClient): GateJira {
  return {
    getIssue: (issueKey, fields, properties) => jira.getIssue({ issueKey, fields, properties, as: 'app' }),
    statusCategory: (statusId) => jira.getStatusCategory({ statusId, as: 'app' }),
    findAppField: (args) => jira.findAppField(args),
  };
}

export function createGateJira(options: JiraHttpOptions = {}): GateJira {
  return gateJiraOf(createJiraClient({ ...options, retry: { maxAttempts: 1, ...(options.retry ?? {}) } }));
}

/**
 * The issue modules' (item panel, evidence field) view of the one {@link JiraClient}: reads act as
 * the invoking user, so Jira answers for what *they* may see and do; writes act as the app, and only
 * after the use case checked Edit issues as the user (the read-only evidence field, the assessment
 * mirror property). Every call is a JiraClient method (issue-reads.ts, fields.ts).
 */
import { createJiraClient, type JiraClient } from './client';
import type { JiraHttpOptions } from './http';
import type { IssueModulePermission, JiraIssueWithProperties } from './issue-reads';

export type { IssueModulePermission, JiraIssueWithProperties } from './issue-reads';

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

/** The issue modules' calls, made through `jira`. */
export function evidenceJiraOf(jira: JiraClient): EvidenceJira {
  return {
    getIssue: ({ issueKey, fields, properties }) => jira.getIssue({ issueKey, fields, properties, as: 'user' }),
    getMyPermissions: (args) => jira.getMyPermissionsOn(args),
    setVerdictField: (args) => jira.setAppFieldValue(args),
    setAssessmentMirror: (args) => jira.setAssessmentMirror(args),
    accountExists: (accountId) => jira.accountExists({ accountId }),
  };
}

export function createEvidenceJira(options: JiraHttpOptions = {}): EvidenceJira {
  return evidenceJiraOf(createJiraClient(options));
}

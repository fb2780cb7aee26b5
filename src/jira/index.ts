/** The app's one door to Jira (see client.ts). */
export type { Actor } from './actor';
export { createJiraClient, type JiraClient } from './client';
export * from './errors';
export type { AppFieldValue } from './fields';
export { DEFAULT_RETRY_POLICY, type JiraHttpOptions, type RetryPolicy } from './http';
export { BULK_CREATE_MAX, type BulkElementResult, type IssueCreateInput, type IssueFieldsInput, type LabelOperation } from './issues';
export type { PermissionGrants, ProjectPermission } from './permissions';
export type { JiraField, JiraIssueTypeMeta, JiraProject, JiraSearchIssue } from './schemas';

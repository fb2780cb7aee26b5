/**
 * The app's one door to Jira: typed calls with named arguments, each checking the answer, paging
 * and retrying (see http.ts). Use cases receive a {@link JiraClient}; tests build one over a fake
 * platform fetch, or hand use cases a fake client.
 */
import type { Actor } from './actor';
import { findAppField, listFields, setAppFieldValue, setAppFieldValues, type AppFieldValue } from './fields';
import { JiraHttp, type JiraHttpOptions } from './http';
import {
  bulkCreateIssues,
  editIssue,
  getIssueProperty,
  setIssueProperty,
  type BulkElementResult,
  type IssueCreateInput,
  type IssueFieldsInput,
  type LabelOperation,
} from './issues';
import { checkPermissions, getMyPermissions, type PermissionGrants, type ProjectPermission } from './permissions';
import { getCreateMetaIssueTypes, getProject } from './project';
import type { JiraField, JiraIssueTypeMeta, JiraProject, JiraSearchIssue } from './schemas';
import { approximateCount, searchJql, type SearchJqlArgs } from './search';
import { bulkFetchIssues, createIssueLink, type BulkFetchArgs } from './bulk-read';
import { bulkEditLabels, setIssuePropertiesBulk } from './bulk-write';
import {
  accountExists,
  getIssue,
  getMyPermissionsOn,
  getStatusCategory,
  setAssessmentMirror,
  type GetIssueArgs,
  type IssueModulePermission,
  type JiraIssueWithProperties,
} from './issue-reads';

export interface JiraClient {
  getProject(args: { projectKey: string; as?: Actor }): Promise<JiraProject>;
  getCreateMetaIssueTypes(args: { projectKey: string; as?: Actor }): Promise<JiraIssueTypeMeta[]>;
  /** As the invoking user: only inside a resolver. */
  getMyPermissions(args: { projectKey: string; permissions: readonly ProjectPermission[] }): Promise<PermissionGrants>;
  checkPermissions(args: { accountId: string; projectId: string; permissions: readonly ProjectPermission[] }): Promise<PermissionGrants>;
  searchJql(args: SearchJqlArgs): Promise<JiraSearchIssue[]>;
  approximateCount(args: { jql: string; as?: Actor }): Promise<number>;
  /** Issues by id or key, read without the search index (100 a call); missing ones are absent. */
  bulkFetchIssues(args: BulkFetchArgs): Promise<JiraSearchIssue[]>;
  createIssueLink(args: { typeName: string; inwardKey: string; outwardKey: string; as?: Actor }): Promise<void>;
  /** Entity properties on many issues (100 a call, asynchronous: waits for Jira's task). Returns the calls made. */
  setIssuePropertiesBulk(args: { issues: readonly { issueId: string; properties: Record<string, unknown> }[] }): Promise<number>;
  /** One label added or removed on many issues (1,000 a call); false when the app may not make bulk changes. */
  bulkEditLabels(args: { issueIdsOrKeys: readonly string[]; option: 'ADD' | 'REMOVE'; label: string }): Promise<number | false>;
  bulkCreateIssues(args: { issues: readonly IssueCreateInput[] }): Promise<BulkElementResult[]>;
  editIssue(args: { issueKey: string; fields?: IssueFieldsInput; update?: { labels?: LabelOperation[] }; as?: Actor }): Promise<void>;
  setIssueProperty(args: { issueKey: string; propertyKey: string; value: unknown; as?: Actor }): Promise<void>;
  getIssueProperty(args: { issueKey: string; propertyKey: string; as?: Actor }): Promise<unknown>;
  listFields(): Promise<JiraField[]>;
  /** The app's own custom field declared under `moduleKey` in the manifest, if Jira has it. */
  findAppField(args: { moduleKey: string }): Promise<JiraField | undefined>;
  /** One issue with chosen fields and entity properties, as the user by default (404 → JiraNotFoundError). */
  getIssue(args: GetIssueArgs): Promise<JiraIssueWithProperties>;
  /** The category key of a status (`new`, `indeterminate`, `done`), as the app by default. */
  getStatusCategory(args: { statusId: string; as?: Actor }): Promise<string>;
  /** As the invoking user, on one issue (issue security applies) or in one project. */
  getMyPermissionsOn(
    args: ({ issueKey: string } | { projectKey: string }) & { permissions: readonly IssueModulePermission[] },
  ): Promise<Partial<Record<IssueModulePermission, boolean>>>;
  /** Whether Jira knows this account, as the user. */
  accountExists(args: { accountId: string }): Promise<boolean>;
  /** The assessment mirror property (for JQL), as the app; never trusted on read. */
  setAssessmentMirror(args: { issueKey: string; propertyKey: string; value: unknown }): Promise<void>;
  /** One issue's value of the app's own field, as the app (the field is read-only to users). */
  setAppFieldValue(args: { fieldId: string; issueId: string; value: unknown }): Promise<void>;
  /** Returns the number of requests made. */
  setAppFieldValues(args: { fieldId: string; values: readonly { issueId: string; value: AppFieldValue }[] }): Promise<number>;
}

export function createJiraClient(options: JiraHttpOptions = {}): JiraClient {
  const http = new JiraHttp(options);
  return {
    getProject: (args) => getProject(http, args),
    getCreateMetaIssueTypes: (args) => getCreateMetaIssueTypes(http, args),
    getMyPermissions: (args) => getMyPermissions(http, args),
    checkPermissions: (args) => checkPermissions(http, args),
    searchJql: (args) => searchJql(http, args),
    approximateCount: (args) => approximateCount(http, args),
    bulkFetchIssues: (args) => bulkFetchIssues(http, args),
    createIssueLink: (args) => createIssueLink(http, args),
    setIssuePropertiesBulk: (args) => setIssuePropertiesBulk(http, args),
    bulkEditLabels: (args) => bulkEditLabels(http, args),
    bulkCreateIssues: (args) => bulkCreateIssues(http, args),
    editIssue: (args) => editIssue(http, args),
    setIssueProperty: (args) => setIssueProperty(http, args),
    getIssueProperty: (args) => getIssueProperty(http, args),
    listFields: () => listFields(http),
    findAppField: async ({ moduleKey }) => findAppField(await listFields(http), moduleKey),
    setAppFieldValues: (args) => setAppFieldValues(http, args),
    setAppFieldValue: (args) => setAppFieldValue(http, args),
    getIssue: (args) => getIssue(http, args),
    getStatusCategory: (args) => getStatusCategory(http, args),
    getMyPermissionsOn: (args) => getMyPermissionsOn(http, args),
    accountExists: (args) => accountExists(http, args),
    setAssessmentMirror: (args) => setAssessmentMirror(http, args),
  };
}

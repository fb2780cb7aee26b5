/**
 * The emulator's internal state. Plain JSON-serialisable data so the whole thing can be written to
 * the state file and read back; REST shapes are built from it by the render functions, never stored.
 */

export type StatusCategoryKey = 'new' | 'indeterminate' | 'done';

export interface IssueTypeDef {
  id: string;
  name: string;
  description: string;
  /** Jira hierarchy: -1 sub-task, 0 standard, 1 epic. */
  hierarchyLevel: number;
  avatarId: number;
}

export interface StatusDef {
  id: string;
  name: string;
  description: string;
  category: StatusCategoryKey;
  /** Global transition into this status (Jira's simplified workflow uses one per target). */
  transitionId: string;
}

export interface UserDef {
  accountId: string;
  displayName: string;
  accountType: 'atlassian' | 'app';
  emailAddress?: string;
  projectPermissions: string[];
  globalPermissions: string[];
}

export interface ProjectRecord {
  id: string;
  key: string;
  name: string;
  description: string;
  leadAccountId: string;
  issueTypeIds: string[];
  /** Number given to the next issue key (MSP-1, MSP-2 …). */
  nextIssueNumber: number;
}

export type AdfDoc = { type: 'doc'; version: 1; content: unknown[] };

export interface IssueRecord {
  id: string;
  key: string;
  projectId: string;
  issueTypeId: string;
  statusId: string;
  summary: string;
  description: AdfDoc | null;
  labels: string[];
  parentId: string | null;
  assigneeId: string | null;
  reporterId: string;
  creatorId: string;
  priorityId: string;
  resolutionId: string | null;
  resolutionDate: string | null;
  created: string;
  updated: string;
  statusCategoryChangeDate: string;
  /** The `duedate` field (`YYYY-MM-DD`); absent in state files written before it was modelled. */
  dueDate?: string | null;
  /** Custom field values by field id (`customfield_10050`). */
  customFields: Record<string, unknown>;
  /** Issue entity properties by property key. */
  properties: Record<string, unknown>;
  /**
   * Issue security, minimally: account ids outside the issue's security level. Jira hides the issue
   * from them everywhere (search, GET issue) as if it did not exist. Absent: everyone may see it.
   */
  hiddenFrom?: string[];
  /** Files attached to the issue (added by tests through the emulator API; no upload route). */
  attachments?: AttachmentRecord[];
}

/** An issue attachment's metadata (the file's bytes are not kept). */
export interface AttachmentRecord {
  id: string;
  filename: string;
  size: number;
  mimeType: string;
  created: string;
  authorId: string;
}

/** A custom field installed from a manifest `jira:customField` module. */
export interface CustomFieldRecord {
  id: string;
  numericId: number;
  moduleKey: string;
  name: string;
  description: string;
  /** Manifest type: number, string, object, datetime, date, user, group. */
  type: string;
  collection: boolean;
  readOnly: boolean;
  /** JSON schema of an object field, when the manifest gives one. */
  schema?: Record<string, unknown>;
}

/** One indexed value of a manifest `jira:entityProperty` module: what JQL can search. */
export interface IndexedPropertyPath {
  propertyKey: string;
  path: string;
  /** number, string, text, user, date. */
  type: string;
  searchAlias?: string;
}

/** A link between two issues (`POST /rest/api/3/issueLink`): outward "duplicates" inward, etc. */
export interface IssueLinkRecord {
  id: string;
  typeId: string;
  inwardIssueId: string;
  outwardIssueId: string;
}

export interface JiraState {
  version: 1;
  projects: ProjectRecord[];
  issues: IssueRecord[];
  customFields: CustomFieldRecord[];
  nextIssueId: number;
  nextProjectId: number;
  nextChangelogId: number;
  /** Next attachment id (absent in states saved before attachments were modelled). */
  nextAttachmentId?: number;
  /** Issue links; absent in state files written before links existed. */
  issueLinks?: IssueLinkRecord[];
  /**
   * Per-project permission grants set by tests (`setProjectPermissions`, `POST /jira/__admin/permissions`):
   * account id → project key → the project permissions that user holds in that project, replacing
   * the user's default `projectPermissions` there. Absent: every user holds their defaults everywhere.
   */
  projectGrants?: Record<string, Record<string, string[]>>;
  /** Old keys of moved issues → issue id: Jira keeps answering a moved issue's old key. */
  movedKeys?: Record<string, string>;
  /** What the issue notify API received since reset (`GET /jira/__admin/notifications`); absent in older state files. */
  notifications?: NotificationRecord[];
}

/** One call of `POST /rest/api/3/issue/{issueIdOrKey}/notify`, as the emulator delivered it. */
export interface NotificationRecord {
  at: string;
  issueKey: string;
  /** Account ids it went to. */
  to: string[];
  subject: string;
  text: string;
  /** Who sent it (the app: `app`). */
  from: string;
}

/**
 * Site-wide configuration that never changes at runtime: issue types, workflow statuses, priorities,
 * resolutions, users and the permission keys. Projects pick their issue types from this catalog,
 * as a company-managed project picks them through its issue type scheme.
 */
import type { IssueTypeDef, StatusDef, StatusCategoryKey, UserDef } from './model';

export const ISSUE_TYPES: readonly IssueTypeDef[] = [
  { id: '10000', name: 'Epic', description: 'A big user story that needs to be broken down.', hierarchyLevel: 1, avatarId: 10307 },
  { id: '10001', name: 'Task', description: 'A small, distinct piece of work.', hierarchyLevel: 0, avatarId: 10318 },
  { id: '10002', name: 'Sub-task', description: 'A small piece of work that is part of a larger task.', hierarchyLevel: -1, avatarId: 10316 },
  { id: '10003', name: 'Story', description: 'A user story.', hierarchyLevel: 0, avatarId: 10315 },
  { id: '10004', name: 'Bug', description: 'A problem or error.', hierarchyLevel: 0, avatarId: 10303 },
];

/** The seed project's types; tests add projects with other subsets (no Epic, no standard type). */
export const DEFAULT_ISSUE_TYPE_NAMES = ['Task', 'Sub-task', 'Epic'] as const;

export const STATUSES: readonly StatusDef[] = [
  { id: '10000', name: 'To Do', description: 'Work that has not started.', category: 'new', transitionId: '11' },
  { id: '3', name: 'In Progress', description: 'The issue is currently being worked on.', category: 'indeterminate', transitionId: '21' },
  { id: '10001', name: 'Done', description: 'Work that is finished.', category: 'done', transitionId: '31' },
];
export const INITIAL_STATUS_ID = '10000';

export interface StatusCategoryDef {
  id: number;
  key: StatusCategoryKey;
  name: string;
  colorName: string;
}

export const STATUS_CATEGORIES: Record<StatusCategoryKey, StatusCategoryDef> = {
  new: { id: 2, key: 'new', name: 'To Do', colorName: 'blue-gray' },
  indeterminate: { id: 4, key: 'indeterminate', name: 'In Progress', colorName: 'yellow' },
  done: { id: 3, key: 'done', name: 'Done', colorName: 'green' },
};

export const PRIORITIES = [
  { id: '1', name: 'Highest' },
  { id: '2', name: 'High' },
  { id: '3', name: 'Medium' },
  { id: '4', name: 'Low' },
  { id: '5', name: 'Lowest' },
] as const;
export const DEFAULT_PRIORITY_ID = '3';

export const RESOLUTIONS = [
  { id: '10000', name: 'Done', description: 'Work has been completed on this issue.' },
  { id: '10001', name: "Won't Do", description: 'This issue won\'t be actioned.' },
  { id: '10002', name: 'Duplicate', description: 'The problem is a duplicate of an existing issue.' },
  { id: '10003', name: 'Cannot Reproduce', description: 'This issue could not be reproduced.' },
] as const;
export const DEFAULT_RESOLUTION_ID = '10000';

/** Project permissions with Jira's ids, names and descriptions (as mypermissions reports them). */
export const PROJECT_PERMISSIONS: Record<string, { id: string; name: string; description: string }> = {
  BROWSE_PROJECTS: { id: '10', name: 'Browse Projects', description: 'Ability to browse projects and the issues within them.' },
  CREATE_ISSUES: { id: '11', name: 'Create Issues', description: 'Ability to create issues.' },
  EDIT_ISSUES: { id: '12', name: 'Edit Issues', description: 'Ability to edit issues.' },
  ASSIGN_ISSUES: { id: '13', name: 'Assign Issues', description: 'Ability to assign issues to other people.' },
  RESOLVE_ISSUES: { id: '14', name: 'Resolve Issues', description: 'Ability to resolve and reopen issues.' },
  ADD_COMMENTS: { id: '15', name: 'Add Comments', description: 'Ability to comment on issues.' },
  DELETE_ISSUES: { id: '16', name: 'Delete Issues', description: 'Ability to delete issues.' },
  ASSIGNABLE_USER: { id: '17', name: 'Assignable User', description: 'Users with this permission may be assigned to issues.' },
  CLOSE_ISSUES: { id: '18', name: 'Close Issues', description: 'Ability to close issues.' },
  CREATE_ATTACHMENTS: { id: '19', name: 'Create Attachments', description: 'Users with this permission may create attachments.' },
  WORK_ON_ISSUES: { id: '20', name: 'Work On Issues', description: 'Ability to log work done against an issue.' },
  LINK_ISSUES: { id: '21', name: 'Link Issues', description: 'Ability to link issues together.' },
  ADMINISTER_PROJECTS: { id: '23', name: 'Administer Projects', description: 'Ability to administer a project in Jira.' },
  MOVE_ISSUES: { id: '25', name: 'Move Issues', description: 'Ability to move issues between projects.' },
  SCHEDULE_ISSUES: { id: '28', name: 'Schedule Issues', description: 'Ability to view or edit an issue\'s due date.' },
  VIEW_VOTERS_AND_WATCHERS: { id: '31', name: 'View Voters and Watchers', description: 'Ability to view the voters and watchers of an issue.' },
  MANAGE_WATCHERS: { id: '32', name: 'Manage Watchers', description: 'Ability to manage the watchers of an issue.' },
  TRANSITION_ISSUES: { id: '46', name: 'Transition Issues', description: 'Ability to transition issues.' },
};

export const GLOBAL_PERMISSIONS: Record<string, { id: string; name: string; description: string }> = {
  ADMINISTER: { id: '0', name: 'Administer Jira', description: 'Create and administer projects, issue types, fields, workflows.' },
  USER_PICKER: { id: '27', name: 'Browse users and groups', description: 'Ability to view users and groups.' },
  CREATE_SHARED_OBJECTS: { id: '22', name: 'Share dashboards and filters', description: 'Ability to share dashboards and filters.' },
  BULK_CHANGE: { id: '33', name: 'Make bulk changes', description: 'Ability to modify a collection of issues at once.' },
  SYSTEM_ADMIN: { id: '44', name: 'Administer Jira system', description: 'Ability to perform most administration functions.' },
};

const ALL_PROJECT = Object.keys(PROJECT_PERMISSIONS);

export const USERS: readonly UserDef[] = [
  { accountId: 'admin', displayName: 'Ada Admin', accountType: 'atlassian', emailAddress: 'admin@example.test', projectPermissions: ALL_PROJECT, globalPermissions: Object.keys(GLOBAL_PERMISSIONS) },
  { accountId: 'viewer', displayName: 'Vic Viewer', accountType: 'atlassian', emailAddress: 'viewer@example.test', projectPermissions: ['BROWSE_PROJECTS'], globalPermissions: ['USER_PICKER'] },
  // A project administrator who is not a Jira administrator (no global ADMINISTER): site-wide acts are refused.
  { accountId: 'lead', displayName: 'Lee Lead', accountType: 'atlassian', emailAddress: 'lead@example.test', projectPermissions: ALL_PROJECT, globalPermissions: ['USER_PICKER'] },
  // A team member who edits issues but does not administer the project (e.g. may not waive a mandatory item).
  { accountId: 'editor', displayName: 'Eddie Editor', accountType: 'atlassian', emailAddress: 'editor@example.test', projectPermissions: ALL_PROJECT.filter((p) => p !== 'ADMINISTER_PROJECTS'), globalPermissions: ['USER_PICKER'] },
  // A licensed user outside every project: sees nothing, so tests can check what search and reads hide.
  { accountId: 'outsider', displayName: 'Olive Outsider', accountType: 'atlassian', emailAddress: 'outsider@example.test', projectPermissions: [], globalPermissions: [] },
  // A Forge app with read/write:jira-work acts through the atlassian-addons-project-access role:
  // every issue permission, but no project or Jira administration. Make bulk changes is granted to
  // every licensed user by default; sites that withdraw it make the app fall back to single edits.
  { accountId: 'app', displayName: 'MSP Audit Ready', accountType: 'app', projectPermissions: ALL_PROJECT.filter((p) => p !== 'ADMINISTER_PROJECTS'), globalPermissions: ['BULK_CHANGE'] },
];

/**
 * Server-side permission checks, made as the calling user before the app acts as itself: the UI
 * hiding a button is not a permission check.
 */
import { AccessDeniedError } from '../../common/errors';
import type { JiraClient, ProjectPermission } from '../jira';
import { JiraNotFoundError } from '../jira/errors';
import { JiraHttp } from '../jira/http';
import { getMyGlobalPermissions } from '../jira/permissions';
import type { ProjectCaller } from './context';
import { jiraHttpOptionsFor } from './jira';

export { AccessDeniedError };

const NAMES: Record<ProjectPermission, string> = {
  BROWSE_PROJECTS: 'Browse projects',
  CREATE_ISSUES: 'Create issues',
  EDIT_ISSUES: 'Edit issues',
  ADMINISTER_PROJECTS: 'Administer projects',
};

/**
 * Throws {@link AccessDeniedError} unless the caller has every permission in the project.
 * `action` completes "You need … to <action>".
 */
export async function requireProjectPermissions(
  jira: JiraClient,
  caller: ProjectCaller,
  permissions: readonly ProjectPermission[],
  action: string,
): Promise<void> {
  // Jira answers 404 for a project the user cannot browse (or that does not exist): no permission.
  const grants = await jira.getMyPermissions({ projectKey: caller.projectKey, permissions }).catch((error: unknown) => {
    if (error instanceof JiraNotFoundError) return {} as Partial<Record<ProjectPermission, boolean>>;
    throw error;
  });
  const missing = permissions.filter((permission) => grants[permission] !== true);
  if (missing.length === 0) return;
  const names = missing.map((permission) => NAMES[permission]).join(' and ');
  throw new AccessDeniedError(
    `You need the ${names} permission${missing.length > 1 ? 's' : ''} in project ${caller.projectKey} to ${action}. Ask a Jira admin of the project to grant ${missing.length > 1 ? 'them' : 'it'}.`,
  );
}

/**
 * Throws {@link AccessDeniedError} unless the caller has Jira's global "Administer Jira"
 * permission (asked as the user). For acts that change the whole site, such as the checklist
 * catalogue every project is offered. `action` completes "You need … to <action>".
 */
export async function requireJiraAdministrator(action: string, http: JiraHttp = new JiraHttp(jiraHttpOptionsFor('resolver'))): Promise<void> {
  const grants = await getMyGlobalPermissions(http, { permissions: ['ADMINISTER'] });
  if (grants.ADMINISTER === true) return;
  throw new AccessDeniedError(
    `You need Jira's global Administer Jira permission to ${action}: a saved checklist is offered to every project of the site. Ask a Jira administrator to do it.`,
  );
}

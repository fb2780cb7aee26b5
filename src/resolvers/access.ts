/**
 * Server-side permission checks, made as the calling user before the app acts as itself: the UI
 * hiding a button is not a permission check.
 */
import type { JiraClient, ProjectPermission } from '../jira';
import type { ProjectCaller } from './context';

/** The caller lacks a project permission; nothing was changed. */
export class AccessDeniedError extends Error {
  override name = 'AccessDeniedError';
}

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
  const grants = await jira.getMyPermissions({ projectKey: caller.projectKey, permissions });
  const missing = permissions.filter((permission) => grants[permission] !== true);
  if (missing.length === 0) return;
  const names = missing.map((permission) => NAMES[permission]).join(' and ');
  throw new AccessDeniedError(
    `You need the ${names} permission${missing.length > 1 ? 's' : ''} in project ${caller.projectKey} to ${action}. Ask a Jira admin of the project to grant ${missing.length > 1 ? 'them' : 'it'}.`,
  );
}

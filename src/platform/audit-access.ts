/**
 * Who may do what on audit day, checked on the server as the calling user:
 * - reading (the audit-day panel, the export) needs Browse projects;
 * - recording a chapter review and applying or removing a waiver need Edit issues as well;
 * - a waiver that covers a mandatory item needs Administer projects (waiver-changes.ts): it decides
 *   whether the project passes. Other waivers keep Edit issues: the people who own the checklist
 *   (the audit lead, the core team) are rarely Jira project admins, every waiver carries who applied
 *   it and why, and removing one restores the exact previous score.
 */
import { JiraNotFoundError, type JiraClient, type PermissionGrants, type ProjectPermission } from '../jira';
import { AccessDeniedError, requireProjectPermissions } from './access';
import type { ProjectCaller } from './context';

/**
 * Checks Browse projects and tells whether the caller may also change reviews and waivers, in one
 * permission call.
 */
export async function readAccess(jira: JiraClient, caller: ProjectCaller, action: string): Promise<{ canEdit: boolean }> {
  const grants = await readGrants(jira, caller, ['EDIT_ISSUES'], action);
  return { canEdit: grants.EDIT_ISSUES === true };
}

/**
 * Requires Browse projects and reports the other permissions asked for, all in one mypermissions
 * call (a project the user may not see is refused with the same message).
 */
export async function readGrants(jira: JiraClient, caller: ProjectCaller, others: readonly ProjectPermission[], action: string): Promise<PermissionGrants> {
  const grants = await hiddenAsDenied(caller, action, () =>
    jira.getMyPermissions({ projectKey: caller.projectKey, permissions: ['BROWSE_PROJECTS', ...others] }),
  );
  if (grants.BROWSE_PROJECTS !== true) throw noBrowse(caller, action);
  return grants;
}

/**
 * Requires Browse projects and Edit issues, and tells whether the caller also administers the
 * project (who may waive a mandatory item), in one permission call.
 */
export async function requireEditGrants(jira: JiraClient, caller: ProjectCaller, action: string): Promise<{ canAdminister: boolean }> {
  const grants = await readGrants(jira, caller, ['EDIT_ISSUES', 'ADMINISTER_PROJECTS'], action);
  if (grants.EDIT_ISSUES !== true) {
    throw new AccessDeniedError(`You need the Edit issues permission in project ${caller.projectKey} to ${action}. Ask a Jira admin of the project to grant it.`);
  }
  return { canAdminister: grants.ADMINISTER_PROJECTS === true };
}

/** Refuses a viewer with a message saying which permission is missing. */
export async function requireEditAccess(jira: JiraClient, caller: ProjectCaller, action: string): Promise<void> {
  await hiddenAsDenied(caller, action, () => requireProjectPermissions(jira, caller, ['BROWSE_PROJECTS', 'EDIT_ISSUES'], action));
}

/** Jira answers 404 for a project the user may not see: say which permission is missing instead. */
async function hiddenAsDenied<T>(caller: ProjectCaller, action: string, check: () => Promise<T>): Promise<T> {
  try {
    return await check();
  } catch (error) {
    if (error instanceof JiraNotFoundError) throw noBrowse(caller, action);
    throw error;
  }
}

function noBrowse(caller: ProjectCaller, action: string): AccessDeniedError {
  return new AccessDeniedError(`You need the Browse projects permission in project ${caller.projectKey} to ${action}. Ask a Jira admin of the project to grant it.`);
}

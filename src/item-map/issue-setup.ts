/** The project's setup for item issues (issue types, the points field), shared by import and sync. */
import type { JiraClient } from '../jira';
import { chooseIssueTypes } from '../jira/issue-types';
import { POINTS_FIELD_MODULE } from '../jira/layout';
import type { ImportSetup } from '../platform/import-job';

/** The project cannot hold the checklist as it is configured; the message says what to change. */
export class SetupError extends Error {
  override name = 'SetupError';
}

/** Issue types for items and chapters, and the points field, from the project's configuration. */
export async function resolveSetup(jira: JiraClient, projectKey: string): Promise<ImportSetup> {
  const types = await jira.getCreateMetaIssueTypes({ projectKey });
  const chosen = chooseIssueTypes(types);
  if (!chosen.item) {
    const names = types.map((type) => type.name).join(', ') || 'none';
    throw new SetupError(
      `Project ${projectKey} has no standard issue type to hold checklist items (it has: ${names}). Add a standard type such as Task to the project's issue type scheme, then import again.`,
    );
  }
  const field = await jira.findAppField({ moduleKey: POINTS_FIELD_MODULE });
  if (!field) console.warn(`[import] project ${projectKey}: the Audit points field is not installed; points stay in the description only`);
  return {
    itemTypeId: chosen.item.id,
    ...(chosen.epic ? { epicTypeId: chosen.epic.id } : {}),
    ...(field ? { pointsFieldId: field.id } : {}),
  };
}

/**
 * One checklist framework, one version per project. Importing version 2 beside the version 1 a
 * project already works would create a second issue for every item (import finds existing issues
 * by exact checklist id); moving between versions is version sync's job, which keeps status,
 * assignee and evidence.
 */
import { ConflictError } from '../../common/errors';
import { compareVersions } from '../../common/versions';
import { findChecklist } from '../catalogue';
import type { ChecklistDefinition } from '../domain/types';
import type { JiraClient } from '../jira';
import { checklistIssuesJql, ITEM_PROPERTY } from '../jira/identity';
import { projectChecklists } from '../storage/project-state';

/** The project already uses another version of this checklist's framework; nothing was created. */
export class OtherVersionInUseError extends ConflictError {}

/**
 * Throws {@link OtherVersionInUseError} when the project has active items of another version of
 * `def`'s framework. Costs no Jira call unless the project ever held another version of it, then
 * one ids-only search.
 */
export async function refuseOtherVersionInUse(jira: JiraClient, projectKey: string, def: ChecklistDefinition): Promise<void> {
  const others: ChecklistDefinition[] = [];
  for (const id of await projectChecklists(projectKey)) {
    if (id === def.id) continue;
    const other = await findChecklist(id);
    if (other?.framework === def.framework) others.push(other);
  }
  if (others.length === 0) return;
  const active = await jira.searchJql({
    jql: `${checklistIssuesJql(projectKey, others.map((other) => other.id))} AND issue.property[${ITEM_PROPERTY}].state = "active"`,
    properties: [ITEM_PROPERTY],
    limit: 1,
  });
  const inUseId = (active[0]?.properties?.[ITEM_PROPERTY] as { checklistId?: unknown } | undefined)?.checklistId;
  const inUse = others.find((other) => other.id === inUseId);
  if (!inUse) return;
  if (compareVersions(def.version, inUse.version) > 0) {
    throw new OtherVersionInUseError(
      `Project ${projectKey} uses ${inUse.name} ${inUse.version}. Use “Update to version ${def.version}” on the Audit page, which shows what carries over (and keeps status, owners and evidence of those issues) before anything is written, instead of importing it again.`,
    );
  }
  throw new OtherVersionInUseError(
    `Project ${projectKey} already uses ${inUse.name} ${inUse.version}, a newer version than ${def.version}; importing ${def.version} would give every item a second issue.`,
  );
}

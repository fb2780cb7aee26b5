/**
 * Removing a custom checklist from the catalogue. A checklist that projects still work with is
 * kept: their issues name it, and the score, the audit pack and version sync all read it. Usage is
 * counted across every project (as the app, so projects the caller cannot see count too), but only
 * the count is reported, never which projects.
 */
import type { DeleteCustomChecklistResult } from '../../common/custom-checklists';
import { findBuiltinChecklist } from '../checklists';
import type { JiraClient } from '../jira';
import { ITEM_PROPERTY } from '../jira/identity';
import { jqlString } from '../jira/jql';
import { deleteCustomChecklist, loadCustomChecklist } from './custom-store';
import { deleteInitialResults } from './initial-results';

/** The checklist cannot be deleted as things stand; the message says what to do first. */
export class CustomChecklistInUseError extends Error {
  override readonly name = 'CustomChecklistInUseError';
}

export async function removeCustomChecklist(jira: JiraClient, checklistId: string): Promise<DeleteCustomChecklistResult> {
  if (findBuiltinChecklist(checklistId)) {
    throw new CustomChecklistInUseError(`"${checklistId}" is a built-in checklist; only checklists a team saved can be deleted.`);
  }
  const def = await loadCustomChecklist(checklistId);
  if (!def) return { id: checklistId, deleted: false };
  const active = await jira.approximateCount({
    jql: `issue.property[${ITEM_PROPERTY}].checklistId = ${jqlString(checklistId)} AND issue.property[${ITEM_PROPERTY}].state = "active"`,
    as: 'app',
  });
  if (active > 0) {
    throw new CustomChecklistInUseError(
      `${def.name} ${def.version} still has ${active === 1 ? '1 active item issue' : `${active} active item issues`} in Jira. ` +
        'Move those projects to another version with "Update to version" (or delete the issues) first, then delete the checklist.',
    );
  }
  await deleteCustomChecklist(checklistId);
  await deleteInitialResults(checklistId);
  console.info(`[custom-checklist] deleted ${checklistId}`);
  return { id: checklistId, deleted: true };
}

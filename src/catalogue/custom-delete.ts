/**
 * Removing a custom checklist from the catalogue. A checklist that projects still work with is
 * kept: their issues name it, and the score, the audit pack and version sync all read it. Usage is
 * checked across every project (as the app, so projects the caller cannot see count too) with a
 * search that lists the issues (approximateCount lags behind recent writes), and an import of it
 * still running in any project also keeps it. Only counts are reported, never which projects.
 */
import { ConflictError } from '../../common/errors';
import type { DeleteCustomChecklistResult } from '../../common/custom-checklists';
import { findBuiltinChecklist } from '../checklists';
import { activeImportSchema } from '../platform/import-active';
import { loadJob } from '../platform/import-job';
import type { JiraClient } from '../jira';
import { ITEM_PROPERTY } from '../jira/identity';
import { jqlString } from '../jira/jql';
import { activeImportPrefix } from '../storage/keys';
import { readByPrefix } from '../storage/kvs';
import { withChecklistLock } from './custom-lock';
import { deleteCustomChecklist, loadCustomChecklist } from './custom-store';
import { deleteInitialResults } from './initial-results';

/** The checklist cannot be deleted as things stand; the message says what to do first. */
export class CustomChecklistInUseError extends ConflictError {}

export async function removeCustomChecklist(jira: JiraClient, checklistId: string): Promise<DeleteCustomChecklistResult> {
  if (findBuiltinChecklist(checklistId)) {
    throw new CustomChecklistInUseError(`"${checklistId}" is a built-in checklist; only checklists a team saved can be deleted.`);
  }
  return withChecklistLock(checklistId, 'deleted', async () => {
    const def = await loadCustomChecklist(checklistId);
    if (!def) return { id: checklistId, deleted: false };
    const importing = await projectsImporting(checklistId);
    if (importing > 0) {
      throw new CustomChecklistInUseError(
        `${def.name} ${def.version} is being imported into ${importing === 1 ? 'a project' : `${importing} projects`} right now. ` +
          'Wait for the import to finish, move those projects to another version, then delete the checklist.',
      );
    }
    const active = await jira.searchJql({
      jql: `issue.property[${ITEM_PROPERTY}].checklistId = ${jqlString(checklistId)} AND issue.property[${ITEM_PROPERTY}].state = "active"`,
      as: 'app',
    });
    if (active.length > 0) {
      throw new CustomChecklistInUseError(
        `${def.name} ${def.version} still has ${active.length === 1 ? '1 active item issue' : `${active.length} active item issues`} in Jira. ` +
          'Move those projects to another version with "Update to version" (or delete the issues) first, then delete the checklist.',
      );
    }
    await deleteCustomChecklist(checklistId);
    await deleteInitialResults(checklistId);
    console.info(`[custom-checklist] deleted ${checklistId}`);
    return { id: checklistId, deleted: true };
  });
}

/**
 * Projects with an import of the checklist queued or running (`import-active:<project>:<id>` whose
 * job is not finished). A job whose consumer died still counts: it resumes when the project's Audit
 * page starts the import again.
 */
async function projectsImporting(checklistId: string): Promise<number> {
  const slots = await readByPrefix(activeImportPrefix(), activeImportSchema);
  let running = 0;
  for (const slot of slots) {
    if (slot.key.split(':')[2] !== checklistId) continue;
    const job = await loadJob(slot.value.jobId);
    if (job && job.checklistId === checklistId && (job.state === 'queued' || job.state === 'running')) running++;
  }
  return running;
}

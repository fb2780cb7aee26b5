/**
 * Resolvers for a team's own checklists (common/api/custom-checklists.ts, types in common/custom-checklists.ts):
 *
 *   saveCustomChecklist { definition, initialResults?, fileName? }       → SaveCustomChecklistResult
 *   beginCustomChecklist { definition (no items), itemCount, chunkCount, fileName? } → { uploadId, expiresAt }
 *   appendCustomChecklistItems { uploadId, index, items, initialResults? } → { uploadId, index, received }
 *   commitCustomChecklist { uploadId }                                     → SaveCustomChecklistResult
 *   deleteCustomChecklist { id }                                           → { id, deleted }
 *
 * A saved checklist is offered to every project of the site (and as "Update to version" to every
 * project of its framework), so saving and deleting one is a site administrator's act: the caller
 * needs Jira's global Administer Jira permission (checked as the user, on every save, begin, commit
 * and delete). Appending a part checks only that the upload is the caller's own; the commit checks
 * the permission again before anything is saved.
 */
import type { customChecklistApi } from '../../common/api/custom-checklists';
import { removeCustomChecklist } from '../catalogue/custom-delete';
import { storeCustomChecklist } from '../catalogue/custom-save';
import { appendToUpload, beginUpload, commitUpload } from '../catalogue/custom-upload';
import { prepareCustomChecklist } from '../catalogue/custom-validate';
import { requireJiraAdministrator } from '../platform/access';
import type { Handlers } from './define-all';
import { jiraClientFor } from '../platform/jira';

/** The name problems are reported under: the file's own, else the checklist id's. */
function fileNameOf(fileName: string | undefined, definition: unknown): string {
  if (fileName !== undefined) return fileName;
  const id = typeof definition === 'object' && definition !== null ? (definition as { id?: unknown }).id : undefined;
  return typeof id === 'string' && id !== '' ? `${id.slice(0, 200)}.json` : 'checklist.json';
}

export const customChecklistHandlers: Handlers<typeof customChecklistApi> = {
  saveCustomChecklist: async ({ definition, initialResults, fileName }, caller) => {
    await requireJiraAdministrator('save a checklist for the whole site');
    const prepared = prepareCustomChecklist(definition, initialResults, fileNameOf(fileName, definition));
    return storeCustomChecklist(prepared, { savedBy: caller.accountId });
  },
  beginCustomChecklist: async (payload, caller) => {
    await requireJiraAdministrator('save a checklist for the whole site');
    return beginUpload(caller.accountId, { ...payload, fileName: fileNameOf(payload.fileName, payload.definition) });
  },
  appendCustomChecklistItems: ({ uploadId, index, items, initialResults }, caller) =>
    appendToUpload(caller.accountId, { uploadId, index, items, ...(initialResults !== undefined ? { initialResults } : {}) }),
  commitCustomChecklist: async ({ uploadId }, caller) => {
    await requireJiraAdministrator('save a checklist for the whole site');
    return commitUpload(caller.accountId, uploadId);
  },
  deleteCustomChecklist: async ({ id }) => {
    await requireJiraAdministrator('delete a checklist of the whole site');
    return removeCustomChecklist(jiraClientFor('resolver'), id);
  },
};

/**
 * The Audit page's core resolvers (common/api/catalogue.ts): the checklist catalogue, import,
 * score, the project's checklists, version sync and adopting an issue. Reading the app's data needs
 * Browse projects in the context project, asked as the user; writes check more in their use case.
 */
import type { catalogueApi } from '../../common/api/catalogue';
import type { ProjectChecklist } from '../../common/project-checklists';
import { findChecklistHeader, listChecklists, requireChecklist, viewOf } from '../catalogue';
import { getImport, startImport } from '../import/start';
import { adoptIssue } from '../item-map/adopt';
import { getRollup } from '../rollup/get-rollup';
import { lastChecklist, projectChecklists } from '../storage/project-state';
import { applySync, previewSync } from '../sync/apply';
import { readRetiredChecklists } from '../platform/retired-checklists';
import { requireProjectPermissions } from '../platform/access';
import type { ProjectCaller } from '../platform/context';
import type { Handlers } from './define-all';
import { jiraClientFor } from '../platform/jira';

const requireBrowse = (caller: ProjectCaller, action: string): Promise<void> => requireProjectPermissions(jiraClientFor('resolver'), caller, ['BROWSE_PROJECTS'], action);

/**
 * The checklists the project holds. One the catalogue no longer has (a deleted custom one) is left
 * out: it could not be scored. One a version update moved away from is marked `retired`.
 */
async function listProjectChecklists(caller: ProjectCaller): Promise<ProjectChecklist[]> {
  await requireBrowse(caller, 'see its audit checklists');
  const [ids, last, retired] = await Promise.all([projectChecklists(caller.projectKey), lastChecklist(caller.projectKey), readRetiredChecklists(caller.projectKey)]);
  // Headers only: a listing needs names and versions, not a custom checklist's items.
  const found = await Promise.all(ids.map(async (id) => ({ id, def: await findChecklistHeader(id) })));
  const listed = await Promise.all(
    found.map(async ({ id, def }): Promise<ProjectChecklist | undefined> => {
      if (!def) return undefined;
      const entry: ProjectChecklist = { id, name: def.name, version: def.version, last: id === last };
      const record = retired[id];
      if (record?.at === undefined || id === last) return entry;
      const next = await findChecklistHeader(record.replacedBy);
      const { at, replacedBy, lastScore } = record;
      return { ...entry, retired: { at, replacedBy, replacedByVersion: next?.version ?? replacedBy, ...(lastScore ? { lastScore } : {}) } };
    }),
  );
  return listed.filter((entry): entry is ProjectChecklist => entry !== undefined);
}

export const catalogueHandlers: Handlers<typeof catalogueApi> = {
  listChecklists: async (_payload, caller) => {
    await requireBrowse(caller, 'see the checklists it can import');
    return listChecklists();
  },
  getChecklist: async ({ id }, caller) => {
    await requireBrowse(caller, 'see the checklists it can import');
    return viewOf(await requireChecklist(id));
  },
  startImport: ({ checklistId }, caller) => startImport(jiraClientFor('resolver'), caller, checklistId),
  getImport: async ({ jobId }, caller) => {
    await requireBrowse(caller, 'follow its imports');
    return getImport(caller, jobId);
  },
  getRollup: ({ checklistId, refresh }, caller) =>
    getRollup(jiraClientFor('resolver'), caller, { ...(checklistId !== undefined ? { checklistId } : {}), ...(refresh !== undefined ? { refresh } : {}) }),
  listProjectChecklists: (_payload, caller) => listProjectChecklists(caller),
  planSync: ({ checklistId }, caller) => previewSync(jiraClientFor('resolver'), caller, checklistId),
  applySync: ({ checklistId, mappings }, caller) => applySync(jiraClientFor('resolver'), caller, checklistId, mappings ?? []),
  adoptIssue: ({ issueKey }, caller) => adoptIssue(jiraClientFor('resolver'), caller, issueKey),
};

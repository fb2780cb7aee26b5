/**
 * The app's resolver API (common/contract.ts): each resolver validates its payload, takes the
 * project and the user from the invocation context, and delegates to its use case.
 */
import Resolver from '@forge/resolver';
import { z } from 'zod';
import type { ChecklistSummary, ChecklistView, ImportStatus, Rollup, StartImportResult, SyncPreview, SyncResult } from '../../common/contract';
import { listChecklists, requireChecklist, viewOf } from '../catalogue';
import { getImport, startImport } from '../import/start';
import { getRollup } from '../rollup/get-rollup';
import { applySync, previewSync } from '../sync/apply';
import { requireProjectPermissions } from './access';
import { checklistIdSchema, parsePayload, projectCaller, type ProjectCaller } from './context';
import { logged } from './logged';
import { OwnKeysResolver } from './own-keys';
import { defineAuditDayResolvers } from './audit-day';
import { defineCustomChecklistResolvers } from './custom-checklists';
import { defineCrosswalkResolvers } from './crosswalk';
import { defineEvidenceResolvers } from './evidence';
import { defineProjectChecklistResolvers } from './project-checklists';
import { defineItemMapResolvers } from './item-map';
import { jiraClientFor } from './jira';
import { defineTrailResolvers } from './trail';
import { definePlanResolvers } from './plan';

const checklistPayload = z.object({ checklistId: checklistIdSchema });
const idPayload = z.object({ id: checklistIdSchema });
const itemIdSchema = z.string().min(1).max(100);
/** The proposals of the preview the person confirmed (checked against the plan on the server). */
const applySyncPayload = z.object({
  checklistId: checklistIdSchema,
  mappings: z.array(z.object({ fromItemId: itemIdSchema, toItemId: itemIdSchema })).max(5000).optional(),
});
const jobPayload = z.object({ jobId: z.uuid() });
const rollupPayload = z.object({ checklistId: checklistIdSchema.optional(), refresh: z.boolean().optional() });

/** Browse projects in the context project, asked as the user: reading the app's data needs no more. */
const requireBrowse = (caller: ProjectCaller, action: string): Promise<void> => requireProjectPermissions(jiraClientFor('resolver'), caller, ['BROWSE_PROJECTS'], action);

export function buildResolver(): Resolver {
  const definitions = new OwnKeysResolver();
  definitions.define(
    'listChecklists',
    logged('listChecklists', async ({ context }): Promise<ChecklistSummary[]> => {
      await requireBrowse(projectCaller(context), 'see the checklists it can import');
      return listChecklists();
    }),
  );
  definitions.define(
    'getChecklist',
    logged('getChecklist', async ({ payload, context }): Promise<ChecklistView> => {
      const caller = projectCaller(context);
      const { id } = parsePayload(idPayload, payload, 'getChecklist');
      await requireBrowse(caller, 'see the checklists it can import');
      return viewOf(await requireChecklist(id));
    }),
  );
  definitions.define(
    'startImport',
    logged('startImport', async ({ payload, context }): Promise<StartImportResult> => {
      const { checklistId } = parsePayload(checklistPayload, payload, 'startImport');
      return startImport(jiraClientFor('resolver'), projectCaller(context), checklistId);
    }),
  );
  definitions.define(
    'getImport',
    logged('getImport', async ({ payload, context }): Promise<ImportStatus> => {
      const caller = projectCaller(context);
      const { jobId } = parsePayload(jobPayload, payload, 'getImport');
      await requireBrowse(caller, 'follow its imports');
      return getImport(caller, jobId);
    }),
  );
  definitions.define(
    'getRollup',
    logged('getRollup', async ({ payload, context }): Promise<Rollup | null> => {
      const { checklistId, refresh } = parsePayload(rollupPayload, payload, 'getRollup');
      return getRollup(jiraClientFor('resolver'), projectCaller(context), {
        ...(checklistId !== undefined ? { checklistId } : {}),
        ...(refresh !== undefined ? { refresh } : {}),
      });
    }),
  );
  definitions.define(
    'planSync',
    logged('planSync', async ({ payload, context }): Promise<SyncPreview> => {
      const { checklistId } = parsePayload(checklistPayload, payload, 'planSync');
      return previewSync(jiraClientFor('resolver'), projectCaller(context), checklistId);
    }),
  );
  definitions.define(
    'applySync',
    logged('applySync', async ({ payload, context }): Promise<SyncResult> => {
      const { checklistId, mappings } = parsePayload(applySyncPayload, payload, 'applySync');
      return applySync(jiraClientFor('resolver'), projectCaller(context), checklistId, mappings ?? []);
    }),
  );
  defineEvidenceResolvers(definitions);
  defineCustomChecklistResolvers(definitions);
  defineAuditDayResolvers(definitions);
  defineProjectChecklistResolvers(definitions);
  defineTrailResolvers(definitions);
  defineItemMapResolvers(definitions);
  definePlanResolvers(definitions);
  defineCrosswalkResolvers(definitions);
  return definitions;
}

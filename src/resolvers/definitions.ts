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
import { checklistIdSchema, parsePayload, projectCaller } from './context';
import { defineAuditDayResolvers } from './audit-day';
import { defineCustomChecklistResolvers } from './custom-checklists';
import { defineEvidenceResolvers } from './evidence';
import { jiraClientFor } from './jira';

const checklistPayload = z.object({ checklistId: checklistIdSchema });
const idPayload = z.object({ id: checklistIdSchema });
const jobPayload = z.object({ jobId: z.uuid() });
const rollupPayload = z.object({ checklistId: checklistIdSchema.optional(), refresh: z.boolean().optional() });

interface Request {
  payload: unknown;
  context: unknown;
}

/** Runs a resolver body; logs one line when it fails (its name and the error class, no payload). */
function resolver<T>(name: string, body: (request: Request) => Promise<T>): (request: Request) => Promise<T> {
  return async (request) => {
    try {
      return await body(request);
    } catch (error) {
      console.warn(`[resolver] ${name} failed: ${error instanceof Error ? error.name : 'error'}`);
      throw error;
    }
  };
}

export function buildResolver(): Resolver {
  const definitions = new Resolver();
  definitions.define(
    'listChecklists',
    resolver('listChecklists', async (): Promise<ChecklistSummary[]> => listChecklists()),
  );
  definitions.define(
    'getChecklist',
    resolver('getChecklist', async ({ payload }): Promise<ChecklistView> => {
      const { id } = parsePayload(idPayload, payload, 'getChecklist');
      return viewOf(await requireChecklist(id));
    }),
  );
  definitions.define(
    'startImport',
    resolver('startImport', async ({ payload, context }): Promise<StartImportResult> => {
      const { checklistId } = parsePayload(checklistPayload, payload, 'startImport');
      return startImport(jiraClientFor('resolver'), projectCaller(context), checklistId);
    }),
  );
  definitions.define(
    'getImport',
    resolver('getImport', async ({ payload, context }): Promise<ImportStatus> => {
      const { jobId } = parsePayload(jobPayload, payload, 'getImport');
      return getImport(projectCaller(context), jobId);
    }),
  );
  definitions.define(
    'getRollup',
    resolver('getRollup', async ({ payload, context }): Promise<Rollup | null> => {
      const { checklistId, refresh } = parsePayload(rollupPayload, payload, 'getRollup');
      return getRollup(jiraClientFor('resolver'), projectCaller(context), {
        ...(checklistId !== undefined ? { checklistId } : {}),
        ...(refresh !== undefined ? { refresh } : {}),
      });
    }),
  );
  definitions.define(
    'planSync',
    resolver('planSync', async ({ payload, context }): Promise<SyncPreview> => {
      const { checklistId } = parsePayload(checklistPayload, payload, 'planSync');
      return previewSync(jiraClientFor('resolver'), projectCaller(context), checklistId);
    }),
  );
  definitions.define(
    'applySync',
    resolver('applySync', async ({ payload, context }): Promise<SyncResult> => {
      const { checklistId } = parsePayload(checklistPayload, payload, 'applySync');
      return applySync(jiraClientFor('resolver'), projectCaller(context), checklistId);
    }),
  );
  defineEvidenceResolvers(definitions);
  defineCustomChecklistResolvers(definitions);
  defineAuditDayResolvers(definitions);
  return definitions;
}

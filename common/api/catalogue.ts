/** The checklist catalogue, import, score and version sync (the Audit page's core). */
import { z } from 'zod';
import type { AdoptIssueResult, ChecklistSummary, ChecklistView, ImportStatus, Rollup, StartImportResult, SyncPreview, SyncResult } from '../contract';
import type { ProjectChecklist } from '../project-checklists';
import { fn } from './define';
import { checklistIdSchema } from './shared';

const itemIdSchema = z.string().min(1).max(100);

export const catalogueApi = {
  listChecklists: fn<ChecklistSummary[]>()('project', z.object({})),
  getChecklist: fn<ChecklistView>()('project', z.object({ id: checklistIdSchema })),
  startImport: fn<StartImportResult>()('project', z.object({ checklistId: checklistIdSchema })),
  getImport: fn<ImportStatus>()('project', z.object({ jobId: z.uuid() })),
  /** `refresh: true` reads Jira even when the cache is fresh; null before the first import. */
  getRollup: fn<Rollup | null>()('project', z.object({ checklistId: checklistIdSchema.optional(), refresh: z.boolean().optional() })),
  listProjectChecklists: fn<ProjectChecklist[]>()('project', z.object({})),
  planSync: fn<SyncPreview>()('project', z.object({ checklistId: checklistIdSchema })),
  /** The proposals of the preview the person confirmed (checked against the plan on the server). */
  applySync: fn<SyncResult>()(
    'project',
    z.object({
      checklistId: checklistIdSchema,
      mappings: z.array(z.object({ fromItemId: itemIdSchema, toItemId: itemIdSchema })).max(5000).optional(),
    }),
  ),
  adoptIssue: fn<AdoptIssueResult>()('project', z.object({ issueKey: z.string().regex(/^[A-Z][A-Z0-9_]{0,254}-[1-9]\d{0,9}$/, 'an issue key such as MSP-12') })),
};

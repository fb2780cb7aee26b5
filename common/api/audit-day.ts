/**
 * Audit day: chapter reviews, waivers, the "before you apply" conditions and the audit-pack export.
 * `checklistId` defaults to the checklist imported last where it is optional.
 */
import { z } from 'zod';
import type {
  AddCustomWaiverPayload,
  ApplyWaiverPayload,
  AuditDay,
  AuditExport,
  AuditExportPack,
  ExportAuditPackPayload,
  ExportAuditPayload,
  Prerequisites,
  ScoreHistoryView,
} from '../contract';
import type { AuditExportPart } from '../export-parts';
import { fn } from './define';
import { checklistIdSchema, idSchema, textSchema } from './shared';

/** A waiver's proof: its fields are checked in the domain (waiver-proof.ts), with messages naming what to fix. */
const proofSchema = z.record(z.string(), z.unknown()).optional();
const optionalChecklist = z.object({ checklistId: checklistIdSchema.optional() });

export const auditDayApi = {
  getAuditDay: fn<AuditDay>()('project', optionalChecklist),
  /** The history alone: a KVS read after the Browse check, no rollup and no search (the overview's trend). */
  getScoreHistory: fn<ScoreHistoryView>()('project', optionalChecklist),
  markChapterReviewed: fn<AuditDay>()('project', z.object({ checklistId: checklistIdSchema, chapterId: idSchema, note: textSchema.optional() })),
  // The UI sends the contract's WaiverProofView; the wire takes any record (see proofSchema).
  applyWaiver: fn<AuditDay, ApplyWaiverPayload>()('project', z.object({ checklistId: checklistIdSchema, waiverId: idSchema, proof: proofSchema })),
  addCustomWaiver: fn<AuditDay, AddCustomWaiverPayload>()(
    'project',
    z.object({
      checklistId: checklistIdSchema,
      name: textSchema.optional(),
      reason: textSchema,
      items: z.array(idSchema).max(10_000).optional(),
      chapters: z.array(idSchema).max(1_000).optional(),
      proof: proofSchema,
    }),
  ),
  removeWaiver: fn<AuditDay>()('project', z.object({ checklistId: checklistIdSchema, id: idSchema })),
  getPrerequisites: fn<Prerequisites>()('project', optionalChecklist),
  setPrerequisite: fn<Prerequisites>()('project', z.object({ checklistId: checklistIdSchema, id: idSchema, done: z.boolean() })),
  /**
   * `csv` (default) → AuditExportCsv, `report` → AuditExportReport, `pack` → AuditExportPack (the
   * structured pack the page writes the .xlsx workbooks from).
   */
  exportAudit: fn<AuditExport | AuditExportPack, ExportAuditPayload | ExportAuditPackPayload>()(
    'project',
    z.object({ checklistId: checklistIdSchema.optional(), format: z.enum(['csv', 'report', 'pack']).optional() }),
  ),
  exportAuditPart: fn<AuditExportPart>()(
    'project',
    z.object({ checklistId: checklistIdSchema.optional(), format: z.enum(['csv', 'report', 'pack']).optional(), cursor: z.string().min(1).max(2_000).optional() }),
  ),
};

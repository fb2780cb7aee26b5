/**
 * The audit-day resolvers (common/contract.ts, "Audit day"): chapter reviews, waivers, the score
 * history, the audit-pack export and the "before you apply" conditions. The project and the user come from the invocation context;
 * payloads are parsed here and the permission is checked on the server as the user (src/audit-day).
 */
import type Resolver from '@forge/resolver';
import { z } from 'zod';
import type { AuditDay, AuditExport, AuditExportPack, Prerequisites } from '../../common/contract';
import { getAuditDay, markChapterReviewed } from '../audit-day/audit-day';
import { addCustomWaiverFor, applyWaiver, removeWaiverFor } from '../audit-day/waiver-changes';
import { exportAudit } from '../audit-day/export';
import { exportAuditPart } from '../audit-day/export-parts';
import type { AuditExportPart } from '../../common/export-parts';
import { getPrerequisites, setPrerequisite } from '../audit-day/prerequisites';
import { exportAuditPack } from '../audit-day/export-pack';
import { checklistIdSchema, parsePayload, projectCaller } from '../platform/context';
import { logged } from '../platform/logged';
import { jiraClientFor } from '../platform/jira';

/** Ids of chapters, items and waivers: the checklist format's, generously bounded. */
const idSchema = z.string().trim().min(1).max(200);
/** Text is bounded here only against abuse; the domain gives the real limits with a clear message. */
const textSchema = z.string().max(10_000);

const getPayload = z.object({ checklistId: checklistIdSchema.optional() });
const reviewPayload = z.object({ checklistId: checklistIdSchema, chapterId: idSchema, note: textSchema.optional() });
/** A waiver's proof: its fields are checked in the domain (waiver-proof.ts), with messages naming what to fix. */
const proofSchema = z.record(z.string(), z.unknown()).optional();
const applyPayload = z.object({ checklistId: checklistIdSchema, waiverId: idSchema, proof: proofSchema });
const customPayload = z.object({
  checklistId: checklistIdSchema,
  name: textSchema.optional(),
  reason: textSchema,
  items: z.array(idSchema).max(10_000).optional(),
  chapters: z.array(idSchema).max(1_000).optional(),
  proof: proofSchema,
});
const removePayload = z.object({ checklistId: checklistIdSchema, id: idSchema });
const prerequisitePayload = z.object({ checklistId: checklistIdSchema, id: idSchema, done: z.boolean() });
const exportPayload = z.object({ checklistId: checklistIdSchema.optional(), format: z.enum(['csv', 'report']).optional() });
const exportPartPayload = z.object({
  checklistId: checklistIdSchema.optional(),
  format: z.enum(['csv', 'report', 'pack']).optional(),
  cursor: z.string().min(1).max(2_000).optional(),
});
/** `format: 'pack'`: the structured pack the Audit page writes the .xlsx workbooks from. */
const exportPackPayload = z.object({ checklistId: checklistIdSchema.optional(), format: z.literal('pack') });
const asksForPack = (payload: unknown): boolean => typeof payload === 'object' && payload !== null && (payload as { format?: unknown }).format === 'pack';
/** The Jira site the pack's issue links point at: from Forge's context, never the payload. */
const siteOf = (context: unknown): string | undefined => {
  const parsed = z.looseObject({ siteUrl: z.url({ protocol: /^https?$/ }) }).safeParse(context);
  return parsed.success ? parsed.data.siteUrl : undefined;
};

export function defineAuditDayResolvers(definitions: Resolver): void {
  definitions.define(
    'getAuditDay',
    logged('getAuditDay', async ({ payload, context }): Promise<AuditDay> => {
      const { checklistId } = parsePayload(getPayload, payload, 'getAuditDay');
      return getAuditDay(jiraClientFor('resolver'), projectCaller(context), checklistId !== undefined ? { checklistId } : {});
    }),
  );
  definitions.define(
    'markChapterReviewed',
    logged('markChapterReviewed', async ({ payload, context }): Promise<AuditDay> => {
      const { checklistId, chapterId, note } = parsePayload(reviewPayload, payload, 'markChapterReviewed');
      return markChapterReviewed(jiraClientFor('resolver'), projectCaller(context), { checklistId, chapterId, ...(note !== undefined ? { note } : {}) });
    }),
  );
  definitions.define(
    'applyWaiver',
    logged('applyWaiver', async ({ payload, context }): Promise<AuditDay> => {
      const args = parsePayload(applyPayload, payload, 'applyWaiver');
      return applyWaiver(jiraClientFor('resolver'), projectCaller(context), args);
    }),
  );
  definitions.define(
    'addCustomWaiver',
    logged('addCustomWaiver', async ({ payload, context }): Promise<AuditDay> => {
      const { checklistId, name, reason, items, chapters, proof } = parsePayload(customPayload, payload, 'addCustomWaiver');
      return addCustomWaiverFor(jiraClientFor('resolver'), projectCaller(context), {
        checklistId,
        reason,
        ...(name !== undefined ? { name } : {}),
        ...(items !== undefined ? { items } : {}),
        ...(chapters !== undefined ? { chapters } : {}),
        ...(proof !== undefined ? { proof } : {}),
      });
    }),
  );
  definitions.define(
    'removeWaiver',
    logged('removeWaiver', async ({ payload, context }): Promise<AuditDay> => {
      const args = parsePayload(removePayload, payload, 'removeWaiver');
      return removeWaiverFor(jiraClientFor('resolver'), projectCaller(context), args);
    }),
  );
  definitions.define(
    'getPrerequisites',
    logged('getPrerequisites', async ({ payload, context }): Promise<Prerequisites> => {
      const { checklistId } = parsePayload(getPayload, payload, 'getPrerequisites');
      return getPrerequisites(jiraClientFor('resolver'), projectCaller(context), checklistId !== undefined ? { checklistId } : {});
    }),
  );
  definitions.define(
    'setPrerequisite',
    logged('setPrerequisite', async ({ payload, context }): Promise<Prerequisites> => {
      const args = parsePayload(prerequisitePayload, payload, 'setPrerequisite');
      return setPrerequisite(jiraClientFor('resolver'), projectCaller(context), args);
    }),
  );
  definitions.define(
    'exportAudit',
    logged('exportAudit', async ({ payload, context }): Promise<AuditExport | AuditExportPack> => {
      if (asksForPack(payload)) {
        const { checklistId } = parsePayload(exportPackPayload, payload, 'exportAudit');
        const siteUrl = siteOf(context);
        return exportAuditPack(jiraClientFor('resolver'), projectCaller(context), {
          ...(checklistId !== undefined ? { checklistId } : {}),
          ...(siteUrl !== undefined ? { siteUrl } : {}),
        });
      }
      const { checklistId, format } = parsePayload(exportPayload, payload, 'exportAudit');
      return exportAudit(jiraClientFor('resolver'), projectCaller(context), {
        ...(checklistId !== undefined ? { checklistId } : {}),
        ...(format !== undefined ? { format } : {}),
      });
    }),
  );
  definitions.define(
    'exportAuditPart',
    logged('exportAuditPart', async ({ payload, context }): Promise<AuditExportPart> => {
      const { checklistId, format, cursor } = parsePayload(exportPartPayload, payload, 'exportAuditPart');
      const siteUrl = siteOf(context);
      return exportAuditPart(jiraClientFor('resolver'), projectCaller(context), {
        ...(checklistId !== undefined ? { checklistId } : {}),
        ...(format !== undefined ? { format } : {}),
        ...(cursor !== undefined ? { cursor } : {}),
        ...(siteUrl !== undefined ? { siteUrl } : {}),
      });
    }),
  );
}

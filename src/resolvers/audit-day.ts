/**
 * The audit-day resolvers (common/api/audit-day.ts): chapter reviews, waivers, the score
 * history, the audit-pack export and the "before you apply" conditions. The project and the user come from the invocation context;
 * the permission is checked on the server as the user (src/audit-day).
 */
import { z } from 'zod';
import type { auditDayApi } from '../../common/api/audit-day';
import { getAuditDay, getScoreHistory, markChapterReviewed } from '../audit-day/audit-day';
import { addCustomWaiverFor, applyWaiver, removeWaiverFor } from '../audit-day/waiver-changes';
import { exportAudit } from '../audit-day/export';
import { exportAuditPart } from '../audit-day/export-parts';
import { getPrerequisites, setPrerequisite } from '../audit-day/prerequisites';
import { exportAuditPack } from '../audit-day/export-pack';
import type { Handlers } from './define-all';
import { jiraClientFor } from '../platform/jira';

/** The Jira site the pack's issue links point at: from Forge's context, never the payload. */
const siteOf = (context: unknown): { siteUrl?: string } => {
  const parsed = z.looseObject({ siteUrl: z.url({ protocol: /^https?$/ }) }).safeParse(context);
  return parsed.success ? { siteUrl: parsed.data.siteUrl } : {};
};
const checklistOf = (checklistId: string | undefined) => (checklistId !== undefined ? { checklistId } : {});

export const auditDayHandlers: Handlers<typeof auditDayApi> = {
  getAuditDay: ({ checklistId }, caller) => getAuditDay(jiraClientFor('resolver'), caller, checklistOf(checklistId)),
  getScoreHistory: ({ checklistId }, caller) => getScoreHistory(jiraClientFor('resolver'), caller, checklistOf(checklistId)),
  markChapterReviewed: ({ checklistId, chapterId, note }, caller) =>
    markChapterReviewed(jiraClientFor('resolver'), caller, { checklistId, chapterId, ...(note !== undefined ? { note } : {}) }),
  applyWaiver: (payload, caller) => applyWaiver(jiraClientFor('resolver'), caller, payload),
  addCustomWaiver: ({ checklistId, name, reason, items, chapters, proof }, caller) =>
    addCustomWaiverFor(jiraClientFor('resolver'), caller, {
      checklistId,
      reason,
      ...(name !== undefined ? { name } : {}),
      ...(items !== undefined ? { items } : {}),
      ...(chapters !== undefined ? { chapters } : {}),
      ...(proof !== undefined ? { proof } : {}),
    }),
  removeWaiver: (payload, caller) => removeWaiverFor(jiraClientFor('resolver'), caller, payload),
  getPrerequisites: ({ checklistId }, caller) => getPrerequisites(jiraClientFor('resolver'), caller, checklistOf(checklistId)),
  setPrerequisite: (payload, caller) => setPrerequisite(jiraClientFor('resolver'), caller, payload),
  /** `format: 'pack'`: the structured pack the Audit page writes the .xlsx workbooks from. */
  exportAudit: ({ checklistId, format }, caller, context) =>
    format === 'pack'
      ? exportAuditPack(jiraClientFor('resolver'), caller, { ...checklistOf(checklistId), ...siteOf(context) })
      : exportAudit(jiraClientFor('resolver'), caller, { ...checklistOf(checklistId), ...(format !== undefined ? { format } : {}) }),
  exportAuditPart: ({ checklistId, format, cursor }, caller, context) =>
    exportAuditPart(jiraClientFor('resolver'), caller, {
      ...checklistOf(checklistId),
      ...(format !== undefined ? { format } : {}),
      ...(cursor !== undefined ? { cursor } : {}),
      ...siteOf(context),
    }),
};

/** Road to audit day (src/plan): the audit plan, what is due when, owners, reminders, display names. */
import { z } from 'zod';
import type { PeopleNames, RemindersView, RoadToAudit } from '../contract';
import { fn } from './define';
import { checklistIdSchema } from './shared';

/** Dates are checked by the domain (real calendar days, order); here only bounded. */
const dateText = z.string().max(40);
const optionalChecklist = z.object({ checklistId: checklistIdSchema.optional() });

export const planApi = {
  getAuditPlan: fn<RoadToAudit>()('project', optionalChecklist),
  /** `revision`: the plan's revision the page showed (0 for none); a stale save is a conflict. */
  setAuditPlan: fn<RoadToAudit>()(
    'project',
    z.object({
      checklistId: checklistIdSchema.optional(),
      validationDate: dateText,
      preAuditDate: dateText.optional(),
      selfAssessmentSentDate: dateText.optional(),
      revision: z.number().int().min(0).optional(),
    }),
  ),
  getReminders: fn<RemindersView>()('project', optionalChecklist),
  setReminders: fn<RemindersView>()('project', z.object({ checklistId: checklistIdSchema.optional(), enabled: z.boolean() })),
  getPeople: fn<PeopleNames>()('project', z.object({ checklistId: checklistIdSchema.optional(), accountIds: z.array(z.string().min(1).max(128)).max(200) })),
};

/**
 * The road-to-audit-day resolvers (common/contract.ts, "Road to audit day"): the audit plan, what is
 * due when, owners and the forecast, and display names. The project and the user come from the
 * invocation context; src/plan checks the permission as the user on the server.
 */
import type Resolver from '@forge/resolver';
import { z } from 'zod';
import type { PeopleNames, RemindersView, RoadToAudit } from '../../common/contract';
import { JiraHttp } from '../jira/http';
import { getReminders, setReminders } from '../plan/reminders';
import { getAuditPlan, getPeople, setAuditPlan } from '../plan/road';
import { checklistIdSchema, parsePayload, projectCaller } from '../platform/context';
import { logged } from '../platform/logged';
import { jiraClientFor, jiraHttpOptionsFor } from '../platform/jira';

/** Dates are checked by the domain (real calendar days, order); here only bounded. */
const dateText = z.string().max(40);
const payloads = {
  getAuditPlan: z.object({ checklistId: checklistIdSchema.optional() }),
  setAuditPlan: z.object({
    checklistId: checklistIdSchema.optional(),
    validationDate: dateText,
    preAuditDate: dateText.optional(),
    selfAssessmentSentDate: dateText.optional(),
    revision: z.number().int().min(0).optional(),
  }),
  getReminders: z.object({ checklistId: checklistIdSchema.optional() }),
  setReminders: z.object({ checklistId: checklistIdSchema.optional(), enabled: z.boolean() }),
  getPeople: z.object({ checklistId: checklistIdSchema.optional(), accountIds: z.array(z.string().min(1).max(128)).max(200) }),
};

export function definePlanResolvers(definitions: Resolver): void {
  definitions.define(
    'getAuditPlan',
    logged('getAuditPlan', async ({ payload, context }): Promise<RoadToAudit> => {
      const { checklistId } = parsePayload(payloads.getAuditPlan, payload, 'getAuditPlan');
      return getAuditPlan(jiraClientFor('resolver'), new JiraHttp(jiraHttpOptionsFor('resolver')), projectCaller(context), checklistId !== undefined ? { checklistId } : {});
    }),
  );
  definitions.define(
    'setAuditPlan',
    logged('setAuditPlan', async ({ payload, context }): Promise<RoadToAudit> => {
      const { checklistId, validationDate, preAuditDate, selfAssessmentSentDate, revision } = parsePayload(payloads.setAuditPlan, payload, 'setAuditPlan');
      return setAuditPlan(jiraClientFor('resolver'), new JiraHttp(jiraHttpOptionsFor('resolver')), projectCaller(context), {
        validationDate,
        ...(checklistId !== undefined ? { checklistId } : {}),
        ...(preAuditDate !== undefined && preAuditDate !== '' ? { preAuditDate } : {}),
        ...(selfAssessmentSentDate !== undefined && selfAssessmentSentDate !== '' ? { selfAssessmentSentDate } : {}),
        ...(revision !== undefined ? { revision } : {}),
      });
    }),
  );
  definitions.define(
    'getPeople',
    logged('getPeople', async ({ payload, context }): Promise<PeopleNames> => {
      const { checklistId, accountIds } = parsePayload(payloads.getPeople, payload, 'getPeople');
      return getPeople(jiraClientFor('resolver'), new JiraHttp(jiraHttpOptionsFor('resolver')), projectCaller(context), {
        accountIds,
        ...(checklistId !== undefined ? { checklistId } : {}),
      });
    }),
  );
  definitions.define(
    'getReminders',
    logged('getReminders', async ({ payload, context }): Promise<RemindersView> => {
      const { checklistId } = parsePayload(payloads.getReminders, payload, 'getReminders');
      return getReminders(jiraClientFor('resolver'), projectCaller(context), checklistId !== undefined ? { checklistId } : {});
    }),
  );
  definitions.define(
    'setReminders',
    logged('setReminders', async ({ payload, context }): Promise<RemindersView> => {
      const { checklistId, enabled } = parsePayload(payloads.setReminders, payload, 'setReminders');
      return setReminders(jiraClientFor('resolver'), projectCaller(context), { enabled, ...(checklistId !== undefined ? { checklistId } : {}) });
    }),
  );
}

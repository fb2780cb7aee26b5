/**
 * The road-to-audit-day resolvers (common/api/plan.ts): the audit plan, what is due when, owners
 * and the forecast, and display names. src/plan checks the permission as the user on the server.
 */
import type { planApi } from '../../common/api/plan';
import { JiraHttp } from '../jira/http';
import { getReminders, setReminders } from '../plan/reminders';
import { getAuditPlan, getPeople, setAuditPlan } from '../plan/road';
import type { Handlers } from './define-all';
import { jiraClientFor, jiraHttpOptionsFor } from '../platform/jira';

const checklistOf = (checklistId: string | undefined) => (checklistId !== undefined ? { checklistId } : {});
const http = () => new JiraHttp(jiraHttpOptionsFor('resolver'));

export const planHandlers: Handlers<typeof planApi> = {
  getAuditPlan: ({ checklistId }, caller) => getAuditPlan(jiraClientFor('resolver'), http(), caller, checklistOf(checklistId)),
  setAuditPlan: ({ checklistId, validationDate, preAuditDate, selfAssessmentSentDate, revision }, caller) =>
    setAuditPlan(jiraClientFor('resolver'), http(), caller, {
      validationDate,
      ...checklistOf(checklistId),
      ...(preAuditDate !== undefined && preAuditDate !== '' ? { preAuditDate } : {}),
      ...(selfAssessmentSentDate !== undefined && selfAssessmentSentDate !== '' ? { selfAssessmentSentDate } : {}),
      ...(revision !== undefined ? { revision } : {}),
    }),
  getPeople: ({ checklistId, accountIds }, caller) => getPeople(jiraClientFor('resolver'), http(), caller, { accountIds, ...checklistOf(checklistId) }),
  getReminders: ({ checklistId }, caller) => getReminders(jiraClientFor('resolver'), caller, checklistOf(checklistId)),
  setReminders: ({ checklistId, enabled }, caller) => setReminders(jiraClientFor('resolver'), caller, { enabled, ...checklistOf(checklistId) }),
};

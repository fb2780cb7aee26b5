/**
 * The findings and dashboard-gadget resolvers (common/api/findings.ts). Findings work inside a
 * project; the gadget's project comes from its configuration and is checked as the viewer in
 * src/gadget. Permission checks are in the use cases.
 */
import type { findingsApi } from '../../common/api/findings';
import { listFindings } from '../findings/list';
import { recordFinding } from '../findings/record';
import { getGadget } from '../gadget/gadget';
import { JiraHttp } from '../jira/http';
import { jiraClientFor, jiraHttpOptionsFor } from '../platform/jira';
import type { Handlers } from './define-all';

const http = () => new JiraHttp(jiraHttpOptionsFor('resolver'));

export const findingsHandlers: Handlers<typeof findingsApi> = {
  recordFinding: ({ checklistId, itemId, summary, detail, requestId }, caller) =>
    recordFinding(jiraClientFor('resolver'), http(), caller, {
      itemId,
      summary,
      ...(checklistId !== undefined ? { checklistId } : {}),
      ...(detail !== undefined ? { detail } : {}),
      ...(requestId !== undefined ? { requestId } : {}),
    }),
  listFindings: ({ checklistId }, caller) => listFindings(jiraClientFor('resolver'), http(), caller, checklistId !== undefined ? { checklistId } : {}),
  getGadget: ({ projectKey, checklistId }, caller) =>
    getGadget(jiraClientFor('resolver'), http(), caller.accountId, { projectKey, ...(checklistId !== undefined ? { checklistId } : {}) }),
};

/**
 * The findings and dashboard-gadget resolvers (common/contract-findings.ts). Findings work inside
 * a project (project and user from the invocation context); the gadget's project comes from its
 * configuration and is checked as the viewer in src/gadget. Permission checks are in the use cases.
 */
import type Resolver from '@forge/resolver';
import { z } from 'zod';
import type { FindingsView, GadgetView, RecordFindingResult } from '../../common/contract-findings';
import { listFindings } from '../findings/list';
import { recordFinding } from '../findings/record';
import { getGadget } from '../gadget/gadget';
import { JiraHttp } from '../jira/http';
import { BadRequestError, checklistIdSchema, parsePayload, projectCaller } from './context';
import { jiraClientFor, jiraHttpOptionsFor } from './jira';
import { logged } from './logged';

/** Text is checked by the domain (free-text rule, lengths); here only bounded. */
const payloads = {
  recordFinding: z.object({
    checklistId: checklistIdSchema.optional(),
    itemId: z.string().min(1).max(200),
    summary: z.string().max(4_000),
    detail: z.string().max(20_000).optional(),
    requestId: z.string().regex(/^[A-Za-z0-9_-]{8,64}$/, 'must be 8–64 letters, digits, "-" or "_"').optional(),
  }),
  listFindings: z.object({ checklistId: checklistIdSchema.optional() }),
  getGadget: z.object({ projectKey: z.string().min(1).max(255), checklistId: checklistIdSchema.optional() }),
};

const accountSchema = z.looseObject({ accountId: z.string().min(1).optional() });

/** The viewer of a module outside a project (the dashboard gadget). */
function viewerOf(context: unknown): string {
  const parsed = accountSchema.safeParse(context);
  const accountId = parsed.success ? parsed.data.accountId : undefined;
  if (!accountId) throw new BadRequestError('This gadget needs a signed-in Jira user; sign in and open the dashboard again.');
  return accountId;
}

export function defineFindingResolvers(definitions: Resolver): void {
  definitions.define(
    'recordFinding',
    logged('recordFinding', async ({ payload, context }): Promise<RecordFindingResult> => {
      const { checklistId, itemId, summary, detail, requestId } = parsePayload(payloads.recordFinding, payload, 'recordFinding');
      return recordFinding(jiraClientFor('resolver'), new JiraHttp(jiraHttpOptionsFor('resolver')), projectCaller(context), {
        itemId,
        summary,
        ...(checklistId !== undefined ? { checklistId } : {}),
        ...(detail !== undefined ? { detail } : {}),
        ...(requestId !== undefined ? { requestId } : {}),
      });
    }),
  );
  definitions.define(
    'listFindings',
    logged('listFindings', async ({ payload, context }): Promise<FindingsView> => {
      const { checklistId } = parsePayload(payloads.listFindings, payload, 'listFindings');
      return listFindings(jiraClientFor('resolver'), new JiraHttp(jiraHttpOptionsFor('resolver')), projectCaller(context), checklistId !== undefined ? { checklistId } : {});
    }),
  );
  definitions.define(
    'getGadget',
    logged('getGadget', async ({ payload, context }): Promise<GadgetView> => {
      const { projectKey, checklistId } = parsePayload(payloads.getGadget, payload, 'getGadget');
      return getGadget(jiraClientFor('resolver'), new JiraHttp(jiraHttpOptionsFor('resolver')), viewerOf(context), { projectKey, ...(checklistId !== undefined ? { checklistId } : {}) });
    }),
  );
}

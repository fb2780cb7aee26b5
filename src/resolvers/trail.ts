/**
 * The decision-trail resolvers (common/contract.ts, "Decision trail"). The project or the issue
 * comes from the invocation context; src/trail/queries.ts checks Browse projects as the user.
 */
import type Resolver from '@forge/resolver';
import { z } from 'zod';
import type { ItemHistory, TrailExportPage, TrailPage, TrailVerification } from '../../common/contract';
import { issueCaller } from '../platform/issue-context';
import { createEvidenceJira } from '../jira/evidence-issue';
import { exportTrail, getItemHistory, getTrail, verifyTrail } from '../trail/queries';
import { parsePayload, projectCaller } from '../platform/context';
import { logged } from '../platform/logged';
import { jiraClientFor, jiraHttpOptionsFor } from '../platform/jira';

const cursor = z.string().max(20);
const payloads = {
  getTrail: z.object({ cursor: cursor.optional(), limit: z.number().int().optional() }),
  getItemHistory: z.object({}),
  verifyTrail: z.object({ cursor: z.string().max(100).optional() }),
  exportTrail: z.object({ cursor: cursor.optional() }),
};

export function defineTrailResolvers(definitions: Resolver): void {
  definitions.define(
    'getTrail',
    logged('getTrail', async ({ payload, context }): Promise<TrailPage> => {
      const { cursor: at, limit } = parsePayload(payloads.getTrail, payload, 'getTrail');
      return getTrail(jiraClientFor('resolver'), projectCaller(context), { ...(at !== undefined ? { cursor: at } : {}), ...(limit !== undefined ? { limit } : {}) });
    }),
  );
  definitions.define(
    'getItemHistory',
    logged('getItemHistory', async ({ payload, context }): Promise<ItemHistory> => {
      parsePayload(payloads.getItemHistory, payload, 'getItemHistory');
      return getItemHistory(createEvidenceJira(jiraHttpOptionsFor('resolver')), issueCaller(context));
    }),
  );
  definitions.define(
    'verifyTrail',
    logged('verifyTrail', async ({ payload, context }): Promise<TrailVerification> => {
      const { cursor: at } = parsePayload(payloads.verifyTrail, payload, 'verifyTrail');
      return verifyTrail(jiraClientFor('resolver'), projectCaller(context), at !== undefined ? { cursor: at } : {});
    }),
  );
  definitions.define(
    'exportTrail',
    logged('exportTrail', async ({ payload, context }): Promise<TrailExportPage> => {
      const { cursor: at } = parsePayload(payloads.exportTrail, payload, 'exportTrail');
      return exportTrail(jiraClientFor('resolver'), projectCaller(context), at !== undefined ? { cursor: at } : {});
    }),
  );
}

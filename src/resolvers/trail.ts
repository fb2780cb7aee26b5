/**
 * The decision-trail resolvers (common/api/trail.ts). The project or the issue comes from the
 * invocation context; src/trail/queries.ts checks Browse projects as the user.
 */
import type { trailApi } from '../../common/api/trail';
import { createEvidenceJira } from '../jira/evidence-issue';
import { exportTrail, getItemHistory, getTrail, verifyTrail } from '../trail/queries';
import type { Handlers } from './define-all';
import { jiraClientFor, jiraHttpOptionsFor } from '../platform/jira';

export const trailHandlers: Handlers<typeof trailApi> = {
  getTrail: ({ cursor, limit }, caller) =>
    getTrail(jiraClientFor('resolver'), caller, { ...(cursor !== undefined ? { cursor } : {}), ...(limit !== undefined ? { limit } : {}) }),
  getItemHistory: (_payload, caller) => getItemHistory(createEvidenceJira(jiraHttpOptionsFor('resolver')), caller),
  verifyTrail: ({ cursor }, caller) => verifyTrail(jiraClientFor('resolver'), caller, cursor !== undefined ? { cursor } : {}),
  exportTrail: ({ cursor }, caller) => exportTrail(jiraClientFor('resolver'), caller, cursor !== undefined ? { cursor } : {}),
};

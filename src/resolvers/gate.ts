/**
 * The Done gate's resolvers on the Audit page (common/gate-status.ts): whether the gate is on for the
 * project's workflow (a project admin's confirmation) and the items Done without evidence. The
 * project and the user come from the invocation context; src/gate checks permissions as the user.
 */
import type Resolver from '@forge/resolver';
import { z } from 'zod';
import { GATE_SCOPES } from '../../common/gate-config';
import type { GateStatus } from '../../common/gate-status';
import { getGateStatus, setGateConfirmation } from '../gate/status';
import { checklistIdSchema, parsePayload, projectCaller } from './context';
import { jiraClientFor } from './jira';
import { logged } from './logged';

const payloads = {
  getGateStatus: z.object({ checklistId: checklistIdSchema.optional() }),
  setGateConfirmation: z.object({
    on: z.boolean(),
    scope: z.enum(GATE_SCOPES).optional(),
    naCounts: z.boolean().optional(),
    revision: z.number().int().min(0).optional(),
    checklistId: checklistIdSchema.optional(),
  }),
};

export function defineGateResolvers(definitions: Resolver): void {
  definitions.define(
    'getGateStatus',
    logged('getGateStatus', async ({ payload, context }): Promise<GateStatus> => {
      const { checklistId } = parsePayload(payloads.getGateStatus, payload, 'getGateStatus');
      return getGateStatus(jiraClientFor('resolver'), projectCaller(context), checklistId !== undefined ? { checklistId } : {});
    }),
  );
  definitions.define(
    'setGateConfirmation',
    logged('setGateConfirmation', async ({ payload, context }): Promise<GateStatus> => {
      const { on, scope, naCounts, revision, checklistId } = parsePayload(payloads.setGateConfirmation, payload, 'setGateConfirmation');
      return setGateConfirmation(jiraClientFor('resolver'), projectCaller(context), {
        on,
        ...(scope !== undefined ? { scope } : {}),
        ...(naCounts !== undefined ? { naCounts } : {}),
        ...(revision !== undefined ? { revision } : {}),
        ...(checklistId !== undefined ? { checklistId } : {}),
      });
    }),
  );
}

/** The Done gate on the Audit page (src/gate/status.ts): is it on (a project admin's confirmation), and what is Done without evidence. */
import { z } from 'zod';
import { GATE_SCOPES } from '../gate-config';
import type { GateStatus } from '../gate-status';
import { fn } from './define';
import { checklistIdSchema } from './shared';

export const gateApi = {
  getGateStatus: fn<GateStatus>()('project', z.object({ checklistId: checklistIdSchema.optional() })),
  /** `revision`: the confirmation's revision the page showed; a stale save is a conflict. */
  setGateConfirmation: fn<GateStatus>()(
    'project',
    z.object({
      on: z.boolean(),
      scope: z.enum(GATE_SCOPES).optional(),
      naCounts: z.boolean().optional(),
      revision: z.number().int().min(0).optional(),
      checklistId: checklistIdSchema.optional(),
    }),
  ),
};

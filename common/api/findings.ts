/** Audit findings (src/findings) and the dashboard gadget (src/gadget). */
import { z } from 'zod';
import type { FindingsView, GadgetView, RecordFindingResult } from '../contract-findings';
import { fn } from './define';
import { checklistIdSchema } from './shared';

export const findingsApi = {
  /** Text is checked by the domain (free-text rule, lengths); here only bounded. `requestId` makes a retry the same finding. */
  recordFinding: fn<RecordFindingResult>()(
    'project',
    z.object({
      checklistId: checklistIdSchema.optional(),
      itemId: z.string().min(1).max(200),
      summary: z.string().max(4_000),
      detail: z.string().max(20_000).optional(),
      requestId: z.string().regex(/^[A-Za-z0-9_-]{8,64}$/, 'must be 8–64 letters, digits, "-" or "_"').optional(),
    }),
  ),
  listFindings: fn<FindingsView>()('project', z.object({ checklistId: checklistIdSchema.optional() })),
  /** The gadget's project comes from its configuration and is checked as the viewer. */
  getGadget: fn<GadgetView>()('user', z.object({ projectKey: z.string().min(1).max(255), checklistId: checklistIdSchema.optional() })),
};

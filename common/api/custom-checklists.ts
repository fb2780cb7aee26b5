/** A team's own checklists (common/custom-checklists.ts): saved whole or uploaded in parts. */
import { z } from 'zod';
import type {
  AppendCustomChecklistItemsResult,
  BeginCustomChecklistPayload,
  BeginCustomChecklistResult,
  DeleteCustomChecklistResult,
  SaveCustomChecklistResult,
} from '../custom-checklists';
import { fn } from './define';
import { checklistIdSchema } from './shared';

const resultsSchema = z.record(z.string().max(500), z.enum(['met', 'not_met', 'na']));
const fileNameSchema = z.string().min(1).max(255);
const uploadIdSchema = z.string().uuid();

export const customChecklistApi = {
  // The definition's own shape is checked by the checklist format's loader, whose messages name
  // the item and field; here it only has to be there.
  saveCustomChecklist: fn<SaveCustomChecklistResult>()('project', z.object({ definition: z.unknown(), initialResults: resultsSchema.optional(), fileName: fileNameSchema.optional() })),
  // The UI sends the definition as `unknown` (the loader checks it); the wire needs an object.
  beginCustomChecklist: fn<BeginCustomChecklistResult, BeginCustomChecklistPayload>()(
    'project',
    z.object({ definition: z.record(z.string(), z.unknown()), itemCount: z.number().int(), chunkCount: z.number().int(), fileName: fileNameSchema.optional() }),
  ),
  appendCustomChecklistItems: fn<AppendCustomChecklistItemsResult>()(
    'project',
    z.object({ uploadId: uploadIdSchema, index: z.number().int().min(0), items: z.array(z.unknown()), initialResults: resultsSchema.optional() }),
  ),
  commitCustomChecklist: fn<SaveCustomChecklistResult>()('project', z.object({ uploadId: uploadIdSchema })),
  deleteCustomChecklist: fn<DeleteCustomChecklistResult>()('project', z.object({ id: checklistIdSchema })),
};

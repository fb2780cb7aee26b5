/**
 * Resolvers for a team's own checklists (common/custom-checklists.ts):
 *
 *   saveCustomChecklist { definition, initialResults?, fileName? }       → SaveCustomChecklistResult
 *   beginCustomChecklist { definition (no items), itemCount, chunkCount, fileName? } → { uploadId, expiresAt }
 *   appendCustomChecklistItems { uploadId, index, items, initialResults? } → { uploadId, index, received }
 *   commitCustomChecklist { uploadId }                                     → SaveCustomChecklistResult
 *   deleteCustomChecklist { id }                                           → { id, deleted }
 *
 * A saved checklist is offered to every project of the site (and as "Update to version" to every
 * project of its framework), so saving and deleting one is a site administrator's act: the caller
 * needs Jira's global Administer Jira permission (checked as the user, on every save, begin, commit
 * and delete). Appending a part checks only that the upload is the caller's own; the commit checks
 * the permission again before anything is saved.
 */
import type Resolver from '@forge/resolver';
import { z } from 'zod';
import {
  type AppendCustomChecklistItemsResult,
  type BeginCustomChecklistResult,
  type DeleteCustomChecklistResult,
  type SaveCustomChecklistResult,
} from '../../common/custom-checklists';
import { removeCustomChecklist } from '../catalogue/custom-delete';
import { storeCustomChecklist } from '../catalogue/custom-save';
import { appendToUpload, beginUpload, commitUpload } from '../catalogue/custom-upload';
import { prepareCustomChecklist } from '../catalogue/custom-validate';
import { requireJiraAdministrator } from '../platform/access';
import { checklistIdSchema, parsePayload, projectCaller } from '../platform/context';
import { logged, type ResolverRequest } from '../platform/logged';
import { jiraClientFor } from '../platform/jira';

const resultsSchema = z.record(z.string().max(500), z.enum(['met', 'not_met', 'na']));
const fileNameSchema = z.string().min(1).max(255);
const uploadIdSchema = z.string().uuid();

const payloads = {
  // The definition's own shape is checked by the checklist format's loader, whose messages name
  // the item and field; here it only has to be there.
  saveCustomChecklist: z.object({ definition: z.unknown(), initialResults: resultsSchema.optional(), fileName: fileNameSchema.optional() }),
  beginCustomChecklist: z.object({
    definition: z.record(z.string(), z.unknown()),
    itemCount: z.number().int(),
    chunkCount: z.number().int(),
    fileName: fileNameSchema.optional(),
  }),
  appendCustomChecklistItems: z.object({
    uploadId: uploadIdSchema,
    index: z.number().int().min(0),
    items: z.array(z.unknown()),
    initialResults: resultsSchema.optional(),
  }),
  commitCustomChecklist: z.object({ uploadId: uploadIdSchema }),
  deleteCustomChecklist: z.object({ id: checklistIdSchema }),
};

/** Registers a resolver; logs one line when it fails (its name and the error class, no payload). */
function define<T>(resolver: Resolver, name: keyof typeof payloads, body: (request: ResolverRequest) => Promise<T>): void {
  resolver.define(name, logged(name, body));
}

async function requireCatalogueAdmin(action: string): Promise<void> {
  await requireJiraAdministrator(action);
}

/** The name problems are reported under: the file's own, else the checklist id's. */
function fileNameOf(fileName: string | undefined, definition: unknown): string {
  if (fileName !== undefined) return fileName;
  const id = typeof definition === 'object' && definition !== null ? (definition as { id?: unknown }).id : undefined;
  return typeof id === 'string' && id !== '' ? `${id.slice(0, 200)}.json` : 'checklist.json';
}

export function defineCustomChecklistResolvers(resolver: Resolver): void {
  define(resolver, 'saveCustomChecklist', async ({ payload, context }): Promise<SaveCustomChecklistResult> => {
    const caller = projectCaller(context);
    const parsed = parsePayload(payloads.saveCustomChecklist, payload, 'saveCustomChecklist');
    await requireCatalogueAdmin('save a checklist for the whole site');
    const prepared = prepareCustomChecklist(parsed.definition, parsed.initialResults, fileNameOf(parsed.fileName, parsed.definition));
    return storeCustomChecklist(prepared, { savedBy: caller.accountId });
  });

  define(resolver, 'beginCustomChecklist', async ({ payload, context }): Promise<BeginCustomChecklistResult> => {
    const caller = projectCaller(context);
    const parsed = parsePayload(payloads.beginCustomChecklist, payload, 'beginCustomChecklist');
    await requireCatalogueAdmin('save a checklist for the whole site');
    return beginUpload(caller.accountId, { ...parsed, fileName: fileNameOf(parsed.fileName, parsed.definition) });
  });

  define(resolver, 'appendCustomChecklistItems', async ({ payload, context }): Promise<AppendCustomChecklistItemsResult> => {
    const caller = projectCaller(context);
    const parsed = parsePayload(payloads.appendCustomChecklistItems, payload, 'appendCustomChecklistItems');
    return appendToUpload(caller.accountId, {
      uploadId: parsed.uploadId,
      index: parsed.index,
      items: parsed.items,
      ...(parsed.initialResults !== undefined ? { initialResults: parsed.initialResults } : {}),
    });
  });

  define(resolver, 'commitCustomChecklist', async ({ payload, context }): Promise<SaveCustomChecklistResult> => {
    const caller = projectCaller(context);
    const { uploadId } = parsePayload(payloads.commitCustomChecklist, payload, 'commitCustomChecklist');
    await requireCatalogueAdmin('save a checklist for the whole site');
    return commitUpload(caller.accountId, uploadId);
  });

  define(resolver, 'deleteCustomChecklist', async ({ payload, context }): Promise<DeleteCustomChecklistResult> => {
    projectCaller(context);
    const { id } = parsePayload(payloads.deleteCustomChecklist, payload, 'deleteCustomChecklist');
    await requireCatalogueAdmin('delete a checklist of the whole site');
    return removeCustomChecklist(jiraClientFor('resolver'), id);
  });
}

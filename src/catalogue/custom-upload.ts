/**
 * A custom checklist too big for one invoke (Forge takes 500 KB a request) arrives in parts:
 * `beginCustomChecklist` stages the header, `appendCustomChecklistItems` stages each chunk of
 * items as one KVS value, `commitCustomChecklist` validates the whole and saves it. Nothing is in
 * the catalogue until the commit; staged parts expire on their own if the upload is abandoned.
 *
 * An upload belongs to the account that began it: another account's upload id reads as unknown.
 * Sending a chunk again replaces it, and committing again answers like the first commit, so the
 * browser can retry any step after a lost answer.
 */
import { BadRequestError, NotFoundError } from '../../common/errors';
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import {
  CUSTOM_CHECKLIST_LIMITS,
  type AppendCustomChecklistItemsPayload,
  type AppendCustomChecklistItemsResult,
  type BeginCustomChecklistPayload,
  type BeginCustomChecklistResult,
  type InitialResultName,
  type SaveCustomChecklistResult,
} from '../../common/custom-checklists';
import { customUploadItemsKey, customUploadKey } from '../storage/keys';
import { deleteValue, jsonBytes, MAX_VALUE_BYTES, readValue, writeValue } from '../storage/kvs';
import { refuseBuiltinFramework, storeCustomChecklist } from './custom-save';
import { count, prepareCustomChecklist } from './custom-validate';
import { findChecklist, summaryOf } from './index';
import { loadInitialResults } from './initial-results';

/** No upload with this id for this account (never begun, expired, or someone else's). */
export class CustomUploadNotFoundError extends NotFoundError {}

/** The upload cannot take this part or cannot be committed yet; the message says what to send. */
export class CustomUploadError extends BadRequestError {}

const resultsSchema = z.record(z.string(), z.enum(['met', 'not_met', 'na']));

const stagedHeaderSchema = z.object({
  uploadId: z.string(),
  accountId: z.string(),
  fileName: z.string(),
  definition: z.record(z.string(), z.unknown()),
  itemCount: z.number().int(),
  chunkCount: z.number().int(),
  createdAt: z.string(),
  /** Set by the first successful commit. */
  committedAs: z.string().optional(),
});
type StagedHeader = z.infer<typeof stagedHeaderSchema>;

const stagedItemsSchema = z.object({ items: z.array(z.unknown()), initialResults: resultsSchema });

const ttl = { ttlSeconds: CUSTOM_CHECKLIST_LIMITS.uploadTtlSeconds };

/** Parts an upload may have: twice what the largest storable checklist needs, so staging stays bounded. */
const MAX_PARTS = 2 * Math.ceil(CUSTOM_CHECKLIST_LIMITS.maxDefinitionBytes / CUSTOM_CHECKLIST_LIMITS.chunkBytes);

export async function beginUpload(
  accountId: string,
  payload: Omit<BeginCustomChecklistPayload, 'fileName'> & { definition: Record<string, unknown>; fileName: string },
  now: Date = new Date(),
): Promise<BeginCustomChecklistResult> {
  const { maxItems } = CUSTOM_CHECKLIST_LIMITS;
  if (payload.itemCount < 1 || payload.itemCount > maxItems) {
    throw new CustomUploadError(`A checklist holds 1 to ${count(maxItems)} items; this upload announces ${count(payload.itemCount)}.`);
  }
  const parts = Math.min(payload.itemCount, MAX_PARTS);
  if (payload.chunkCount < 1 || payload.chunkCount > parts) {
    throw new CustomUploadError(`An upload of ${count(payload.itemCount)} items comes in 1 to ${count(parts)} parts, not ${count(payload.chunkCount)}.`);
  }
  refuseBuiltinFramework(payload.definition.framework);
  const { items, ...definition } = payload.definition;
  if (Array.isArray(items) && items.length > 0) {
    throw new CustomUploadError('beginCustomChecklist takes the checklist without its items; send them with appendCustomChecklistItems.');
  }
  const header: StagedHeader = {
    uploadId: randomUUID(),
    accountId,
    fileName: payload.fileName,
    definition,
    itemCount: payload.itemCount,
    chunkCount: payload.chunkCount,
    createdAt: now.toISOString(),
  };
  if (jsonBytes(header) > MAX_VALUE_BYTES) {
    throw new CustomUploadError('The checklist has too many chapters or too long a description to store; shorten them.');
  }
  await writeValue(customUploadKey(header.uploadId), header, ttl);
  const expiresAt = new Date(now.getTime() + CUSTOM_CHECKLIST_LIMITS.uploadTtlSeconds * 1000).toISOString();
  return { uploadId: header.uploadId, expiresAt };
}

export async function appendToUpload(accountId: string, payload: AppendCustomChecklistItemsPayload): Promise<AppendCustomChecklistItemsResult> {
  const header = await stagedHeader(accountId, payload.uploadId);
  if (header.committedAs !== undefined) {
    throw new CustomUploadError(`This upload was already saved as checklist "${header.committedAs}"; start a new upload to save another file.`);
  }
  if (payload.index >= header.chunkCount) {
    throw new CustomUploadError(`Part ${payload.index + 1} is beyond the ${count(header.chunkCount)} parts this upload announced.`);
  }
  if (payload.items.length > header.itemCount) {
    throw new CustomUploadError(`Part ${payload.index + 1} holds ${count(payload.items.length)} items, more than the ${count(header.itemCount)} this upload announced.`);
  }
  const record = { items: payload.items, initialResults: payload.initialResults ?? {} };
  const bytes = jsonBytes(record);
  if (bytes > MAX_VALUE_BYTES) {
    const limit = Math.floor(CUSTOM_CHECKLIST_LIMITS.chunkBytes / 1024);
    throw new CustomUploadError(`Part ${payload.index + 1} is ${Math.ceil(bytes / 1024)} KB; send at most ${limit} KB of items a part.`);
  }
  await writeValue(customUploadItemsKey(header.uploadId, payload.index), record, ttl);
  return { uploadId: header.uploadId, index: payload.index, received: payload.items.length };
}

/** Validates and saves the staged checklist; a second commit answers like the first. */
export async function commitUpload(accountId: string, uploadId: string): Promise<SaveCustomChecklistResult> {
  const header = await stagedHeader(accountId, uploadId);
  if (header.committedAs !== undefined) return committedResult(header.committedAs);

  const parts = await Promise.all(
    Array.from({ length: header.chunkCount }, (_, index) => readValue(customUploadItemsKey(uploadId, index), stagedItemsSchema)),
  );
  const missing = parts.flatMap((part, index) => (part === undefined ? [index + 1] : []));
  if (missing.length > 0) {
    throw new CustomUploadError(`Part${missing.length > 1 ? 's' : ''} ${missing.join(', ')} of ${header.chunkCount} never arrived; send ${missing.length > 1 ? 'them' : 'it'} again, then commit.`);
  }
  const items = parts.flatMap((part) => part?.items ?? []);
  if (items.length !== header.itemCount) {
    throw new CustomUploadError(`The parts hold ${count(items.length)} items but the upload announced ${count(header.itemCount)}; send the parts again.`);
  }
  const results: Record<string, InitialResultName> = Object.assign({}, ...parts.map((part) => part?.initialResults ?? {}));
  const prepared = prepareCustomChecklist({ ...header.definition, items }, results, header.fileName);
  const saved = await storeCustomChecklist(prepared, { savedBy: accountId });

  await writeValue(customUploadKey(uploadId), { ...header, committedAs: saved.checklist.id }, ttl);
  for (let index = 0; index < header.chunkCount; index++) await deleteValue(customUploadItemsKey(uploadId, index));
  return saved;
}

async function stagedHeader(accountId: string, uploadId: string): Promise<StagedHeader> {
  const header = await readValue(customUploadKey(uploadId), stagedHeaderSchema);
  // Someone else's upload reads exactly like a missing one: ids are not a way in.
  if (!header || header.accountId !== accountId) {
    throw new CustomUploadNotFoundError(`There is no upload ${uploadId} of yours (uploads expire after an hour). Save the checklist again from the start.`);
  }
  return header;
}

async function committedResult(checklistId: string): Promise<SaveCustomChecklistResult> {
  const def = await findChecklist(checklistId);
  if (!def) throw new CustomUploadError(`This upload was saved as "${checklistId}", which has since been deleted; save the file again.`);
  return { checklist: summaryOf(def), unchanged: true, initialResults: (await loadInitialResults(def)).byItem.size };
}

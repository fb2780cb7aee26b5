/**
 * A crosswalk file too big for one invoke arrives in parts (common/crosswalk-parts.ts):
 * `beginCrosswalkUpload` stages a header, `appendCrosswalkRows` stages each part as one KVS value
 * (with a TTL, so an abandoned upload expires), and the preview and the save read the staged rows
 * back whole. Nothing reaches the crosswalk until a save validates every row.
 *
 * An upload belongs to the account that began it: another account's upload id reads as unknown.
 * A part sent again replaces itself; once saved, the upload remembers what it saved (its parts are
 * dropped), so a save sent again after a lost answer is answered like the first.
 */
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import type { CrosswalkRowPayload, CrosswalkSavedView } from '../../common/crosswalk';
import { CROSSWALK_UPLOAD_LIMITS, type AppendCrosswalkRowsResult, type BeginCrosswalkUploadPayload, type BeginCrosswalkUploadResult } from '../../common/crosswalk-parts';
import { BadRequestError, LimitError, NotFoundError } from '../../common/errors';
import { MAX_CROSSWALK_ROWS } from '../domain/crosswalk';
import { crosswalkUploadKey, crosswalkUploadRowsKey } from '../storage/keys';
import { deleteValue, jsonBytes, MAX_VALUE_BYTES, readMany, readValue, writeValue } from '../storage/kvs';

/** No upload with this id for this account (never begun, expired, or someone else's). */
export class CrosswalkUploadNotFoundError extends NotFoundError {}

const headerSchema = z.object({
  uploadId: z.string(),
  accountId: z.string(),
  fileName: z.string(),
  rowCount: z.number().int(),
  partCount: z.number().int(),
  createdAt: z.string(),
  /** Set once a save of this upload wrote (or found) the crosswalk. */
  saved: z.object({ revision: z.string(), rowCount: z.number(), fileName: z.string(), savedAt: z.string(), savedBy: z.string() }).optional(),
});
export type StagedCrosswalk = z.infer<typeof headerSchema>;

const cell = z.string().optional();
const partSchema = z.object({
  rows: z.array(z.object({ fromChecklist: cell, fromItem: cell, toChecklist: cell, toItem: cell, coverage: cell, note: cell, sheet: cell, line: z.number().optional() })),
});

const ttl = { ttlSeconds: CROSSWALK_UPLOAD_LIMITS.uploadTtlSeconds };
const count = (n: number): string => n.toLocaleString('en-US');

export async function beginCrosswalkUpload(accountId: string, payload: BeginCrosswalkUploadPayload, now = new Date()): Promise<BeginCrosswalkUploadResult> {
  if (payload.rowCount > MAX_CROSSWALK_ROWS) {
    throw new LimitError(`The file has ${count(payload.rowCount)} rows; a crosswalk holds at most ${count(MAX_CROSSWALK_ROWS)}. Split it by checklist pair or drop rows, then upload again.`);
  }
  if (payload.rowCount < 1) throw new BadRequestError('The file has no rows; add one row per mapping under the header.');
  const maxParts = Math.min(payload.rowCount, CROSSWALK_UPLOAD_LIMITS.maxParts);
  if (payload.partCount < 1 || payload.partCount > maxParts) {
    throw new BadRequestError(`An upload of ${count(payload.rowCount)} rows comes in 1 to ${count(maxParts)} parts, not ${count(payload.partCount)}.`);
  }
  const header: StagedCrosswalk = { uploadId: randomUUID(), accountId, fileName: payload.fileName, rowCount: payload.rowCount, partCount: payload.partCount, createdAt: now.toISOString() };
  await writeValue(crosswalkUploadKey(header.uploadId), header, ttl);
  return { uploadId: header.uploadId, expiresAt: new Date(now.getTime() + CROSSWALK_UPLOAD_LIMITS.uploadTtlSeconds * 1000).toISOString() };
}

export async function appendCrosswalkRows(accountId: string, payload: { uploadId: string; index: number; rows: CrosswalkRowPayload[] }): Promise<AppendCrosswalkRowsResult> {
  const header = await stagedHeader(accountId, payload.uploadId);
  if (header.saved) throw new BadRequestError(`This upload was already saved (${header.saved.savedAt}); start a new upload to save another file.`);
  if (payload.index >= header.partCount) throw new BadRequestError(`Part ${payload.index + 1} is beyond the ${count(header.partCount)} parts this upload announced.`);
  if (payload.rows.length > header.rowCount) {
    throw new BadRequestError(`Part ${payload.index + 1} holds ${count(payload.rows.length)} rows, more than the ${count(header.rowCount)} this upload announced.`);
  }
  const record = { rows: payload.rows };
  const bytes = jsonBytes(record);
  if (bytes > MAX_VALUE_BYTES) {
    throw new LimitError(`Part ${payload.index + 1} is ${Math.ceil(bytes / 1024)} KB; send at most ${CROSSWALK_UPLOAD_LIMITS.partBytes / 1024} KB of rows a part.`);
  }
  await writeValue(crosswalkUploadRowsKey(header.uploadId, payload.index), record, ttl);
  return { uploadId: header.uploadId, index: payload.index, received: payload.rows.length };
}

/** The staged upload and, unless it was saved already, its rows in file order. */
export async function readStagedCrosswalk(accountId: string, uploadId: string): Promise<{ header: StagedCrosswalk; rows: CrosswalkRowPayload[] }> {
  const header = await stagedHeader(accountId, uploadId);
  if (header.saved) return { header, rows: [] };
  const keys = Array.from({ length: header.partCount }, (_, index) => crosswalkUploadRowsKey(uploadId, index));
  const parts = await readMany(keys, partSchema);
  const missing = keys.flatMap((key, index) => (parts.has(key) ? [] : [index + 1]));
  if (missing.length > 0) {
    throw new BadRequestError(`Part${missing.length > 1 ? 's' : ''} ${missing.join(', ')} of ${header.partCount} never arrived; send ${missing.length > 1 ? 'them' : 'it'} again.`);
  }
  const rows = keys.flatMap((key) => parts.get(key)?.rows ?? []) as CrosswalkRowPayload[];
  if (rows.length !== header.rowCount) {
    throw new BadRequestError(`The parts hold ${count(rows.length)} rows but the upload announced ${count(header.rowCount)}; send the parts again.`);
  }
  return { header, rows };
}

/** Remembers what the upload saved, then drops its parts (a retry of the save reads the header only). */
export async function markCrosswalkUploadSaved(header: StagedCrosswalk, saved: CrosswalkSavedView): Promise<void> {
  await writeValue(crosswalkUploadKey(header.uploadId), { ...header, saved }, ttl);
  for (let index = 0; index < header.partCount; index++) await deleteValue(crosswalkUploadRowsKey(header.uploadId, index));
}

async function stagedHeader(accountId: string, uploadId: string): Promise<StagedCrosswalk> {
  const header = await readValue(crosswalkUploadKey(uploadId), headerSchema);
  // Someone else's upload reads exactly like a missing one: ids are not a way in.
  if (!header || header.accountId !== accountId) {
    throw new CrosswalkUploadNotFoundError(`There is no crosswalk upload ${uploadId} of yours (uploads expire after an hour). Upload the file again.`);
  }
  return header;
}

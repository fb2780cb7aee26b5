/**
 * A crosswalk file too big for one invoke (Forge takes 500 KB a request; 20,000 rows are ≈ 2 MB)
 * crosses in parts, as big checklists do: `beginCrosswalkUpload` (Administer Jira) names the row
 * and part counts, `appendCrosswalkRows` stages each part as one KVS value, then `previewCrosswalk`
 * and `saveCrosswalk` take the `uploadId` instead of the rows. Every step can be sent again after
 * a lost answer: a part sent again replaces itself, and a save sent again answers like the first.
 * Browser-safe: the upload page calls {@link stageCrosswalk} with its own invoke.
 */
import { partsBySize } from './parts';
import type { CrosswalkPreview, CrosswalkRowPayload, SaveCrosswalkResult } from './crosswalk';

export const CROSSWALK_UPLOAD_LIMITS = {
  /** Rows up to this size (JSON) go in the preview/save call itself. */
  singleCallBytes: 400 * 1024,
  /** One staged part: below one KVS value (240 KiB) with room for its wrapper. */
  partBytes: 180 * 1024,
  /** Parts one upload may have (20,000 rows of 500-character notes need ≈ 60). */
  maxParts: 200,
  /** Staged parts of an abandoned upload expire on their own. */
  uploadTtlSeconds: 3600,
} as const;

export interface BeginCrosswalkUploadPayload {
  fileName: string;
  rowCount: number;
  partCount: number;
}
export interface BeginCrosswalkUploadResult {
  uploadId: string;
  expiresAt: string;
}
export interface AppendCrosswalkRowsResult {
  uploadId: string;
  index: number;
  received: number;
}

/** What previewCrosswalk and saveCrosswalk are given: the rows themselves, or a staged upload's id. */
export type CrosswalkRowsRef = { rows: CrosswalkRowPayload[] } | { uploadId: string };

export interface CrosswalkUploadApi {
  beginCrosswalkUpload(payload: BeginCrosswalkUploadPayload): Promise<BeginCrosswalkUploadResult>;
  appendCrosswalkRows(payload: { uploadId: string; index: number; rows: CrosswalkRowPayload[] }): Promise<AppendCrosswalkRowsResult>;
  previewCrosswalk(payload: CrosswalkRowsRef): Promise<CrosswalkPreview>;
  saveCrosswalk(payload: CrosswalkRowsRef & { fileName: string; basedOn?: string | null }): Promise<SaveCrosswalkResult>;
}

const encoder = new TextEncoder();
const bytesOf = (value: unknown): number => encoder.encode(JSON.stringify(value)).length;

/**
 * The rows cut into parts of at most `partBytes` of JSON each; one part when they fit a single call.
 *
 * @example
 * planCrosswalkParts(rowsOf20000).length; // → 12 (≈ 2.2 MB in parts of ≤ 180 KB)
 */
export function planCrosswalkParts(rows: readonly CrosswalkRowPayload[], limits = CROSSWALK_UPLOAD_LIMITS): CrosswalkRowPayload[][] {
  if (bytesOf({ rows }) <= limits.singleCallBytes) return [[...rows]];
  return partsBySize(rows, limits.partBytes, bytesOf);
}

/**
 * Sends the rows the cheapest way: in the call itself when they fit, else staged in parts. The
 * answer goes to `previewCrosswalk` and then, unchanged, to `saveCrosswalk`.
 *
 * @example
 * const ref = await stageCrosswalk(api, rows, 'map.xlsx');
 * const preview = await api.previewCrosswalk(ref);
 * await api.saveCrosswalk({ ...ref, fileName: 'map.xlsx', basedOn: preview.current?.revision ?? null });
 */
export async function stageCrosswalk(api: Pick<CrosswalkUploadApi, 'beginCrosswalkUpload' | 'appendCrosswalkRows'>, rows: readonly CrosswalkRowPayload[], fileName: string): Promise<CrosswalkRowsRef> {
  const parts = planCrosswalkParts(rows);
  if (parts.length === 1 && bytesOf({ rows }) <= CROSSWALK_UPLOAD_LIMITS.singleCallBytes) return { rows: [...rows] };
  const { uploadId } = await api.beginCrosswalkUpload({ fileName, rowCount: rows.length, partCount: parts.length });
  for (const [index, part] of parts.entries()) await api.appendCrosswalkRows({ uploadId, index, rows: part });
  return { uploadId };
}

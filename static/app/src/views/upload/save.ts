/**
 * Sending a checklist to the backend within Forge's limits: one `saveCustomChecklist` call when
 * the definition is small, else `beginCustomChecklist`, one `appendCustomChecklistItems` per chunk
 * of items (each small enough to be staged as one KVS value) and `commitCustomChecklist`.
 * Appends and the commit are idempotent on the server, so each is retried once after a failure.
 */
import type { AuditApi } from '../../api/audit-api';
import {
  CUSTOM_CHECKLIST_LIMITS,
  type AppendCustomChecklistItemsPayload,
  type BeginCustomChecklistPayload,
  type InitialResultName,
  type SaveCustomChecklistPayload,
  type SaveCustomChecklistResult,
} from '../../../../../common/custom-checklists';

export interface SaveInput {
  /** The checklist file format: built from a sheet, or a YAML/JSON file's data. */
  definition: unknown;
  initialResults: Readonly<Record<string, InitialResultName>>;
  fileName: string;
}

export type SavePlan =
  | { kind: 'single'; payload: SaveCustomChecklistPayload; bytes: number }
  | { kind: 'chunked'; begin: BeginCustomChecklistPayload; parts: Omit<AppendCustomChecklistItemsPayload, 'uploadId'>[]; bytes: number };

/** UTF-8 bytes of the JSON, as the platform counts a payload. */
export function jsonBytes(value: unknown): number {
  return new TextEncoder().encode(JSON.stringify(value)).length;
}

/**
 * How a checklist will be sent.
 *
 * @example
 * planSave({ definition, initialResults: {}, fileName: 'team.csv' }).kind; // → 'single' for a 130-item list
 */
export function planSave(input: SaveInput, limits: { singleCallBytes: number; chunkBytes: number } = CUSTOM_CHECKLIST_LIMITS): SavePlan {
  const payload: SaveCustomChecklistPayload = { definition: input.definition, fileName: input.fileName };
  if (Object.keys(input.initialResults).length > 0) payload.initialResults = { ...input.initialResults };
  const bytes = jsonBytes(payload);
  const items = isRecord(input.definition) ? input.definition.items : undefined;
  // A definition without an item list is not valid anyway: one call lets the server say why.
  if (bytes <= limits.singleCallBytes || !Array.isArray(items) || items.length === 0 || !isRecord(input.definition)) {
    return { kind: 'single', payload, bytes };
  }
  const parts: Omit<AppendCustomChecklistItemsPayload, 'uploadId'>[] = [];
  let current: { items: unknown[]; initialResults: Record<string, InitialResultName>; bytes: number } | undefined;
  const flush = (): void => {
    if (current === undefined) return;
    const part: Omit<AppendCustomChecklistItemsPayload, 'uploadId'> = { index: parts.length, items: current.items };
    if (Object.keys(current.initialResults).length > 0) part.initialResults = current.initialResults;
    parts.push(part);
    current = undefined;
  };
  for (const item of items) {
    const id = isRecord(item) && typeof item.id === 'string' ? item.id : undefined;
    const result = id !== undefined && Object.hasOwn(input.initialResults, id) ? input.initialResults[id] : undefined;
    const size = jsonBytes(item) + 1 + (result === undefined || id === undefined ? 0 : jsonBytes({ [id]: result }));
    // An item bigger than a chunk goes alone; the server explains if it is too big to store.
    if (current !== undefined && current.bytes + size > limits.chunkBytes) flush();
    current ??= { items: [], initialResults: {}, bytes: 0 };
    current.items.push(item);
    if (result !== undefined && id !== undefined) current.initialResults[id] = result;
    current.bytes += size;
  }
  flush();
  const { items: _items, ...header } = input.definition;
  return { kind: 'chunked', begin: { definition: header, itemCount: items.length, chunkCount: parts.length, fileName: input.fileName }, parts, bytes };
}

/** The resolvers a save uses. */
export type SaveApi = Pick<AuditApi, 'saveCustomChecklist' | 'beginCustomChecklist' | 'appendCustomChecklistItems' | 'commitCustomChecklist'>;

export interface SaveProgress {
  /** Calls answered so far, and how many the save takes in all. */
  done: number;
  total: number;
}

/** Saves the checklist as planned; rejects with the server's message when it refuses. */
export async function saveChecklist(api: SaveApi, input: SaveInput, onProgress?: (progress: SaveProgress) => void): Promise<SaveCustomChecklistResult> {
  const plan = planSave(input);
  if (plan.kind === 'single') {
    onProgress?.({ done: 0, total: 1 });
    const saved = await api.saveCustomChecklist(plan.payload);
    onProgress?.({ done: 1, total: 1 });
    return saved;
  }
  const total = plan.parts.length + 2;
  onProgress?.({ done: 0, total });
  const { uploadId } = await api.beginCustomChecklist(plan.begin);
  onProgress?.({ done: 1, total });
  for (const part of plan.parts) {
    await retryOnce(() => api.appendCustomChecklistItems({ uploadId, ...part }));
    onProgress?.({ done: part.index + 2, total });
  }
  const saved = await retryOnce(() => api.commitCustomChecklist(uploadId));
  onProgress?.({ done: total, total });
  return saved;
}

async function retryOnce<T>(call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch {
    return call();
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

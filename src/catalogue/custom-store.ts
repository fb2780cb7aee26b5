/**
 * Custom checklists (a team's own file or spreadsheet) saved in KVS, site-wide. A definition can
 * outgrow one KVS value (240 KiB), so items are stored in chunks next to a small header that also
 * carries the counts a listing needs.
 */
import { partsBySize } from '../../common/parts';
import type { ChecklistDefinition, ChecklistItem } from '../domain/types';
import { customChecklistItemsKey, customChecklistKey, customChecklistPrefix } from '../storage/keys';
import { deleteValue, jsonBytes, MAX_VALUE_BYTES, readByPrefix, readValue, writeValue } from '../storage/kvs';
import { customHeaderRecordSchema, customItemsRecordSchema, type CustomHeaderRecord } from './stored-definition';
import { compressText, decompressText } from '../storage/compress';
import { z } from 'zod';

/**
 * An items chunk as stored: `{ items }`, or `{ z }`, the same JSON compressed (storage/compress.ts)
 * when that is smaller. Every rollup of a custom checklist reads all of its items (a 2,000-item one
 * ~0.68 MB as JSON, ~4 times less compressed), and KVS bills the bytes read.
 */
const storedItemsSchema = z.union([z.object({ z: z.string() }), customItemsRecordSchema]);

function packItems(items: readonly ChecklistItem[]): { items: ChecklistItem[] } | { z: string } {
  const record = { items: [...items] };
  const json = JSON.stringify(record);
  const packed = compressText(json);
  return packed.length + 8 < Buffer.byteLength(json, 'utf8') ? { z: packed } : record;
}

function unpackItems(stored: z.infer<typeof storedItemsSchema>): ChecklistItem[] | undefined {
  if (!('z' in stored)) return stored.items;
  const json = decompressText(stored.z);
  if (json === undefined) return undefined;
  try {
    const parsed = customItemsRecordSchema.safeParse(JSON.parse(json));
    return parsed.success ? parsed.data.items : undefined;
  } catch {
    return undefined;
  }
}

export class CustomChecklistError extends Error {
  override name = 'CustomChecklistError';
}

/** Headers of every saved custom checklist (items are not loaded). */
export async function listCustomHeaders(): Promise<CustomHeaderRecord[]> {
  const records = await readByPrefix(customChecklistPrefix(), customHeaderRecordSchema);
  return records.map((record) => record.value);
}

/**
 * A custom checklist's definition without its items (one small read instead of the header and
 * every items chunk), for callers that need only its name, version, framework or chapters.
 */
export async function loadCustomChecklistHeader(checklistId: string): Promise<Omit<ChecklistDefinition, 'items'> | undefined> {
  return (await readValue(customChecklistKey(checklistId), customHeaderRecordSchema))?.definition;
}

export async function loadCustomChecklist(checklistId: string): Promise<ChecklistDefinition | undefined> {
  const header = await readValue(customChecklistKey(checklistId), customHeaderRecordSchema);
  if (!header) return undefined;
  const items: ChecklistItem[] = [];
  for (let chunk = 0; chunk < header.itemChunks; chunk++) {
    const record = await readValue(customChecklistItemsKey(checklistId, chunk), storedItemsSchema);
    if (!record) throw new CustomChecklistError(`Custom checklist ${checklistId} is incomplete (part ${chunk + 1} is missing); save it again.`);
    const part = unpackItems(record);
    if (!part) throw new CustomChecklistError(`Custom checklist ${checklistId} is damaged (part ${chunk + 1} cannot be read); save it again.`);
    items.push(...part);
  }
  if (items.length !== header.itemCount) {
    throw new CustomChecklistError(`Custom checklist ${checklistId} is incomplete (${items.length} of ${header.itemCount} items); save it again.`);
  }
  return { ...header.definition, items };
}

/**
 * Saves (or replaces) a validated custom definition. Items are written before the header, so a
 * header in KVS always has its items; a replaced version's surplus chunks are removed after.
 */
export async function saveCustomChecklist(def: ChecklistDefinition, now: Date = new Date(), savedBy?: string): Promise<void> {
  const previous = await readValue(customChecklistKey(def.id), customHeaderRecordSchema);
  const chunks = chunkItems(def.items);
  for (const [index, items] of chunks.entries()) await writeValue(customChecklistItemsKey(def.id, index), packItems(items));
  const { items: _items, ...header } = def;
  const record: CustomHeaderRecord = {
    definition: { ...header, source: 'custom' },
    itemChunks: chunks.length,
    itemCount: def.items.length,
    mandatoryCount: def.items.filter((item) => item.mandatory).length,
    savedAt: now.toISOString(),
    ...(savedBy !== undefined ? { savedBy } : {}),
  };
  if (jsonBytes(record) > MAX_VALUE_BYTES) throw new CustomChecklistError(`Custom checklist ${def.id} has too many chapters or waivers to store.`);
  await writeValue(customChecklistKey(def.id), record);
  for (let chunk = chunks.length; chunk < (previous?.itemChunks ?? 0); chunk++) await deleteValue(customChecklistItemsKey(def.id, chunk));
}

/**
 * Deletes the items, then the header: a delete cut short leaves a header whose items are missing
 * (loading it says so; deleting again finishes the job), never chunks that nothing points at and
 * nothing would ever sweep (they have no TTL).
 */
export async function deleteCustomChecklist(checklistId: string): Promise<void> {
  const header = await readValue(customChecklistKey(checklistId), customHeaderRecordSchema);
  for (let chunk = 0; chunk < (header?.itemChunks ?? 0); chunk++) await deleteValue(customChecklistItemsKey(checklistId, chunk));
  await deleteValue(customChecklistKey(checklistId));
}

/** Splits items so each chunk stays under the KVS value limit. */
function chunkItems(items: readonly ChecklistItem[]): ChecklistItem[][] {
  for (const item of items) if (jsonBytes(item) + 1 > MAX_VALUE_BYTES) throw new CustomChecklistError(`Item ${item.id} is too large to store; shorten its requirement text.`);
  return partsBySize(items, MAX_VALUE_BYTES, jsonBytes);
}

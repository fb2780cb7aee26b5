/**
 * The item map in KVS. The map (model.ts) is serialised to JSON and cut into pieces that each fit
 * one value; a header value at `itemMapKey` names the generation and the number of pieces and holds
 * piece 0, and pieces 1… are at `itemMapChunkKey(…, generation, i)`. A save writes a new generation
 * beside the old one and only then switches the header (one write, so it is atomic), then deletes
 * the old pieces; a reader never mixes two generations (a piece names its generation and index).
 * Format 2 stores the JSON brotli-compressed in base64 (storage/compress.ts; ~5 times smaller);
 * format 1 (plain JSON) still reads. A save keeps piece 0 empty, so the header is ~100 bytes and
 * names the generation: a rollup read from Jira reads the header only, and the pieces only when the
 * map changed since its last read or an issue it has not seen before claims an item
 * (src/item-map/ensure.ts itemMapHandle). KVS bills every byte read, and the header is read on every
 * Audit page open that reads Jira. Maps saved before (piece 0 in the header) still read.
 *
 * One writer at a time per framework and project: import holds the checklist's import slot, version
 * sync and adoption hold the framework write lock (import/exclusion.ts). The first build of a map
 * (migration, see ensure.ts) claims the header with FAIL_IF_EXISTS, so it never overwrites a writer.
 *
 * The pending checkpoint (`itemMapPendingKey`, per checklist) is what a bulk create is about to create: written
 * before the call, cleared once its answer is in the map. A lost answer leaves it for recovery.
 */
import { randomUUID } from 'node:crypto';
import { kvs } from '@forge/kvs';
import { z } from 'zod';
import { itemMapChunkKey, itemMapKey, itemMapPendingKey, itemMapPendingPrefix } from '../storage/keys';
import { claimValue, deleteValue, readByPrefix, readValue, StoredValueError, writeValue } from '../storage/kvs';
import { compressText, decompressText } from '../storage/compress';
import { emptyMap, fromStored, storedMapSchema, toStored, type ItemMap } from './model';

/** Characters a piece may hold: at most 3 bytes each in UTF-8, so ≤ 180 KB, under KVS's 240 KiB. */
const PIECE_CHARS = 60_000;
/** Pieces a map may have: ≈ 1.2 M characters, far beyond 5,000 items (~250 K). */
const MAX_PIECES = 20;

function pieceChars(): number {
  // MSP_ITEM_MAP_PIECE_CHARS (a Forge environment variable) lets tests exercise many pieces.
  const override = Number(process.env.MSP_ITEM_MAP_PIECE_CHARS);
  return Number.isFinite(override) && override >= 100 ? Math.min(override, PIECE_CHARS) : PIECE_CHARS;
}

const headerSchema = z.object({
  /** 1: the pieces join to JSON; 2: to compressed JSON (compressText). */
  format: z.union([z.literal(1), z.literal(2)]),
  generation: z.string(),
  pieces: z.number().int().min(1).max(MAX_PIECES),
  piece: z.string(),
  savedAt: z.string(),
});
const chunkSchema = z.object({ generation: z.string(), index: z.number().int(), piece: z.string() });

export const pendingSchema = z.object({
  /** Written into each new issue's identity (`batch`): how recovery recognises what the lost call created. */
  batch: z.string(),
  checklistId: z.string(),
  kind: z.enum(['item', 'chapter']),
  /** Item (or chapter) ids the call creates. */
  ids: z.array(z.string()),
  /** The highest issue key number known before the call: what it created has higher numbers. */
  afterKeyNumber: z.number().int().min(0),
  projectKey: z.string(),
  at: z.string(),
});
export type PendingCreate = z.infer<typeof pendingSchema>;

export type ItemMapHeader = z.infer<typeof headerSchema>;

/** The map's header (its generation changes with every save), or undefined when there is no map yet. */
export async function readItemMapHeader(projectKey: string, framework: string): Promise<ItemMapHeader | undefined> {
  return readValue(itemMapKey(projectKey, framework), headerSchema);
}

/** The stored map, or undefined when the project has none for this framework yet. `header`: one just read. */
export async function loadItemMap(projectKey: string, framework: string, header?: ItemMapHeader): Promise<ItemMap | undefined> {
  let known = header;
  for (let attempt = 0; ; attempt++) {
    const header = known ?? (await readItemMapHeader(projectKey, framework));
    known = undefined;
    if (!header) return undefined;
    const pieces = [header.piece];
    let torn = false;
    for (let index = 1; index < header.pieces; index++) {
      const chunk = await readValue(itemMapChunkKey(projectKey, framework, header.generation, index), chunkSchema);
      if (!chunk || chunk.generation !== header.generation || chunk.index !== index) {
        torn = true;
        break;
      }
      pieces.push(chunk.piece);
    }
    // A save switched generations while this read was under way: read the new one.
    if (torn && attempt < 2) continue;
    if (torn) throw new StoredValueError(`Stored record item-map for ${projectKey} is missing a piece; it may need to be recreated.`);
    const joined = pieces.join('');
    const parsed = storedMapSchema.safeParse(safeJson(header.format === 2 ? (decompressText(joined) ?? '') : joined));
    if (!parsed.success) throw new StoredValueError(`Stored record item-map for ${projectKey} is not in the expected shape; it may need to be recreated.`);
    return fromStored(parsed.data);
  }
}

/** Writes the map as a new generation and switches the header to it. */
export async function saveItemMap(projectKey: string, framework: string, map: ItemMap): Promise<void> {
  const previous = await readValue(itemMapKey(projectKey, framework), headerSchema);
  const header = await writePieces(projectKey, framework, map);
  await writeValue(itemMapKey(projectKey, framework), header);
  if (previous) await dropPieces(projectKey, framework, previous.generation, previous.pieces);
}

/** Saves the map only if none exists yet; false (and nothing left behind) when another was first. */
export async function claimItemMap(projectKey: string, framework: string, map: ItemMap): Promise<boolean> {
  const header = await writePieces(projectKey, framework, map);
  if (await claimValue(itemMapKey(projectKey, framework), header)) return true;
  await dropPieces(projectKey, framework, header.generation, header.pieces);
  return false;
}

/** The checkpoints left in the framework (one per checklist at most), or only `checklistId`'s. */
export async function readPending(projectKey: string, framework: string, checklistId?: string): Promise<PendingCreate[]> {
  if (checklistId !== undefined) {
    const one = await readValue(itemMapPendingKey(projectKey, framework, checklistId), pendingSchema);
    return one ? [one] : [];
  }
  return (await readByPrefix(itemMapPendingPrefix(projectKey, framework), pendingSchema)).map(({ value }) => value);
}

export async function writePending(framework: string, pending: PendingCreate): Promise<void> {
  await writeValue(itemMapPendingKey(pending.projectKey, framework, pending.checklistId), pending);
}

export async function clearPending(projectKey: string, framework: string, checklistId: string): Promise<void> {
  await deleteValue(itemMapPendingKey(projectKey, framework, checklistId));
}

async function writePieces(projectKey: string, framework: string, map: ItemMap): Promise<z.infer<typeof headerSchema>> {
  const json = compressText(JSON.stringify(toStored(map)));
  const size = pieceChars();
  // Piece 0 (in the header) stays empty: the header alone tells the generation (see the file comment).
  const pieces: string[] = [''];
  for (let start = 0; start < json.length || pieces.length === 1; start += size) pieces.push(json.slice(start, start + size));
  if (pieces.length > MAX_PIECES) throw new StoredValueError(`The item map of ${projectKey} would need ${pieces.length} values; at most ${MAX_PIECES} are kept.`);
  const generation = randomUUID().slice(0, 12);
  for (let index = 1; index < pieces.length; index++) {
    await writeValue(itemMapChunkKey(projectKey, framework, generation, index), { generation, index, piece: pieces[index]! });
  }
  return { format: 2, generation, pieces: pieces.length, piece: pieces[0]!, savedAt: new Date().toISOString() };
}

async function dropPieces(projectKey: string, framework: string, generation: string, count: number): Promise<void> {
  for (let index = 1; index < count; index++) {
    // Best effort: a piece left behind is never read (the header names another generation).
    await kvs.delete(itemMapChunkKey(projectKey, framework, generation, index)).catch(() => undefined);
  }
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

export { emptyMap };

/**
 * A states block as it is stored: brotli-compressed JSON in base64 (`{ z }`) when that is smaller,
 * the block itself otherwise. KVS is billed by the bytes read and written, and the rollup cache is
 * read on every Audit page open and written on every read from Jira: the columns of a 130-item
 * checklist (2.8 KB of JSON) store as ~1 KB, 5,000 items' (~0.11 MB) as ~35 KB. Compression only
 * shrinks a block, so the JSON size limits the blocks are cut by (cache-codec.ts) still hold.
 */
import { z } from 'zod';
import { compressText, decompressText } from '../storage/compress';
import { stateBlockSchema, type StateBlock } from './cache-codec';

export const storedBlockSchema = z.union([z.object({ z: z.string() }), stateBlockSchema]);
export type StoredBlock = z.infer<typeof storedBlockSchema>;

export function compressBlock(block: StateBlock): StoredBlock {
  const json = JSON.stringify(block);
  const packed = compressText(json);
  // `{"z":""}` around it: 8 bytes.
  return packed.length + 8 < Buffer.byteLength(json, 'utf8') ? { z: packed } : block;
}

/** The block, or undefined when a compressed one does not decode to a valid block (a stale cache, not an error). */
export function decompressBlock(stored: StoredBlock): StateBlock | undefined {
  if (!('z' in stored)) return stored;
  const json = decompressText(stored.z);
  if (json === undefined) return undefined;
  try {
    const parsed = stateBlockSchema.safeParse(JSON.parse(json));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

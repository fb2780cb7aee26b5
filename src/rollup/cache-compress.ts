/**
 * A states block as it is stored: brotli-compressed JSON in base64 (`{ z }`) when that is smaller,
 * the block itself otherwise. KVS is billed by the bytes read and written, and the rollup cache is
 * read on every Audit page open and written on every read from Jira: the columns of a 130-item
 * checklist (2.8 KB of JSON) store as ~1 KB, 5,000 items' (~0.11 MB) as ~35 KB. Compression only
 * shrinks a block, so the JSON size limits the blocks are cut by (cache-codec.ts) still hold.
 */
import { brotliCompressSync, brotliDecompressSync, constants } from 'node:zlib';
import { z } from 'zod';
import { stateBlockSchema, type StateBlock } from './cache-codec';

/** Quality 6: within ~10 % of the best ratio at a twentieth of the time (5,000 items: ~20 ms). */
const QUALITY = 6;

export const storedBlockSchema = z.union([z.object({ z: z.string() }), stateBlockSchema]);
export type StoredBlock = z.infer<typeof storedBlockSchema>;

export function compressBlock(block: StateBlock): StoredBlock {
  const json = JSON.stringify(block);
  const packed = brotliCompressSync(json, { params: { [constants.BROTLI_PARAM_QUALITY]: QUALITY, [constants.BROTLI_PARAM_SIZE_HINT]: json.length } }).toString('base64');
  // `{"z":""}` around it: 8 bytes.
  return packed.length + 8 < Buffer.byteLength(json, 'utf8') ? { z: packed } : block;
}

/** The block, or undefined when a compressed one does not decode to a valid block (a stale cache, not an error). */
export function decompressBlock(stored: StoredBlock): StateBlock | undefined {
  if (!('z' in stored)) return stored;
  try {
    const parsed = stateBlockSchema.safeParse(JSON.parse(brotliDecompressSync(Buffer.from(stored.z, 'base64')).toString('utf8')));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

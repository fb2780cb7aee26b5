/**
 * Text stored compressed: brotli, then base64 so it stays a JSON string in a KVS value. KVS is
 * billed by the bytes read and written; the app's large records (the rollup cache's states, the
 * item map) are JSON of few distinct words and compress 3-8 times.
 */
import { brotliCompressSync, brotliDecompressSync, constants } from 'node:zlib';

/** Quality 6: within ~10 % of the best ratio at a twentieth of the time of 11 (140 KB: ~20 ms). */
const QUALITY = 6;

export function compressText(text: string): string {
  return brotliCompressSync(text, { params: { [constants.BROTLI_PARAM_QUALITY]: QUALITY, [constants.BROTLI_PARAM_SIZE_HINT]: text.length } }).toString('base64');
}

/** The text, or undefined when `packed` is not compressed text (damaged, or something else). */
export function decompressText(packed: string): string | undefined {
  try {
    return brotliDecompressSync(Buffer.from(packed, 'base64')).toString('utf8');
  } catch {
    return undefined;
  }
}

/**
 * Looks at a file's bytes to see what it really is, whatever its name says, and decodes text.
 * A renamed file is the usual surprise: an .xls saved as .xlsx, an .xlsx renamed .csv, a PDF.
 */
import { SheetReadError } from './errors';

export type Signature = 'zip' | 'ole2' | 'pdf' | 'image' | 'gzip' | 'binary' | 'text';

const MAGIC: [Signature, number[]][] = [
  ['zip', [0x50, 0x4b, 0x03, 0x04]],
  ['zip', [0x50, 0x4b, 0x05, 0x06]],
  ['ole2', [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]],
  ['pdf', [0x25, 0x50, 0x44, 0x46]],
  ['gzip', [0x1f, 0x8b]],
  ['image', [0x89, 0x50, 0x4e, 0x47]],
  ['image', [0xff, 0xd8, 0xff]],
];

/** How much of a file the binary check reads; text files show their nature in the first page. */
const SNIFF_BYTES = 8192;

/**
 * What the bytes are. UTF-16 text (Excel's "Unicode Text") holds NUL bytes but is text.
 *
 * @example
 * sniffSignature(new TextEncoder().encode('ID,Title')); // → 'text'
 */
export function sniffSignature(bytes: Uint8Array): Signature {
  for (const [signature, magic] of MAGIC) {
    if (magic.every((byte, i) => bytes[i] === byte)) return signature;
  }
  if (utf16Encoding(bytes) !== undefined) return 'text';
  const head = bytes.subarray(0, SNIFF_BYTES);
  let control = 0;
  for (const byte of head) {
    if (byte === 0) return 'binary';
    // Tab, LF, FF, CR are text; other C0 controls are rare in text and common in binary formats.
    if (byte < 0x20 && byte !== 0x09 && byte !== 0x0a && byte !== 0x0c && byte !== 0x0d) control++;
  }
  return head.length > 0 && control / head.length > 0.1 ? 'binary' : 'text';
}

/** Plain words for a signature, used in "this is ..., not ..." messages. */
export function describeSignature(signature: Signature): string {
  switch (signature) {
    case 'zip':
      return 'a zip archive (an .xlsx workbook is one)';
    case 'ole2':
      return 'an old Excel 97-2003 (.xls) or other Office binary file';
    case 'pdf':
      return 'a PDF document';
    case 'image':
      return 'an image';
    case 'gzip':
      return 'a compressed (.gz) file';
    case 'binary':
      return 'binary data';
    case 'text':
      return 'plain text';
  }
}

function utf16Encoding(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | undefined {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  return undefined;
}

/**
 * Decodes a text file: UTF-8 (a BOM is dropped) or UTF-16 with a BOM. Anything else is refused
 * rather than guessed, because a wrong guess silently garbles every accented title.
 *
 * @example
 * decodeText(new Uint8Array([0xef, 0xbb, 0xbf, 0x41]), 'a.csv'); // → 'A'
 */
export function decodeText(bytes: Uint8Array, fileName: string): string {
  const utf16 = utf16Encoding(bytes);
  let text: string;
  try {
    text = new TextDecoder(utf16 ?? 'utf-8', { fatal: true }).decode(bytes);
  } catch {
    const offset = firstInvalidUtf8Offset(bytes);
    const where =
      utf16 !== undefined || offset === undefined
        ? ''
        : ` (byte 0x${(bytes[offset] ?? 0).toString(16).toUpperCase().padStart(2, '0')} on line ${lineOf(bytes, offset)})`;
    throw new SheetReadError(
      'bad-encoding',
      fileName,
      `is not UTF-8 text${where}. Save it again as UTF-8: in Excel use File › Save As › "CSV UTF-8 (Comma delimited)"; ` +
        'in other editors pick the UTF-8 encoding.',
    );
  }
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

function lineOf(bytes: Uint8Array, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset; i++) if (bytes[i] === 0x0a) line++;
  return line;
}

/** Where UTF-8 decoding first breaks, to point the user at the line (a Latin-1 "é" is the usual culprit). */
export function firstInvalidUtf8Offset(bytes: Uint8Array): number | undefined {
  let i = 0;
  while (i < bytes.length) {
    const lead = bytes[i] ?? 0;
    const length = lead < 0x80 ? 1 : lead >= 0xc2 && lead <= 0xdf ? 2 : lead >= 0xe0 && lead <= 0xef ? 3 : lead >= 0xf0 && lead <= 0xf4 ? 4 : 0;
    if (length === 0) return i;
    for (let k = 1; k < length; k++) {
      const next = bytes[i + k];
      if (next === undefined || (next & 0xc0) !== 0x80) return i;
    }
    i += length;
  }
  return undefined;
}

export interface ZipDirectory {
  names: string[];
  /** Σ uncompressed sizes, to refuse a small file that would inflate to gigabytes. */
  uncompressedBytes: number;
}

/**
 * Reads a zip file's central directory (names and sizes), without inflating anything.
 * Returns `undefined` when the bytes are not a complete, plain (non-zip64) zip.
 */
export function readZipDirectory(bytes: Uint8Array): ZipDirectory | undefined {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const end = findEndOfCentralDirectory(bytes);
  if (end === undefined) return undefined;
  const count = view.getUint16(end + 10, true);
  const size = view.getUint32(end + 12, true);
  const start = view.getUint32(end + 16, true);
  if (count === 0xffff || start === 0xffffffff || start + size > bytes.length) return undefined;
  const names: string[] = [];
  let uncompressedBytes = 0;
  let at = start;
  const decoder = new TextDecoder('utf-8');
  for (let n = 0; n < count; n++) {
    if (at + 46 > bytes.length || view.getUint32(at, true) !== 0x02014b50) return undefined;
    uncompressedBytes += view.getUint32(at + 24, true);
    const nameLength = view.getUint16(at + 28, true);
    const extraLength = view.getUint16(at + 30, true);
    const commentLength = view.getUint16(at + 32, true);
    names.push(decoder.decode(bytes.subarray(at + 46, at + 46 + nameLength)));
    at += 46 + nameLength + extraLength + commentLength;
  }
  return { names, uncompressedBytes };
}

function findEndOfCentralDirectory(bytes: Uint8Array): number | undefined {
  // The record is 22 bytes plus a comment of at most 65,535 bytes, at the very end of the file.
  const last = bytes.length - 22;
  for (let i = last; i >= 0 && i >= last - 0xffff; i--) {
    if (bytes[i] === 0x50 && bytes[i + 1] === 0x4b && bytes[i + 2] === 0x05 && bytes[i + 3] === 0x06) return i;
  }
  return undefined;
}

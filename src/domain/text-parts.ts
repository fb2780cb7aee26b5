/**
 * A long text cut into parts that each fit one answer, so a browser can fetch them one by one and
 * join them back into exactly the same text. Pure.
 *
 * Each part's size is measured as what travels: its JSON string (quotes, escapes) in UTF-8 bytes.
 * A part never ends between the two halves of a surrogate pair, and the cut is the same for the
 * same text, so a part asked for again is the same part. One pass over the text.
 */

const SHORT_ESCAPES = new Set([0x08, 0x09, 0x0a, 0x0c, 0x0d, 0x22, 0x5c]);

const isHigh = (code: number): boolean => code >= 0xd800 && code <= 0xdbff;
const isLow = (code: number): boolean => code >= 0xdc00 && code <= 0xdfff;

/**
 * UTF-8 bytes JSON.stringify writes for the character at `i` and how many UTF-16 units it spans:
 * `\"`, `\\` and `\n`-style escapes 2, other controls and lone surrogates 6 (`\uXXXX`).
 */
function charCost(text: string, i: number): { bytes: number; units: number } {
  const code = text.charCodeAt(i);
  if (SHORT_ESCAPES.has(code)) return { bytes: 2, units: 1 };
  if (code < 0x20) return { bytes: 6, units: 1 };
  if (code < 0x80) return { bytes: 1, units: 1 };
  if (code < 0x800) return { bytes: 2, units: 1 };
  if (isHigh(code) && i + 1 < text.length && isLow(text.charCodeAt(i + 1))) return { bytes: 4, units: 2 };
  if (isHigh(code) || isLow(code)) return { bytes: 6, units: 1 };
  return { bytes: 3, units: 1 };
}

/**
 * The parts of `text`, each at most `maxJsonBytes` as a JSON string; `[""]` for an empty text.
 *
 * @example
 * splitTextParts('a,b\n1,2\n', 1_000);        // ['a,b\n1,2\n']
 * splitTextParts('abcdefghijklmnop', 14);      // ['abcdefghijkl', 'mnop'] (12 characters and 2 quotes)
 */
export function splitTextParts(text: string, maxJsonBytes: number): string[] {
  // Two quotes and the largest character (6 bytes) must fit.
  if (!Number.isFinite(maxJsonBytes) || maxJsonBytes < 8) throw new RangeError(`maxJsonBytes must be at least 8; got ${maxJsonBytes}.`);
  if (text === '') return [''];
  const parts: string[] = [];
  let start = 0;
  let bytes = 2;
  let i = 0;
  while (i < text.length) {
    const cost = charCost(text, i);
    if (bytes + cost.bytes > maxJsonBytes) {
      parts.push(text.slice(start, i));
      start = i;
      bytes = 2;
    }
    bytes += cost.bytes;
    i += cost.units;
  }
  parts.push(text.slice(start));
  return parts;
}

/** splitTextParts: parts that fit one answer each and join back into the same text. */
import fc from 'fast-check';
import { splitTextParts } from '../../../src/domain/text-parts';

const jsonBytes = (text: string): number => Buffer.byteLength(JSON.stringify(text), 'utf8');

describe('splitTextParts', () => {
  it.each<[string, string, number, string[]]>([
    ['an empty text', '', 100, ['']],
    ['a text that fits', 'a,b\n1,2\n', 100, ['a,b\n1,2\n']],
    ['a text cut at the bound (12 characters and 2 quotes)', 'abcdefghijklmnop', 14, ['abcdefghijkl', 'mnop']],
    ['quotes counted as escaped', '"'.repeat(12), 14, ['"'.repeat(6), '"'.repeat(6)]],
    ['never between a surrogate pair', '🙂'.repeat(4), 14, ['🙂🙂🙂', '🙂']],
    ['a lone surrogate as its escape', '\uD800abc', 8, ['\uD800', 'abc']],
  ])('%s', (_label, text, max, parts) => {
    expect(splitTextParts(text, max)).toEqual(parts);
  });

  it('cuts a 12 MB CSV into parts under 4 MB that join back', () => {
    const row = `"1.1","Chapter","${'long title '.repeat(200)}","10","Yes","Met",""\r\n`;
    const text = `\uFEFF${row.repeat(Math.ceil((12 * 1024 * 1024) / row.length))}`;
    const parts = splitTextParts(text, 4 * 1024 * 1024);
    expect(parts.join('')).toBe(text);
    expect(parts.length).toBeGreaterThanOrEqual(3);
    expect(parts.length).toBeLessThanOrEqual(5);
    for (const part of parts) expect(jsonBytes(part)).toBeLessThanOrEqual(4 * 1024 * 1024);
  });

  it('for any text and bound: the parts join back, each fits, none splits a surrogate pair, the cut is stable', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('a', '"', '\\', '\n', '\u0001', 'é', '監', '🙂', '\uD800', '\uDC00', '\u2028'), maxLength: 300 }), fc.integer({ min: 8, max: 120 }), (text, max) => {
        const parts = splitTextParts(text, max);
        expect(parts.join('')).toBe(text);
        parts.forEach((part, index) => {
          expect(jsonBytes(part)).toBeLessThanOrEqual(max);
          expect(part === '' ? text === '' : true).toBe(true);
          const last = part.charCodeAt(part.length - 1);
          const nextFirst = parts[index + 1]?.charCodeAt(0) ?? 0;
          expect(last >= 0xd800 && last <= 0xdbff && nextFirst >= 0xdc00 && nextFirst <= 0xdfff).toBe(false);
        });
        expect(splitTextParts(text, max)).toEqual(parts);
      }),
    );
  });

  it('refuses a bound the largest character does not fit in', () => {
    expect(() => splitTextParts('abc', 7)).toThrow('maxJsonBytes must be at least 8; got 7.');
  });
});

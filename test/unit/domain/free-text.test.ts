/** The one free-text rule (src/domain/free-text.ts): control and text-direction characters refused, a length bound. */
import fc from 'fast-check';
import { freeTextProblem } from '../../../src/domain/free-text';

const hidden = (code: string, at: number) => `The note contains ${code} at character ${at}, a control or text-direction character that can hide text; remove it.`;

describe('freeTextProblem', () => {
  it.each<[string, string, number, string | undefined]>([
    ['plain text', 'Walked chapter 8 with Ana.', 100, undefined],
    ['empty text', '', 100, undefined],
    ['a tab', 'a\tb', 100, undefined],
    ['line breaks (LF, CRLF)', 'one\ntwo\r\nthree', 100, undefined],
    ['accents, CJK and emoji', 'Revisión 監査 ✅', 100, undefined],
    ['a right-to-left script without overrides', 'مراجعة الفصل', 100, undefined],
    ['a zero-width joiner in an emoji', '👩\u200D💻', 100, undefined],
    ['NUL', 'ok\u0000', 100, hidden('U+0000', 3)],
    ['BEL', '\u0007ding', 100, hidden('U+0007', 1)],
    ['ESC (terminal escapes)', 'x\u001B[31m', 100, hidden('U+001B', 2)],
    ['a vertical tab', 'a\u000Bb', 100, hidden('U+000B', 2)],
    ['a form feed', 'a\u000Cb', 100, hidden('U+000C', 2)],
    ['DEL', 'a\u007F', 100, hidden('U+007F', 2)],
    ['a C1 control', 'a\u0085', 100, hidden('U+0085', 2)],
    ['RIGHT-TO-LEFT OVERRIDE U+202E', 'invoice\u202Efdp.exe', 100, hidden('U+202E', 8)],
    ['LEFT-TO-RIGHT EMBEDDING U+202A', '\u202Ax', 100, hidden('U+202A', 1)],
    ['LEFT-TO-RIGHT ISOLATE U+2066', 'a\u2066b\u2069', 100, hidden('U+2066', 2)],
    ['POP DIRECTIONAL ISOLATE U+2069 alone', 'a\u2069', 100, hidden('U+2069', 2)],
    ['RIGHT-TO-LEFT MARK U+200F', 'a\u200F', 100, hidden('U+200F', 2)],
    ['ARABIC LETTER MARK U+061C', 'a\u061C', 100, hidden('U+061C', 2)],
    ['the first of several', '\u202E\u0000', 100, hidden('U+202E', 1)],
    ['text at the bound', 'x'.repeat(10), 10, undefined],
    ['text one past the bound', 'x'.repeat(11), 10, 'The note is 11 characters; keep it to 10.'],
    ['a hidden character before the length', `${'x'.repeat(20)}\u0000`, 10, hidden('U+0000', 21)],
  ])('%s', (_label, value, max, problem) => {
    expect(freeTextProblem('The note', value, max)).toBe(problem);
  });

  // The characters the rule names: C0 (but tab, LF, CR), DEL and C1, LRM/RLM/ALM, embeddings, overrides, isolates.
  const FORBIDDEN: readonly number[] = [
    ...range(0x00, 0x08), 0x0b, 0x0c, ...range(0x0e, 0x1f), ...range(0x7f, 0x9f), 0x200e, 0x200f, 0x061c, ...range(0x202a, 0x202e), ...range(0x2066, 0x2069),
  ];
  const allowed = fc.string({ unit: 'binary', maxLength: 40 }).map((text) => [...text].filter((ch) => !FORBIDDEN.includes(ch.codePointAt(0) ?? 0)).join(''));

  it('accepts any text without those characters within the bound', () => {
    fc.assert(fc.property(allowed, (value) => freeTextProblem('The note', value, value.length) === undefined));
  });

  it('refuses any text with one of them, wherever it is, and names it', () => {
    fc.assert(
      fc.property(allowed, allowed, fc.constantFrom(...FORBIDDEN), (before, after, code) => {
        const problem = freeTextProblem('The note', `${before}${String.fromCodePoint(code)}${after}`, 1_000);
        return problem === hidden(`U+${code.toString(16).toUpperCase().padStart(4, '0')}`, before.length + 1);
      }),
    );
  });
});

function range(from: number, to: number): number[] {
  return Array.from({ length: to - from + 1 }, (_, i) => from + i);
}

/**
 * One rule for every free-text field a person types (waiver names and reasons, review notes,
 * evidence titles and notes, N/A justifications, trail reasons): no control characters (other than
 * tab and line breaks) and no bidirectional-override characters, which can hide or reorder text in
 * an export or on the page, and a length bound. Pure.
 */

// C0 controls except \t \n \r, DEL, C1 controls; bidi embeddings/overrides/isolates; LRM/RLM/ALM.
// eslint-disable-next-line no-control-regex
const FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u200E\u200F\u061C\u202A-\u202E\u2066-\u2069]/u;

function describe(ch: string): string {
  const code = ch.codePointAt(0) ?? 0;
  return `U+${code.toString(16).toUpperCase().padStart(4, '0')}`;
}

/**
 * The problem with a free-text value, or undefined when it is fine. `label` names the field in the
 * message ("The waiver reason").
 *
 * @example
 * freeTextProblem('The review note', 'ok\u202Egnp.exe', 500); // 'The review note contains U+202E …'
 */
export function freeTextProblem(label: string, value: string, maxLength: number): string | undefined {
  const bad = FORBIDDEN.exec(value);
  if (bad) {
    return `${label} contains ${describe(bad[0])} at character ${bad.index + 1}, a control or text-direction character that can hide text; remove it.`;
  }
  if (value.length > maxLength) return `${label} is ${value.length} characters; keep it to ${maxLength}.`;
  return undefined;
}

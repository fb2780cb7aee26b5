/**
 * Reads one cell's text as an item field. Each reader returns the value or a message written for
 * the person fixing the sheet; the builder adds the row and column.
 */
import type { EvidenceKindName, ItemResultValue } from './types';

export type Parsed<T> = { ok: true; value: T } | { ok: false; message: string };

const ok = <T>(value: T): Parsed<T> => ({ ok: true, value });
const fail = <T>(message: string): Parsed<T> => ({ ok: false, message });

/** Same rule as the definition format: letters, digits, ".", "_", "-", starting with a letter or digit. */
export const ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;

const INJECTION_NAMES: Record<string, string> = { '=': "'='", '+': "'+'", '-': "'-'", '@': "'@'", '\t': 'a tab', '\r': 'a carriage return' };

/**
 * Text a spreadsheet program would run as a formula when the audit pack is opened (CSV/formula
 * injection), e.g. `=HYPERLINK("http://x","click")`. Leading spaces do not protect: some programs
 * trim them.
 *
 * @example
 * formulaInjection('@SUM(A1)'); // → "cell starts with '@' — formulas are not allowed; remove it"
 */
export function formulaInjection(raw: string): string | undefined {
  const first = raw[0] === '\t' || raw[0] === '\r' ? raw[0] : raw.trimStart()[0];
  if (first === undefined || !(first in INJECTION_NAMES)) return undefined;
  return `cell starts with ${INJECTION_NAMES[first]} — formulas are not allowed; remove it`;
}

/** A plain negative number, which in a numeric column is a wrong value rather than a formula. */
export function isNegativeNumber(raw: string): boolean {
  return /^\s*-\s*\d+(?:[.,]\d+)?\s*$/.test(raw);
}

/**
 * Points and penalties: whole numbers ≥ 0. Blank is "not given". "1,000" and "10,0" are read the
 * way Excel users in either decimal convention write them.
 *
 * @example
 * parseWholeNumber('1,000', 'points'); // → { ok: true, value: 1000 }
 */
export function parseWholeNumber(text: string, what: 'points' | 'penalty'): Parsed<number | undefined> {
  const compact = text.replace(/[\s\u00a0\u202f]/g, '');
  if (compact === '') return ok(undefined);
  let value: number;
  if (/^[+-]?\d+(?:\.\d+)?$/.test(compact)) value = Number(compact);
  else if (/^\d{1,3}(?:,\d{3})+$/.test(compact)) value = Number(compact.replace(/,/g, ''));
  else if (/^[+-]?\d+,\d+$/.test(compact)) value = Number(compact.replace(',', '.'));
  else return fail(`"${text.trim()}" is not a number; ${what} must be a whole number such as 10`);
  if (value < 0) return fail(`negative ${what} (${text.trim()}); ${what} must be 0 or more`);
  if (!Number.isInteger(value)) return fail(`${text.trim()} is not a whole number; ${what} must be whole numbers such as 10`);
  return ok(value);
}

const MANDATORY_VALUES: Record<string, boolean> = {
  yes: true, y: true, true: true, mandatory: true, required: true, '1': true,
  no: false, n: false, false: false, recommended: false, optional: false, '0': false,
};

/**
 * @example
 * parseMandatory('Recommended'); // → { ok: true, value: false }
 */
export function parseMandatory(text: string): Parsed<boolean | undefined> {
  const key = text.trim().toLowerCase();
  if (key === '') return ok(undefined);
  const value = MANDATORY_VALUES[key];
  if (value !== undefined) return ok(value);
  return fail(`"${text.trim()}" is not a mandatory value; use yes/no, true/false, mandatory/recommended, required/optional or 1/0`);
}

const RESULT_VALUES: Record<string, ItemResultValue | null> = {
  yes: 'met', y: 'met', met: 'met', true: 'met', pass: 'met', passed: 'met', done: 'met', compliant: 'met', '1': 'met',
  no: 'not_met', n: 'not_met', 'not met': 'not_met', 'not_met': 'not_met', false: 'not_met', fail: 'not_met',
  failed: 'not_met', 'non-compliant': 'not_met', 'not compliant': 'not_met', open: 'not_met', '0': 'not_met',
  'n/a': 'na', na: 'na', 'not applicable': 'na', 'not_applicable': 'na',
  'not assessed': null, 'not_assessed': null, '-': null, '?': null,
};

/**
 * The team's own answer so far (the workbook's `Met?`). Blank or "not assessed": no initial result.
 *
 * @example
 * parseResult('Yes'); // → { ok: true, value: 'met' }
 */
export function parseResult(text: string): Parsed<ItemResultValue | undefined> {
  const key = text.trim().toLowerCase().replace(/\s+/g, ' ');
  if (key === '') return ok(undefined);
  const value = RESULT_VALUES[key];
  if (value === null) return ok(undefined);
  if (value !== undefined) return ok(value);
  return fail(`"${text.trim()}" is not a result; use Yes, No or N/A, or leave it blank when not assessed yet`);
}

/**
 * @example
 * parseComplexity('M'); // → { ok: true, value: 'medium' }
 */
export function parseComplexity(text: string): Parsed<'low' | 'medium' | 'high' | undefined> {
  const key = text.trim().toLowerCase();
  if (key === '') return ok(undefined);
  if (key === 'low' || key === 'l') return ok('low');
  if (key === 'medium' || key === 'med' || key === 'm') return ok('medium');
  if (key === 'high' || key === 'h') return ok('high');
  return fail(`"${text.trim()}" is not a complexity; use low, medium or high`);
}

const EVIDENCE_WORDS: [EvidenceKindName, RegExp][] = [
  ['document', /\b(documents?|documented|documentation|docs?|polic(?:y|ies)|reports?|records?|contracts?|templates?|charter)\b/],
  ['process', /\b(process(?:es)?|procedures?|sops?|workflows?|runbooks?|playbooks?)\b/],
  ['presentation', /\b(presentations?|decks?|slides?)\b/],
  ['demo', /\b(demos?|demonstrations?|demonstrate[sd]?)\b/],
  ['link', /\b(links?|urls?|websites?|web pages?|landing pages?)\b/],
  ['attachment', /\b(attachments?|files?|screenshots?|pdfs?|spreadsheets?)\b/],
];

/**
 * Evidence kinds named in a cell, either as a list ("document, demo") or inside a sentence
 * ("Evidence must be a demonstration of …"). `sentence` is true when the cell says more than a
 * list of kinds, so its text is worth keeping next to the requirement.
 *
 * @example
 * parseEvidence('Document; Demo'); // → { kinds: ['document', 'demo'], sentence: false }
 */
export function parseEvidence(text: string): { kinds: EvidenceKindName[]; sentence: boolean } {
  const lower = text.toLowerCase();
  const kinds = EVIDENCE_WORDS.filter(([, pattern]) => pattern.test(lower)).map(([kind]) => kind);
  let rest = lower;
  for (const [, pattern] of EVIDENCE_WORDS) rest = rest.replace(new RegExp(pattern.source, 'g'), ' ');
  const sentence = rest.replace(/\b(and|or)\b/g, ' ').replace(/[\s,;/|&+.]+/g, '') !== '';
  return { kinds, sentence };
}

/**
 * A title is one line: line breaks and runs of spaces inside a cell become single spaces.
 *
 * @example
 * oneLine(' Web \n Presence '); // → 'Web Presence'
 */
export function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/**
 * Multi-line text kept as written, tidied: Windows line ends, trailing spaces and runs of blank lines.
 *
 * @example
 * tidyText('a  \r\n\r\n\r\nb'); // → 'a\n\nb'
 */
export function tidyText(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((line) => line.trimEnd())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

const MANDATORY_LINE = /^(mandatory|recommended|required|optional)\.?$/i;

export interface TitledDescription {
  title: string;
  /** From a `Mandatory` / `Recommended` line right under the title, when there is one. */
  mandatory: boolean | undefined;
  /** Everything after the title (and mandatory line); empty when the cell is a single line. */
  requirement: string;
}

/**
 * Splits a cell written as title line, optional `Mandatory` / `Recommended` line, then the text.
 *
 * @example
 * splitTitledDescription('Web Presence\nMandatory\n\nA public page.');
 * // → { title: 'Web Presence', mandatory: true, requirement: 'A public page.' }
 */
export function splitTitledDescription(text: string): TitledDescription {
  const lines = tidyText(text).split('\n');
  const title = oneLine(lines.shift() ?? '');
  while (lines[0] === '') lines.shift();
  let mandatory: boolean | undefined;
  const flag = (lines[0] ?? '').trim();
  if (MANDATORY_LINE.test(flag)) {
    const word = flag.toLowerCase().replace('.', '');
    mandatory = word === 'mandatory' || word === 'required';
    lines.shift();
  }
  return { title, mandatory, requirement: lines.join('\n').trim() };
}

/**
 * Reads one item row through the column mapping: every cell checked, every problem reported
 * against its column, so one pass over the sheet lists everything to fix.
 */
import {
  ID_PATTERN,
  formulaInjection,
  isNegativeNumber,
  oneLine,
  parseComplexity,
  parseEvidence,
  parseMandatory,
  parseResult,
  parseWholeNumber,
  splitTitledDescription,
  tidyText,
  type Parsed,
} from './cells';
import { cellAt, type FieldColumns } from './rows';
import { MAX_TITLE_LENGTH, type EvidenceKindName, type ItemField, type ItemResultValue } from './types';

export interface ItemRow {
  id: string;
  title: string;
  requirement: string;
  mandatory: boolean;
  points: number | undefined;
  penalty: number | undefined;
  evidence: EvidenceKindName[];
  complexity: 'low' | 'medium' | 'high' | undefined;
  result: ItemResultValue | undefined;
  /** The chapter cell, when the sheet has a chapter column and the cell is filled. */
  chapter: string | undefined;
}

/** Fields whose text ends up in Jira and in the exported audit pack, so must never read as a formula. */
const TEXT_FIELDS: readonly ItemField[] = ['id', 'title', 'titledDescription', 'requirement', 'chapter', 'evidence'];

export type Report = (field: ItemField, message: string) => void;

/**
 * The item on a row, or `undefined` when any of its cells has a problem (each one reported).
 *
 * @example
 * readItemRow(['1.1', 'Policies', '10'], { id: 0, title: 1, points: 2 }, 'points', report);
 * // → { id: '1.1', title: 'Policies', requirement: 'Policies', points: 10, mandatory: false, … }
 */
export function readItemRow(
  row: readonly string[],
  columns: FieldColumns,
  model: 'points' | 'met',
  report: Report,
): ItemRow | undefined {
  let valid = true;
  const problem = (field: ItemField, message: string): void => {
    valid = false;
    report(field, message);
  };
  const cell = (field: ItemField): string => cellAt(row, columns[field]);
  const read = <T>(field: ItemField, parsed: Parsed<T>): T | undefined => {
    if (parsed.ok) return parsed.value;
    problem(field, parsed.message);
    return undefined;
  };

  for (const field of TEXT_FIELDS) {
    const message = formulaInjection(cell(field));
    if (message !== undefined) problem(field, message);
  }
  for (const field of ['points', 'penalty'] as const) {
    const message = isNegativeNumber(cell(field)) ? undefined : formulaInjection(cell(field));
    if (message !== undefined) problem(field, message);
  }
  if (!valid) return undefined;

  const id = cell('id').trim();
  if (id === '') problem('id', 'id is empty; every item needs an id such as 8.3 or SEC-001');
  else if (!ID_PATTERN.test(id)) {
    problem('id', `id "${id}" may only hold letters, digits, ".", "_" and "-" (no spaces), starting with a letter or digit, e.g. SEC-001`);
  }

  const described = columns.titledDescription === undefined ? undefined : splitTitledDescription(cell('titledDescription'));
  const title = columns.title === undefined ? (described?.title ?? '') : oneLine(cell('title'));
  const titleField: ItemField = columns.title === undefined ? 'titledDescription' : 'title';
  if (title === '') problem(titleField, 'title is empty; every item needs a title');
  else if (title.length > MAX_TITLE_LENGTH) {
    problem(titleField, `title is ${title.length} characters long; at most ${MAX_TITLE_LENGTH} fit in a Jira summary, so shorten it`);
  }

  const mandatory = read('mandatory', parseMandatory(cell('mandatory'))) ?? described?.mandatory ?? false;
  const underPoints = model === 'points';
  const points = underPoints ? read('points', parseWholeNumber(cell('points'), 'points')) : undefined;
  const penalty = underPoints ? read('penalty', parseWholeNumber(cell('penalty'), 'penalty')) : undefined;
  if (penalty !== undefined && penalty > 0 && !mandatory) {
    problem('penalty', `penalty ${penalty} on an item that is not mandatory; only mandatory items lose points when not met`);
  }
  const complexity = read('complexity', parseComplexity(cell('complexity')));
  const result = read('result', parseResult(cell('result')));

  // A plain list of kinds ("document, demo") is the evidence; a sentence is kept with the requirement.
  const evidenceText = tidyText(cell('evidence'));
  const evidence = parseEvidence(evidenceText);
  let requirement = [columns.requirement === undefined ? '' : tidyText(cell('requirement')), described?.requirement ?? '']
    .filter((text) => text !== '')
    .join('\n\n');
  if (evidence.sentence) requirement = requirement === '' ? `Evidence: ${evidenceText}` : `${requirement}\n\nEvidence: ${evidenceText}`;
  const kinds = columns.evidence === undefined ? evidenceInText(requirement) : evidence.kinds;

  const chapter = oneLine(cell('chapter'));
  if (!valid) return undefined;
  return {
    id,
    title,
    // The definition format needs a requirement; a sheet with titles only asks what the title says.
    requirement: requirement === '' ? title : requirement,
    mandatory,
    points,
    penalty,
    evidence: kinds,
    complexity,
    result,
    chapter: chapter === '' ? undefined : chapter,
  };
}

/** Evidence kinds named in the requirement's "Evidence …" paragraph, the way the AWS workbook writes it. */
function evidenceInText(requirement: string): EvidenceKindName[] {
  const paragraphs = requirement.split(/\n\s*\n/).filter((paragraph) => /^\s*evidence\b/i.test(paragraph));
  return paragraphs.length === 0 ? [] : parseEvidence(paragraphs.join('\n')).kinds;
}

/**
 * Turns mapped sheet rows into a checklist definition in the app's file format, listing every
 * problem by row and column before anything is saved. The backend re-validates the definition;
 * this pass exists so the team sees problems where they can fix them: in their own sheet.
 */
import { readItemRow, type ItemRow } from './build-item';
import { ID_PATTERN, parseWholeNumber } from './cells';
import { ChapterList, DEFAULT_CHAPTER } from './chapters';
import { columnLetter } from './mapping';
import { cellAt, classifyRow, type FieldColumns } from './rows';
import {
  MAX_ITEMS,
  type ChecklistMeta,
  type ColumnMapping,
  type ItemField,
  type ItemResultValue,
  type RawChecklistFile,
  type RawChecklistItem,
  type Sheet,
  type SheetProblem,
  type TableWorkbook,
} from './types';

/** One sheet to read items from, and how. */
export interface SheetSource {
  sheet: string;
  mapping: ColumnMapping;
  /** Every item of the sheet goes to this chapter unless its own chapter cell says otherwise. */
  chapter?: string;
}

export type BuildInput =
  | { workbook: TableWorkbook; sheet: string; mapping: ColumnMapping; meta: ChecklistMeta }
  | { workbook: TableWorkbook; sources: SheetSource[]; meta: ChecklistMeta };

export interface BuildResult {
  /** The definition so far: items whose rows have problems are left out. Save only when `problems` is empty. */
  definition: RawChecklistFile;
  /** The team's own answers from the sheet (`Met?`), by item id; items without one are absent. */
  initialResults: Record<string, ItemResultValue>;
  /** What must be fixed before import, in sheet order. */
  problems: SheetProblem[];
  /** Worth knowing but not blocking, e.g. a formula whose saved result was used. */
  warnings: SheetProblem[];
}

/** A sheet with thousands of bad rows needs a fix at the source, not a list of thousands of lines. */
const MAX_PROBLEMS = 200;

const FIELD_NAMES: Record<ItemField, string> = {
  id: 'id',
  title: 'title',
  chapter: 'chapter',
  requirement: 'requirement',
  titledDescription: 'title and requirement',
  points: 'points',
  mandatory: 'mandatory',
  penalty: 'penalty',
  evidence: 'evidence',
  result: 'met / result',
  complexity: 'complexity',
};

/**
 * @example
 * const { definition, problems } = buildChecklist({ workbook, sheet: 'list', mapping: guessSheetMapping(workbook.sheets[0]),
 *   meta: { id: 'team-1', name: 'Team list', version: '1', framework: 'team', model: 'met' } });
 * if (problems.length === 0) save(definition);
 */
export function buildChecklist(input: BuildInput): BuildResult {
  const sources = 'sources' in input ? input.sources : [{ sheet: input.sheet, mapping: input.mapping }];
  const { workbook, meta } = input;
  const named = workbook.sheets.length > 1;
  const problems: SheetProblem[] = [];
  const warnings: SheetProblem[] = [];
  const chapters = new ChapterList();
  const items: RawChecklistItem[] = [];
  const initialResults: Record<string, ItemResultValue> = {};
  const seenIds = new Map<string, { sheet: string; row: number }>();
  let rowsRead = 0;
  const points: PointsTally = { sum: 0, readable: true };
  let statedTotal: number | undefined;

  for (const source of sources) {
    const sheet = workbook.sheets.find((candidate) => candidate.name === source.sheet);
    const at = (row: number, column: string, message: string): SheetProblem =>
      named ? { sheet: source.sheet, row, column, message } : { row, column, message };
    if (sheet === undefined) {
      const names = workbook.sheets.map((s) => `"${s.name}"`).join(', ');
      problems.push(at(0, '', `the workbook has no sheet "${source.sheet}"; its sheets are ${names}`));
      continue;
    }
    if (sheet.rows.every((row) => row.every((cell) => cell.trim() === ''))) {
      problems.push(at(0, '', 'the sheet is empty; choose the sheet that holds the checklist'));
      continue;
    }
    const { headerRow } = source.mapping;
    const headers = sheet.rows[headerRow - 1] ?? [];
    const columnName = (index: number | undefined): string =>
      index === undefined ? '' : headers[index]?.replace(/\s+/g, ' ').trim() || columnLetter(index);
    const columns = fieldColumns(source.mapping, columnName, (message) => problems.push(at(headerRow, '', message)));
    if (columns === undefined) continue;
    warnIgnoredColumns(columns, meta.model, columnName, (column, message) => warnings.push(at(headerRow, column, message)));

    let group: { title: string; note?: string } | undefined;
    let sheetItems = 0;
    const used = new Set(Object.values(columns));
    for (let index = headerRow; index < sheet.rows.length; index++) {
      const row = sheet.rows[index] ?? [];
      const rowNumber = index + 1;
      if (sameCells(row, headers)) continue;
      const kind = classifyRow(row, columns);
      if (kind.kind === 'blank') continue;
      if (kind.kind === 'group') {
        group = kind;
        continue;
      }
      if (kind.kind === 'note') {
        warnings.push(at(rowNumber, columnName(kind.column), 'row skipped: only this cell, in a column that is not mapped, is filled'));
        continue;
      }
      if (kind.kind === 'total') {
        const total = Number(kind.points.replace(/[\s,]/g, ''));
        if (kind.points !== '' && Number.isFinite(total)) statedTotal = total;
        continue;
      }
      rowsRead++;
      sheetItems++;
      tallyPoints(points, cellAt(row, columns.points));
      // Problems of one row are listed left to right, as the user reads the row.
      const rowProblems: { index: number; problem: SheetProblem }[] = [];
      const item = readItemRow(row, columns, meta.model, (field, message) =>
        rowProblems.push({ index: columns[field] ?? -1, problem: at(rowNumber, columnName(columns[field]), message) }),
      );
      problems.push(...rowProblems.sort((a, b) => a.index - b.index).map(({ problem }) => problem));
      if (item === undefined) continue;
      const first = seenIds.get(item.id.toLowerCase());
      if (first !== undefined) {
        const where = first.sheet === source.sheet ? `row ${first.row}` : `row ${first.row} of "${first.sheet}"`;
        problems.push(at(rowNumber, columnName(columns.id), `id "${item.id}" is used twice: ${where} and row ${rowNumber}; item ids must be unique`));
        continue;
      }
      seenIds.set(item.id.toLowerCase(), { sheet: source.sheet, row: rowNumber });
      const chapterId = chapterFor(item, source, group, chapters);
      items.push(rawItem(item, chapterId, meta.model));
      if (item.result !== undefined) initialResults[item.id] = item.result;
    }
    formulaWarnings(sheet, headerRow, used, columnName, (row, column, message) => warnings.push(at(row, column, message)));
    if (sheetItems === 0) problems.push(at(headerRow, '', 'the sheet has column headers but no items below them'));
  }

  if (rowsRead > MAX_ITEMS) {
    problems.push({ row: 0, column: '', message: `the file has ${format(rowsRead)} items; at most ${format(MAX_ITEMS)} can be imported, so split it` });
  }
  const definition = assemble(meta, workbook.fileName, chapters, items);
  checkMeta(meta, definition, meta.model === 'points' ? { ...points, stated: meta.maxScore ?? statedTotal } : undefined, problems);
  return { definition, initialResults, problems: capped(problems), warnings: capped(warnings) };
}

/** Field → column index, or `undefined` (with problems) when the mapping cannot produce items. */
function fieldColumns(
  mapping: ColumnMapping,
  columnName: (index: number) => string,
  report: (message: string) => void,
): FieldColumns | undefined {
  const columns: FieldColumns = {};
  let usable = true;
  for (const column of mapping.columns) {
    if (column.field === undefined) continue;
    const earlier = columns[column.field];
    if (earlier !== undefined) {
      report(`columns "${columnName(earlier)}" and "${columnName(column.index)}" are both mapped to ${FIELD_NAMES[column.field]}; keep one`);
      usable = false;
      continue;
    }
    columns[column.field] = column.index;
  }
  if (columns.id === undefined) {
    report('no column holds the item id; map a column such as "ID" or "Control ID" to id');
    usable = false;
  }
  if (columns.title === undefined && columns.titledDescription === undefined) {
    report('no column holds the item title; map a column such as "Title" or "Name" to title');
    usable = false;
  }
  return usable ? columns : undefined;
}

function warnIgnoredColumns(
  columns: FieldColumns,
  model: ChecklistMeta['model'],
  columnName: (index: number) => string,
  warn: (column: string, message: string) => void,
): void {
  if (model !== 'met') return;
  for (const field of ['points', 'penalty'] as const) {
    const index = columns[field];
    if (index !== undefined) warn(columnName(index), `${field} are ignored: under the met model items are met or not`);
  }
}

/**
 * The item's own chapter cell, else the sheet's fixed chapter, else the group header above it.
 * Chapters are added when an item lands in them, so a header with no items below adds nothing.
 */
function chapterFor(item: ItemRow, source: SheetSource, group: { title: string; note?: string } | undefined, chapters: ChapterList): string {
  if (item.chapter !== undefined) return chapters.add(item.chapter);
  if (source.chapter !== undefined) return chapters.add(source.chapter);
  if (group !== undefined) return chapters.add(group.title, group.note);
  return chapters.add(DEFAULT_CHAPTER);
}

function rawItem(item: ItemRow, chapter: string, model: ChecklistMeta['model']): RawChecklistItem {
  const raw: RawChecklistItem = {
    id: item.id,
    chapter,
    title: item.title,
    requirement: item.requirement,
    evidence: item.evidence,
    mandatory: item.mandatory,
  };
  if (model === 'points') raw.points = item.points ?? 0;
  if (model === 'points' && item.penalty !== undefined) raw.penalty = item.penalty;
  if (item.complexity !== undefined) raw.complexity = item.complexity;
  return raw;
}

function assemble(meta: ChecklistMeta, fileName: string, chapters: ChapterList, items: RawChecklistItem[]): RawChecklistFile {
  const notes = chapters.noteLines();
  const description = [meta.description?.trim() || `Imported from ${fileName}.`, ...notes].join('\n');
  const points = meta.model === 'points';
  const sum = items.reduce((total, item) => total + (item.points ?? 0), 0);
  const definition: RawChecklistFile = {
    id: meta.id.trim(),
    framework: meta.framework.trim(),
    name: meta.name.trim(),
    version: meta.version.trim(),
    description,
    model: meta.model,
    passRule: points
      ? meta.passMark === undefined ? {} : { passMark: meta.passMark }
      : meta.minOptionalPercent === undefined ? {} : { minOptionalPercent: meta.minOptionalPercent },
    naPolicy: meta.naPolicy ?? 'award',
    naRule: meta.naRule ?? 'justified',
    chapters: chapters.list(),
    items,
    waivers: [],
  };
  if (points) definition.maxScore = meta.maxScore ?? sum;
  for (const key of ['validFrom', 'validUntil', 'usableUntil'] as const) {
    const day = meta[key];
    if (day !== undefined) definition[key] = day;
  }
  // Stated even when 0: the file format's own default (200, AWS 4.x) must never apply to a team's sheet unseen.
  if (points) definition.defaultPenalty = meta.defaultPenalty ?? 0;
  return definition;
}

/** Σ points over every item row, including rows left out for other problems, so the sum matches the sheet. */
interface PointsTally {
  sum: number;
  /** False once a points cell could not be read (already reported): the sum is then unknown. */
  readable: boolean;
}

function tallyPoints(tally: PointsTally, text: string): void {
  const parsed = parseWholeNumber(text, 'points');
  if (parsed.ok) tally.sum += parsed.value ?? 0;
  else tally.readable = false;
}

/** The settings from the import form, checked with the same rules the backend applies. */
function checkMeta(
  meta: ChecklistMeta,
  definition: RawChecklistFile,
  points: (PointsTally & { stated: number | undefined }) | undefined,
  problems: SheetProblem[],
): void {
  const setting = (column: string, message: string): void => {
    problems.push({ row: 0, column, message });
  };
  const idRule = 'letters, digits, ".", "_" and "-", starting with a letter or digit';
  if (!ID_PATTERN.test(definition.id)) setting('checklist id', `"${meta.id}" is not a valid checklist id; use ${idRule}, e.g. team-msp-1`);
  if (!ID_PATTERN.test(definition.framework)) setting('framework', `"${meta.framework}" is not a valid framework id; use ${idRule}`);
  if (definition.name === '') setting('name', 'the checklist needs a name');
  if (!/^\S+$/.test(definition.version)) setting('version', `"${meta.version}" is not a version; use one word such as 1.0 or 2025-08`);
  if (points === undefined) return;
  if (points.readable && points.stated !== undefined && points.stated !== points.sum) {
    const source = meta.maxScore === undefined ? 'the Total row says' : 'the maximum score is';
    setting('max score', `the item points add up to ${format(points.sum)} but ${source} ${format(points.stated)}; they must be equal`);
  }
  // With an unreadable points cell the maximum is unknown; that cell is already reported.
  const max = points.stated ?? (points.readable ? points.sum : undefined);
  if (meta.passMark === undefined) setting('pass mark', 'the points model needs a pass mark, e.g. 900 out of 1000');
  else if (max !== undefined && meta.passMark > max) {
    setting('pass mark', `pass mark ${format(meta.passMark)} is more than the maximum score ${format(max)}; nobody could pass`);
  }
}

function formulaWarnings(
  sheet: Sheet,
  headerRow: number,
  used: Set<number | undefined>,
  columnName: (index: number) => string,
  warn: (row: number, column: string, message: string) => void,
): void {
  for (const formula of sheet.formulas) {
    if (formula.row <= headerRow || !used.has(formula.column - 1)) continue;
    const value = sheet.rows[formula.row - 1]?.[formula.column - 1] ?? '';
    const shown = value === '' ? 'it has no saved result, so the cell reads as empty' : `its last saved result "${value}" was used`;
    warn(formula.row, columnName(formula.column - 1), `cell holds a formula (=${formula.formula}); ${shown}`);
  }
}

/** A header row repeated further down (a printed sheet's page break) is not an item. */
function sameCells(row: readonly string[], headers: readonly string[]): boolean {
  const filled = (cells: readonly string[]): string[] => {
    const trimmed = cells.map((cell) => cell.trim());
    while (trimmed.length > 0 && trimmed[trimmed.length - 1] === '') trimmed.pop();
    return trimmed;
  };
  const a = filled(row);
  const b = filled(headers);
  return b.length > 0 && a.length === b.length && a.every((cell, i) => cell === b[i]);
}

function capped(list: SheetProblem[]): SheetProblem[] {
  if (list.length <= MAX_PROBLEMS) return list;
  return [...list.slice(0, MAX_PROBLEMS), { row: 0, column: '', message: `and ${format(list.length - MAX_PROBLEMS)} more like these` }];
}

function format(n: number): string {
  return n.toLocaleString('en-US');
}

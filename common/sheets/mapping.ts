/**
 * Guesses which column of a team's sheet holds which item field, from the header names. Teams
 * name columns every way ("Control ID", "Ref", "Met?"), so headers are compared without case,
 * spaces or punctuation against synonyms, each with a confidence the UI shows next to its guess.
 */
import type { ColumnAssignment, ColumnMapping, ItemField, Sheet } from './types';

/** Header synonyms per field, with how sure a match makes us (1 = it can only mean this field). */
const SYNONYMS: Record<ItemField, [string, number][]> = {
  id: [
    ['id', 1], ['control id', 1], ['item id', 1], ['requirement id', 1], ['control no', 0.9], ['item no', 0.9],
    ['ref', 0.9], ['reference', 0.85], ['ref no', 0.9], ['no', 0.7], ['number', 0.7], ['nr', 0.7], ['key', 0.7],
    ['item', 0.7], ['code', 0.7], ['control ref', 0.9],
  ],
  title: [
    ['title', 1], ['name', 1], ['control name', 1], ['control title', 1], ['item title', 1], ['requirement title', 1],
    ['short title', 1], ['item name', 1], ['control', 0.8], ['heading', 0.8], ['summary', 0.8], ['subject', 0.7], ['topic', 0.7],
    // "Item" is an id in most sheets, but the title beside a "#" or "ID" column.
    ['item', 0.6],
  ],
  chapter: [
    ['chapter', 1], ['section', 1], ['chapter title', 1], ['section title', 1], ['category', 0.9], ['domain', 0.9],
    ['control family', 0.9], ['group', 0.8], ['area', 0.8], ['family', 0.8], ['pillar', 0.8], ['objective', 0.7], ['theme', 0.7],
  ],
  requirement: [
    ['requirement', 1], ['requirements', 1], ['requirement description', 1], ['requirement text', 1],
    ['control description', 0.9], ['control text', 0.9], ['what it asks', 0.9], ['description', 0.8], ['criteria', 0.8],
    ['details', 0.7], ['text', 0.7], ['guidance', 0.6],
  ],
  // Only ever guessed from a requirement column when no title column exists; see `guessMapping`.
  titledDescription: [],
  points: [
    ['points', 1], ['pts', 1], ['max points', 1], ['point', 1], ['score', 0.9], ['weight', 0.9], ['weighting', 0.9],
    ['max score', 0.9], ['marks', 0.8],
  ],
  mandatory: [
    ['mandatory', 1], ['is mandatory', 1], ['mandatory recommended', 1], ['mandatory optional', 1], ['requirement type', 1],
    ['required', 0.9], ['compulsory', 0.9], ['obligation', 0.9], ['type', 0.8],
  ],
  penalty: [['penalty', 1], ['penalty points', 1], ['deduction', 0.9], ['cost', 0.6]],
  evidence: [
    ['evidence', 1], ['expected evidence', 1], ['evidence type', 1], ['evidence required', 1], ['evidence kind', 1],
    ['artifacts', 0.8], ['artefacts', 0.8], ['proof', 0.8], ['documentation', 0.6],
  ],
  result: [
    ['met', 1], ['met not met', 1], ['result', 1], ['status', 0.9], ['compliant', 0.9], ['assessment', 0.9],
    ['self assessment', 0.9], ['compliance', 0.8], ['implemented', 0.8], ['outcome', 0.8], ['answer', 0.7], ['done', 0.7],
  ],
  complexity: [['complexity', 1], ['difficulty', 0.9], ['effort', 0.8]],
};

/** A header that only contains a synonym ("AWS Control ID (v7)") is a weaker sign than an exact one. */
const CONTAINED = 0.6;

/** Lower case, accents and punctuation gone, words split on anything else: "Met?" → "met". */
export function normalizeHeader(header: string): string {
  return header
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

interface Candidate {
  index: number;
  field: ItemField;
  confidence: number;
}

function candidatesFor(header: string, index: number): Candidate[] {
  if (header.trim() === '#') return [{ index, field: 'id', confidence: 0.8 }];
  const words = normalizeHeader(header);
  if (words === '') return [];
  const joined = words.replace(/ /g, '');
  const padded = ` ${words} `;
  const found: Candidate[] = [];
  for (const [field, synonyms] of Object.entries(SYNONYMS) as [ItemField, [string, number][]][]) {
    let best = 0;
    for (const [synonym, weight] of synonyms) {
      if (synonym.replace(/ /g, '') === joined) best = Math.max(best, weight);
      else if (padded.includes(` ${synonym} `)) best = Math.max(best, weight * CONTAINED);
    }
    if (best > 0) found.push({ index, field, confidence: round(best) });
  }
  return found;
}

export interface GuessOptions {
  /** 1-based row the headers came from (default 1). */
  headerRow?: number;
  /** A few data rows, used to tell a plain requirement column from one whose cells start with a title line. */
  sampleRows?: string[][];
}

/**
 * Maps each column to the item field its header names, with a confidence per column. Each field
 * goes to at most one column (the surest one). When no column names a title but one names a
 * requirement, that column is taken as title-then-requirement cells (the AWS self-assessment style).
 *
 * @example
 * guessMapping(['Control ID', 'Name', 'Points']).columns.map((c) => c.field); // → ['id', 'title', 'points']
 */
export function guessMapping(headers: string[], options: GuessOptions = {}): ColumnMapping {
  const candidates = headers
    .flatMap((header, index) => candidatesFor(header, index))
    .sort((a, b) => b.confidence - a.confidence || a.index - b.index);
  const byColumn = new Map<number, Candidate>();
  const taken = new Set<ItemField>();
  for (const candidate of candidates) {
    if (byColumn.has(candidate.index) || taken.has(candidate.field)) continue;
    byColumn.set(candidate.index, candidate);
    taken.add(candidate.field);
  }
  if (!taken.has('title')) {
    const requirement = [...byColumn.values()].find((c) => c.field === 'requirement');
    if (requirement !== undefined) {
      const share = titledShare(requirement.index, options.sampleRows);
      byColumn.set(requirement.index, {
        index: requirement.index,
        field: 'titledDescription',
        confidence: share === undefined ? 0.5 : share >= 0.6 ? 0.9 : 0.4,
      });
    }
  }
  const columns: ColumnAssignment[] = headers.map((header, index) => {
    const guess = byColumn.get(index);
    return { index, header, field: guess?.field, confidence: guess?.confidence ?? 0 };
  });
  return { headerRow: options.headerRow ?? 1, columns };
}

/** Share of sample cells that look like "Title\n…more text": a short first line followed by more lines. */
function titledShare(index: number, samples: string[][] | undefined): number | undefined {
  const cells = (samples ?? []).map((row) => (row[index] ?? '').trim()).filter((cell) => cell !== '');
  if (cells.length === 0) return undefined;
  const titled = cells.filter((cell) => {
    const [first = '', ...rest] = cell.split(/\r?\n/);
    return first.trim().length > 0 && first.trim().length <= 150 && rest.some((line) => line.trim() !== '');
  });
  return titled.length / cells.length;
}

/**
 * Finds the header row: the first of the top rows where at least two cells name item fields, one
 * of them the id, title or requirement. Sheets often carry a title or notes above the table.
 *
 * @example
 * detectHeaderRow([['MSP Prerequisites'], ['ID', 'Requirement Description', 'Met?']]); // → 2
 */
export function detectHeaderRow(rows: string[][]): number {
  let firstNonBlank: number | undefined;
  for (let i = 0; i < Math.min(rows.length, 30); i++) {
    const row = rows[i] ?? [];
    if (row.every((cell) => cell.trim() === '')) continue;
    firstNonBlank ??= i + 1;
    const fields = new Set(row.flatMap((cell, index) => candidatesFor(cell, index).filter((c) => c.confidence >= 0.8).map((c) => c.field)));
    if (fields.size >= 2 && (fields.has('id') || fields.has('title') || fields.has('requirement'))) return i + 1;
  }
  return firstNonBlank ?? 1;
}

/**
 * The mapping for a sheet as it stands: header row detected, headers guessed with sample rows.
 *
 * @example
 * guessSheetMapping({ name: 'S', rows: [['ID', 'Title']], formulas: [] }).headerRow; // → 1
 */
export function guessSheetMapping(sheet: Sheet): ColumnMapping {
  const headerRow = detectHeaderRow(sheet.rows);
  const headers = sheet.rows[headerRow - 1] ?? [];
  const sampleRows = sheet.rows.slice(headerRow, headerRow + 25);
  return guessMapping(headers, { headerRow, sampleRows });
}

/**
 * The user's override: column `index` now feeds `field` (or nothing), with full confidence since a
 * person chose it; any other column that fed the same field is cleared.
 *
 * @example
 * assignColumn(guessMapping(['Ref', 'Name']), 0, 'title').columns.map((c) => c.field); // → ['title', undefined]
 */
export function assignColumn(mapping: ColumnMapping, index: number, field: ItemField | undefined): ColumnMapping {
  return {
    headerRow: mapping.headerRow,
    columns: mapping.columns.map((column) => {
      if (column.index === index) return { ...column, field, confidence: field === undefined ? 0 : 1 };
      if (field !== undefined && column.field === field) return { ...column, field: undefined, confidence: 0 };
      return column;
    }),
  };
}

/** `0` → `A`, `27` → `AB`: how Excel names a column. */
export function columnLetter(index: number): string {
  let name = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  return name;
}

function round(n: number): number {
  return Math.round(n * 100) / 100;
}

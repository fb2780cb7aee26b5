/**
 * Reads CSV text into one table. The delimiter is detected because Excel writes ";" wherever the
 * decimal separator is a comma, and "Unicode Text" exports are tab-separated.
 */
import Papa from 'papaparse';
import { SheetReadError } from './errors';
import { MAX_ITEMS, type Sheet } from './types';

/**
 * Rows a checklist table can have: its items with room for headers, group rows and blank lines.
 * Parsing stops one row past it, so a 5 MB file of line breaks is refused at once, not read whole.
 */
export const MAX_CSV_ROWS = MAX_ITEMS * 10;

/** The delimiter is guessed from the first rows; a quote never closed must not make it read the whole file. */
const GUESS_CHARS = 64 * 1024;

/**
 * @example
 * readCsv('ID;Title\n1;Policies\n', 'list.csv').rows; // → [['ID', 'Title'], ['1', 'Policies']]
 */
export function readCsv(text: string, fileName: string): Sheet {
  const result = Papa.parse<string[]>(text, { delimiter: guessDelimiter(text), skipEmptyLines: false, preview: MAX_CSV_ROWS + 1 });
  if (result.data.length > MAX_CSV_ROWS) {
    throw new SheetReadError(
      'too-many-items',
      fileName,
      `has more than ${MAX_CSV_ROWS.toLocaleString('en-US')} rows; at most ${MAX_ITEMS.toLocaleString('en-US')} items can be imported. Split it into several checklists.`,
    );
  }
  // A lone quote swallows the rest of the file into one cell: every row after it would be wrong.
  const quote = result.errors.find((error) => error.type === 'Quotes');
  if (quote !== undefined) {
    const row = quote.row === undefined ? '' : ` (row ${quote.row + 1})`;
    throw new SheetReadError(
      'bad-csv',
      fileName,
      `has a quoted cell that is never closed${row}. Check the quote marks on that row, or save the sheet again from Excel.`,
    );
  }
  const rows = result.data.map((row) => row.map((cell) => cell ?? ''));
  // A final line break reads as one more empty row; it is not part of the table.
  while (rows.length > 0 && (rows[rows.length - 1] ?? []).every((cell) => cell.trim() === '')) rows.pop();
  return { name: baseName(fileName), rows, formulas: [] };
}

/**
 * Papa Parse's own guess counts blank lines as one-cell rows, which sinks the right delimiter in a
 * short file with blank lines; guessing on the non-blank rows alone does not. Blank rows are kept
 * in the real parse so row numbers match what Excel shows.
 */
function guessDelimiter(text: string): string {
  const head = text.length > GUESS_CHARS ? text.slice(0, GUESS_CHARS) : text;
  const preview = Papa.parse<string[]>(head, { delimiter: '', delimitersToGuess: [',', ';', '\t', '|'], skipEmptyLines: 'greedy', preview: 50 });
  return preview.meta.delimiter;
}

/** `checklist.csv` → `checklist`: a CSV has no sheet name, so it borrows the file's. */
export function baseName(fileName: string): string {
  const name = fileName.split(/[\\/]/).pop() ?? fileName;
  const dot = name.lastIndexOf('.');
  return dot > 0 ? name.slice(0, dot) : name;
}

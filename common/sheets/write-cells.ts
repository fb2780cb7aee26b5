/**
 * What every workbook the app writes shares: exceljs loaded on demand, text cells neutralised
 * against formula injection, and table sheets with a frozen, filtered header row.
 *
 * Browser-safe like the readers beside it: the Audit page builds the file, nothing passes through
 * a resolver.
 */
import type { Cell, Workbook, Worksheet } from 'exceljs';

type ExcelJsModule = typeof import('exceljs');

/**
 * exceljs is large, so it loads only when someone exports (the Audit page's initial JS stays as it
 * is). Its browser build is a UMD bundle that bundlers expose as the default export; node exposes
 * the classes directly.
 */
export async function loadExcelJs(): Promise<ExcelJsModule> {
  const mod = await import('exceljs');
  return (mod as { default?: ExcelJsModule }).default ?? mod;
}

/** A new workbook stamped with the app as its creator and `at` as its dates. */
export async function newWorkbook(at: Date): Promise<Workbook> {
  const ExcelJS = await loadExcelJs();
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'MSP Audit Ready';
  workbook.created = at;
  workbook.modified = at;
  return workbook;
}

/** The CSV's rule (src/domain/export-csv.ts): text starting with these may run as a formula. */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * Text as it goes in a cell: a leading `'` when it starts with `=`, `+`, `-`, `@`, tab or CR, so a
 * title such as `=HYPERLINK("http://evil","x")` stays text even after a copy to CSV.
 *
 * @example
 * safeText('-200'); // "'-200"
 */
export function safeText(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/** A cell value: text (neutralised), a number, a real date, a link, or empty. */
export type CellInput = string | number | Date | { text: string; hyperlink: string } | null | undefined;

/** Excel refuses (and "repairs" away) a cell holding more characters than this. */
export const MAX_CELL_CHARS = 32_767;

/** Text cut to what one Excel cell holds, saying so at the end. */
export function fitCell(text: string): string {
  return text.length <= MAX_CELL_CHARS ? text : `${text.slice(0, MAX_CELL_CHARS - 40)}… (cut: too long for one cell)`;
}

function cellValue(input: CellInput): Cell['value'] {
  if (input === null || input === undefined) return null;
  if (typeof input === 'string') return input === '' ? null : fitCell(safeText(input));
  if (typeof input === 'number') return Number.isFinite(input) ? input : null;
  if (input instanceof Date) return Number.isNaN(input.getTime()) ? null : input;
  // Only http(s) links become hyperlinks; anything else is shown as its text.
  if (!/^https?:\/\//i.test(input.hyperlink)) return safeText(input.text);
  return { text: safeText(input.text), hyperlink: input.hyperlink };
}

export interface Column {
  header: string;
  width: number;
  /** Excel number format, e.g. `yyyy-mm-dd` for dates. */
  numFmt?: string;
  /** Long text: the header says so (wrapped); cells keep Excel's default so big sheets stay fast. */
  wrap?: boolean;
}

export const DATE_FORMAT = 'yyyy-mm-dd';
export const DATE_TIME_FORMAT = 'yyyy-mm-dd hh:mm';

/**
 * A table sheet: bold header row frozen, autofilter over the header, widths and formats per column,
 * then one row per record.
 */
export function addTableSheet(workbook: Workbook, name: string, columns: readonly Column[], rows: Iterable<readonly CellInput[]>): Worksheet {
  const sheet = workbook.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
  // Only date columns carry a style: exceljs copies a column's style into each of its cells, and
  // styles on every cell of 15,000 evidence rows made writing the file several times slower.
  sheet.columns = columns.map((column) => ({
    header: column.header,
    width: column.width,
    ...(column.numFmt !== undefined ? { style: { numFmt: column.numFmt } } : {}),
  }));
  const header = sheet.getRow(1);
  header.font = { bold: true };
  header.alignment = { vertical: 'top', wrapText: true };
  let count = 0;
  for (const row of rows) {
    sheet.addRow(row.map(cellValue));
    count++;
  }
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1 + count, column: columns.length } };
  return sheet;
}

/** A row of free cells (not a table), neutralised like every other. */
export function addRow(sheet: Worksheet, cells: readonly CellInput[]): void {
  sheet.addRow(cells.map(cellValue));
}

/** An ISO date or timestamp as a real date; `undefined` when absent or not a date. */
export function isoDate(text: string | undefined): Date | undefined {
  if (text === undefined || text === '') return undefined;
  const date = new Date(/^\d{4}-\d{2}-\d{2}$/.test(text) ? `${text}T00:00:00Z` : text);
  return Number.isNaN(date.getTime()) ? undefined : date;
}

/** The issue's address on the site, when both are known. */
export function issueLink(siteUrl: string | undefined, issueKey: string | undefined): CellInput {
  if (issueKey === undefined) return null;
  if (siteUrl === undefined || siteUrl === '') return issueKey;
  return { text: issueKey, hyperlink: `${siteUrl.replace(/\/+$/, '')}/browse/${encodeURIComponent(issueKey)}` };
}

/**
 * CSV text as RFC 4180 describes it, made safe to open in a spreadsheet.
 *
 * - Records end with CRLF (the last one too); a field is quoted when it holds `"`, `,`, CR or LF,
 *   and quotes inside are doubled. Line breaks inside a field are kept, so Excel shows a
 *   multi-line cell.
 * - The text starts with a UTF-8 byte order mark: without it Excel reads the file in the local
 *   code page and "Überprüfung" or "中文" comes out garbled.
 * - Formula injection (OWASP "CSV Injection"): a *text* cell starting with `=`, `+`, `-`, `@`, tab
 *   or carriage return gets a leading `'`, so a title such as `=HYPERLINK("http://evil","x")` or
 *   `-2+3` is shown as text and never run. `-` is included, so a text "-200" is neutralised too.
 *   Numbers are written as plain numbers: a number is never a formula.
 */

/** Put first in the file so spreadsheet programs read it as UTF-8. */
export const CSV_BOM = '\uFEFF';
const CRLF = '\r\n';
const FORMULA_START = /^[=+\-@\t\r]/;
const NEEDS_QUOTES = /[",\r\n]/;

/** A cell: text, a number, or nothing (an empty cell). */
export type CsvCell = string | number | null | undefined;

/**
 * One field as it goes in the file: numbers plain, text neutralised and quoted when needed.
 *
 * @example
 * csvField(200);                 // '200'
 * csvField('-200');              // "'-200"
 * csvField('Patch, scan');       // '"Patch, scan"'
 * csvField('=HYPERLINK("x")');   // '"\'=HYPERLINK(""x"")"'
 */
export function csvField(cell: CsvCell): string {
  if (cell === null || cell === undefined) return '';
  if (typeof cell === 'number') return Number.isFinite(cell) ? String(cell) : '';
  const text = FORMULA_START.test(cell) ? `'${cell}` : cell;
  return NEEDS_QUOTES.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * A whole CSV file: BOM, header record, then one record per row, each ending with CRLF.
 *
 * @example
 * csvTable(['ID', 'Points'], [['8.3', 20]]); // '\uFEFFID,Points\r\n8.3,20\r\n'
 */
export function csvTable(header: string[], records: CsvCell[][]): string {
  const lines = [header, ...records].map((record) => record.map(csvField).join(',') + CRLF);
  return CSV_BOM + lines.join('');
}

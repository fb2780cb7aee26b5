/**
 * A crosswalk file as a team picks it: CSV, YAML/JSON or an Excel workbook (.xlsx), read in the
 * browser before anything is sent. XLSX goes through the checklist upload's own reader
 * (common/sheets: size, zip and damage checks, cells as the text Excel shows) and takes the same
 * columns as the CSV. Each row read from a workbook keeps its sheet and Excel row number, so a
 * problem the server finds names the row the person sees ("sheet Mappings, row 7").
 */
import { readCrosswalkText, CROSSWALK_COLUMNS, CrosswalkFileError, type CrosswalkRowPayload } from './crosswalk';
import { readChecklistFile, SheetReadError, type Sheet } from './sheets';
import { decodeText, sniffSignature } from './sheets/sniff';

export interface CrosswalkFileInput {
  name: string;
  bytes: ArrayBuffer | Uint8Array;
}

const REQUIRED = ['fromChecklist', 'fromItem', 'toChecklist', 'toItem'] as const;
const COLUMN_NAMES = 'from checklist, from item, to checklist, to item, coverage and note';

/**
 * Rows of a crosswalk file of any accepted type. Throws {@link CrosswalkFileError} saying what to
 * fix when the file cannot be read as a crosswalk.
 *
 * @example
 * await readCrosswalkFile({ name: 'map.xlsx', bytes });
 * // → [{ fromChecklist: 'aws-msp-7.1', fromItem: 'SEC-002', toChecklist: 'mspalliance-ucs-23', toItem: '06.01', sheet: 'Mappings', line: 2 }]
 */
export async function readCrosswalkFile(file: CrosswalkFileInput): Promise<CrosswalkRowPayload[]> {
  const bytes = file.bytes instanceof Uint8Array ? file.bytes : new Uint8Array(file.bytes);
  if (/\.xlsx$/i.test(file.name)) return crosswalkRowsOfSheets(await readSheets(file.name, bytes), file.name);
  if (/\.(xls|xlsm|ods|numbers)$/i.test(file.name)) {
    throw new CrosswalkFileError(`${file.name}: save it from your spreadsheet program as "Excel Workbook (.xlsx)" or CSV, then upload again.`);
  }
  if (bytes.byteLength > 0 && sniffSignature(bytes) === 'zip') {
    throw new CrosswalkFileError(`${file.name} holds a zip archive; if it is an Excel workbook, give it the .xlsx extension.`);
  }
  let text: string;
  try {
    text = decodeText(bytes, file.name);
  } catch (error) {
    throw asFileError(error);
  }
  return readCrosswalkText(text, file.name);
}

async function readSheets(fileName: string, bytes: Uint8Array): Promise<Sheet[]> {
  try {
    const workbook = await readChecklistFile({ name: fileName, bytes });
    return 'sheets' in workbook ? workbook.sheets : [];
  } catch (error) {
    throw asFileError(error);
  }
}

function asFileError(error: unknown): unknown {
  return error instanceof SheetReadError ? new CrosswalkFileError(error.message) : error;
}

/**
 * The rows of every sheet whose first non-blank row is a crosswalk header (other sheets, such as
 * instructions, are skipped), in workbook order; blank rows are skipped.
 */
export function crosswalkRowsOfSheets(sheets: readonly Sheet[], fileName: string): CrosswalkRowPayload[] {
  const rows: CrosswalkRowPayload[] = [];
  let found = 0;
  const nearMisses: string[] = [];
  for (const sheet of sheets) {
    const headerIndex = sheet.rows.findIndex((row) => !isBlank(row));
    const header = sheet.rows[headerIndex];
    if (!header) continue;
    const columns = header.map((cell) => (cell.trim() === '' ? undefined : CROSSWALK_COLUMNS[cell.toLowerCase().replace(/[^a-z]/g, '')]));
    const unknown = header.filter((cell, index) => cell.trim() !== '' && columns[index] === undefined);
    const missing = REQUIRED.filter((column) => !columns.includes(column));
    if (unknown.length > 0 || missing.length > 0) {
      if (missing.length < REQUIRED.length) nearMisses.push(`sheet "${sheet.name}" row ${headerIndex + 1}: ${unknown.length > 0 ? `unknown column "${unknown[0]}"` : `no "${missing.map(label).join('", "')}" column`}`);
      continue;
    }
    found++;
    sheet.rows.forEach((cells, index) => {
      if (index <= headerIndex || isBlank(cells)) return;
      const row: CrosswalkRowPayload = { sheet: sheet.name, line: index + 1 };
      columns.forEach((column, at) => {
        const value = cells[at]?.trim();
        if (column !== undefined && value) row[column] = value;
      });
      rows.push(row);
    });
  }
  if (found === 0) {
    const why = nearMisses.length > 0 ? ` (${nearMisses.join('; ')})` : '';
    throw new CrosswalkFileError(`${fileName} has no sheet whose first row names the crosswalk columns${why}; put ${COLUMN_NAMES} in the first row of the sheet.`);
  }
  return rows;
}

function isBlank(row: readonly string[]): boolean {
  return row.every((cell) => cell.trim() === '');
}

function label(column: string): string {
  return column.replace(/[A-Z]/g, (letter) => ` ${letter.toLowerCase()}`);
}

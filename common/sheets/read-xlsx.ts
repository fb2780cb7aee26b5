/**
 * Reads an .xlsx workbook into text tables with exceljs.
 *
 * Every cell becomes the text a person sees: rich text joined, hyperlinks as their text, dates as
 * ISO, formulas as the result Excel saved last (and listed, so the preview can say so).
 */
import type { Cell, CellValue, Worksheet } from 'exceljs';
import { SheetReadError } from './errors';
import { describeSignature, readZipDirectory, sniffSignature, type ZipDirectory } from './sniff';
import type { FormulaCell, Sheet } from './types';

/** A 5 MB workbook legitimately unpacks to tens of MB of XML; far beyond that is a zip bomb. */
const MAX_UNPACKED_BYTES = 150 * 1024 * 1024;

type ExcelJsModule = typeof import('exceljs');

/**
 * exceljs is large, so it is loaded only when a workbook is actually chosen. Its browser build is
 * a UMD bundle that bundlers expose as the default export; node exposes the classes directly.
 */
async function loadExcelJs(): Promise<ExcelJsModule> {
  const mod = await import('exceljs');
  return (mod as { default?: ExcelJsModule }).default ?? mod;
}

/** Checks that the bytes really are an .xlsx workbook before handing them to exceljs; returns its zip directory. */
export function assertXlsx(bytes: Uint8Array, fileName: string): ZipDirectory {
  const signature = sniffSignature(bytes);
  if (signature === 'ole2') {
    throw new SheetReadError(
      'not-xlsx',
      fileName,
      'is an old Excel 97-2003 workbook (.xls), not .xlsx. Open it in Excel and save it as "Excel Workbook (.xlsx)".',
    );
  }
  if (signature !== 'zip') {
    throw new SheetReadError(
      'not-xlsx',
      fileName,
      `is not an Excel workbook: an .xlsx file is a zip archive, but this is ${describeSignature(signature)}. ` +
        'Open it in Excel and save it as "Excel Workbook (.xlsx)", or export the sheet as CSV.',
    );
  }
  const directory = readZipDirectory(bytes);
  if (directory === undefined) {
    throw new SheetReadError('not-xlsx', fileName, 'is a damaged or incomplete zip archive. Save the workbook again in Excel and retry.');
  }
  if (!directory.names.includes('xl/workbook.xml')) {
    throw new SheetReadError(
      'not-xlsx',
      fileName,
      'is a zip archive but not an Excel workbook (it has no xl/workbook.xml). Choose the .xlsx file itself.',
    );
  }
  if (directory.uncompressedBytes > MAX_UNPACKED_BYTES) {
    const mb = Math.round(directory.uncompressedBytes / (1024 * 1024));
    throw new SheetReadError(
      'too-large',
      fileName,
      `unpacks to ${mb} MB, more than a checklist needs. Remove unused sheets, images and formatting, or export the checklist sheet as CSV.`,
    );
  }
  return directory;
}

/** Worksheet parts in the archive (`xl/worksheets/sheet1.xml`, …): each must come back as a sheet. */
const WORKSHEET_PART = /^xl\/worksheets\/[^/]+\.xml$/;

/** Reads every worksheet, in workbook order. */
export async function readXlsx(bytes: Uint8Array, fileName: string): Promise<Sheet[]> {
  const directory = assertXlsx(bytes, fileName);
  const ExcelJS = await loadExcelJs();
  const workbook = new ExcelJS.Workbook();
  try {
    // exceljs wants an ArrayBuffer of exactly the file (a Uint8Array may view a larger buffer).
    await workbook.xlsx.load(bytes.slice().buffer);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new SheetReadError('unreadable-xlsx', fileName, `could not be read as an Excel workbook (${reason}). Save it again in Excel and retry.`);
  }
  // exceljs skips a part it cannot find or read (a damaged header, a renamed entry) without a word:
  // a workbook missing a sheet would import part of the checklist, so it is refused instead.
  const parts = directory.names.filter((name) => WORKSHEET_PART.test(name)).length;
  if (workbook.worksheets.length === 0 || workbook.worksheets.length < parts) {
    throw new SheetReadError(
      'unreadable-xlsx',
      fileName,
      `is damaged: ${workbook.worksheets.length} of its ${Math.max(parts, 1)} sheets could be read. Save it again in Excel and retry.`,
    );
  }
  return workbook.worksheets.map(readWorksheet);
}

function readWorksheet(worksheet: Worksheet): Sheet {
  const rows: string[][] = [];
  const formulas: FormulaCell[] = [];
  worksheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const cells: string[] = [];
    row.eachCell({ includeEmpty: true }, (cell, column) => {
      cells[column - 1] = cellText(cell, rowNumber, column, formulas);
    });
    rows[rowNumber - 1] = Array.from(cells, (text) => text ?? '');
  });
  // Keep row positions equal to Excel's row numbers: fill the gaps eachRow skipped.
  return { name: worksheet.name, rows: Array.from(rows, (row) => row ?? []), formulas };
}

function cellText(cell: Cell, row: number, column: number, formulas: FormulaCell[]): string {
  // A merged range shows its value once, in its top-left cell; the other cells are empty to the user.
  if (cell.isMerged && cell.master.address !== cell.address) return '';
  const value = cell.value;
  if (isFormula(value)) {
    formulas.push({ row, column, formula: cell.formula || ('formula' in value ? value.formula : value.sharedFormula) || '' });
    return valueText(value.result, cell.numFmt);
  }
  return valueText(value, cell.numFmt);
}

type FormulaValue = Extract<CellValue, { formula: string } | { sharedFormula: string }>;

function isFormula(value: CellValue): value is FormulaValue {
  return typeof value === 'object' && value !== null && ('formula' in value || 'sharedFormula' in value);
}

function valueText(value: CellValue, numFmt: string | undefined): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return numberText(value, numFmt);
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (value instanceof Date) return dateText(value);
  if ('richText' in value) return value.richText.map((run) => run.text).join('');
  // A hyperlink's text may itself be rich text; the address is not what the user reads.
  if ('hyperlink' in value) return valueText(value.text as CellValue, numFmt);
  if ('error' in value) return value.error;
  if (isFormula(value)) return valueText(value.result, numFmt);
  return '';
}

function numberText(value: number, numFmt: string | undefined): string {
  // "0.00" shows 8.1 as 8.10; an id typed as 8.10 in such a column must stay 8.10.
  const fixed = numFmt === undefined ? null : /^0\.(0+)$/.exec(numFmt);
  if (fixed?.[1] !== undefined) return value.toFixed(fixed[1].length);
  // Excel shows 15 significant digits, so 0.1 + 0.2 reads 0.3 there and must here too.
  return String(Number(value.toPrecision(15)));
}

function dateText(date: Date): string {
  if (Number.isNaN(date.getTime())) return '';
  const iso = date.toISOString();
  // exceljs returns calendar dates as UTC midnight; a bare date reads better than a timestamp.
  return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso;
}

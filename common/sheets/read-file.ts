/**
 * The one entry point for a file a team picks: checks size and type, then hands the bytes to the
 * reader for their format. Runs in the browser before upload, so it never needs the whole file to
 * cross Forge's invoke payload limit.
 */
import { SheetReadError } from './errors';
import { readCsv } from './read-csv';
import { readJsonDefinition, readYamlDefinition } from './read-definition';
import { readXlsx } from './read-xlsx';
import { decodeText, describeSignature, sniffSignature } from './sniff';
import { MAX_FILE_BYTES, type Workbook } from './types';

export interface ChecklistFileInput {
  /** The file name as picked, e.g. `MSP self-assessment.xlsx`; its extension is the claimed type. */
  name: string;
  bytes: ArrayBuffer | Uint8Array;
}

type Format = 'csv' | 'xlsx' | 'yaml' | 'json';

const EXTENSIONS: Record<string, Format> = {
  csv: 'csv',
  tsv: 'csv',
  txt: 'csv',
  xlsx: 'xlsx',
  yaml: 'yaml',
  yml: 'yaml',
  json: 'json',
};

const ACCEPTED = '.csv, .xlsx, .yaml or .json';

/**
 * Reads a checklist file: a table (CSV, XLSX) or a checklist definition (YAML, JSON).
 * Throws a {@link SheetReadError} saying what is wrong and what to do when the file cannot be read.
 *
 * @example
 * const workbook = await readChecklistFile({ name: 'list.csv', bytes: new TextEncoder().encode('ID,Title\n1,Policies') });
 * // → { kind: 'csv', fileName: 'list.csv', sheets: [{ name: 'list', rows: [['ID', 'Title'], ['1', 'Policies']], formulas: [] }] }
 */
export async function readChecklistFile(file: ChecklistFileInput): Promise<Workbook> {
  const bytes = file.bytes instanceof Uint8Array ? file.bytes : new Uint8Array(file.bytes);
  const fileName = file.name;
  // Size first: nothing else is worth reading in a file that will be refused anyway.
  if (bytes.byteLength > MAX_FILE_BYTES) {
    throw new SheetReadError(
      'too-large',
      fileName,
      `is ${megabytes(bytes.byteLength)} MB; the limit is ${megabytes(MAX_FILE_BYTES)} MB. ` +
        'Remove images and unused sheets, or export only the checklist sheet as CSV.',
    );
  }
  if (bytes.byteLength === 0) throw emptyFile(fileName);
  const format = formatOf(fileName);
  if (format === 'xlsx') return { kind: 'xlsx', fileName, sheets: await readXlsx(bytes, fileName) };

  const signature = sniffSignature(bytes);
  if (signature !== 'text') {
    const hint = signature === 'zip' ? ' If it is an Excel workbook, give it the .xlsx extension.' : '';
    throw new SheetReadError(
      'binary-text',
      fileName,
      `should be text (.${extensionOf(fileName)}) but holds ${describeSignature(signature)}.${hint} Choose a ${ACCEPTED} file.`,
    );
  }
  const text = decodeText(bytes, fileName);
  if (text.trim() === '') throw emptyFile(fileName);
  switch (format) {
    case 'csv':
      return { kind: 'csv', fileName, sheets: [readCsv(text, fileName)] };
    case 'yaml':
      return { kind: 'yaml', fileName, definition: readYamlDefinition(text, fileName) };
    case 'json':
      return { kind: 'json', fileName, definition: readJsonDefinition(text, fileName) };
  }
}

function formatOf(fileName: string): Format {
  const extension = extensionOf(fileName);
  const format = EXTENSIONS[extension];
  if (format !== undefined) return format;
  const advice: Record<string, string> = {
    xls: 'it is an old Excel 97-2003 workbook; open it in Excel and save it as "Excel Workbook (.xlsx)".',
    xlsm: 'macro-enabled workbooks are not accepted; save a copy as "Excel Workbook (.xlsx)".',
    ods: 'save it from your spreadsheet program as .xlsx or CSV.',
    numbers: 'export it from Numbers as .xlsx or CSV.',
  };
  const what = extension === '' ? 'has no extension' : `is a .${extension} file`;
  throw new SheetReadError('unsupported-type', fileName, `${what}; choose a ${ACCEPTED} file${advice[extension] ? `: ${advice[extension]}` : '.'}`);
}

function extensionOf(fileName: string): string {
  const name = fileName.split(/[\\/]/).pop() ?? fileName;
  const dot = name.lastIndexOf('.');
  return dot > 0 ? name.slice(dot + 1).toLowerCase() : '';
}

function emptyFile(fileName: string): SheetReadError {
  return new SheetReadError('empty', fileName, 'is empty. Choose the file that holds the checklist.');
}

function megabytes(bytes: number): string {
  return (bytes / (1024 * 1024)).toFixed(1).replace(/\.0$/, '');
}

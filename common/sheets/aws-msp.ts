/**
 * Recognizes the AWS MSP self-assessment workbook, the spreadsheet AWS hands partners, so a team
 * imports it without mapping a single column: sheets "MSP Prerequisites" and "MSP Technical
 * Validation", columns ID | Requirement Description | Met? | Partner Response, group header rows
 * (Business, People, …) and description cells written as title, Mandatory/Recommended, text.
 */
import type { SheetSource } from './build';
import { normalizeHeader } from './mapping';
import { isTableWorkbook, type ChecklistMeta, type ColumnMapping, type Sheet, type Workbook } from './types';

export interface AwsMspRecognition {
  /** Prerequisites first (one chapter), then technical validation (a chapter per group header). */
  sources: SheetSource[];
  /** Settings the workbook implies; the team still gives the checklist id and, if not found, the version. */
  meta: Pick<ChecklistMeta, 'framework' | 'model' | 'name' | 'description'> & { version?: string };
}

export const PREREQUISITES_CHAPTER = 'Prerequisites';

const SHEETS = [
  { match: 'prerequisites', chapter: PREREQUISITES_CHAPTER },
  { match: 'technical validation', chapter: undefined },
] as const;

/**
 * The import plan for an AWS MSP self-assessment workbook, or `undefined` when the workbook has
 * neither of its control sheets in the expected layout.
 *
 * @example
 * const plan = recognizeAwsMspWorkbook(workbook);
 * if (plan) buildChecklist({ workbook, sources: plan.sources, meta: { ...plan.meta, id: 'aws-msp-self', version: plan.meta.version ?? '7.1' } });
 */
export function recognizeAwsMspWorkbook(workbook: Workbook): AwsMspRecognition | undefined {
  if (!isTableWorkbook(workbook)) return undefined;
  const sources: SheetSource[] = [];
  for (const { match, chapter } of SHEETS) {
    const sheet = workbook.sheets.find((candidate) => normalizeHeader(candidate.name).includes(match));
    const mapping = sheet === undefined ? undefined : controlSheetMapping(sheet);
    if (sheet === undefined || mapping === undefined) continue;
    sources.push(chapter === undefined ? { sheet: sheet.name, mapping } : { sheet: sheet.name, mapping, chapter });
  }
  if (sources.length === 0) return undefined;
  const introduction = workbook.sheets.find((sheet) => normalizeHeader(sheet.name) === 'introduction');
  const text = introduction === undefined ? '' : introduction.rows.flat().join('\n');
  const version = /\bversion\s+v?(\d+(?:\.\d+)+)\b/i.exec(text)?.[1];
  const validity = /validity period:?\s*([^\n]+)/i.exec(text)?.[1]?.trim();
  const description =
    `AWS MSP self-assessment workbook (${workbook.fileName}): prerequisites, then technical validation by group.` +
    (validity === undefined ? '' : ` Validity period: ${validity}.`);
  const meta: AwsMspRecognition['meta'] = {
    framework: 'aws-msp',
    model: 'met',
    name: 'AWS MSP Validation Checklist (self-assessment workbook)',
    description,
  };
  if (version !== undefined) meta.version = version;
  return { sources, meta };
}

/** ID, Requirement Description and Met? columns on one of the top rows, whatever their order. */
function controlSheetMapping(sheet: Sheet): ColumnMapping | undefined {
  for (let index = 0; index < Math.min(sheet.rows.length, 15); index++) {
    const headers = sheet.rows[index] ?? [];
    const names = headers.map(normalizeHeader);
    const id = names.indexOf('id');
    const description = names.indexOf('requirement description');
    const met = names.indexOf('met');
    if (id === -1 || description === -1 || met === -1) continue;
    return {
      headerRow: index + 1,
      columns: headers.map((header, column) => {
        const field = column === id ? 'id' : column === description ? 'titledDescription' : column === met ? 'result' : undefined;
        return { index: column, header, field, confidence: field === undefined ? 0 : 1 };
      }),
    };
  }
  return undefined;
}

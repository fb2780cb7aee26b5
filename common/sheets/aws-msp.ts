/**
 * Recognizes the AWS MSP self-assessment workbook, the spreadsheet AWS hands partners, so a team
 * imports it without mapping a single column: sheets "MSP Prerequisites" and "MSP Technical
 * Validation", columns ID | Requirement Description | Met? | Partner Response, group header rows
 * (Business, People, …) and description cells written as title, Mandatory/Recommended, text.
 */
import type { SheetSource } from './build';
import { normalizeHeader } from './mapping';
import { isTableWorkbook, type ChecklistMeta, type ColumnMapping, type RawChecklistFile, type RawWaiver, type Sheet, type Workbook } from './types';

export interface AwsMspRecognition {
  /** Prerequisites first (one chapter), then technical validation (a chapter per group header). */
  sources: SheetSource[];
  /** Settings the workbook implies; the team still gives the checklist id and, if not found, the version. */
  meta: Pick<ChecklistMeta, 'framework' | 'model' | 'name' | 'description' | 'naRule' | 'validFrom' | 'validUntil' | 'usableUntil'> & { version?: string };
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
    // `Met?` is Yes or No: a control is out of scope only through a published exemption.
    naRule: 'exemptions',
    name: 'AWS MSP Validation Checklist (self-assessment workbook)',
    description,
  };
  if (version !== undefined) meta.version = version;
  Object.assign(meta, validityDays(validity, /usable until:?\s*([A-Za-z]+\s+\d{4})/i.exec(text)?.[1]));
  return { sources, meta };
}

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];

/** `March 2026` → month index and year, or undefined. */
function monthOf(text: string | undefined): { year: number; month: number } | undefined {
  const match = /^([A-Za-z]+)\s+(\d{4})$/.exec((text ?? '').trim());
  const month = match ? MONTHS.indexOf((match[1] ?? '').toLowerCase()) : -1;
  return match && month >= 0 ? { year: Number(match[2]), month } : undefined;
}

const firstDay = ({ year, month }: { year: number; month: number }): string => new Date(Date.UTC(year, month, 1)).toISOString().slice(0, 10);
const lastDay = ({ year, month }: { year: number; month: number }): string => new Date(Date.UTC(year, month + 1, 0)).toISOString().slice(0, 10);

/**
 * The workbook's "Validity Period: August 2025–February 2026" (and "usable until May 2026") as
 * days: the first of the first month, the last of the last. Nothing when it is written otherwise.
 */
function validityDays(period: string | undefined, usable: string | undefined): Pick<ChecklistMeta, 'validFrom' | 'validUntil' | 'usableUntil'> {
  const [from, until] = (period ?? '').replace(/\.$/, '').split(/\s*[-–—]\s*|\s+to\s+/);
  const start = monthOf(from);
  const end = monthOf(until);
  const last = monthOf(usable);
  if (!start || !end) return {};
  return { validFrom: firstDay(start), validUntil: lastDay(end), ...(last ? { usableUntil: lastDay(last) } : {}) };
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

/**
 * The exemptions AWS publishes with the MSP checklist (7.x): holding a competency or certification
 * stands in for the controls it covers. Items are matched by id; the whole Security section by its
 * SEC- ids, since a workbook's chapter ids come from its own group headers.
 */
const AWS_MSP_EXEMPTIONS: readonly (Omit<RawWaiver, 'items' | 'chapters'> & { items: (id: string) => boolean })[] = [
  { id: 'devops-competency', name: 'AWS DevOps Competency', reason: 'Holding the AWS DevOps Competency covers the deployment pipeline control.', items: (id) => id === 'OPS-009' },
  { id: 'mssp-level1-competency', name: 'AWS Level 1 MSSP Competency', reason: 'Holding the AWS Level 1 Managed Security Services Competency exempts the whole Security section.', items: (id) => /^SEC-\d+$/.test(id) },
  { id: 'migration-competency', name: 'AWS Migration Competency', reason: 'Holding the AWS Migration Competency covers the migrations control.', items: (id) => id === 'OPS-017' },
  {
    id: 'three-competencies',
    name: 'Three or more AWS Competencies or Service Delivery designations',
    reason: 'Holding at least three AWS Competency or Service Delivery designations shows broad AWS service expertise.',
    items: (id) => id === 'PLAT-005',
  },
  { id: 'iso-22301', name: 'ISO 22301 certification', reason: 'An ISO 22301 certification scoped to the AWS MSP practice covers service continuity.', items: (id) => id === 'OPSP-005' },
  {
    id: 'soc2-iso27001',
    name: 'SOC 2 or ISO 27001',
    reason: 'A SOC 2 report or ISO 27001 certification is accepted for security policies, offboarding and supplier management.',
    items: (id) => ['SEC-001', 'PEO-003', 'GOVP-001'].includes(id),
  },
];

/**
 * The definition with the published exemptions that cover at least one of its items: the only way
 * to N/A on the AWS workbook (`naRule: exemptions`), so a team importing it keeps them.
 *
 * @example
 * withAwsMspExemptions(built.definition).waivers.map((waiver) => waiver.id); // ['devops-competency', …] for a 7.1 workbook
 */
export function withAwsMspExemptions(definition: RawChecklistFile): RawChecklistFile {
  const ids = definition.items.map((item) => item.id);
  const waivers = AWS_MSP_EXEMPTIONS.flatMap(({ items, ...exemption }): RawWaiver[] => {
    const covered = ids.filter(items);
    return covered.length === 0 ? [] : [{ ...exemption, items: covered }];
  });
  return { ...definition, waivers };
}

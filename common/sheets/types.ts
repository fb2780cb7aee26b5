/**
 * Shapes shared by the checklist file readers, the column mapping and the checklist builder.
 *
 * This folder runs in the browser (a file is parsed before upload, because Forge's invoke payload
 * limit is far below the file size limit) and in node (tests, backend re-checks), so nothing here
 * may depend on node-only APIs: inputs are bytes and strings.
 */

/** Largest file accepted, checked before anything else is read. */
export const MAX_FILE_BYTES = 5 * 1024 * 1024;
/** Most items one checklist may hold: one Jira issue each, created in one import job. */
export const MAX_ITEMS = 2000;
/** Longest item title; the Jira summary (id + title) is capped at 255 characters. */
export const MAX_TITLE_LENGTH = 255;

export type TableKind = 'csv' | 'xlsx';
export type DefinitionKind = 'yaml' | 'json';

/** A cell whose text is the last result Excel saved for a formula, not something a person typed. */
export interface FormulaCell {
  /** 1-based, as Excel shows it. */
  row: number;
  /** 1-based column number (A = 1). */
  column: number;
  formula: string;
}

/** One table: `rows[i]` is the row Excel shows as `i + 1`, blank rows included, cells as text. */
export interface Sheet {
  name: string;
  rows: string[][];
  /** Cells that held formulas (XLSX only); their text is the cached result. */
  formulas: FormulaCell[];
}

/** A spreadsheet (CSV: one sheet named after the file; XLSX: every worksheet in order). */
export interface TableWorkbook {
  kind: TableKind;
  fileName: string;
  sheets: Sheet[];
}

/** A checklist definition file (the app's own YAML/JSON format), parsed but not yet validated. */
export interface DefinitionWorkbook {
  kind: DefinitionKind;
  fileName: string;
  definition: unknown;
}

export type Workbook = TableWorkbook | DefinitionWorkbook;

export function isTableWorkbook(workbook: Workbook): workbook is TableWorkbook {
  return 'sheets' in workbook;
}

/** Item fields a column can feed. `titledDescription`: a cell holding the title line, then the requirement. */
export const ITEM_FIELDS = [
  'id',
  'title',
  'chapter',
  'requirement',
  'titledDescription',
  'points',
  'mandatory',
  'penalty',
  'evidence',
  'result',
  'complexity',
] as const;
export type ItemField = (typeof ITEM_FIELDS)[number];

/** What one column was mapped to, and how sure the guess was (1 = exact header synonym, 0 = none). */
export interface ColumnAssignment {
  /** 0-based column index. */
  index: number;
  /** The header as written (may be empty). */
  header: string;
  field: ItemField | undefined;
  confidence: number;
}

export interface ColumnMapping {
  /** 1-based row holding the headers; data starts below it. */
  headerRow: number;
  columns: ColumnAssignment[];
}

export type ItemResultValue = 'met' | 'not_met' | 'na';

/** One thing to fix before a file can be imported, located the way the user sees the file. */
export interface SheetProblem {
  /** The sheet, when the workbook has more than one sheet in play. */
  sheet?: string;
  /** 1-based row as Excel shows it; 0 when the problem is about the file or the settings as a whole. */
  row: number;
  /** Header name, or the column letter when the header is blank; a setting name when `row` is 0; '' for the file. */
  column: string;
  message: string;
}

/** Checklist settings the user gives in the import form (the file itself does not say them). */
export interface ChecklistMeta {
  id: string;
  name: string;
  version: string;
  framework: string;
  model: 'points' | 'met';
  /** Points model: score needed to pass. */
  passMark?: number;
  /** Points model: the stated maximum; the item points must add up to it. Default: their sum. */
  maxScore?: number;
  /** Met model: share of non-mandatory items that must be met, if any. */
  minOptionalPercent?: number;
  /** Points model: penalty of an unmet mandatory item when its row gives none; default 0 (never a hidden 200). */
  defaultPenalty?: number;
  naPolicy?: 'award' | 'exclude';
  /** How N/A may be answered; default `justified`. The AWS workbook allows it only through its exemptions. */
  naRule?: NaRuleName;
  /** The version's validity as the file states it (YYYY-MM-DD), e.g. the AWS workbook's "Validity Period". */
  validFrom?: string;
  validUntil?: string;
  usableUntil?: string;
  description?: string;
}

/** How a checklist lets a team answer N/A (src/domain/na-rule.ts holds the rule itself). */
export const NA_RULE_NAMES = ['exemptions', 'justified', 'free'] as const;
export type NaRuleName = (typeof NA_RULE_NAMES)[number];

/** A named exemption of the file format: who holds it is spared the items or chapters it covers. */
export interface RawWaiver {
  id: string;
  name: string;
  reason: string;
  items?: string[];
  chapters?: string[];
}

/** The raw definition the backend re-validates with `validateChecklist` (the YAML/JSON file format). */
export interface RawChecklistItem {
  id: string;
  chapter: string;
  title: string;
  requirement: string;
  evidence: EvidenceKindName[];
  points?: number;
  mandatory: boolean;
  penalty?: number;
  complexity?: 'low' | 'medium' | 'high';
}

export type EvidenceKindName = 'document' | 'process' | 'presentation' | 'demo' | 'link' | 'attachment';

export interface RawChecklistFile {
  id: string;
  framework: string;
  name: string;
  version: string;
  description: string;
  model: 'points' | 'met';
  passRule: { passMark?: number; minOptionalPercent?: number };
  maxScore?: number;
  naPolicy: 'award' | 'exclude';
  naRule?: NaRuleName;
  validFrom?: string;
  validUntil?: string;
  usableUntil?: string;
  /** Points model: penalty of an unmet mandatory item whose row gives none (a team's file: 0 unless set). */
  defaultPenalty?: number;
  chapters: { id: string; title: string }[];
  items: RawChecklistItem[];
  waivers: RawWaiver[];
}

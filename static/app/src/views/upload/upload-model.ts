/**
 * The upload view's state as pure functions: the file's source (a table with its sheet and column
 * mapping, the recognised AWS workbook, or a definition file), the settings form, and the checklist
 * they build, with every problem located by sheet, row and column. The view only renders these.
 */
import {
  assignColumn,
  buildChecklist,
  guessMapping,
  guessSheetMapping,
  isTableWorkbook,
  recognizeAwsMspWorkbook,
  withAwsMspExemptions,
  type AwsMspRecognition,
  type ChecklistMeta,
  type ColumnMapping,
  type DefinitionWorkbook,
  type ItemField,
  type NaRuleName,
  type SheetProblem,
  type TableWorkbook,
  type Workbook,
} from '../../../../../common/sheets';
import type { ChecklistSummary } from '../../../../../common/contract';
import type { InitialResultName } from '../../../../../common/custom-checklists';
import { compareVersions, nextVersion } from '../audit/sync/versions';
import { uploadEnglish } from './messages';
import { catalogueProblems, summarize, type PreviewSummary, type UploadProblemWords } from './upload-preview-model';

export type UploadSource =
  | {
      kind: 'table';
      workbook: TableWorkbook;
      aws: AwsMspRecognition | undefined;
      useAws: boolean;
      sheet: string;
      mapping: ColumnMapping;
      /** Columns whose field the person chose (the rest are the app's guesses). */
      manual: number[];
    }
  | { kind: 'definition'; workbook: DefinitionWorkbook };

/** The settings form as typed (numbers stay text until the build reads them). */
export interface MetaDraft {
  name: string;
  framework: string;
  version: string;
  id: string;
  model: 'points' | 'met';
  passMark: string;
  maxScore: string;
  /** Points model: what an unmet mandatory item costs when its row has no Penalty cell (empty: 0). */
  penalty: string;
  /** How N/A may be answered on this checklist (the AWS workbook: only through its exemptions). */
  naRule: NaRuleName;
  /** Fields the person typed themselves: no longer derived from the others. */
  edited: { framework: boolean; id: boolean };
  /** The framework this file is a new version of, when chosen from the list. */
  basedOn?: string;
}

export interface UploadBuild {
  /** The checklist file format, as the server will validate it. */
  definition: unknown;
  initialResults: Record<string, InitialResultName>;
  problems: SheetProblem[];
  warnings: SheetProblem[];
  summary: PreviewSummary | undefined;
}

export function sourceFor(workbook: Workbook): UploadSource {
  if (!isTableWorkbook(workbook)) return { kind: 'definition', workbook };
  const aws = recognizeAwsMspWorkbook(workbook);
  // The first sheet with a recognisable header row, else the first with anything in it.
  const filled = workbook.sheets.filter((sheet) => sheet.rows.some((row) => row.some((cell) => cell.trim() !== '')));
  const sheet = filled.find((candidate) => guessSheetMapping(candidate).columns.some((column) => column.field === 'id')) ?? filled[0] ?? workbook.sheets[0];
  const name = sheet?.name ?? '';
  const mapping = sheet ? guessSheetMapping(sheet) : { headerRow: 1, columns: [] };
  return { kind: 'table', workbook, aws, useAws: aws !== undefined, sheet: name, mapping, manual: [] };
}

export function withSheet(source: UploadSource, sheetName: string): UploadSource {
  if (source.kind !== 'table') return source;
  const sheet = source.workbook.sheets.find((candidate) => candidate.name === sheetName);
  return sheet ? { ...source, useAws: false, sheet: sheet.name, mapping: guessSheetMapping(sheet), manual: [] } : source;
}

/** Headers read from another row: the guesses start again from that row's names. */
export function withHeaderRow(source: UploadSource, headerRow: number): UploadSource {
  if (source.kind !== 'table' || !Number.isInteger(headerRow) || headerRow < 1) return source;
  const rows = source.workbook.sheets.find((candidate) => candidate.name === source.sheet)?.rows ?? [];
  const headers = rows[headerRow - 1] ?? [];
  return { ...source, mapping: guessMapping(headers, { headerRow, sampleRows: rows.slice(headerRow, headerRow + 25) }), manual: [] };
}

export function withColumn(source: UploadSource, index: number, field: ItemField | undefined): UploadSource {
  if (source.kind !== 'table') return source;
  return { ...source, mapping: assignColumn(source.mapping, index, field), manual: [...source.manual.filter((column) => column !== index), index] };
}

/** `Team ISO list` → `team-iso-list`: the id part of a name, as checklist ids allow. */
export function slug(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9.]+/g, '-')
    .replace(/^[-.]+|[-.]+$/g, '')
    .slice(0, 60)
    .replace(/[-.]+$/, '');
}

/** `<framework>-<version>`, kept off the built-ins' ids (a saved checklist may not shadow one). */
export function checklistIdFor(framework: string, version: string, existing: readonly ChecklistSummary[]): string {
  const id = slug(`${framework}-${version}`);
  return existing.some((summary) => summary.id === id && summary.source === 'builtin') ? `${id}-team` : id;
}

/** `framework`, or `<framework>-team` when a built-in checklist uses it (saving there is refused). */
export function ownFramework(framework: string, existing: readonly ChecklistSummary[]): string {
  return existing.some((summary) => summary.framework === framework && summary.source === 'builtin') ? `${framework}-team` : framework;
}

/** Settings a file starts with: what the AWS workbook says, else names from the file. */
/** `unnamed`: the name of a checklist whose file name says nothing (the user's language in the view). */
export function initialMeta(source: UploadSource, existing: readonly ChecklistSummary[], unnamed: string = uploadEnglish().unnamedChecklist): MetaDraft {
  if (source.kind === 'definition') return definitionMeta(source.workbook.definition);
  const edited = { framework: false, id: false };
  if (source.useAws && source.aws) {
    // A team's file never joins a built-in's framework (its projects would be offered it as an
    // update): the workbook becomes "aws-msp-team", whose versions can follow the workbook's own.
    const framework = ownFramework(source.aws.meta.framework, existing);
    let version = source.aws.meta.version ?? '';
    if (version !== '' && existing.some((summary) => summary.framework === framework && summary.version === version)) version = `${version}-team`;
    const draft = {
      name: source.aws.meta.name,
      framework,
      version,
      model: 'met' as const,
      passMark: '',
      maxScore: '',
      penalty: '',
      naRule: source.aws.meta.naRule ?? ('exemptions' as const),
      edited: { framework: true, id: false },
    };
    return { ...draft, id: checklistIdFor(framework, version, existing) };
  }
  const name = source.workbook.fileName.replace(/\.[^.]+$/, '').replace(/[_-]+/g, ' ').trim() || unnamed;
  const model = source.mapping.columns.some((column) => column.field === 'points') ? 'points' : 'met';
  const framework = slug(name) || 'our-checklist';
  return { name, framework, version: '1', id: checklistIdFor(framework, '1', existing), model, passMark: '', maxScore: '', penalty: '', naRule: 'justified', edited };
}

/** Applies a change to the form, deriving the framework from the name and the id from both. */
export function changeMeta(draft: MetaDraft, change: Partial<Omit<MetaDraft, 'edited'>>, existing: readonly ChecklistSummary[]): MetaDraft {
  const next: MetaDraft = { ...draft, ...change, edited: { ...draft.edited } };
  if (change.framework !== undefined) next.edited.framework = true;
  if (change.id !== undefined) next.edited.id = true;
  if (change.name !== undefined && !next.edited.framework) next.framework = slug(change.name);
  if (!next.edited.id && change.id === undefined) next.id = checklistIdFor(next.framework, next.version, existing);
  return next;
}

/** "This file is a new version of …": framework, name and scoring from its newest version, the version raised. */
export function basedOn(draft: MetaDraft, framework: string | undefined, existing: readonly ChecklistSummary[]): MetaDraft {
  if (framework === undefined) {
    const { basedOn: _previous, ...rest } = draft;
    return changeMeta({ ...rest, edited: { framework: false, id: false } }, { name: draft.name }, existing);
  }
  const versions = existing.filter((summary) => summary.framework === framework);
  const latest = versions.reduce<ChecklistSummary | undefined>((best, summary) => (best === undefined || compareVersions(summary.version, best.version) > 0 ? summary : best), undefined);
  if (!latest) return draft;
  let version = nextVersion(latest.version);
  while (versions.some((summary) => summary.version === version)) version = nextVersion(version);
  return {
    ...draft,
    basedOn: framework,
    name: latest.name,
    framework,
    version,
    id: checklistIdFor(framework, version, existing),
    model: latest.model,
    passMark: latest.passMark === undefined ? draft.passMark : String(latest.passMark),
    edited: { framework: true, id: false },
  };
}

/** The checklist the source and settings make, with every problem to fix before saving. */
export function buildUpload(source: UploadSource, draft: MetaDraft, existing: readonly ChecklistSummary[], t: UploadProblemWords = uploadEnglish().settingProblems): UploadBuild {
  if (source.kind === 'definition') {
    const definition = source.workbook.definition;
    return { definition, initialResults: {}, problems: catalogueProblems(definition, existing, t), warnings: [], summary: summarize(definition, {}) };
  }
  const { meta, problems: settingProblems } = metaOf(draft, t);
  const aws = source.useAws && source.aws ? source.aws : undefined;
  const built = aws
    ? // The workbook's `Met?` is Yes or No: its N/A is its published exemptions, whatever the form says.
      buildChecklist({ workbook: source.workbook, sources: aws.sources, meta: { ...meta, ...awsValidity(aws), naRule: 'exemptions' } })
    : buildChecklist({ workbook: source.workbook, sheet: source.sheet, mapping: source.mapping, meta });
  const definition = aws ? withAwsMspExemptions(built.definition) : built.definition;
  return {
    definition,
    initialResults: built.initialResults,
    // Settings and whole-file problems first (the form is above the preview), then sheet order.
    problems: [...settingProblems, ...catalogueProblems(built.definition, existing, t), ...built.problems].sort((a, b) => Number(a.row !== 0) - Number(b.row !== 0)),
    warnings: [...naAnswerWarnings(built.initialResults, aws ? 'exemptions' : draft.naRule, t), ...built.warnings],
    summary: summarize(definition, built.initialResults),
  };
}

/**
 * N/A answers in the file carry no justification: say before saving that the checklist's N/A rule
 * will count them as not met (the score never keeps an N/A the rule refuses).
 */
export function naAnswerWarnings(results: Readonly<Record<string, InitialResultName>>, naRule: NaRuleName, t: UploadProblemWords = uploadEnglish().settingProblems): SheetProblem[] {
  const count = Object.values(results).filter((result) => result === 'na').length;
  if (count === 0 || naRule === 'free') return [];
  return [{ row: 0, column: t.columns.naAnswers, message: naRule === 'exemptions' ? t.naExemptions(count) : t.naJustified(count) }];
}

function awsValidity(aws: AwsMspRecognition): Pick<ChecklistMeta, 'validFrom' | 'validUntil' | 'usableUntil'> {
  const { validFrom, validUntil, usableUntil } = aws.meta;
  return { ...(validFrom ? { validFrom } : {}), ...(validUntil ? { validUntil } : {}), ...(usableUntil ? { usableUntil } : {}) };
}

function metaOf(draft: MetaDraft, t: UploadProblemWords): { meta: ChecklistMeta; problems: SheetProblem[] } {
  const problems: SheetProblem[] = [];
  const meta: ChecklistMeta = { id: draft.id, name: draft.name, version: draft.version, framework: draft.framework, model: draft.model, naRule: draft.naRule };
  if (draft.model === 'points') {
    const number = (text: string, column: string): number | undefined => {
      if (text.trim() === '') return undefined;
      const value = Number(text.trim());
      if (Number.isInteger(value) && value >= 0) return value;
      problems.push({ row: 0, column, message: t.notWholeNumber(text) });
      return undefined;
    };
    const passMark = number(draft.passMark, t.columns.passMark);
    const maxScore = number(draft.maxScore, t.columns.maxScore);
    const penalty = number(draft.penalty, t.columns.penalty);
    if (passMark !== undefined) meta.passMark = passMark;
    if (maxScore !== undefined) meta.maxScore = maxScore;
    meta.defaultPenalty = penalty ?? 0;
  }
  return { meta, problems };
}

function definitionMeta(definition: unknown): MetaDraft {
  const field = (key: string): string => {
    const value = typeof definition === 'object' && definition !== null ? (definition as Record<string, unknown>)[key] : undefined;
    return typeof value === 'string' || typeof value === 'number' ? String(value) : '';
  };
  const model = field('model') === 'points' ? 'points' : 'met';
  const rule = field('naRule');
  const naRule: NaRuleName = rule === 'exemptions' || rule === 'free' ? rule : 'justified';
  return {
    name: field('name'),
    framework: field('framework'),
    version: field('version'),
    id: field('id'),
    model,
    passMark: '',
    maxScore: field('maxScore'),
    penalty: field('defaultPenalty'),
    naRule,
    edited: { framework: true, id: true },
  };
}

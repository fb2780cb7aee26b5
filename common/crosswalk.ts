/**
 * The crosswalk between checklists as it crosses the bridge (resolvers in src/resolvers/crosswalk.ts),
 * and the reader that turns a team's CSV or YAML file into rows (XLSX: common/crosswalk-file.ts). The browser reads the file; the
 * server validates every row again (src/domain/crosswalk.ts) before anything is saved.
 *
 * CSV: a header row naming the columns (any order, any case): from checklist, from item,
 * to checklist, to item, coverage (full or partial; empty: full), note.
 * YAML: `mappings:` (or a bare list) of `{ from: { checklist, item }, to: { checklist, item }, coverage, note }`.
 */
import Papa from 'papaparse';
import { parse as parseYaml } from 'yaml';

export interface CrosswalkRowPayload {
  fromChecklist?: string;
  fromItem?: string;
  toChecklist?: string;
  toItem?: string;
  coverage?: string;
  note?: string;
  /** XLSX: the worksheet the row was read from (for messages only, never trusted). */
  sheet?: string;
  /** XLSX: the row number Excel shows (for messages only, never trusted). */
  line?: number;
}

export interface CrosswalkProblemView {
  /** 1 = the first row of data; 0 = the whole file. */
  row: number;
  field?: keyof CrosswalkRowPayload;
  message: string;
  /** XLSX: where the row is in the workbook, as the person sees it. */
  sheet?: string;
  line?: number;
}

export interface CrosswalkSavedView {
  revision: string;
  rowCount: number;
  fileName: string;
  savedAt: string;
  savedBy: string;
}

/** `previewCrosswalk`: what saving these rows would do, and every problem with them. */
export interface CrosswalkPreview {
  rowCount: number;
  full: number;
  partial: number;
  /** Rows per checklist pair, e.g. { from: 'aws-msp-7.1', to: 'mspalliance-ucs-23', rows: 40 }. */
  pairs: { from: string; to: string; rows: number }[];
  problems: CrosswalkProblemView[];
  moreProblems: number;
  /** The crosswalk saved now (what a save replaces); null when none is. Send its revision as `basedOn`. */
  current: CrosswalkSavedView | null;
}

/** `saveCrosswalk`: the saved crosswalk; `unchanged` when these very rows were already saved. */
export interface SaveCrosswalkResult {
  saved: CrosswalkSavedView;
  unchanged: boolean;
}

/** The columns a file names (sheet and line are where the row was read, not a column). */
export type CrosswalkColumn = Exclude<keyof CrosswalkRowPayload, 'sheet' | 'line'>;

export const CROSSWALK_COLUMNS: Record<string, CrosswalkColumn> = {
  fromchecklist: 'fromChecklist',
  fromitem: 'fromItem',
  tochecklist: 'toChecklist',
  toitem: 'toItem',
  coverage: 'coverage',
  note: 'note',
};

/** The file cannot be read as a crosswalk at all; the message says what to fix. */
export class CrosswalkFileError extends Error {
  override name = 'CrosswalkFileError';
}

/**
 * Rows of a crosswalk file, in file order (blank lines skipped). Throws {@link CrosswalkFileError}
 * when the file is not a crosswalk (no header, an unknown column, YAML that is not a list).
 *
 * @example
 * readCrosswalkText('from checklist,from item,to checklist,to item\naws-msp-7.1,SEC-002,mspalliance-ucs-23,06.01\n', 'map.csv');
 * // → [{ fromChecklist: 'aws-msp-7.1', fromItem: 'SEC-002', toChecklist: 'mspalliance-ucs-23', toItem: '06.01' }]
 */
export function readCrosswalkText(text: string, fileName: string): CrosswalkRowPayload[] {
  return /\.(ya?ml|json)$/i.test(fileName) ? readYamlRows(text, fileName) : readCsvRows(text, fileName);
}

function readCsvRows(text: string, fileName: string): CrosswalkRowPayload[] {
  const parsed = Papa.parse<string[]>(text.replace(/^\uFEFF/, ''), { skipEmptyLines: 'greedy', delimitersToGuess: [',', ';', '\t'] });
  const [header, ...body] = parsed.data;
  if (!header) throw new CrosswalkFileError(`${fileName} is empty; put a header row (from checklist, from item, to checklist, to item, coverage, note) and one row per mapping.`);
  const columns = header.map((cell, index) => {
    const name = cell.toLowerCase().replace(/[^a-z]/g, '');
    const column = CROSSWALK_COLUMNS[name];
    if (column === undefined) {
      throw new CrosswalkFileError(`${fileName}: column ${index + 1} "${cell}" is not a crosswalk column; use from checklist, from item, to checklist, to item, coverage and note.`);
    }
    return column;
  });
  return body.map((cells) => {
    const row: CrosswalkRowPayload = {};
    columns.forEach((column, index) => {
      const value = cells[index]?.trim();
      if (value) row[column] = value;
    });
    return row;
  });
}

function readYamlRows(text: string, fileName: string): CrosswalkRowPayload[] {
  let data: unknown;
  try {
    // The failsafe schema reads every scalar as written: item 8.10 stays "8.10", never the number 8.1.
    data = parseYaml(text, { schema: 'failsafe' });
  } catch (error) {
    throw new CrosswalkFileError(`${fileName} is not valid YAML: ${(error as Error).message.split('\n')[0] ?? ''}`);
  }
  const list = Array.isArray(data) ? data : isObject(data) && Array.isArray(data.mappings) ? data.mappings : undefined;
  if (!list) throw new CrosswalkFileError(`${fileName} must hold a list \`mappings:\` of { from: { checklist, item }, to: { checklist, item }, coverage, note }.`);
  return list.map((entry: unknown) => {
    const e = isObject(entry) ? entry : {};
    const from = isObject(e.from) ? e.from : {};
    const to = isObject(e.to) ? e.to : {};
    const row: CrosswalkRowPayload = {};
    const set = (key: CrosswalkColumn, value: unknown) => {
      if (typeof value === 'string' || typeof value === 'number') row[key] = String(value);
    };
    set('fromChecklist', from.checklist);
    set('fromItem', from.item);
    set('toChecklist', to.checklist);
    set('toItem', to.item);
    set('coverage', e.coverage);
    set('note', e.note);
    return row;
  });
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Accepted evidence in force on another checklist's item that fully covers this one. */
export interface CrosswalkSourceView {
  checklistId: string;
  checklistName: string;
  itemId: string;
  /** Absent when the caller cannot see the source issue. */
  issueKey?: string;
  /** The accepted entries' titles (absent with the issue key). */
  titles: string[];
}

/** `Rollup.crosswalk`: what the site's crosswalk does for this checklist in this project. */
export interface RollupCrosswalk {
  /** Items of this checklist covered by evidence from another checklist's item ("evidence from A X"). */
  covered: { itemId: string; by: CrosswalkSourceView[] }[];
  /** Items with at least one full mapping from another checklist the project holds. */
  mapped: number;
  /** Mandatory items still open here that another checklist's accepted evidence covers. */
  wouldClose: string[];
  /** Strict mode counts covered items as having evidence (project setting, off by default). */
  countsInStrictMode: boolean;
  /** Mappings naming an item of this checklist's framework that a version update retired. */
  retired: number;
}

/** `getCrosswalkSettings` / `setCrosswalkSettings`. */
export interface CrosswalkSettings {
  countsInStrictMode: boolean;
}

/** One mapping of an item, as the item panel lists it. */
export interface ItemMappingEntry {
  /** `covers`: this item covers the other; `covered-by`: the other covers this one. */
  direction: 'covers' | 'covered-by';
  coverage: 'full' | 'partial';
  checklistId: string;
  checklistName: string;
  itemId: string;
  /** The other item's title; absent when its checklist is not known. */
  title?: string;
  /** `retired`: a version update the project made dropped the other item; `not-held`: the project holds no version of its checklist. */
  state: 'held' | 'retired' | 'not-held';
  /** The id the crosswalk names, when a version update renamed the item since. */
  renamedFrom?: string;
  /** The crosswalk names this item or the other by an earlier version: an upload changes it, not Remove. */
  earlierVersion?: true;
  note?: string;
  /** The other item's issue in this project, when the caller can see it. */
  issueKey?: string;
  /** `covered-by` full only: the accepted evidence in force on the other item ("evidence from A X"); absent when none or hidden. */
  evidence?: { titles: string[] };
}

/** A checklist the project holds that the item may be linked to by hand, with its items. */
export interface LinkableChecklist {
  checklistId: string;
  checklistName: string;
  items: { id: string; title: string }[];
}

/** `linkItemCrosswalk`: one mapping between the item on the issue and an item of another checklist the project holds. */
export interface LinkItemPayload {
  checklistId: string;
  itemId: string;
  /** `covers`: this item covers the other; `covered-by`: the other covers this one. */
  direction: 'covers' | 'covered-by';
  coverage: 'full' | 'partial';
  note?: string;
  /** Removes the mapping between the two items (that direction) instead. */
  remove?: boolean;
}

/** `getItemCrosswalk`: the mappings of the item on the issue the panel is open on, both ways. */
export interface ItemCrosswalk {
  checklistId: string | null;
  itemId: string | null;
  mappings: ItemMappingEntry[];
  /** The other checklists the project holds, for linking by hand (absent when the issue is no item). */
  linkable?: LinkableChecklist[];
  /** The caller may edit this issue (linking also needs Edit issues on the other item's issue). */
  canEdit?: boolean;
}

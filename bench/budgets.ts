/**
 * What the figures are held against: the fewest Jira calls an import can make, the call budgets
 * from DESIGN.md, and the pass/fail checks the benchmark prints.
 */
import { BULK_CREATE_MAX } from '../src/jira';
import { APP_FIELD_MAX_ISSUES_PER_REQUEST } from '../src/jira/fields';

/**
 * The fixed lookups: calls an import makes once, whatever the checklist's size.
 * - `GET /rest/api/3/mypermissions`: may the user browse the project and create issues (startImport)
 * - `GET /rest/api/3/issue/createmeta/{project}/issuetypes`: the project's item and Epic types (one page)
 * - `GET /rest/api/3/field`: the app's points field
 * - `POST /rest/api/3/search/jql`: the framework's issues already in Jira, read once to build the item
 *   map of a project that has none (one page on a project that has none yet, as here)
 * - `POST /rest/api/3/search/jql`: the project's last issue key (a lower bound, for the create checkpoints)
 */
export const FIXED_LOOKUPS = 5;

export interface ImportMinimum {
  /** `ceil(N/50)`: bulk creates of the items, 50 per call (Jira's bulk limit). */
  itemBulks: number;
  /** `ceil(C/50)`: bulk creates of the chapter Epics. */
  chapterBulks: number;
  /** `ceil(N/1000)`: the points field values, 1,000 issues per `app/field/value` call (Jira's limit). */
  pointsWrites: number;
  /**
   * `ceil((N + C + 1)/100)`: the verification pass, which reads every key created since the start
   * by bulkfetch (100 a call, never the lagging search index) until it passes the project's last.
   */
  verifyReads: number;
  lookups: number;
  total: number;
}

/** The fewest calls that create N items in C chapters with their points: nothing can be saved. */
export function importMinimum(items: number, chapters: number): ImportMinimum {
  const itemBulks = Math.ceil(items / BULK_CREATE_MAX);
  const chapterBulks = Math.ceil(chapters / BULK_CREATE_MAX);
  const pointsWrites = Math.ceil(items / APP_FIELD_MAX_ISSUES_PER_REQUEST);
  const verifyReads = Math.ceil((items + chapters + 1) / 100);
  return { itemBulks, chapterBulks, pointsWrites, verifyReads, lookups: FIXED_LOOKUPS, total: itemBulks + chapterBulks + pointsWrites + verifyReads + FIXED_LOOKUPS };
}

/**
 * DESIGN.md's import budget, `ceil(N/50) + ceil(C/50) + 10`, plus the verification pass that makes
 * the import exactly-once under index lag (issue 21): `ceil((N + C)/100)` more reads.
 */
export function importBudget(items: number, chapters: number): number {
  return Math.ceil(items / 50) + Math.ceil(chapters / 50) + Math.ceil((items + chapters) / 100) + 10;
}

/** DESIGN.md's rollup budget: `ceil(N/100) + 2` (a permission check and 100 issues a search page). */
export function rollupBudget(items: number): number {
  return Math.ceil(items / 100) + 2;
}

/** The import must beat one-call-per-write by at least this much in wall time at 130 items. */
export const MIN_SPEEDUP_AT_130 = 10;

export interface Check {
  name: string;
  pass: boolean;
  detail: string;
}

export function check(name: string, pass: boolean, detail: string): Check {
  return { name, pass, detail };
}

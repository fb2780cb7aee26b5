/**
 * The checklist definition file format (YAML) and its validating loader.
 *
 * A file is checked field by field rather than all at once, so one bad field never hides the
 * problems after it: a team sees every problem of a 130-item file in one pass.
 */
import { z } from 'zod';
import { COMPLEXITIES, EVIDENCE_KINDS, type ChecklistDefinition } from './types';
import { NA_RULES } from './na-rule';
import { ChecklistValidationError, ProblemList, closestName, formatPath } from './checklist-problems';
import { checkAndNormalize } from './checklist-rules';
import { readChecklistYaml } from './checklist-yaml';

export { ChecklistValidationError, type ChecklistProblem } from './checklist-problems';

/** Error message for a field: missing (or left empty in YAML) reads "required", anything else `what`. */
function expecting(what: string | ((input: unknown) => string)) {
  return {
    error: (issue: { input?: unknown }) =>
      issue.input == null ? 'required' : typeof what === 'string' ? what : what(issue.input),
  };
}

const WHOLE = 'must be a whole number ≥ 0';
const ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;
const ID_MESSAGE = 'must be an id of letters, digits, ".", "_" or "-", e.g. 8.3 or SEC-001';

const text = z
  .string(expecting('must be text'))
  .refine((s) => s.trim() !== '', 'must not be empty')
  .transform((s) => s.trim());
const id = z.string(expecting(`must be text; ${ID_MESSAGE}`)).regex(ID_PATTERN, ID_MESSAGE);
const idList = z.array(id, expecting('must be a list of ids, e.g. [OPS-009]'));
const wholeNumber = z.number(expecting(WHOLE)).refine((n) => Number.isInteger(n) && n >= 0, WHOLE);
const percent = z
  .number(expecting('must be a number from 0 to 100'))
  .refine((n) => n >= 0 && n <= 100, 'must be a number from 0 to 100');
/** How long one piece of evidence stays valid, in whole months (1 … 120). */
const MONTHS = 'must be a whole number of months from 1 to 120, e.g. 12';
const validMonths = z.number(expecting(MONTHS)).refine((n) => Number.isInteger(n) && n >= 1 && n <= 120, MONTHS);
const DAY_PATTERN = /^\d{4}-\d{2}-\d{2}$/;
/** A calendar day; a badly written one is reported once (format), a wrong one (2026-02-30) as not real. */
const isoDay = z
  .string(expecting('must be a date written YYYY-MM-DD, e.g. "2026-02-28"'))
  .regex(DAY_PATTERN, 'must be a date written YYYY-MM-DD, e.g. "2026-02-28"')
  .refine((day) => !DAY_PATTERN.test(day) || isRealDay(day), 'is not a real calendar date');

function isRealDay(day: string): boolean {
  const time = Date.parse(`${day}T00:00:00Z`);
  return !Number.isNaN(time) && new Date(time).toISOString().startsWith(day);
}
const oneOf = <const T extends readonly [string, ...string[]]>(values: T) =>
  z.enum(
    values,
    expecting((input) => `must be one of: ${values.join(', ')}${typeof input === 'string' ? ` (not "${input}")` : ''}`),
  );

/** `passRule`: `{ passMark }` under the points model, `{ minOptionalPercent }` (optional) under met. */
export const passRuleSchema = z.strictObject(
  { passMark: wholeNumber.optional(), minOptionalPercent: percent.optional() },
  expecting('must be a mapping, e.g. { passMark: 900 }'),
);

export const chapterSchema = z.strictObject(
  {
    id,
    title: text,
    /** Defaults to the chapter's position in the file (1, 2, …). */
    order: wholeNumber.optional(),
  },
  expecting('must be a mapping, e.g. { id: prereq, title: Prerequisites }'),
);

export const itemSchema = z.strictObject(
  {
    id,
    chapter: id,
    title: text,
    /** What the item asks, in the team's or the app's own words. */
    requirement: text,
    evidence: z.array(oneOf(EVIDENCE_KINDS), expecting('must be a list, e.g. [document, demo]')).optional(),
    points: wholeNumber.optional(),
    mandatory: z.boolean(expecting('must be true or false')).optional(),
    penalty: wholeNumber.optional(),
    complexity: oneOf(COMPLEXITIES).optional(),
    replaces: idList.optional(),
    /** Evidence for this item expires this many months after it takes effect; overrides the file's. */
    evidenceValidMonths: validMonths.optional(),
  },
  expecting('must be a mapping with id, chapter, title and requirement'),
);

export const waiverSchema = z.strictObject(
  {
    id,
    name: text,
    reason: text,
    items: idList.optional(),
    chapters: idList.optional(),
  },
  expecting('must be a mapping with id, name, reason and items or chapters'),
);

const headerShape = {
  id,
  framework: id,
  name: text,
  version: z
    .string(expecting('must be text; quote it, e.g. version: "7.1", since 4.10 as a number reads as 4.1'))
    .regex(/^\S+$/, 'must be one word, e.g. 7.1 or 4.1.1'),
  description: z.string(expecting('must be text')).optional(),
  model: oneOf(['points', 'met']),
  passRule: passRuleSchema.optional(),
  maxScore: wholeNumber.optional(),
  naPolicy: oneOf(['award', 'exclude']).optional(),
  defaultPenalty: wholeNumber.optional(),
  /** How N/A may be answered: only through named exemptions, with a written justification, or freely. */
  naRule: oneOf(NA_RULES).optional(),
  /** The publisher's validity window of this version (first and last day), and the last day it is still accepted. */
  validFrom: isoDay.optional(),
  validUntil: isoDay.optional(),
  usableUntil: isoDay.optional(),
  /** A superseded version kept for history: never current, whatever the dates. */
  historical: z.boolean(expecting('must be true or false')).optional(),
  /** Evidence expires this many months after it takes effect (e.g. 12: renewed yearly), unless an item says otherwise. */
  evidenceValidMonths: validMonths.optional(),
};

/**
 * The whole file in one schema, for tooling: `z.toJSONSchema(checklistFileSchema, { io: 'input' })` gives
 * editors completion for checklist YAML. Loading checks the same field schemas one by one instead.
 */
export const checklistFileSchema = z.strictObject({
  ...headerShape,
  chapters: z.array(chapterSchema).min(1),
  items: z.array(itemSchema).min(1),
  waivers: z.array(waiverSchema).optional(),
});

export type ChecklistFile = z.output<typeof checklistFileSchema>;
export type ChapterEntry = z.output<typeof chapterSchema>;
export type ItemEntry = z.output<typeof itemSchema>;
export type WaiverEntry = z.output<typeof waiverSchema>;
export type HeaderEntry = z.output<z.ZodObject<typeof headerShape>>;

/** The fields of one mapping that passed, and the names of those present but invalid. */
export interface Parsed<T> {
  value: Partial<T>;
  invalid: ReadonlySet<string>;
}

export interface LoadOptions {
  /** Where the definition comes from; files do not say. Default `builtin`. */
  source?: ChecklistDefinition['source'];
}

/**
 * Loads a checklist definition from YAML text. Throws a {@link ChecklistValidationError} listing every
 * problem (YAML syntax errors with their line) when the file is not a valid definition.
 *
 * Unquoted numbers where text is expected are read exactly as written: `version: 7.1` is `"7.1"` and
 * `id: 8.10` is `"8.10"` (plain YAML would read 8.1).
 *
 * @example
 * const checklist = parseChecklist(fs.readFileSync('aws-msp-7.1.yaml', 'utf8'), 'aws-msp-7.1.yaml');
 * checklist.items.length; // → 61
 */
export function parseChecklist(text: string, file: string, options: LoadOptions = {}): ChecklistDefinition {
  const problems = new ProblemList(file);
  const raw = readChecklistYaml(text, problems);
  problems.throwIfAny();
  return validateChecklist(raw, file, options);
}

/**
 * Validates already-parsed data (e.g. from YAML or JSON) and returns the normalized definition, with
 * defaults applied: `naPolicy` award, chapter order by position, penalties, `maxScore` under met.
 * Unlike {@link parseChecklist}, a number where text is expected is a problem here (a version of 4.10
 * can no longer be told apart from 4.1).
 *
 * @example
 * validateChecklist({ id: 'demo-1', framework: 'demo', name: 'Demo', version: '1', model: 'met',
 *   chapters: [{ id: 'gov', title: 'Governance' }],
 *   items: [{ id: 'G-1', chapter: 'gov', title: 'Policies', requirement: 'Write them down.', mandatory: true }] },
 *   'demo.yaml').items[0]?.penalty; // → 0
 */
export function validateChecklist(raw: unknown, file: string, options: LoadOptions = {}): ChecklistDefinition {
  const problems = new ProblemList(file);
  if (!isMapping(raw)) {
    problems.add('document', 'must be a mapping of checklist fields (id, framework, name, version, model, chapters, items)');
    throw new ChecklistValidationError(problems.problems);
  }
  const header = parseFields(headerShape, raw, [], problems, ['chapters', 'items', 'waivers']);
  const lists = {
    chapters: parseList(raw, 'chapters', chapterSchema.shape, problems, true),
    items: parseList(raw, 'items', itemSchema.shape, problems, true),
    waivers: parseList(raw, 'waivers', waiverSchema.shape, problems, false),
  };
  const definition = checkAndNormalize({ header, ...lists }, problems, options.source ?? 'builtin');
  problems.throwIfAny();
  if (definition === undefined) throw new Error(`${file}: checklist rules returned nothing without a problem`);
  return definition;
}

function isMapping(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

type Out<S extends z.ZodRawShape> = z.output<z.ZodObject<S>>;

function parseList<S extends z.ZodRawShape>(
  raw: Record<string, unknown>,
  key: 'chapters' | 'items' | 'waivers',
  shape: S,
  problems: ProblemList,
  required: boolean,
): Parsed<Out<S>>[] | undefined {
  const value = raw[key];
  const singular = key.slice(0, -1);
  if (value == null) {
    if (!required) return [];
    problems.add(key, `required: list at least one ${singular}`);
    return undefined;
  }
  if (!Array.isArray(value)) {
    problems.add(key, `must be a list of ${key}, one "- " entry per ${singular}`);
    return undefined;
  }
  if (required && value.length === 0) problems.add(key, `must list at least one ${singular}`);
  return value.map((entry: unknown, index) => {
    if (!isMapping(entry)) {
      problems.add(`${key}[${index}]`, `must be a mapping of ${singular} fields (${Object.keys(shape).join(', ')})`);
      return { value: {}, invalid: new Set(Object.keys(shape)) };
    }
    // Item problems are named by item id, the way teams talk about items; others by position.
    const itemId = key === 'items' && typeof entry.id === 'string' && ID_PATTERN.test(entry.id) ? entry.id : undefined;
    return parseFields(shape, entry, itemId === undefined ? [key, index] : [], problems, [], itemId);
  });
}

/**
 * Parses each field of a mapping on its own, so that every bad field is reported and the good ones
 * are still available to the cross-field rules. Keys not in `shape` (or `extraKeys`) are typos.
 */
function parseFields<S extends z.ZodRawShape>(
  shape: S,
  raw: Record<string, unknown>,
  path: PropertyKey[],
  problems: ProblemList,
  extraKeys: readonly string[],
  itemId?: string,
): Parsed<Out<S>> {
  const value: Record<string, unknown> = {};
  const invalid = new Set<string>();
  for (const [key, schema] of Object.entries(shape)) {
    const result = z.safeParse(schema, raw[key]);
    if (result.success) {
      if (result.data !== undefined) value[key] = result.data;
      continue;
    }
    invalid.add(key);
    const seen = new Set<string>();
    for (const issue of result.error.issues) {
      const field = formatPath([...path, key, ...issue.path]);
      if (seen.has(field + issue.message)) continue;
      seen.add(field + issue.message);
      problems.add(field, issue.message, itemId);
    }
  }
  const allowed = [...Object.keys(shape), ...extraKeys];
  for (const key of Object.keys(raw)) {
    if (allowed.includes(key)) continue;
    const guess = closestName(key, allowed);
    const hint = guess === undefined ? `allowed: ${Object.keys(shape).join(', ')}` : `did you mean "${guess}"?`;
    problems.add(formatPath([...path, key]), `unknown field; ${hint}`, itemId);
  }
  return { value: value as Partial<Out<S>>, invalid };
}

/**
 * Validation of evidence a person sends (the server never trusts the frontend): one zod schema per
 * field with a message naming what to fix, then the rules across fields (what each kind needs,
 * expiry after effective date).
 *
 * Fields are checked one by one, not as one object, so one bad field never hides the problems after it.
 */
import { z } from 'zod';
import { isCalendarDate } from './evidence-dates';
import {
  EVIDENCE_KINDS,
  EVIDENCE_LIMITS,
  EvidenceError,
  type EvidenceInput,
  type EvidencePatch,
  type EvidenceProblem,
} from './evidence-types';
import { freeTextProblem } from './free-text';
import { isRecord } from './records';

/** Control characters (C0, DEL, C1) and invisible format characters such as bidi overrides and zero-width spaces. */
const CONTROL = /[\p{Cc}\p{Cf}]/u;
/** Control and format characters other than tab and line breaks, which a multi-line note may hold. */
const CONTROL_EXCEPT_LINES = /[^\P{Cc}\t\n\r]|\p{Cf}/u;
const SCHEME = /^([A-Za-z][A-Za-z0-9+.-]*):/;
const ACCOUNT_ID = /^[A-Za-z0-9:_-]{1,128}$/;
const ATTACHMENT_ID = /^[0-9]{1,18}$/;
const LINK_EXAMPLE = 'e.g. https://example.com/policy.pdf';
const TITLE_REQUIRED = 'required: give the evidence a short title';
const KIND_REQUIRED = `required: one of ${EVIDENCE_KINDS.join(', ')}`;

const characters = (s: string): number => [...s].length;

/** Trimmed text with a length cap; `lines` allows tabs and line breaks (notes), else one line (titles). */
const boundedText = (max: number, lines: boolean, emptyMessage: string) =>
  z
    .string({ error: (issue) => (issue.input == null ? emptyMessage : 'must be text') })
    .transform((s) => s.trim())
    .superRefine((s, ctx) => {
      if (s === '') ctx.addIssue({ code: 'custom', message: emptyMessage });
      else if (characters(s) > max) ctx.addIssue({ code: 'custom', message: `must be at most ${max} characters (it has ${characters(s)})` });
      else if (freeTextProblem('', s, Number.MAX_SAFE_INTEGER) !== undefined || (lines ? CONTROL_EXCEPT_LINES.test(s) : CONTROL.test(s))) {
        // The one free-text rule (free-text.ts) refuses control and bidi characters; titles also stay on one line.
        ctx.addIssue({
          code: 'custom',
          message: lines
            ? 'must not contain control characters (line breaks and tabs are fine)'
            : 'must not contain control characters such as tabs or line breaks; keep it on one line',
        });
      }
    });

/**
 * Why `url` is not an acceptable link, or undefined when it is: only absolute http(s) links, so a
 * rendered link can never run script (`javascript:`), embed content (`data:`) or reach local files.
 * Whitespace and control characters anywhere are refused rather than stripped, since browsers
 * silently drop some of them (`java\tscript:` opens as `javascript:`).
 */
export function urlProblem(url: string): string | undefined {
  if (url.length > EVIDENCE_LIMITS.maxUrlLength) {
    return `must be at most ${EVIDENCE_LIMITS.maxUrlLength} characters (it has ${url.length}); link to a shorter address`;
  }
  if (/\s/.test(url) || CONTROL.test(url)) return 'must not contain spaces or control characters; encode a space as %20';
  const scheme = SCHEME.exec(url)?.[1]?.toLowerCase();
  if (scheme !== 'http' && scheme !== 'https') {
    return scheme === undefined
      ? `must be a full link starting with https:// or http://, ${LINK_EXAMPLE}`
      : `must be an https:// or http:// link, not ${scheme.slice(0, 20)}:`;
  }
  if (!/^https?:\/\//i.test(url)) return `must start with ${scheme}:// followed by the host, ${LINK_EXAMPLE}`;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return `is not a valid link, ${LINK_EXAMPLE}`;
  }
  if (parsed.hostname === '') return `must name a host, ${LINK_EXAMPLE}`;
  if (parsed.username !== '' || parsed.password !== '') return 'must not contain a user name or password (user:password@…)';
  return undefined;
}

/** An entry id the app generates (a UUID fits): letters, digits, `_` and `-`. */
export const evidenceIdSchema = z
  .string({ error: 'must be an evidence id (text)' })
  .regex(/^[A-Za-z0-9_-]{1,64}$/, 'must be an evidence id of 1 to 64 letters, digits, "_" or "-"');

/** An Atlassian account id, as the app receives it from the invocation context. */
export const accountIdSchema = z
  .string({ error: 'must be an Atlassian account id' })
  .regex(ACCOUNT_ID, 'must be an Atlassian account id (letters, digits, ":", "_", "-")');

const calendarDate = z
  .string({ error: (issue) => (issue.input === undefined ? 'required' : 'must be a date written YYYY-MM-DD') })
  .refine((s) => /^\d{4}-\d{2}-\d{2}$/.test(s), 'must be a date written YYYY-MM-DD, e.g. 2026-12-31')
  .refine(isCalendarDate, 'is not a day of the calendar (check the month has that many days)');

/** One schema per field a person may send. Trimmed strings; an empty optional string means "none". */
export const evidenceFieldSchemas = {
  kind: z.enum(EVIDENCE_KINDS, {
    error: (issue) =>
      issue.input == null ? KIND_REQUIRED : `must be one of: ${EVIDENCE_KINDS.join(', ')}`,
  }),
  title: boundedText(EVIDENCE_LIMITS.maxTitleLength, false, TITLE_REQUIRED),
  url: z
    .string({ error: `must be text: a link, ${LINK_EXAMPLE}` })
    .transform((s) => s.trim())
    .superRefine((s, ctx) => {
      const message = urlProblem(s);
      if (message !== undefined) ctx.addIssue({ code: 'custom', message });
    }),
  attachmentId: z
    .string({ error: 'must be the id of an attachment on this issue, as text, e.g. "10042"' })
    .transform((s) => s.trim())
    .refine((s) => ATTACHMENT_ID.test(s), 'must be the numeric id of an attachment on this issue, e.g. "10042"'),
  owner: z.string({ error: 'must be an Atlassian account id' }).trim().pipe(accountIdSchema),
  effectiveDate: calendarDate,
  expiryDate: calendarDate,
  note: boundedText(EVIDENCE_LIMITS.maxNoteLength, true, 'must not be empty'),
} as const;

type FieldName = keyof typeof evidenceFieldSchemas;
const FIELD_NAMES = Object.keys(evidenceFieldSchemas) as FieldName[];
const REQUIRED: ReadonlySet<FieldName> = new Set(['kind', 'title']);
/** Fields the app sets itself; a client sending them gets told so rather than "unknown field". */
const APP_FIELDS = new Set([
  'id', 'addedAt', 'addedBy', 'reviewState', 'reviewer', 'reviewedAt', 'reviewNote', 'selfReviewed', 'updatedAt', 'updatedBy',
]);

/**
 * The whole input as one zod schema (unknown keys rejected), for tooling and for the frontend's own
 * form checks. The server uses {@link checkEvidenceInput}, which also applies the rules across fields.
 */
export const evidenceInputSchema = z.strictObject({
  kind: evidenceFieldSchemas.kind,
  title: evidenceFieldSchemas.title,
  url: evidenceFieldSchemas.url.optional(),
  attachmentId: evidenceFieldSchemas.attachmentId.optional(),
  owner: evidenceFieldSchemas.owner.optional(),
  effectiveDate: evidenceFieldSchemas.effectiveDate.optional(),
  expiryDate: evidenceFieldSchemas.expiryDate.optional(),
  note: evidenceFieldSchemas.note.optional(),
});

export type EvidenceCheck<T> = { ok: true; value: T } | { ok: false; problems: EvidenceProblem[] };

const isBlank = (value: unknown): boolean => value === null || value === undefined || (typeof value === 'string' && value.trim() === '');


function unknownKeyProblem(key: string): EvidenceProblem {
  const shown = key.length > 40 ? `${key.slice(0, 40)}…` : key;
  return APP_FIELDS.has(key)
    ? { field: shown, message: 'is set by the app, not by the request; leave it out' }
    : { field: shown, message: `is not an evidence field; use only ${FIELD_NAMES.join(', ')}` };
}

/** Parses the fields present in `raw`; `blank` lists optional fields sent empty (null or ""). */
function parseFields(raw: Record<string, unknown>, problems: EvidenceProblem[], requireAll: boolean) {
  const value: Partial<Record<FieldName, string>> = {};
  const invalid = new Set<FieldName>();
  const blank = new Set<FieldName>();
  for (const key of Object.keys(raw)) {
    if (!(FIELD_NAMES as string[]).includes(key)) problems.push(unknownKeyProblem(key));
  }
  for (const field of FIELD_NAMES) {
    // Own keys only: an inherited `url` (prototype tricks) is not something the person sent.
    if (!Object.hasOwn(raw, field)) {
      if (requireAll && REQUIRED.has(field)) problems.push({ field, message: field === 'kind' ? KIND_REQUIRED : TITLE_REQUIRED });
      continue;
    }
    const input = raw[field];
    if (!REQUIRED.has(field) && isBlank(input)) {
      blank.add(field);
      continue;
    }
    const result = evidenceFieldSchemas[field].safeParse(input);
    if (result.success) value[field] = result.data;
    else {
      invalid.add(field);
      problems.push({ field, message: result.error.issues[0]?.message ?? 'is not valid' });
    }
  }
  return { value, invalid, blank };
}

/** The rules across fields, skipping any rule whose fields already failed on their own. */
function crossFieldProblems(entry: Partial<Record<FieldName, string>>, invalid: ReadonlySet<FieldName>): EvidenceProblem[] {
  const problems: EvidenceProblem[] = [];
  const has = (field: FieldName) => entry[field] !== undefined || invalid.has(field);
  const { kind } = entry;
  if (kind === 'link' && !has('url')) {
    problems.push({ field: 'url', message: 'required for a link: paste its https:// address' });
  } else if (kind === 'attachment') {
    if (!has('attachmentId')) problems.push({ field: 'attachmentId', message: 'required for an attachment: pick a file attached to this issue' });
    if (entry.url !== undefined) {
      problems.push({ field: 'url', message: 'is not used for an attachment; add a separate entry of kind link for a web address' });
    }
  } else if (kind !== undefined && kind !== 'link' && !has('url') && !has('note')) {
    problems.push({ field: 'url', message: `a ${kind} needs a url or a note saying where the auditor finds it` });
  }
  if (kind !== undefined && kind !== 'attachment' && entry.attachmentId !== undefined) {
    problems.push({ field: 'attachmentId', message: 'is only for kind attachment; remove it or set kind to attachment' });
  }
  const { effectiveDate, expiryDate } = entry;
  if (effectiveDate !== undefined && expiryDate !== undefined && expiryDate <= effectiveDate) {
    problems.push({ field: 'expiryDate', message: `must be after effectiveDate (${effectiveDate})` });
  }
  return problems;
}

function toInput(value: Partial<Record<FieldName, string>>): EvidenceInput {
  const input: Partial<Record<FieldName, string>> = {};
  for (const field of FIELD_NAMES) if (value[field] !== undefined) input[field] = value[field];
  return input as EvidenceInput;
}

/**
 * Checks evidence a person sends, without throwing: every problem, by field, or the cleaned input
 * (strings trimmed, empty optional fields dropped).
 *
 * @example
 * checkEvidenceInput({ kind: 'link', title: 'Patch policy', url: 'javascript:alert(1)' });
 * // → { ok: false, problems: [{ field: 'url', message: 'must be an https:// or http:// link, not javascript:' }] }
 */
export function checkEvidenceInput(raw: unknown): EvidenceCheck<EvidenceInput> {
  if (!isRecord(raw)) return { ok: false, problems: [{ field: 'evidence', message: 'must be an object with at least kind and title' }] };
  const problems: EvidenceProblem[] = [];
  const { value, invalid } = parseFields(raw, problems, true);
  problems.push(...crossFieldProblems(value, invalid));
  return problems.length > 0 ? { ok: false, problems } : { ok: true, value: toInput(value) };
}

/**
 * Validates evidence a person sends and returns it cleaned, or throws an `invalid`
 * {@link EvidenceError} listing every problem.
 *
 * @example
 * validateEvidenceInput({ kind: 'link', title: '  Patch policy ', url: 'https://intranet.example/patching' });
 * // → { kind: 'link', title: 'Patch policy', url: 'https://intranet.example/patching' }
 */
export function validateEvidenceInput(raw: unknown): EvidenceInput {
  const result = checkEvidenceInput(raw);
  if (!result.ok) throw EvidenceError.invalid(result.problems);
  return result.value;
}

/**
 * Validates an edit on its own (known fields, each valid; `null` or `""` clears an optional field).
 * The rules across fields need the entry it applies to: see `editEvidence`.
 *
 * @example
 * validateEvidencePatch({ expiryDate: '2027-01-31', note: null }); // → { expiryDate: '2027-01-31', note: null }
 */
export function validateEvidencePatch(raw: unknown): EvidencePatch {
  if (!isRecord(raw)) throw EvidenceError.invalid([{ field: 'patch', message: 'must be an object of the fields to change' }], 'Evidence edit');
  const problems: EvidenceProblem[] = [];
  const { value, blank } = parseFields(raw, problems, false);
  if (problems.length > 0) throw EvidenceError.invalid(problems, 'Evidence edit');
  const patch: Record<string, string | null> = { ...value };
  for (const field of blank) patch[field] = null;
  return patch as EvidencePatch;
}

/**
 * Applies a validated patch to an entry's input fields and checks the rules across fields on the result.
 *
 * @example
 * mergeEvidencePatch({ kind: 'link', title: 'Policy', url: 'https://x.example/p' }, { kind: 'document', url: null });
 * // throws EvidenceError: url: a document needs a url or a note saying where the auditor finds it
 */
export function mergeEvidencePatch(current: EvidenceInput, patch: EvidencePatch): EvidenceInput {
  const merged: Record<string, unknown> = { ...current };
  for (const [field, value] of Object.entries(patch)) {
    if (value === null) delete merged[field];
    else if (value !== undefined) merged[field] = value;
  }
  return validateEvidenceInput(merged);
}

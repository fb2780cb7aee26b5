/**
 * The evidence field as Jira stores it: the JSON schema for `manifest.yml` and the reader that turns
 * a stored value (from Jira, so `unknown`) back into an {@link EvidenceFieldValue}.
 */
import { z } from 'zod';
import { canonicalEntry, evidenceValue } from './evidence-summary';
import {
  EVIDENCE_KINDS,
  EVIDENCE_LIMITS,
  EvidenceError,
  OVERALL_REVIEW_STATES,
  REVIEW_STATES,
  type EvidenceEntry,
  type EvidenceFieldValue,
  type EvidenceProblem,
} from './evidence-types';
import { accountIdSchema, checkEvidenceInput, evidenceFieldSchemas, evidenceIdSchema } from './evidence-validate';
import { isRecord } from './records';
import { ASSESSMENT_FIELD_SCHEMA, VERDICT_FORMAT } from './evidence-verdict';
import { IN_FORCE_FORMAT } from './evidence-in-force';

const ACCOUNT = { type: 'string', pattern: '^[A-Za-z0-9:_-]{1,128}$' } as const;
const DATE = { type: 'string', format: 'date', pattern: '^[0-9]{4}-[0-9]{2}-[0-9]{2}$' } as const;
const TIMESTAMP = { type: 'string', format: 'date-time' } as const;
const COUNT = { type: 'integer', minimum: 0, maximum: EVIDENCE_LIMITS.maxEntries } as const;
const NOTE = { type: 'string', minLength: 1, maxLength: EVIDENCE_LIMITS.maxNoteLength } as const;

/**
 * The `schema` of the evidence field (`jira:customField`, `type: object`) in `manifest.yml`: a
 * draft-07 JSON schema of the stored value. The field is read-only in Jira (only the app writes it,
 * through the app field value API), and the schema still bounds what any value can hold. The
 * summary properties carry a `searchAlias` (a Forge keyword, not JSON Schema) so JQL can use them,
 * e.g. issues met without accepted evidence, or evidence expiring before a date.
 */
export const EVIDENCE_FIELD_SCHEMA = {
  type: 'object',
  additionalProperties: false,
  required: ['entries', 'count', 'accepted', 'pending', 'rejected', 'reviewState'],
  properties: {
    entries: {
      type: 'array',
      maxItems: EVIDENCE_LIMITS.maxEntries,
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['id', 'kind', 'title', 'addedAt', 'addedBy', 'reviewState'],
        properties: {
          id: { type: 'string', pattern: '^[A-Za-z0-9_-]{1,64}$' },
          kind: { type: 'string', enum: [...EVIDENCE_KINDS] },
          title: { type: 'string', minLength: 1, maxLength: EVIDENCE_LIMITS.maxTitleLength },
          url: { type: 'string', maxLength: EVIDENCE_LIMITS.maxUrlLength, pattern: '^[Hh][Tt][Tt][Pp][Ss]?://[^\\s]+$' },
          attachmentId: { type: 'string', pattern: '^[0-9]{1,18}$' },
          owner: ACCOUNT,
          addedAt: TIMESTAMP,
          addedBy: ACCOUNT,
          effectiveDate: DATE,
          expiryDate: DATE,
          reviewState: { type: 'string', enum: [...REVIEW_STATES] },
          reviewer: ACCOUNT,
          reviewedAt: TIMESTAMP,
          reviewNote: NOTE,
          selfReviewed: { type: 'boolean', enum: [true] },
          note: NOTE,
          updatedAt: TIMESTAMP,
          updatedBy: ACCOUNT,
        },
      },
    },
    count: { ...COUNT, searchAlias: 'evidenceCount' },
    accepted: { ...COUNT, searchAlias: 'evidenceAccepted' },
    pending: { ...COUNT, searchAlias: 'evidencePending' },
    rejected: { ...COUNT, searchAlias: 'evidenceRejected' },
    nextExpiry: { ...DATE, searchType: 'date', searchAlias: 'evidenceNextExpiry' },
    reviewState: { type: 'string', enum: [...OVERALL_REVIEW_STATES], searchAlias: 'evidenceReview' },
    // When accepted evidence is in force (evidence-in-force.ts), for the rollup's cold read.
    inForceFormat: { type: 'integer', enum: [IN_FORCE_FORMAT], searchAlias: 'evidenceInForceFormat' },
    acceptedSpans: { ...COUNT, searchAlias: 'acceptedSpans' },
    acceptedFrom: { ...DATE, searchType: 'date', searchAlias: 'acceptedFrom' },
    acceptedUntil: { ...DATE, searchType: 'date', searchAlias: 'acceptedUntil' },
    // The app's format mark (see evidence-verdict.ts) and the team's assessment of the item.
    v: { type: 'integer', enum: [VERDICT_FORMAT] },
    assessment: ASSESSMENT_FIELD_SCHEMA,
  },
} as const;

const INPUT_FIELDS = new Set(Object.keys(evidenceFieldSchemas));

/** The fields of a stored entry the app sets (the rest are checked as a person's input). */
const appFieldsSchema = z.object({
  id: evidenceIdSchema,
  addedAt: z.iso.datetime({ error: 'must be an ISO timestamp, e.g. 2026-03-01T10:00:00.000Z' }),
  addedBy: accountIdSchema,
  reviewState: z.enum(REVIEW_STATES, { error: `must be one of: ${REVIEW_STATES.join(', ')}` }),
  reviewer: accountIdSchema.optional(),
  reviewedAt: z.iso.datetime({ error: 'must be an ISO timestamp' }).optional(),
  reviewNote: evidenceFieldSchemas.note.optional(),
  selfReviewed: z.literal(true, { error: 'must be true when present' }).optional(),
  updatedAt: z.iso.datetime({ error: 'must be an ISO timestamp' }).optional(),
  updatedBy: accountIdSchema.optional(),
});
const APP_FIELDS = new Set(Object.keys(appFieldsSchema.shape));


function readEntry(raw: unknown, at: string, problems: EvidenceProblem[]): EvidenceEntry | undefined {
  if (!isRecord(raw)) {
    problems.push({ field: at, message: 'must be an evidence entry (an object)' });
    return undefined;
  }
  // fromEntries defines own keys, so a stored "__proto__" key stays a key (and is reported as unknown).
  const isApp = ([key]: [string, unknown]) => APP_FIELDS.has(key) && !INPUT_FIELDS.has(key);
  const inputPart = Object.fromEntries(Object.entries(raw).filter((kv) => !isApp(kv)));
  const appPart = Object.fromEntries(Object.entries(raw).filter(isApp));
  const input = checkEvidenceInput(inputPart);
  const app = appFieldsSchema.safeParse(appPart);
  if (!input.ok) for (const p of input.problems) problems.push({ field: `${at}.${p.field}`, message: p.message });
  if (!app.success) for (const issue of app.error.issues) problems.push({ field: `${at}.${issue.path.join('.')}`, message: issue.message });
  return input.ok && app.success ? canonicalEntry({ ...app.data, ...input.value }) : undefined;
}

/**
 * Reads the evidence field's stored value (from Jira, so trusted no further than its shape) and
 * returns it with the summary recomputed from the entries. An unset field (null) reads as no
 * evidence. Throws an `invalid` {@link EvidenceError} naming each bad entry field
 * (`entries[2].url`), e.g. for a value written around the app.
 *
 * @example
 * parseEvidenceValue(null); // → { entries: [], count: 0, accepted: 0, pending: 0, rejected: 0, reviewState: 'none' }
 */
export function parseEvidenceValue(raw: unknown): EvidenceFieldValue {
  if (raw === null || raw === undefined) return evidenceValue([]);
  if (!isRecord(raw) || !Array.isArray(raw.entries)) {
    throw EvidenceError.invalid([{ field: 'entries', message: 'must be a list of evidence entries' }], 'Stored evidence');
  }
  const problems: EvidenceProblem[] = [];
  if (raw.entries.length > EVIDENCE_LIMITS.maxEntries) {
    problems.push({ field: 'entries', message: `holds ${raw.entries.length} entries; at most ${EVIDENCE_LIMITS.maxEntries} are allowed` });
  }
  const entries: EvidenceEntry[] = [];
  const seen = new Set<string>();
  raw.entries.forEach((rawEntry: unknown, index) => {
    const entry = readEntry(rawEntry, `entries[${index}]`, problems);
    if (entry === undefined) return;
    if (seen.has(entry.id)) problems.push({ field: `entries[${index}].id`, message: `repeats id "${entry.id}"; each entry needs its own id` });
    seen.add(entry.id);
    entries.push(entry);
  });
  if (problems.length > 0) throw EvidenceError.invalid(problems, 'Stored evidence');
  return evidenceValue(entries);
}

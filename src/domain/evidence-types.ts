/**
 * The evidence model: what one checklist issue's evidence field holds, and the error every evidence
 * rule throws. Pure data types, no I/O.
 *
 * The field is an app `jira:customField` of `type: object`. Its value carries the entries plus a few
 * summary numbers the app recomputes on every change, because the field's formatter and JQL
 * (`searchAlias`) can only read stored properties, never compute over the entries.
 */
import { AppError, type ErrorCode } from '../../common/errors';
import { EVIDENCE_KINDS, type EvidenceKind } from './types';

export { EVIDENCE_KINDS, type EvidenceKind };

/** A calendar date, `YYYY-MM-DD`, with no time zone: the caller decides which day "today" is. */
export type IsoDate = string;

export const REVIEW_STATES = ['pending', 'accepted', 'rejected'] as const;
/** Where one entry is in review. New and edited entries are `pending`. */
export type EvidenceReviewState = (typeof REVIEW_STATES)[number];

export const OVERALL_REVIEW_STATES = ['none', 'pending', 'accepted', 'rejected'] as const;
/**
 * The worst review state across entries, so JQL finds issues needing attention:
 * `none` (no entries) · `rejected` (any rejected) · `pending` (any pending) · `accepted` (all accepted).
 */
export type EvidenceOverallState = (typeof OVERALL_REVIEW_STATES)[number];

/** Limits the server enforces whatever the frontend says. */
export const EVIDENCE_LIMITS = {
  /** Entries on one issue: keeps the field value small (Jira stores it as JSON on the issue). */
  maxEntries: 50,
  maxTitleLength: 255,
  maxUrlLength: 2000,
  maxNoteLength: 2000,
} as const;

/** One piece of evidence on one checklist issue. */
export interface EvidenceEntry {
  /** Stable id the app gives the entry (e.g. a UUID); edits and reviews address it. */
  id: string;
  kind: EvidenceKind;
  /** Plain text, shown as text (never as HTML). */
  title: string;
  /** An http(s) link to the evidence. */
  url?: string;
  /** Id of a Jira attachment on the same issue (a numeric string), for kind `attachment`. */
  attachmentId?: string;
  /** Account id of the person who keeps this evidence current. */
  owner?: string;
  /** ISO timestamp of when the entry was added. */
  addedAt: string;
  /** Account id of who added it. */
  addedBy: string;
  /** First day the evidence is valid. */
  effectiveDate?: IsoDate;
  /** Last day the evidence is valid: on this day it still counts; the day after, it has expired. */
  expiryDate?: IsoDate;
  reviewState: EvidenceReviewState;
  /** Account id of who accepted or rejected it (absent while pending). */
  reviewer?: string;
  /** ISO timestamp of the review (absent while pending). */
  reviewedAt?: string;
  /** The reviewer's note, e.g. why it was rejected. Kept apart from `note`, which is the evidence's own. */
  reviewNote?: string;
  /** Present (true) when the reviewer added or owns the entry: allowed, but an auditor may ask. */
  selfReviewed?: true;
  /** What the evidence is or where the auditor finds it (e.g. a demo script); may span lines. */
  note?: string;
  /** ISO timestamp and account id of the last edit, when edited after being added. */
  updatedAt?: string;
  updatedBy?: string;
}

/** The summary numbers stored next to the entries, for the formatter and JQL. */
export interface EvidenceSummary {
  count: number;
  accepted: number;
  pending: number;
  rejected: number;
  /**
   * Earliest `expiryDate` among entries that are not rejected, past or future (a past one means that
   * evidence has expired). Absent when none of them expires.
   */
  nextExpiry?: IsoDate;
  reviewState: EvidenceOverallState;
}

/** The value of the evidence field (`jira:customField`, `type: object`). */
export interface EvidenceFieldValue extends EvidenceSummary {
  entries: EvidenceEntry[];
}

/** What a person supplies to add evidence; the app sets ids, who, when and the review state. */
export interface EvidenceInput {
  kind: EvidenceKind;
  title: string;
  url?: string;
  attachmentId?: string;
  owner?: string;
  effectiveDate?: IsoDate;
  expiryDate?: IsoDate;
  note?: string;
}

/** Fields of {@link EvidenceInput} an edit may clear (send `null` or an empty string). */
export type ClearableEvidenceField = Exclude<keyof EvidenceInput, 'kind' | 'title'>;

/** An edit: fields to change; `null` (or an empty string) clears an optional field. */
export type EvidencePatch = Partial<Pick<EvidenceInput, 'kind' | 'title'>> & {
  [K in ClearableEvidenceField]?: EvidenceInput[K] | null;
};

/** Who acts and when, passed in so the rules stay pure (no clock, no random ids inside). */
export interface EvidenceContext {
  /** Account id of the person acting. */
  actor: string;
  now: Date;
}

export interface AddEvidenceContext extends EvidenceContext {
  /** The id the new entry gets (e.g. `crypto.randomUUID()`). */
  newId: string;
}

export interface ReviewDecision {
  /** `accepted` or `rejected`; `pending` reopens the entry and clears the review. */
  state: EvidenceReviewState;
  /** Account id of the reviewer. */
  reviewer: string;
  now: Date;
  /** Why, in a sentence; worth giving when rejecting so the owner knows what to fix. */
  note?: string;
}

/** One thing wrong, named by field: `url`, `title`, `entries[3].expiryDate`, `newId`, … */
export interface EvidenceProblem {
  field: string;
  message: string;
}

/**
 * - `invalid`: the input breaks a rule (see `problems`).
 * - `not-found`: no entry with that id on the issue.
 * - `too-many`: the issue already holds the most entries allowed.
 * - `conflict`: the new entry's id is already taken.
 */
export type EvidenceErrorCode = 'invalid' | 'not-found' | 'too-many' | 'conflict';

/** The refusal code each evidence error kind answers with (common/errors.ts). */
const EVIDENCE_REFUSALS: Record<EvidenceErrorCode, ErrorCode> = {
  invalid: 'invalid-input',
  'not-found': 'not-found',
  'too-many': 'limit',
  conflict: 'conflict',
};

/**
 * Thrown by every evidence rule; the message says what to fix. `kind` is the evidence rule's own
 * reason; `code` the refusal code it crosses the invoke boundary with (a 4xx, never a fault).
 */
export class EvidenceError extends AppError {
  readonly kind: EvidenceErrorCode;
  readonly problems: EvidenceProblem[];

  constructor(kind: EvidenceErrorCode, message: string, problems: EvidenceProblem[] = []) {
    super(EVIDENCE_REFUSALS[kind], message);
    this.name = 'EvidenceError';
    this.kind = kind;
    this.problems = problems;
  }

  /** An `invalid` error listing every problem, e.g. `Evidence is not valid: url: …; title: …`. */
  static invalid(problems: EvidenceProblem[], what = 'Evidence'): EvidenceError {
    const list = problems.map((p) => `${p.field}: ${p.message}`).join('; ');
    return new EvidenceError('invalid', `${what} is not valid; fix and try again: ${list}`, problems);
  }
}

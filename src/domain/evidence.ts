/**
 * Evidence on a checklist issue: the pure operations that turn one field value into the next
 * (add, edit, remove, review), and the door to the rest of the evidence model.
 *
 * Every operation takes the current value (null when the field is empty), never changes it, and
 * returns a new value with the summary recomputed. Who and when come in as arguments (`actor`,
 * `now`, `newId`), so the same call always gives the same result. Choices made here:
 * - A reviewer may review evidence they own (and, with the project's four-eyes setting off, evidence
 *   they added), but the entry records it as `selfReviewed: true`, so the audit pack can show it.
 *   Four eyes itself is a project setting, enforced by the use case (src/evidence/change.ts).
 * - Editing what the evidence *is* (anything but `owner`) sends an accepted or rejected entry back
 *   to `pending`: an accepted link must not be swappable for another one afterwards.
 * - An edit that changes nothing returns the same entries, with no `updatedAt` stamp.
 */
import {
  EVIDENCE_LIMITS,
  EvidenceError,
  REVIEW_STATES,
  type AddEvidenceContext,
  type EvidenceContext,
  type EvidenceEntry,
  type EvidenceFieldValue,
  type EvidenceInput,
  type EvidenceProblem,
  type ReviewDecision,
} from './evidence-types';
import { canonicalEntry as entry, evidenceValue } from './evidence-summary';
import {
  accountIdSchema,
  evidenceFieldSchemas,
  evidenceIdSchema,
  mergeEvidencePatch,
  validateEvidenceInput,
  validateEvidencePatch,
} from './evidence-validate';

export * from './evidence-types';
export * from './evidence-dates';
export * from './evidence-validate';
export * from './evidence-summary';
export * from './evidence-field';
export * from './evidence-risk';

const INPUT_KEYS: readonly (keyof EvidenceInput)[] = ['kind', 'title', 'url', 'attachmentId', 'owner', 'effectiveDate', 'expiryDate', 'note'];
const REVIEW_KEYS = ['reviewer', 'reviewedAt', 'reviewNote', 'selfReviewed'] as const;

function inputOf(current: EvidenceEntry): EvidenceInput {
  const out: Partial<Record<keyof EvidenceInput, unknown>> = {};
  for (const key of INPUT_KEYS) if (current[key] !== undefined) out[key] = current[key];
  return out as unknown as EvidenceInput;
}

function checkActor(actor: unknown, field: string, problems: EvidenceProblem[]): void {
  const result = accountIdSchema.safeParse(actor);
  if (!result.success) problems.push({ field, message: result.error.issues[0]?.message ?? 'must be an account id' });
}

function checkNow(now: unknown, field: string, problems: EvidenceProblem[]): void {
  if (!(now instanceof Date) || Number.isNaN(now.getTime())) problems.push({ field, message: 'must be a valid Date (the time of the change)' });
}

function throwIfAny(problems: EvidenceProblem[], what: string): void {
  if (problems.length > 0) throw EvidenceError.invalid(problems, what);
}

function indexOf(entries: readonly EvidenceEntry[], id: string): number {
  const index = entries.findIndex((e) => e.id === id);
  if (index < 0) {
    const shown = String(id).slice(0, 64);
    throw new EvidenceError('not-found', `No evidence with id "${shown}" on this issue; it may have been removed. Reload the issue and try again.`);
  }
  return index;
}

const selfReview = (e: Pick<EvidenceEntry, 'addedBy' | 'owner'>, reviewer: string | undefined) =>
  reviewer !== undefined && (reviewer === e.addedBy || reviewer === e.owner) ? true : undefined;

/**
 * Adds one evidence entry, validated, as `pending`. Throws an {@link EvidenceError}: `too-many` at
 * {@link EVIDENCE_LIMITS}.maxEntries entries, `conflict` if `newId` is taken, `invalid` for bad input.
 *
 * @example
 * const next = addEvidence(null, { kind: 'link', title: 'Patch policy', url: 'https://intranet.example/patching' },
 *   { actor: 'admin', now: new Date('2026-03-01T10:00:00Z'), newId: 'ev-1' });
 * next.entries[0]; // → { id: 'ev-1', kind: 'link', …, addedAt: '2026-03-01T10:00:00.000Z', addedBy: 'admin', reviewState: 'pending' }
 * next.count;      // → 1
 */
export function addEvidence(value: EvidenceFieldValue | null | undefined, input: unknown, ctx: AddEvidenceContext): EvidenceFieldValue {
  const problems: EvidenceProblem[] = [];
  checkActor(ctx.actor, 'actor', problems);
  checkNow(ctx.now, 'now', problems);
  const id = evidenceIdSchema.safeParse(ctx.newId);
  if (!id.success) problems.push({ field: 'newId', message: id.error.issues[0]?.message ?? 'is not valid' });
  throwIfAny(problems, 'Evidence context');

  const entries = value?.entries ?? [];
  if (entries.length >= EVIDENCE_LIMITS.maxEntries) {
    throw new EvidenceError(
      'too-many',
      `This issue already holds ${entries.length} evidence entries, the most one issue can hold (${EVIDENCE_LIMITS.maxEntries}); remove an entry that is out of date, or link one document that lists the rest.`,
    );
  }
  if (entries.some((e) => e.id === ctx.newId)) {
    throw new EvidenceError('conflict', `Evidence id "${ctx.newId}" is already used on this issue; add the entry again with a new id.`);
  }
  const clean = validateEvidenceInput(input);
  const added = entry({ ...clean, id: ctx.newId, addedAt: ctx.now.toISOString(), addedBy: ctx.actor, reviewState: 'pending' });
  return evidenceValue([...entries, added]);
}

/**
 * Changes fields of one entry. `patch` holds only the fields to change; `null` or `""` clears an
 * optional field. The result is checked as a whole (e.g. turning a link into a document needs a url
 * or a note). Editing anything but `owner` sends a reviewed entry back to `pending`.
 *
 * @example
 * const next = editEvidence(value, 'ev-1', { expiryDate: '2027-03-31' }, { actor: 'admin', now: new Date('2026-04-01T09:00:00Z') });
 * next.entries[0]?.reviewState; // → 'pending' (it had been accepted)
 */
export function editEvidence(
  value: EvidenceFieldValue | null | undefined,
  id: string,
  patch: unknown,
  ctx: EvidenceContext,
): EvidenceFieldValue {
  const problems: EvidenceProblem[] = [];
  checkActor(ctx.actor, 'actor', problems);
  checkNow(ctx.now, 'now', problems);
  throwIfAny(problems, 'Evidence context');

  const entries = value?.entries ?? [];
  const index = indexOf(entries, id);
  const current = entries[index] as EvidenceEntry;
  const merged = mergeEvidencePatch(inputOf(current), validateEvidencePatch(patch));
  const changed = INPUT_KEYS.filter((key) => merged[key] !== current[key]);
  if (changed.length === 0) return evidenceValue(entries);

  const reopen = current.reviewState !== 'pending' && changed.some((key) => key !== 'owner');
  // An owner change alone keeps the review; a self-review mark stays (the new owner may add one).
  const review = reopen
    ? { reviewState: 'pending' as const }
    : {
        reviewState: current.reviewState,
        reviewer: current.reviewer,
        reviewedAt: current.reviewedAt,
        reviewNote: current.reviewNote,
        // A review made by the entry's adder or owner stays a self-review whoever owns it now.
        selfReviewed: current.selfReviewed ?? selfReview({ addedBy: current.addedBy, owner: merged.owner }, current.reviewer),
      };
  const edited = entry({
    id: current.id,
    addedAt: current.addedAt,
    addedBy: current.addedBy,
    ...merged,
    ...review,
    updatedAt: ctx.now.toISOString(),
    updatedBy: ctx.actor,
  });
  return evidenceValue(entries.map((e, i) => (i === index ? edited : e)));
}

/**
 * Removes one entry. Throws a `not-found` {@link EvidenceError} for an unknown id, so a double
 * click or a stale page says so rather than silently doing nothing.
 *
 * @example
 * removeEvidence(value, 'ev-1').count; // → value.count - 1
 */
export function removeEvidence(value: EvidenceFieldValue | null | undefined, id: string): EvidenceFieldValue {
  const entries = value?.entries ?? [];
  const index = indexOf(entries, id);
  return evidenceValue(entries.filter((_, i) => i !== index));
}

/**
 * Records a review of one entry: `accepted` or `rejected` with the reviewer, time and optional note
 * (kept as `reviewNote`, apart from the evidence's own `note`); `pending` reopens it and clears the
 * review. Reviewing one's own evidence is allowed and recorded as `selfReviewed: true`.
 *
 * @example
 * const next = reviewEvidence(value, 'ev-1', { state: 'rejected', reviewer: 'lead', now: new Date('2026-03-02T08:00:00Z'),
 *   note: 'Policy is a draft; link the signed version.' });
 * next.reviewState; // → 'rejected'
 */
export function reviewEvidence(value: EvidenceFieldValue | null | undefined, id: string, decision: ReviewDecision): EvidenceFieldValue {
  const problems: EvidenceProblem[] = [];
  if (!(REVIEW_STATES as readonly unknown[]).includes(decision.state)) {
    problems.push({ field: 'state', message: `must be one of: ${REVIEW_STATES.join(', ')}` });
  }
  checkActor(decision.reviewer, 'reviewer', problems);
  checkNow(decision.now, 'now', problems);
  let note: string | undefined;
  if (decision.note !== undefined && decision.note !== null && String(decision.note).trim() !== '') {
    const parsed = evidenceFieldSchemas.note.safeParse(decision.note);
    if (parsed.success) note = parsed.data;
    else problems.push({ field: 'note', message: parsed.error.issues[0]?.message ?? 'is not valid' });
  }
  throwIfAny(problems, 'Review');

  const entries = value?.entries ?? [];
  const index = indexOf(entries, id);
  const current = entries[index] as EvidenceEntry;
  const base: Partial<EvidenceEntry> = { ...current };
  for (const key of REVIEW_KEYS) delete base[key];
  const reviewed =
    decision.state === 'pending'
      ? entry({ ...base, reviewState: 'pending' })
      : entry({
          ...base,
          reviewState: decision.state,
          reviewer: decision.reviewer,
          reviewedAt: decision.now.toISOString(),
          reviewNote: note,
          selfReviewed: selfReview(current, decision.reviewer),
        });
  return evidenceValue(entries.map((e, i) => (i === index ? reviewed : e)));
}

/**
 * Chapter dry-run reviews: "we walked chapter 8 as the auditor would, on 2 March". A review is only
 * worth something while the chapter's items stay as they were, so its status is derived, never
 * stored: compare the review time with each item's last change.
 *
 * Choices made here:
 * - Timestamps are compared as instants (`Date.parse`), not as text, so `…+0000` (Jira's form),
 *   `…Z` and `…+02:00` compare correctly.
 * - An item changed at exactly the review time is *not* stale: the review is taken to have seen
 *   that change (Jira and the app both stamp to the millisecond; a tie means the same moment).
 * - An unreadable item timestamp counts as a change: the review cannot be shown to be newer, and a
 *   false "stale" costs a second look while a false "reviewed" could cost the audit.
 * - The note limit counts characters as people do (Unicode code points), so an emoji is one; control
 *   and text-direction characters are refused (free-text.ts), since the note reaches the CSV.
 */
import { BadRequestError } from '../../common/errors';
import { freeTextProblem } from './free-text';
import type { ChecklistDefinition } from './types';

/** Longest note a review may carry, in characters. */
export const REVIEW_NOTE_MAX = 2000;

/** A chapter's dry run, as stored. */
export interface ChapterReview {
  checklistId: string;
  chapterId: string;
  /** Atlassian account id of the reviewer. */
  reviewedBy: string;
  /** ISO 8601 instant. */
  reviewedAt: string;
  note?: string;
}

/** When an item's issue last changed (Jira's `updated`). */
export interface ItemUpdate {
  itemId: string;
  /** ISO 8601 instant. */
  updatedAt: string;
}

export type ReviewState = 'not-reviewed' | 'reviewed' | 'stale';

export interface ReviewStatus {
  state: ReviewState;
  /** Items changed after the review, each once, in the order first seen. Empty unless `stale`. */
  changedItems: string[];
}

/** One chapter's line in {@link chapterReviewSummary}. */
export interface ChapterReviewEntry extends ReviewStatus {
  chapterId: string;
  title: string;
  /** The review the state is based on (the latest one for the chapter). */
  review?: ChapterReview;
}

/** What a person sends to record a review. */
export interface ReviewInput {
  chapterId: string;
  note?: string;
}

/** Who records the review, and when. */
export interface ReviewContext {
  accountId: string;
  now: Date;
}

/** The review request cannot be recorded as sent; `problems` says what to change. */
export class ReviewValidationError extends BadRequestError {
  readonly problems: string[];

  constructor(problems: string[]) {
    super(`The chapter review was not recorded: ${problems.join('; ')}`);
    this.problems = problems;
  }
}

/**
 * Whether a chapter's review still holds, given when its items last changed. Pass only the
 * chapter's items (or use {@link chapterReviewSummary}, which filters).
 *
 * @example
 * const review = { checklistId: 'aws-msp-7.1', chapterId: '8', reviewedBy: 'ana', reviewedAt: '2026-03-02T10:00:00Z' };
 * reviewStatus(review, [{ itemId: '8.3', updatedAt: '2026-03-02T10:00:00Z' }]); // { state: 'reviewed', changedItems: [] }
 * reviewStatus(review, [{ itemId: '8.3', updatedAt: '2026-03-03T08:00:00Z' }]); // { state: 'stale', changedItems: ['8.3'] }
 * reviewStatus(undefined, []);                                                 // { state: 'not-reviewed', changedItems: [] }
 */
export function reviewStatus(review: ChapterReview | undefined, itemsLastChanged: ItemUpdate[]): ReviewStatus {
  if (!review) return { state: 'not-reviewed', changedItems: [] };
  const reviewedAt = Date.parse(review.reviewedAt);
  const changed = new Set<string>();
  for (const update of itemsLastChanged) {
    const updatedAt = Date.parse(update.updatedAt);
    // NaN on either side fails `<=`, so an unreadable time counts as a change (see module comment).
    if (!(updatedAt <= reviewedAt)) changed.add(update.itemId);
  }
  return { state: changed.size > 0 ? 'stale' : 'reviewed', changedItems: [...changed] };
}

/**
 * Every chapter of the checklist, in chapter order, with its review state. Reviews of other
 * checklists and updates of items outside the checklist are ignored; when a chapter was reviewed
 * more than once, the latest review counts. Changed items are listed in checklist order.
 *
 * @example
 * chapterReviewSummary(def, [review8], [{ itemId: '8.3', updatedAt: '2026-03-03T08:00:00Z' }]);
 * // [{ chapterId: '7', title: 'Security', state: 'not-reviewed', changedItems: [] },
 * //  { chapterId: '8', title: 'Operations', state: 'stale', changedItems: ['8.3'], review: review8 }]
 */
export function chapterReviewSummary(
  def: ChecklistDefinition,
  reviews: ChapterReview[],
  itemUpdates: ItemUpdate[],
): ChapterReviewEntry[] {
  const latest = new Map<string, ChapterReview>();
  for (const review of reviews) {
    if (review.checklistId !== def.id) continue;
    const current = latest.get(review.chapterId);
    if (!current || orderingTime(review.reviewedAt) > orderingTime(current.reviewedAt)) latest.set(review.chapterId, review);
  }

  const chapterOfItem = new Map(def.items.map((item) => [item.id, item.chapterId]));
  const itemOrder = new Map(def.items.map((item, index) => [item.id, index]));
  const updatesByChapter = new Map<string, ItemUpdate[]>();
  for (const update of itemUpdates) {
    const chapterId = chapterOfItem.get(update.itemId);
    if (chapterId === undefined) continue;
    const list = updatesByChapter.get(chapterId);
    if (list) list.push(update);
    else updatesByChapter.set(chapterId, [update]);
  }

  return orderedChapters(def).map((chapter) => {
    const review = latest.get(chapter.id);
    const status = reviewStatus(review, updatesByChapter.get(chapter.id) ?? []);
    status.changedItems.sort((a, b) => (itemOrder.get(a) ?? 0) - (itemOrder.get(b) ?? 0));
    const entry: ChapterReviewEntry = { chapterId: chapter.id, title: chapter.title, ...status };
    if (review) entry.review = review;
    return entry;
  });
}

/**
 * Every problem with a review request, in words a person can act on; empty when it is fine.
 *
 * @example
 * validateReviewInput(def, { chapterId: '99' });
 * // ['Chapter 99 is not in Test checklist 1.0; pick one of: 7, 8.']
 */
export function validateReviewInput(def: ChecklistDefinition, input: ReviewInput): string[] {
  const problems: string[] = [];
  const chapterId = typeof input.chapterId === 'string' ? input.chapterId.trim() : '';
  if (chapterId === '') {
    problems.push('Say which chapter was reviewed (chapterId is empty).');
  } else if (!def.chapters.some((chapter) => chapter.id === chapterId)) {
    const ids = orderedChapters(def).map((chapter) => chapter.id);
    problems.push(`Chapter ${chapterId} is not in ${def.name} ${def.version}; pick one of: ${ids.join(', ')}.`);
  }
  if (input.note !== undefined) {
    if (typeof input.note !== 'string') {
      problems.push('The note must be text.');
    } else {
      // The shared rule refuses control and text-direction characters; the bound stays in characters.
      const hidden = freeTextProblem('The note', input.note, Number.POSITIVE_INFINITY);
      if (hidden !== undefined) problems.push(hidden);
      const length = characterCount(input.note.trim());
      if (length > REVIEW_NOTE_MAX) {
        problems.push(`The note is ${length} characters; shorten it to at most ${REVIEW_NOTE_MAX}.`);
      }
    }
  }
  return problems;
}

/**
 * Turns a valid request into the review to store: ids and note trimmed, an empty note left out,
 * stamped with the reviewer and `now`.
 *
 * @throws ReviewValidationError listing every problem found by {@link validateReviewInput}
 * @example
 * createChapterReview(def, { chapterId: '8', note: ' Walked with Ana ' }, { accountId: 'ana', now: new Date('2026-03-02T10:00:00Z') });
 * // { checklistId: def.id, chapterId: '8', reviewedBy: 'ana', reviewedAt: '2026-03-02T10:00:00.000Z', note: 'Walked with Ana' }
 */
export function createChapterReview(def: ChecklistDefinition, input: ReviewInput, ctx: ReviewContext): ChapterReview {
  const problems = validateReviewInput(def, input);
  if (ctx.accountId.trim() === '') problems.push('The reviewer is unknown (no account id); sign in and try again.');
  if (Number.isNaN(ctx.now.getTime())) problems.push('The review time is not a valid date.');
  if (problems.length > 0) throw new ReviewValidationError(problems);

  const review: ChapterReview = {
    checklistId: def.id,
    chapterId: input.chapterId.trim(),
    reviewedBy: ctx.accountId,
    reviewedAt: ctx.now.toISOString(),
  };
  const note = input.note?.trim();
  if (note) review.note = note;
  return review;
}

/**
 * The earliest review in force (one per chapter: upsertReview keeps the latest), ms; undefined with
 * none. A chapter's staleness needs its items' last changes exactly from then on.
 */
export function earliestReview(reviews: readonly ChapterReview[]): number | undefined {
  const times = reviews.map((review) => Date.parse(review.reviewedAt)).filter((at) => Number.isFinite(at));
  return times.length > 0 ? Math.min(...times) : undefined;
}

/**
 * The stored list with `review` in it, replacing any earlier review of the same chapter of the
 * same checklist: only the latest dry run matters, and the list stays one entry per chapter.
 *
 * @example
 * upsertReview([oldReviewOf8, reviewOf7], newReviewOf8); // [reviewOf7, newReviewOf8]
 */
export function upsertReview(reviews: ChapterReview[], review: ChapterReview): ChapterReview[] {
  const others = reviews.filter((entry) => entry.checklistId !== review.checklistId || entry.chapterId !== review.chapterId);
  return [...others, review];
}

function orderedChapters(def: ChecklistDefinition): ChecklistDefinition['chapters'] {
  return def.chapters
    .map((chapter, index) => ({ chapter, index }))
    .sort((a, b) => a.chapter.order - b.chapter.order || a.index - b.index)
    .map(({ chapter }) => chapter);
}

function characterCount(text: string): number {
  return Array.from(text).length;
}

/** An unreadable time sorts first, so any readable review replaces it as "the latest". */
function orderingTime(iso: string): number {
  const time = Date.parse(iso);
  return Number.isNaN(time) ? Number.NEGATIVE_INFINITY : time;
}

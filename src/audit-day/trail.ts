/** Audit-day decisions in the project's decision trail (src/trail): a chapter review, with the one it replaced. */
import type { ChapterReview } from '../domain/reviews';
import type { DecisionInput } from '../trail/record';

/** Who reviewed which chapter when, the review it replaced, the note as the reason. */
export function chapterReviewDecision(projectKey: string, review: ChapterReview, replaced: ChapterReview | undefined): DecisionInput {
  const summary = (r: ChapterReview) => ({ chapterId: r.chapterId, reviewedBy: r.reviewedBy, reviewedAt: r.reviewedAt });
  return {
    projectKey,
    actor: review.reviewedBy,
    action: 'chapter.review',
    checklistId: review.checklistId,
    ...(replaced ? { before: { ...summary(replaced), ...(replaced.note !== undefined ? { note: replaced.note } : {}) } } : {}),
    after: summary(review),
    ...(review.note !== undefined ? { reason: review.note } : {}),
    at: new Date(review.reviewedAt),
  };
}

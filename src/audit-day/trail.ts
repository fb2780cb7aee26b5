/** Audit-day decisions in the project's decision trail (src/trail): a chapter review, with the one it replaced. */
import type { ChapterReview } from '../domain/reviews';
import { recordDecision } from '../trail/record';

/** After the review is stored: who reviewed which chapter when, the review it replaced, the note as the reason. */
export async function recordChapterReview(projectKey: string, review: ChapterReview, replaced: ChapterReview | undefined): Promise<void> {
  const summary = (r: ChapterReview) => ({ chapterId: r.chapterId, reviewedBy: r.reviewedBy, reviewedAt: r.reviewedAt });
  await recordDecision({
    projectKey,
    actor: review.reviewedBy,
    action: 'chapter.review',
    checklistId: review.checklistId,
    ...(replaced ? { before: { ...summary(replaced), ...(replaced.note !== undefined ? { note: replaced.note } : {}) } } : {}),
    after: summary(review),
    ...(review.note !== undefined ? { reason: review.note } : {}),
    at: new Date(review.reviewedAt),
  });
}

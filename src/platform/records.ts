/**
 * The stored audit-day records of one checklist in one project: chapter reviews and waivers in
 * force, one KVS value each (the lists are small: one review per chapter, a handful of waivers).
 *
 * Writes are read-modify-write without a lock: Forge KVS offers conditional writes only for custom
 * entities. Two people recording at the same instant could lose one record; the second person sees
 * it missing on the page and records again. Accepted: reviews and waivers are rare, deliberate
 * acts by a small core team.
 */
import { z } from 'zod';
import type { ChapterReview } from '../domain/reviews';
import type { WaiverRecord } from '../domain/waivers';
import { chapterReviewsKey, waiversKey } from '../storage/keys';
import { readValue, writeValue } from '../storage/kvs';

const reviewSchema = z.object({
  checklistId: z.string(),
  chapterId: z.string(),
  reviewedBy: z.string(),
  reviewedAt: z.string(),
  note: z.string().optional(),
});
const reviewsSchema = z.object({ reviews: z.array(reviewSchema) });

const waiverSchema = z.object({
  id: z.string(),
  source: z.enum(['named', 'custom']),
  name: z.string(),
  reason: z.string(),
  items: z.array(z.string()),
  chapters: z.array(z.string()),
  appliedBy: z.string(),
  appliedAt: z.string(),
  // Absent on waivers applied before proof was asked for (they stay in force; see waiver-proof.ts).
  proof: z
    .object({
      kind: z.enum(['document', 'process', 'presentation', 'demo', 'link']),
      title: z.string(),
      url: z.string().optional(),
      note: z.string().optional(),
      effectiveDate: z.string(),
      expiryDate: z.string(),
    })
    .optional(),
});
const waiversSchema = z.object({ waivers: z.array(waiverSchema) });

export async function readReviews(projectKey: string, checklistId: string): Promise<ChapterReview[]> {
  const stored = await readValue(chapterReviewsKey(projectKey, checklistId), reviewsSchema);
  return (stored?.reviews ?? []).map((review) => {
    const { note, ...rest } = review;
    return note !== undefined ? { ...rest, note } : rest;
  });
}

/** The reviews as stored (what a trail probe of the record compares, src/trail/pending.ts). */
export function storedReviews(reviews: ChapterReview[]): { reviews: ChapterReview[] } {
  return { reviews };
}

export async function writeReviews(projectKey: string, checklistId: string, reviews: ChapterReview[]): Promise<void> {
  await writeValue(chapterReviewsKey(projectKey, checklistId), storedReviews(reviews));
}

/** The waivers in force, in the order they were applied (scoring lets the first give the reason). */
export async function readWaivers(projectKey: string, checklistId: string): Promise<WaiverRecord[]> {
  return (await readValue(waiversKey(projectKey, checklistId), waiversSchema))?.waivers ?? [];
}

/** The waivers as stored (what a trail probe of the record compares, src/trail/pending.ts). */
export function storedWaivers(waivers: WaiverRecord[]): { waivers: WaiverRecord[] } {
  return { waivers };
}

export async function writeWaivers(projectKey: string, checklistId: string, waivers: WaiverRecord[]): Promise<void> {
  await writeValue(waiversKey(projectKey, checklistId), storedWaivers(waivers));
}

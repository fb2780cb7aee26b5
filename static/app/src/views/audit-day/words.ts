/** The audit-day panel's words, as pure functions so each sentence is tested once. */
import type { AuditDay, ChapterReviewStateName, ChapterReviewView, WaiverView } from '../../../../../common/contract';
import type { PillTone } from '../../components/StatusPill';
import { auditDayEnglish } from './messages';
import type { AuditDayMessages } from './messages.en';

/** English words (the catalogue, messages.<lang>.ts, has every language). */
export const REVIEW_WORDS: Record<ChapterReviewStateName, string> = auditDayEnglish().review;

export const REVIEW_TONES: Record<ChapterReviewStateName, PillTone> = {
  reviewed: 'success',
  stale: 'warning',
  'not-reviewed': 'neutral',
};

/** `2026-03-02` from an ISO instant (UTC, as the server stamps it). */
export const dayOf = (iso: string): string => iso.slice(0, 10);

/** "3 of 9 chapters reviewed · 1 stale · 5 not yet". */
export function reviewSummaryLine(counts: AuditDay['reviewCounts'], t: AuditDayMessages = auditDayEnglish()): string {
  const total = counts.reviewed + counts.stale + counts.notReviewed;
  return t.reviewSummary(counts.reviewed, total, counts.stale, counts.notReviewed);
}

/** What the review cell says: who and when, and for a stale review what changed since. */
export function reviewDetail(chapter: ChapterReviewView, t: AuditDayMessages = auditDayEnglish()): string {
  if (!chapter.review) return t.noDryRun;
  const base = t.reviewedOn(chapter.review.reviewedAt, chapter.review.reviewedBy);
  if (chapter.state !== 'stale') return base;
  const changed = chapter.changedItems;
  const list = changed.length > 5 ? t.andMore(changed.slice(0, 5).join(', '), changed.length - 5) : changed.join(', ');
  return t.changedSince(base, list);
}

/** "Chapter Security; items OPS-009, OPS-010": what a waiver covers, with chapter titles. */
export function waiverTargets(waiver: Pick<WaiverView, 'items' | 'chapters'>, chapterTitles: ReadonlyMap<string, string>, t: AuditDayMessages = auditDayEnglish()): string {
  const parts: string[] = [];
  if (waiver.chapters.length > 0) {
    const titles = waiver.chapters.map((id) => chapterTitles.get(id) ?? id);
    parts.push(t.chapters(waiver.chapters.length, titles.join(', ')));
  }
  if (waiver.items.length > 0) parts.push(t.items(waiver.items.length, waiver.items.join(', ')));
  const text = parts.join('; ');
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/**
 * Item ids typed by a person: separated by commas, semicolons, spaces or new lines, duplicates
 * dropped, order kept. The server checks each against the checklist.
 */
export function parseItemIds(text: string): string[] {
  return [...new Set(text.split(/[\s,;]+/).map((id) => id.trim()).filter((id) => id !== ''))];
}

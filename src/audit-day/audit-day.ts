/**
 * Audit day on the Audit page: which chapters are dry-run (reviewed, stale or not yet), the waivers
 * in force and on offer, and the score over time; and the changes a team makes there (record a
 * review; applying or removing a waiver is in waiver-changes.ts). Every change answers with the whole AuditDay afresh, so the
 * page needs one round trip.
 *
 * Staleness compares each review with its items' Jira `updated` time, read by the rollup's one paged
 * search (and kept in its cache), so the panel costs no call per item. Only items whose issue the
 * caller can see count: one ids-and-keys search made as the caller tells which (issue security).
 */
import type { AuditDay, ChapterReviewView, NamedWaiverView, ScoreHistoryView, WaiverView } from '../../common/contract';
import { chapterReviewSummary, createChapterReview, earliestReview, upsertReview, type ChapterReviewEntry, type ItemUpdate } from '../domain/reviews';
import type { ChecklistDefinition } from '../domain/types';
import { mandatoryItemsCovered, MAX_WAIVERS, type WaiverRecord } from '../domain/waivers';
import { hasLapsed, proofLapseDate } from '../domain/waiver-proof';
import type { JiraClient } from '../jira';
import type { ProjectCaller } from '../platform/context';
import { displayNames } from '../platform/people';
import { computeRollup, type ComputedRollup } from '../rollup/get-rollup';
import { hasStandIns } from '../domain/evidence-stand-in';
import { visibleIssueKeys } from '../rollup/visibility';
import { readGrants, requireEditGrants } from '../platform/audit-access';
import { auditChecklist, auditChecklistHeader, importedChecklist } from '../catalogue/audit-checklist';
import { historyDay, readHistory, recordChangeSnapshot, seriesOf } from '../platform/history-store';
import { readReviews, storedReviews, writeReviews } from '../platform/records';
import { chapterReviewDecision } from './trail';
import { writeRecordWithDecision } from '../trail/wal';
import { chapterReviewsKey, chapterReviewsLockKey } from '../storage/keys';
import { withRecordLock } from '../storage/record-lock';

type Clock = () => number;

/** `getAuditDay { checklistId? }`. */
export async function getAuditDay(jira: JiraClient, caller: ProjectCaller, args: { checklistId?: string }, now: Clock = Date.now): Promise<AuditDay> {
  const grants = await readGrants(jira, caller, ['EDIT_ISSUES', 'ADMINISTER_PROJECTS'], 'see the audit day');
  const def = await auditChecklist(caller.projectKey, args.checklistId);
  const canEdit = grants.EDIT_ISSUES === true;
  return auditDayOf(jira, caller.projectKey, def, { canEdit, canAdminister: canEdit && grants.ADMINISTER_PROJECTS === true, scoreChanged: false, now });
}

/** `getScoreHistory { checklistId? }`: Browse projects; the stored history, no rollup and no search. */
export async function getScoreHistory(jira: JiraClient, caller: ProjectCaller, args: { checklistId?: string }, now: Clock = Date.now): Promise<ScoreHistoryView> {
  await readGrants(jira, caller, [], 'see its score history');
  const def = await auditChecklistHeader(caller.projectKey, args.checklistId);
  const today = historyDay(new Date(now()));
  return { checklistId: def.id, today, history: seriesOf(await readHistory(caller.projectKey, def.id), today) };
}

/** `markChapterReviewed { checklistId, chapterId, note? }`: the latest review of a chapter replaces the earlier one. */
export async function markChapterReviewed(
  jira: JiraClient,
  caller: ProjectCaller,
  args: { checklistId: string; chapterId: string; note?: string },
  now: Clock = Date.now,
): Promise<AuditDay> {
  const { canAdminister } = await requireEditGrants(jira, caller, 'record a chapter review');
  const def = await importedChecklist(caller.projectKey, args.checklistId);
  const review = createChapterReview(
    def,
    { chapterId: args.chapterId, ...(args.note !== undefined ? { note: args.note } : {}) },
    { accountId: caller.accountId, now: new Date(now()) },
  );
  // Two people reviewing chapters at once take turns: each keeps the other's review.
  const busy = `Someone else is recording a review of ${def.name} right now; nothing of yours was saved. Try again in a moment.`;
  await withRecordLock(chapterReviewsLockKey(caller.projectKey, def.id), busy, async () => {
    const reviews = await readReviews(caller.projectKey, def.id);
    const next = upsertReview(reviews, review);
    const decision = chapterReviewDecision(caller.projectKey, review, reviews.find((earlier) => earlier.chapterId === review.chapterId));
    // Through a pending record (src/trail/wal.ts): a trail append that fails after the write is recorded late.
    await writeRecordWithDecision(decision, { key: chapterReviewsKey(caller.projectKey, def.id), value: storedReviews(next) }, () => writeReviews(caller.projectKey, def.id, next));
  });
  console.info(`[audit-day] ${caller.projectKey}/${def.id}: chapter ${review.chapterId} reviewed`);
  return auditDayOf(jira, caller.projectKey, def, { canEdit: true, canAdminister, scoreChanged: false, now });
}

/**
 * The AuditDay of a checklist. `scoreChanged` (a waiver changed) records a significant-change
 * snapshot even when the states came from the cache; a read from Jira always offers one.
 */
export async function auditDayOf(
  jira: JiraClient,
  projectKey: string,
  def: ChecklistDefinition,
  options: { canEdit: boolean; canAdminister?: boolean; scoreChanged: boolean; now: Clock },
): Promise<AuditDay> {
  // Read once: the rollup keeps exact change times from the earliest of them when it writes its cache.
  const recorded = await readReviews(projectKey, def.id);
  // Issue security: the reviews are judged on the items the caller can see, as a search they made would.
  const [first, visible] = await Promise.all([computeRollup(jira, projectKey, def, { reviews: recorded }, options.now), visibleIssueKeys(jira, projectKey, def.id)]);
  let computed = first;
  // States without `updated` (a cache written before the app read it, or a cold read: rollup/cold-read.ts) cannot tell stale from reviewed: read Jira once.
  // One the cache keeps only as "changed before" an instant tells every review made after that instant (itemUpdates).
  // …nor do a cold read's evidence stand-ins give the entries the export packs.
  const firstReview = earliestReview(recorded) ?? Number.POSITIVE_INFINITY;
  if (computed.states.some((state) => lastChangeBound(state, firstReview) === undefined) || hasStandIns(computed.evidence)) {
    computed = await computeRollup(jira, projectKey, def, { force: true, reviews: recorded }, options.now);
  }
  const at = new Date(options.now());
  const history =
    options.scoreChanged || computed.from === 'jira'
      ? ((await recordChangeSnapshot(projectKey, def.id, computed.report, at)) ?? (await readHistory(projectKey, def.id)))
      : await readHistory(projectKey, def.id);
  const reviews = chapterReviewSummary(def, recorded, itemUpdates(computed, visible, firstReview));
  const inForce = new Set(computed.waivers.map((record) => record.id));
  const people = await displayNames(projectKey, [...computed.waivers.map((record) => record.appliedBy), ...reviews.flatMap((review) => (review.review ? [review.review.reviewedBy] : []))], options.now);
  return {
    checklistId: def.id,
    checklistName: def.name,
    version: def.version,
    model: def.model,
    today: historyDay(at),
    canEdit: options.canEdit,
    canAdminister: options.canAdminister === true,
    maxWaivers: MAX_WAIVERS,
    chapters: reviews.map(reviewView),
    reviewCounts: countReviews(reviews),
    waivers: computed.waivers.map((record) => ({ ...waiverView(record, historyDay(at)), mandatoryItems: mandatoryItemsCovered(def, record) })),
    namedWaivers: def.waivers.map(
      (waiver): NamedWaiverView => ({
        id: waiver.id,
        name: waiver.name,
        reason: waiver.reason,
        items: [...waiver.items],
        chapters: [...waiver.chapters],
        inForce: inForce.has(waiver.id),
        mandatoryItems: mandatoryItemsCovered(def, waiver),
      }),
    ),
    history: seriesOf(history, historyDay(at)),
    computedAt: new Date(computed.readAt).toISOString(),
    people,
  };
}

/**
 * Each item's last change, for staleness; an item without a read time has nothing to compare. With
 * `visible`, only items whose issue the caller can see count (issue security).
 */
export function itemUpdates(computed: Pick<ComputedRollup, 'states'>, visible?: ReadonlySet<string>, firstReview: number = Number.POSITIVE_INFINITY): ItemUpdate[] {
  return computed.states.flatMap((state) => {
    const updatedAt = lastChangeBound(state, firstReview);
    return updatedAt !== undefined && (visible === undefined || (state.issueKey !== undefined && visible.has(state.issueKey))) ? [{ itemId: state.itemId, updatedAt }] : [];
  });
}

/**
 * The time a review compares with: the issue's last change, or the instant the cache knows it
 * changed before when that is no later than every review (`firstReview`): each review then finds it
 * unchanged since, as the exact time would. Undefined when neither tells.
 */
function lastChangeBound(state: ComputedRollup['states'][number], firstReview: number): string | undefined {
  if (state.updatedAt !== undefined) return state.updatedAt;
  return state.updatedBefore !== undefined && Date.parse(state.updatedBefore) <= firstReview ? state.updatedBefore : undefined;
}

export function countReviews(entries: readonly ChapterReviewEntry[]): AuditDay['reviewCounts'] {
  const counts = { reviewed: 0, stale: 0, notReviewed: 0 };
  for (const entry of entries) {
    if (entry.state === 'reviewed') counts.reviewed += 1;
    else if (entry.state === 'stale') counts.stale += 1;
    else counts.notReviewed += 1;
  }
  return counts;
}

function reviewView(entry: ChapterReviewEntry): ChapterReviewView {
  const view: ChapterReviewView = { chapterId: entry.chapterId, title: entry.title, state: entry.state, changedItems: [...entry.changedItems] };
  if (entry.review) {
    view.review = {
      reviewedBy: entry.review.reviewedBy,
      reviewedAt: entry.review.reviewedAt,
      ...(entry.review.note !== undefined ? { note: entry.review.note } : {}),
    };
  }
  return view;
}

export function waiverView(record: WaiverRecord, today?: string): WaiverView {
  const view: WaiverView = { ...record, items: [...record.items], chapters: [...record.chapters] };
  if (record.proof) {
    view.proof = { ...record.proof };
    view.lapsesOn = proofLapseDate(record.proof);
    if (today !== undefined && hasLapsed(record, today)) view.lapsed = true;
  }
  return view;
}


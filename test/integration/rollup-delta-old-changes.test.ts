/**
 * A project worked on for months: the rollup cache keeps `updated` exactly only for recent changes
 * and older ones as "changed before" an instant (src/rollup/cache-codec.ts). The delta read still
 * compares `updated` (no fetch of what did not change) and gives the full read's figures, and the
 * chapter reviews still tell reviewed from stale without reading every issue again.
 */
import { syncV1 } from '../fixtures/sync-v1-v2';
import type { AuditDay, Rollup } from '../../common/contract';
import { chapterReviewsKey, rollupBaseKey, rollupCacheKey } from '../../src/storage/keys';
import { decompressText } from '../../src/storage/compress';
import { registerChecklist } from './checklists';
import { startHarness, type Harness, type OutsideIssue } from './harness';

const identityOf = (issue: OutsideIssue) => issue.properties['msp-audit-item'] as { kind: string; itemId: string } | undefined;
const DAY = 86_400_000;

function figures(rollup: Rollup): unknown {
  const { computedAt: _at, from: _from, history: _history, ...rest } = rollup;
  return { ...rest, items: [...rest.items].sort((a, b) => a.id.localeCompare(b.id)) };
}

describe('rollup: a project whose issues last changed weeks ago', () => {
  let h: Harness;
  let keys: Map<string, string>;
  const key = (itemId: string): string => keys.get(itemId)!;
  /** An edit made in Jira: the issue's `updated` moves to now. */
  const touch = async (issueKey: string) => expect((await h.outside('PUT', `/rest/api/3/issue/${issueKey}`, { fields: { summary: `Edited at ${Date.now()}` } })).status).toBe(204);
  const refresh = () => h.invoke<Rollup>('getRollup', { checklistId: syncV1.id, refresh: true });
  /** The cached block's `updated` column and bound, decoded as the app stores it (one compressed block). */
  const storedUpdated = () => {
    const stored = h.runtime.kvs.get(rollupCacheKey('MSP', syncV1.id)) as { states: { z: string } };
    return JSON.parse(decompressText(stored.states.z)!) as { updated: (number | null)[]; before?: number };
  };

  beforeAll(async () => {
    process.env.MSP_ROLLUP_REFRESH_MIN_AGE_MS = '0';
    h = startHarness();
    await registerChecklist(syncV1);
    await h.importChecklist(syncV1.id);
    keys = new Map((await h.issues()).flatMap((issue) => (identityOf(issue)?.kind === 'item' ? [[identityOf(issue)!.itemId, issue.key]] : [])));
    // Each issue last changed on a different day and millisecond of the past month.
    [...keys.values()].forEach((issueKey, i) => h.emulator.setIssueUpdated(issueKey, new Date(Date.now() - (i + 2) * DAY - i * 7_919)));
    expect((await refresh()).from).toBe('jira');
  });
  afterAll(async () => {
    delete process.env.MSP_ROLLUP_REFRESH_MIN_AGE_MS;
    await h.close();
  });

  it('caches old changes as a bound, compares `updated` on the delta, fetches only the changed issue, and matches a full read', async () => {
    // Every change is weeks old: each is stored as "before" the bound, none to the millisecond.
    const block = storedUpdated();
    expect(block.before).toBeDefined();
    expect(block.updated.every((value) => value === -1)).toBe(true);
    await h.transition(key('2.1'), 'In Progress');
    await h.runtime.idle();
    h.emulator.clearRequests();
    const delta = await refresh();
    const calls = h.appRequests().filter((call) => call.actor === 'app');
    const searches = calls.filter((call) => call.path === '/rest/api/3/search/jql').map((call) => (call.body as { fields: string[] }).fields);
    // Membership (ids only) and the changed ones with `updated`: the cache's bounds did not make it give up comparing.
    expect(searches).toContainEqual(['key', 'updated']);
    const bulk = calls.filter((call) => call.path === '/rest/api/3/issue/bulkfetch').map((call) => (call.body as { issueIdsOrKeys: string[] }).issueIdsOrKeys);
    expect(bulk).toHaveLength(1);
    expect(bulk[0]).toHaveLength(1);
    h.runtime.kvs.delete(rollupBaseKey('MSP', syncV1.id));
    const full = await refresh();
    expect(figures(delta)).toEqual(figures(full));
    expect(full.items.find((item) => item.id === '2.1')?.result).not.toBe('met');
  });

  it('tells a review made after the old changes "reviewed" from the cache, and one followed by a change "stale"', async () => {
    const chapter = syncV1.chapters[0]!.id;
    const item = syncV1.items.find((candidate) => candidate.chapterId === chapter)!.id;
    const reviewed = await h.invoke<AuditDay>('markChapterReviewed', { checklistId: syncV1.id, chapterId: chapter });
    expect(reviewed.chapters.find((entry) => entry.chapterId === chapter)).toMatchObject({ state: 'reviewed', changedItems: [] });
    // Served from the cache (old changes kept as a bound before the review): no read of every issue.
    h.emulator.clearRequests();
    const again = await h.invoke<AuditDay>('getAuditDay', { checklistId: syncV1.id });
    expect(again.chapters.find((entry) => entry.chapterId === chapter)).toMatchObject({ state: 'reviewed' });
    expect(h.appRequests().filter((call) => call.actor === 'app' && call.path === '/rest/api/3/search/jql' && ((call.body as { fields?: string[] }).fields ?? []).includes('status'))).toHaveLength(0);

    await new Promise((resolve) => setTimeout(resolve, 5));
    await h.transition(key(item), 'Done');
    await h.runtime.idle();
    const stale = await h.invoke<AuditDay>('getAuditDay', { checklistId: syncV1.id });
    expect(stale.chapters.find((entry) => entry.chapterId === chapter)).toMatchObject({ state: 'stale', changedItems: [item] });
  });

  it('reads the item map\'s pieces only when the map changed or an unknown issue claims an item', async () => {
    const pieceReads = () => h.runtime.usage().kvsByKind['item-map-chunk']?.reads ?? 0;
    await h.transition(key('2.2'), 'In Progress');
    await h.runtime.idle();
    h.runtime.resetUsage();
    await refresh();
    // The header only (~100 bytes), not the map: the same generation as the cached read's.
    expect(h.runtime.usage().kvsByKind['item-map']).toMatchObject({ reads: 1 });
    expect(h.runtime.usage().kvsByKind['item-map']!.readBytes).toBeLessThan(200);
    expect(pieceReads()).toBe(0);

    // An issue made outside the app claiming item 2.2: not one the cached read trusted, so the map is read.
    const identity = (await h.issues()).find((issue) => issue.key === key('2.2'))!.properties['msp-audit-item'];
    expect((await h.outside('POST', '/rest/api/3/issue', { fields: { project: { key: 'MSP' }, issuetype: { name: 'Task' }, summary: 'Copy of 2.2' }, properties: [{ key: 'msp-audit-item', value: identity }] })).status).toBe(201);
    await h.runtime.idle();
    h.runtime.resetUsage();
    const claimed = await refresh();
    expect(pieceReads()).toBe(1);
    expect(claimed.unclaimed?.map((claim) => claim.itemId)).toEqual(['2.2']);
    h.runtime.kvs.delete(rollupBaseKey('MSP', syncV1.id));
    expect(figures(claimed)).toEqual(figures(await refresh()));
  });

  it('carries the glance\'s score history, the same as getScoreHistory answers', async () => {
    const rollup = await refresh();
    expect(rollup.history?.history.length).toBeGreaterThan(0);
    expect(rollup.history).toEqual(await h.invoke('getScoreHistory', { checklistId: syncV1.id }));
  });

  it('tells a review made days ago from the cache too: the cache keeps exact times from the earliest review in force', async () => {
    const chapter = syncV1.chapters[1]!.id;
    const item = syncV1.items.find((candidate) => candidate.chapterId === chapter)!.id;
    await h.invoke<AuditDay>('markChapterReviewed', { checklistId: syncV1.id, chapterId: chapter });
    // The reviews as if made a day ago (the issues changed 2 days ago and more).
    const reviewsKey = chapterReviewsKey('MSP', syncV1.id);
    const stored = h.runtime.kvs.get(reviewsKey) as { reviews: { reviewedAt: string }[] };
    const dayAgo = new Date(Date.now() - DAY).toISOString();
    h.runtime.kvs.put(reviewsKey, { reviews: stored.reviews.map((review) => ({ ...review, reviewedAt: dayAgo })) });
    await touch(key(item));
    await h.runtime.idle();
    await refresh();
    // The cache written before this (backdated) review held bounds later than it: one read of every
    // issue makes it exact from the review on (a review made now never needs it: its time is after them).
    await h.invoke<AuditDay>('getAuditDay', { checklistId: syncV1.id });
    h.emulator.clearRequests();
    const first = await h.invoke<AuditDay>('getAuditDay', { checklistId: syncV1.id });
    await touch(key(syncV1.items.find((candidate) => candidate.chapterId === chapter && candidate.id !== item)!.id));
    await h.runtime.idle();
    await refresh();
    const second = await h.invoke<AuditDay>('getAuditDay', { checklistId: syncV1.id });
    // Served from the cache, also after a delta read: no read of every issue with its fields.
    expect(h.appRequests().filter((call) => call.actor === 'app' && call.path === '/rest/api/3/search/jql' && ((call.body as { fields?: string[] }).fields ?? []).includes('status'))).toHaveLength(0);
    // Items changed after the (day-old) review, today: stale, each named; none changed before it is.
    const other = syncV1.items.find((candidate) => candidate.chapterId === chapter && candidate.id !== item)!.id;
    expect(first.chapters.find((entry) => entry.chapterId === chapter)).toMatchObject({ state: 'stale' });
    expect(first.chapters.find((entry) => entry.chapterId === chapter)!.changedItems).toContain(item);
    expect(second.chapters.find((entry) => entry.chapterId === chapter)!.changedItems).toEqual(expect.arrayContaining([item, other]));
    const untouched = syncV1.items.filter((candidate) => candidate.chapterId === chapter && ![item, other, '2.2'].includes(candidate.id)).map((candidate) => candidate.id);
    for (const id of untouched) expect(second.chapters.find((entry) => entry.chapterId === chapter)!.changedItems).not.toContain(id);
  });
});

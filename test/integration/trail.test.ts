/**
 * The decision trail through the real app on the local runtime: a chapter review lands in the
 * trail, pages read newest first, an item's history on its issue, verify, the CSV export joined
 * from pages with formula cells neutralised, and who may read it.
 */
import { chunkValues, type StoredChunk } from '../../src/trail/store';
import { kvs } from '@forge/kvs';
import type { ItemHistory, TrailExportPage, TrailPage, TrailVerification } from '../../common/contract';
import { trailChunkKey } from '../../src/storage/keys';
import type { TrailEntry } from '../../src/trail/entry';
import { recordDecision } from '../../src/trail/record';
import { syncV1 } from '../fixtures/sync-v1-v2';
import { registerChecklist } from './checklists';
import { itemIdsOf, startHarness, type Harness } from './harness';

describe('decision trail resolvers', () => {
  let h: Harness;
  let keyOf: Map<string, string>;
  const onIssue = <T>(functionKey: string, issueKey: string, accountId = 'admin'): Promise<T> =>
    h.runtime.invoke({ functionKey, payload: {}, context: { moduleKey: 'audit-item-panel', accountId, issueKey } }) as Promise<T>;

  beforeAll(async () => {
    // One test records 4,100 decisions in a few seconds (to export past one page), far past Forge's
    // KVS read rate a real site would meet; the rate itself is test/integration/forge-limits.test.ts's.
    h = startHarness({ limits: { kvsReadUnitsPerMinute: 1_000_000, kvsWriteUnitsPerMinute: 1_000_000, kvsRequestsPerSecond: 1_000_000 } });
    await registerChecklist(syncV1);
    await h.importChecklist(syncV1.id);
    const issues = await h.issues();
    keyOf = new Map(issues.flatMap((issue) => itemIdsOf([issue], syncV1.id).map((id) => [id, issue.key] as [string, string])));
  });
  afterAll(async () => {
    await h.close();
  });

  it('records a chapter review with who, when, the review it replaced and the note as the reason', async () => {
    await h.invoke('markChapterReviewed', { checklistId: syncV1.id, chapterId: '1', note: 'First pass' });
    await h.invoke('markChapterReviewed', { checklistId: syncV1.id, chapterId: '1', note: 'Walked with the auditor' });
    const page = await h.invoke<TrailPage>('getTrail', { limit: 2 });
    const [latest, first] = page.entries;
    expect(latest).toMatchObject({ actor: 'admin', action: 'chapter.review', checklistId: syncV1.id, reason: 'Walked with the auditor', after: { chapterId: '1', reviewedBy: 'admin' } });
    expect(latest!.before).toMatchObject({ chapterId: '1', note: 'First pass', reviewedAt: first!.at });
    expect(first).toMatchObject({ action: 'chapter.review', reason: 'First pass' });
    expect(first!.before).toBeUndefined();
  });

  it('refuses a review note with a text-direction character and records nothing', async () => {
    const before = await h.invoke<TrailPage>('getTrail', {});
    await expect(h.invoke('markChapterReviewed', { checklistId: syncV1.id, chapterId: '2', note: 'ok\u202Egnp.exe' })).rejects.toThrow(/U\+202E/);
    expect((await h.invoke<TrailPage>('getTrail', {})).total).toBe(before.total);
  });

  it('pages the trail newest first with a cursor, and refuses a forged cursor and a page size out of range', async () => {
    for (let n = 1; n <= 50; n++) {
      await recordDecision({ projectKey: 'MSP', actor: 'bob', action: 'assessment.set', checklistId: syncV1.id, itemId: n % 2 ? '1.1' : '2.1', after: { result: 'met' }, reason: `n${n}` });
    }
    const total = (await h.invoke<TrailPage>('getTrail', {})).total;
    const seen: number[] = [];
    let cursor: string | undefined;
    do {
      const page: TrailPage = await h.invoke<TrailPage>('getTrail', { limit: 20, ...(cursor ? { cursor } : {}) });
      seen.push(...page.entries.map((entry) => entry.seq));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toEqual(Array.from({ length: total }, (_, i) => total - i));
    await expect(h.invoke('getTrail', { cursor: 'MSP-1' })).rejects.toThrow('"MSP-1" is not a cursor this trail gave out');
    await expect(h.invoke('getTrail', { limit: 500 })).rejects.toThrow('Ask for 1 to 100 trail entries a page, not 500.');
  });

  it("shows an item's history on its issue: entries naming the issue or its item, newest first", async () => {
    await recordDecision({ projectKey: 'MSP', actor: 'carol', action: 'evidence.add', issueKey: keyOf.get('1.1')!, after: { title: 'Runbook' } });
    const history = await onIssue<ItemHistory>('getItemHistory', keyOf.get('1.1')!);
    expect(history).toMatchObject({ issueKey: keyOf.get('1.1'), itemId: '1.1', total: 26 });
    expect(history.entries[0]).toMatchObject({ actor: 'carol', action: 'evidence.add' });
    expect(history.entries.slice(1).every((entry) => entry.itemId === '1.1' && entry.checklistId === syncV1.id)).toBe(true);
    expect((await onIssue<ItemHistory>('getItemHistory', keyOf.get('3.1')!)).entries).toEqual([]);
  });

  it('verifies the chain, and says where it breaks after an entry is altered in KVS', async () => {
    const intact = await h.invoke<TrailVerification>('verifyTrail', {});
    expect(intact).toMatchObject({ intact: true, breakCount: 0 });
    const stored = chunkValues(await kvs.get<StoredChunk>(trailChunkKey('MSP', 0))) as TrailEntry[];
    stored[4]!.actor = 'mallory';
    await kvs.set(trailChunkKey('MSP', 0), stored);
    const broken = await h.invoke<TrailVerification>('verifyTrail', {});
    expect(broken).toMatchObject({ intact: false, entries: intact.entries, breaks: [{ seq: 5, problem: 'altered' }] });
    stored[4]!.actor = 'bob';
    await kvs.set(trailChunkKey('MSP', 0), stored);
    await expect(h.invoke('verifyTrail', { cursor: '0.0.forged' })).rejects.toThrow('That is not a cursor this verification gave out; verify again from the start.');
  });

  it('exports the trail as CSV pages the browser joins: header once, one row an entry, formula cells neutralised', async () => {
    for (let n = 0; n < 4_100; n++) await recordDecision({ projectKey: 'MSP', actor: 'dan', action: 'waiver.apply', reason: n === 0 ? '=HYPERLINK("http://evil","x")' : `w${n}` });
    const pages: TrailExportPage[] = [];
    let cursor: string | undefined;
    do {
      const page: TrailExportPage = await h.invoke<TrailExportPage>('exportTrail', cursor ? { cursor } : {});
      pages.push(page);
      cursor = page.nextCursor;
    } while (cursor);
    expect(pages.length).toBe(2);
    const csv = pages.map((page) => page.csv).join('');
    const lines = csv.split('\r\n').filter(Boolean);
    expect(lines[0]).toBe('\uFEFFSeq,When (UTC),Who,Action,Checklist,Item,Issue,Before,After,Reason,Hash,Previous hash,Decision id,Recorded late (UTC)');
    expect(lines).toHaveLength(pages[0]!.total + 1);
    expect(pages.reduce((sum, page) => sum + page.rows, 0)).toBe(pages[0]!.total);
    expect(csv).toContain(`"'=HYPERLINK(""http://evil"",""x"")"`);
    expect(pages[0]!.fileName).toMatch(/^MSP-decision-trail-\d{4}-\d{2}-\d{2}\.csv$/);
  });

  it('lets a viewer read the trail and refuses someone who cannot browse the project', async () => {
    await expect(h.invoke<TrailPage>('getTrail', {}, { accountId: 'viewer' })).resolves.toMatchObject({ total: expect.any(Number) });
    await expect(h.invoke('getTrail', {}, { accountId: 'outsider' })).rejects.toThrow('You need the Browse projects permission in project MSP to read the decision trail.');
    await expect(h.invoke('verifyTrail', {}, { accountId: 'outsider' })).rejects.toThrow('to verify the decision trail');
    await expect(h.invoke('exportTrail', {}, { accountId: 'outsider' })).rejects.toThrow('to export the decision trail');
    await expect(onIssue('getItemHistory', keyOf.get('1.1')!, 'outsider')).rejects.toThrow(`You need the Browse projects permission on ${keyOf.get('1.1')!} to see its history.`);
  });
});

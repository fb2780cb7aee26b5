/**
 * The decision trail's storage on the local runtime's real KVS: appends in a constant number of KVS
 * operations, no fork under concurrent appends, a lost head write neither losing nor duplicating an
 * entry, and verify finding entries altered, removed or swapped directly in the store.
 */
import { chunkValues, type StoredChunk } from '../../src/trail/store';
import { kvs } from '@forge/kvs';
import type { TrailExportPage } from '../../common/contract';
import { appendEntry } from '../../src/trail/append';
import { buildEntry, ENTRY_MAX_BYTES, entryHash, SUMMARY_KEY, TRAIL_CHUNK_ENTRIES, type TrailEntry } from '../../src/trail/entry';
import { EXPORT_PAGE_BYTES, readExportPage, readItemHistory, readTrailPage } from '../../src/trail/read';
import { recordDecision, type DecisionInput } from '../../src/trail/record';
import { verifyProjectTrail } from '../../src/trail/verify';
import { trailChunkKey, trailHeadKey } from '../../src/storage/keys';
import { startHarness, type Harness } from './harness';

const P = 'MSP';
const decision = (n: number, extra: Partial<DecisionInput> = {}): DecisionInput => ({
  projectKey: P,
  actor: 'ana',
  action: 'assessment.set',
  checklistId: 'demo',
  itemId: `item-${n % 3}`,
  issueKey: `MSP-${(n % 3) + 1}`,
  before: { result: null },
  after: { result: 'met' },
  reason: `decision ${n}`,
  at: new Date(Date.UTC(2026, 0, 1, 0, 0, n)),
  ...extra,
});

describe('decision trail storage', () => {
  let h: Harness;
  /** KVS requests the app's code makes while `task` runs. */
  const kvsCalls = async <T>(task: () => Promise<T>): Promise<{ value: T; calls: number }> => {
    const runtime = h.runtime as unknown as { forgeFetch: (scope: unknown, target: { type: string }, ...rest: unknown[]) => Promise<Response> };
    const original = runtime.forgeFetch;
    let calls = 0;
    runtime.forgeFetch = (scope, target, ...rest) => {
      if (target.type === 'kvs') calls++;
      return original.call(h.runtime, scope, target, ...rest);
    };
    try {
      return { value: await task(), calls };
    } finally {
      runtime.forgeFetch = original;
    }
  };
  const append = async (from: number, to: number) => {
    for (let n = from; n <= to; n++) await recordDecision(decision(n));
  };
  // As stored (compressed or not), read back as the entries' array; the store reads either form back.
  const chunk = async (n: number) => chunkValues(await kvs.get<StoredChunk>(trailChunkKey(P, n))) as TrailEntry[];

  beforeEach(() => {
    h = startHarness();
  });
  afterEach(async () => {
    await h.close();
  });

  it('appends in the same number of KVS operations at entry 2 and at entry 201, and the chain verifies', async () => {
    await append(1, 1);
    const second = await kvsCalls(() => recordDecision(decision(2)));
    await append(3, 200);
    const later = await kvsCalls(() => recordDecision(decision(201)));
    expect(second.value.seq).toBe(2);
    expect(later.value.seq).toBe(201);
    // lock, head, chunk, two indexes, transaction, lock check, unlock (the query for pending
    // decisions is made at most once per grace period: by the first append here).
    expect(later.calls).toBe(second.calls);
    expect(later.calls).toBeLessThanOrEqual(8);
    const verdict = await verifyProjectTrail(P);
    expect(verdict).toMatchObject({ intact: true, entries: 201, breakCount: 0, lastHash: later.value.hash });
    expect(h.runtime.kvs.keys().filter((key) => key.startsWith('trail-chunk:MSP:'))).toHaveLength(Math.ceil(201 / TRAIL_CHUNK_ENTRIES));
  });

  it('never forks under 30 concurrent appends: 30 entries, numbered 1–30, one chain', async () => {
    const entries = await Promise.all(Array.from({ length: 30 }, (_, n) => recordDecision(decision(n + 1))));
    expect(entries.map((entry) => entry.seq).sort((a, b) => a - b)).toEqual(Array.from({ length: 30 }, (_, n) => n + 1));
    expect(await verifyProjectTrail(P)).toMatchObject({ intact: true, entries: 30 });
    expect(h.runtime.kvs.keys().filter((key) => key.startsWith('trail-lock:'))).toEqual([]);
  });

  describe('when the KVS answers the transaction with a 500', () => {
    /** Answers the next transaction with a 500, after committing it or without. */
    const failNextTransaction = (commit: boolean) => {
      const runtime = h.runtime as unknown as { forgeFetch: (scope: unknown, target: { type: string }, path: string, ...rest: unknown[]) => Promise<Response> };
      const original = runtime.forgeFetch;
      runtime.forgeFetch = async (scope, target, path, ...rest) => {
        if (target.type !== 'kvs' || path !== '/api/v1/transaction') return original.call(h.runtime, scope, target, path, ...rest);
        runtime.forgeFetch = original;
        if (commit) await original.call(h.runtime, scope, target, path, ...rest);
        return new Response(JSON.stringify({ code: 'INTERNAL_SERVER_ERROR', message: 'injected' }), { status: 500, headers: { 'content-type': 'application/json' } });
      };
    };

    it('after committing, the append reports its entry: nothing lost, nothing twice', async () => {
      await append(1, 3);
      failNextTransaction(true);
      const entry = await recordDecision(decision(4));
      expect(entry.seq).toBe(4);
      await recordDecision(decision(5));
      expect(await verifyProjectTrail(P)).toMatchObject({ intact: true, entries: 5 });
      expect(h.runtime.kvs.keys().filter((key) => key.startsWith('trail-lock:'))).toEqual([]);
    });

    it('before committing, the append fails and writes nothing; the next one takes its number', async () => {
      await append(1, 3);
      failNextTransaction(false);
      await expect(recordDecision(decision(4))).rejects.toThrow();
      const next = await recordDecision(decision(5));
      expect(next.seq).toBe(4);
      expect(await verifyProjectTrail(P)).toMatchObject({ intact: true, entries: 4 });
    });
  });

  describe('a decision with an id', () => {
    const withId = (n: number, id: string, late = false) => appendEntry(P, { ...decision(n), decisionId: id, ...(late ? { recordedAt: new Date(Date.UTC(2026, 0, 2)) } : {}) });

    it('is appended once, across a chunk boundary, by its own append or a late one', async () => {
      await append(1, TRAIL_CHUNK_ENTRIES - 1);
      const first = await withId(TRAIL_CHUNK_ENTRIES, 'd-1');
      expect(first.seq).toBe(TRAIL_CHUNK_ENTRIES);
      // The next entry would open a new chunk: the one before is looked at too.
      expect(await withId(TRAIL_CHUNK_ENTRIES, 'd-1')).toEqual(first);
      await append(TRAIL_CHUNK_ENTRIES + 1, TRAIL_CHUNK_ENTRIES + 10);
      // Ten entries later a late append still finds it; a decision's own append looks back only a few.
      expect(await withId(TRAIL_CHUNK_ENTRIES, 'd-1', true)).toEqual(first);
      expect(await verifyProjectTrail(P)).toMatchObject({ intact: true, entries: TRAIL_CHUNK_ENTRIES + 10 });
      const other = await withId(TRAIL_CHUNK_ENTRIES + 11, 'd-2');
      expect(other.seq).toBe(TRAIL_CHUNK_ENTRIES + 11);
      expect(other.decisionId).toBe('d-2');
    });
  });

  describe('when a chunk was written but its head was not', () => {
    it.each([
      ['inside a chunk', 3],
      ['at a chunk boundary', TRAIL_CHUNK_ENTRIES],
    ])('%s, the next append continues after the entry in the chunk: none lost, none twice', async (_case, count) => {
      await append(1, count);
      const head = await kvs.get(trailHeadKey(P));
      const orphan = await recordDecision(decision(count + 1));
      await kvs.set(trailHeadKey(P), head); // the head write of entry count + 1 "failed"
      const next = await recordDecision(decision(count + 2));
      expect(next).toMatchObject({ seq: count + 2, prev: orphan.hash });
      expect(await verifyProjectTrail(P)).toMatchObject({ intact: true, entries: count + 2 });
      const page = await readTrailPage(P, { limit: 3 });
      expect(page.entries.map((entry) => entry.reason)).toEqual([`decision ${count + 2}`, `decision ${count + 1}`, `decision ${count}`]);
    });
  });

  describe('verify, after the store was changed directly', () => {
    beforeEach(async () => {
      await append(1, 12);
    });

    it('finds one altered field of one entry, and a later append keeps the altered entry as it is', async () => {
      const stored = await chunk(0);
      stored[6]!.reason = 'approved by the CEO';
      await kvs.set(trailChunkKey(P, 0), stored);
      await recordDecision(decision(13));
      const verdict = await verifyProjectTrail(P);
      expect(verdict).toMatchObject({ intact: false, breakCount: 1, breaks: [{ seq: 7, problem: 'altered' }] });
      expect(verdict.breaks[0]!.message).toBe('Entry 7 was altered: its content no longer matches its hash.');
      expect((await chunk(0))[6]!.reason).toBe('approved by the CEO');
    });

    it('finds an entry altered and rehashed at the next entry, naming the one changed', async () => {
      const stored = await chunk(0);
      const { hash: _old, ...body } = { ...stored[6]!, after: { result: 'na' } };
      stored[6] = { ...body, hash: entryHash(body) };
      await kvs.set(trailChunkKey(P, 0), stored);
      expect(await verifyProjectTrail(P)).toMatchObject({
        intact: false,
        breaks: [{ seq: 8, problem: 'chain', message: 'Entry 8 does not follow from entry 7: entry 7 was changed (and its hash recomputed) or replaced.' }],
      });
    });

    it('finds a removed entry', async () => {
      const stored = await chunk(0);
      stored.splice(4, 1);
      await kvs.set(trailChunkKey(P, 0), stored);
      expect(await verifyProjectTrail(P)).toMatchObject({ intact: false, breaks: [{ seq: 5, problem: 'missing', message: 'Entry 5 is missing: it was removed.' }] });
    });

    it('finds two entries swapped', async () => {
      const stored = await chunk(0);
      [stored[3], stored[4]] = [stored[4]!, stored[3]!];
      await kvs.set(trailChunkKey(P, 0), stored);
      const verdict = await verifyProjectTrail(P);
      expect(verdict.intact).toBe(false);
      expect(verdict.breaks[0]).toMatchObject({ seq: 4, problem: 'reordered' });
    });

    it('finds the last entries cut off by the head that still counts them', async () => {
      const stored = await chunk(0);
      await kvs.set(trailChunkKey(P, 0), stored.slice(0, 10));
      expect(await verifyProjectTrail(P)).toMatchObject({ intact: false, breaks: [{ seq: 11, problem: 'head' }] });
    });

    it('finds a value that is not an entry', async () => {
      const stored: unknown[] = await chunk(0);
      stored[2] = 'gone';
      await kvs.set(trailChunkKey(P, 0), stored);
      const verdict = await verifyProjectTrail(P);
      expect(verdict.breaks.map((b) => [b.seq, b.problem])).toEqual([
        [3, 'damaged'],
        [3, 'missing'],
      ]);
    });
  });

  describe('verify in slices of two chunks, as a long trail is verified', () => {
    const sliced = () => verifyProjectTrail(P, new Date(), 2);
    beforeEach(async () => {
      await append(1, 5 * TRAIL_CHUNK_ENTRIES + 3);
    });

    it('gives the verdict the whole read gives', async () => {
      const whole = await verifyProjectTrail(P);
      expect(whole.intact).toBe(true);
      expect(await sliced()).toEqual({ ...whole, checkedAt: expect.any(String) });
    });

    it('finds two entries swapped across a chunk boundary', async () => {
      const [a, b] = [await chunk(1), await chunk(2)];
      [a[TRAIL_CHUNK_ENTRIES - 1], b[0]] = [b[0]!, a[TRAIL_CHUNK_ENTRIES - 1]!];
      await kvs.set(trailChunkKey(P, 1), a);
      await kvs.set(trailChunkKey(P, 2), b);
      // The first slice stops at the first problem it reads: entry 81 at the end of chunk 1.
      expect((await sliced()).breaks).toEqual([expect.objectContaining({ seq: 2 * TRAIL_CHUNK_ENTRIES + 1, problem: 'misplaced' })]);
    });

    it('finds the last entry of a slice altered and rehashed, at the first entry of the next slice', async () => {
      const stored = await chunk(1);
      const { hash: _old, ...body } = { ...stored[TRAIL_CHUNK_ENTRIES - 1]!, actor: 'mallory' };
      stored[TRAIL_CHUNK_ENTRIES - 1] = { ...body, hash: entryHash(body) };
      await kvs.set(trailChunkKey(P, 1), stored);
      expect((await sliced()).breaks).toEqual([expect.objectContaining({ seq: 2 * TRAIL_CHUNK_ENTRIES + 1, problem: 'chain' })]);
    });

    it('finds a whole chunk removed', async () => {
      await kvs.delete(trailChunkKey(P, 2));
      expect((await sliced()).breaks[0]).toMatchObject({ seq: 2 * TRAIL_CHUNK_ENTRIES + 1, problem: 'missing' });
    });

    it('finds entries beyond the head (a head rolled back)', async () => {
      await kvs.set(trailHeadKey(P), { count: 3 * TRAIL_CHUNK_ENTRIES, lastHash: (await chunk(2))[TRAIL_CHUNK_ENTRIES - 1]!.hash });
      expect((await sliced()).breaks).toEqual([expect.objectContaining({ seq: 3 * TRAIL_CHUNK_ENTRIES + 1, problem: 'head' })]);
    });
  });

  it('bounds an entry whatever it is given: long reason cut with a marker, large values summarised, hidden characters shown', async () => {
    const big = { evidence: Array.from({ length: 200 }, (_, n) => ({ title: `Runbook ${n}`, url: `https://intranet.example/${n}` })) };
    const entry = await recordDecision(
      decision(1, { reason: `ok\u202Egnp.exe ${'é'.repeat(5_000)}`, before: big, after: 'x'.repeat(10_000), actor: 'a'.repeat(1_000) }),
    );
    expect(Buffer.byteLength(JSON.stringify(entry))).toBeLessThanOrEqual(ENTRY_MAX_BYTES);
    expect(entry.reason).toMatch(/^ok\[U\+202E\]gnp\.exe é+ … \[\d+ more characters not kept in the trail\]$/);
    expect(entry.before).toMatchObject({ [SUMMARY_KEY]: expect.stringContaining('too large'), bytes: expect.any(Number), sha256: expect.stringMatching(/^[0-9a-f]{64}$/) });
    expect(entry.after).toMatchObject({ [SUMMARY_KEY]: expect.any(String) });
    expect(await verifyProjectTrail(P)).toMatchObject({ intact: true, entries: 1 });
  });

  it("reads one item's history through its index, touching only the chunks that hold it", async () => {
    for (let n = 1; n <= 6 * TRAIL_CHUNK_ENTRIES; n++) {
      const about = n % TRAIL_CHUNK_ENTRIES === 1 ? { issueKey: 'MSP-77', itemId: 'rare' } : {};
      await recordDecision(decision(n, about));
    }
    const { value: history, calls } = await kvsCalls(() => readItemHistory(P, { issueKey: 'MSP-77', item: { checklistId: 'demo', itemId: 'rare' } }));
    expect(history.entries.map((entry) => entry.seq)).toEqual([201, 161, 121, 81, 41, 1]);
    expect(history.total).toBe(6);
    // Two indexes and the six chunks that hold the item, not the whole trail.
    expect(calls).toBe(8);
  });

  it('cuts the CSV export into pages under 4 MB when entries are large, none lost', async () => {
    // Written chunk by chunk (as 1,800 appends would leave them), to keep the test quick.
    let prev = '';
    for (let chunkNo = 0; chunkNo < 45; chunkNo++) {
      const entries: TrailEntry[] = [];
      for (let i = 1; i <= TRAIL_CHUNK_ENTRIES; i++) {
        const seq = chunkNo * TRAIL_CHUNK_ENTRIES + i;
        const { projectKey: _p, ...input } = decision(seq, { reason: `${seq} ${'x'.repeat(2_000)}` });
        entries.push(buildEntry(input, seq, prev));
        prev = entries.at(-1)!.hash;
      }
      await kvs.set(trailChunkKey(P, chunkNo), entries);
    }
    await kvs.set(trailHeadKey(P), { count: 45 * TRAIL_CHUNK_ENTRIES, lastHash: prev });
    expect(await verifyProjectTrail(P)).toMatchObject({ intact: true });
    const pages: TrailExportPage[] = [];
    let cursor: number | undefined = 0;
    while (cursor !== undefined) {
      const page = await readExportPage(P, cursor, 'trail.csv');
      pages.push(page);
      cursor = page.nextCursor === undefined ? undefined : Number(page.nextCursor);
    }
    expect(pages.length).toBe(2);
    for (const page of pages) expect(Buffer.byteLength(page.csv)).toBeLessThanOrEqual(EXPORT_PAGE_BYTES);
    const seqs = pages.flatMap((page) => page.csv.split('\r\n').slice(page === pages[0] ? 1 : 0).filter(Boolean).map((line) => Number(line.split(',')[0])));
    expect(seqs).toEqual(Array.from({ length: 45 * TRAIL_CHUNK_ENTRIES }, (_, i) => i + 1));
  });
});

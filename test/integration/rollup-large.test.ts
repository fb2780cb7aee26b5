/**
 * getRollup on a 5,000-item custom checklist, on the local runtime: the first read without a delta
 * to build on (the cold read, src/rollup/cold-read.ts) costs ≤ 8 Jira calls with the full read's
 * figures, the warm open is served from the KVS cache with no Jira search and the same figures (in
 * one value, or in chunks when they are made small), and an issue change still makes the cache stale.
 * Last, with evidence on every item (a project near its audit): still ≤ 8 calls, the full read's figures.
 */
import type { Rollup } from '../../common/contract';
import { rollupBaseKey } from '../../src/storage/keys';
import { generatedChecklist, registerChecklist } from './checklists';
import { startHarness, type Harness } from './harness';
import { evidenceValue, type EvidenceEntry } from '../../src/domain/evidence';
import { verdictValue } from '../../src/domain/evidence-verdict';
import { storeValues } from './cold-read';

const ITEMS = 5000;
const CHAPTERS = 50;

interface KvsCall {
  path: string;
  key?: string;
}
type ForgeFetch = (target: { type?: string }, path: string, init?: { body?: unknown }) => Promise<Response>;

/** Records the KVS calls the app makes, at the platform boundary the real @forge/kvs calls. */
function recordKvs(): { calls: KvsCall[]; restore(): void } {
  const g = globalThis as { __forge_fetch__?: ForgeFetch };
  const original = g.__forge_fetch__;
  if (!original) throw new Error('the local runtime has not installed __forge_fetch__');
  const calls: KvsCall[] = [];
  g.__forge_fetch__ = (target, path, init) => {
    if (target.type === 'kvs') {
      const body: unknown = typeof init?.body === 'string' ? JSON.parse(init.body) : undefined;
      calls.push({ path, ...(typeof body === 'object' && body !== null && 'key' in body ? { key: String(body.key) } : {}) });
    }
    return original(target, path, init);
  };
  return { calls, restore: () => void (g.__forge_fetch__ = original) };
}

const cacheReads = (calls: KvsCall[]): string[] =>
  calls.filter((call) => call.path === '/api/v1/get' && /^rollup(-chunk)?:/.test(call.key ?? '')).map((call) => call.key ?? '');
const searches = (h: Harness): number => h.appRequests().filter((request) => request.path === '/rest/api/3/search/jql' && request.actor === 'app').length;
/** The caller's ids-and-keys search that tells which item issues they can see (one page up to 5,000). */
const visibilitySearches = (h: Harness): number => h.appRequests().filter((request) => request.path === '/rest/api/3/search/jql' && request.actor !== 'app').length;
/** `refresh` is honoured only for a cache 30 s old: move the clock on instead of waiting. */
const realNow = Date.now;
let clockOffset = 0;
const later = (ms: number): void => {
  clockOffset += ms;
};
/** What the page shows, without how it was served. */
const figures = ({ from: _from, ...rest }: Rollup): Omit<Rollup, 'from'> => rest;

describe(`getRollup of ${ITEMS.toLocaleString('en-US')} items`, () => {
  let h: Harness;
  let kvs: ReturnType<typeof recordKvs>;
  const def = generatedChecklist({ id: 'large-1.0', items: ITEMS, chapters: CHAPTERS });

  beforeAll(async () => {
    Date.now = () => realNow() + clockOffset;
    h = startHarness();
    await registerChecklist(def);
    await expect(h.importChecklist(def.id)).resolves.toMatchObject({ state: 'done', created: ITEMS });
    // Some work on the items, so the figures are not all zero: chapter 1's first items done.
    const first = (await h.invoke<Rollup>('getRollup', { checklistId: def.id })).items.filter((item) => item.chapterId === 'C1').slice(0, 12);
    for (const item of first) await h.transition(item.issueKey!, 'Done');
    await h.runtime.idle();
    kvs = recordKvs();
  }, 120_000);
  afterAll(async () => {
    Date.now = realNow;
    kvs.restore();
    delete process.env.MSP_ROLLUP_CHUNK_BYTES;
    await h.close();
  });
  beforeEach(() => {
    h.emulator.clearRequests();
    h.runtime.clearInvocations();
    kvs.calls.length = 0;
  });

  /** A read from Jira with no delta to build on (refresh, the base record gone): cold, or full with `MSP_ROLLUP_COLD_MIN_ITEMS=Infinity`. */
  async function readJira(): Promise<Rollup> {
    later(31_000);
    h.runtime.kvs.delete(rollupBaseKey('MSP', def.id));
    h.emulator.clearRequests();
    const rollup = await h.invoke<Rollup>('getRollup', { checklistId: def.id, refresh: true });
    expect(rollup.from).toBe('jira');
    return rollup;
  }

  /** Cold read (refresh), then a warm open: the two rollups and the warm open's cache reads. */
  async function coldThenWarm(): Promise<{ cold: Rollup; warm: Rollup; warmCacheReads: string[] }> {
    const cold = await readJira();
    // mypermissions, the caller's visibility search, and the cold read's 6 searches.
    expect(h.appRequests().length).toBeLessThanOrEqual(8);
    expect(cold.items.filter((item) => item.issueKey !== undefined)).toHaveLength(ITEMS);

    h.emulator.clearRequests();
    kvs.calls.length = 0;
    const warm = await h.invoke<Rollup>('getRollup', { checklistId: def.id });
    expect(warm.from).toBe('cache');
    expect(searches(h)).toBe(0);
    expect(h.appRequests().map((request) => `${request.method} ${request.path}`)).toEqual(['GET /rest/api/3/mypermissions', 'POST /rest/api/3/search/jql']);
    expect(visibilitySearches(h)).toBe(1);
    expect(h.appRequests().length).toBeLessThanOrEqual(Math.ceil(ITEMS / 100) + 2);
    expect(figures(warm)).toEqual(figures(cold));
    return { cold, warm, warmCacheReads: cacheReads(kvs.calls) };
  }

  it('opens from one cached value, with no app search (only the visibility one) and the same figures', async () => {
    const { cold, warmCacheReads } = await coldThenWarm();
    expect(cold.counts).toMatchObject({ met: 12, total: ITEMS });
    // ~25 bytes an item (it varies a little with the issue ids and dates the run produces): what
    // matters is that 5,000 items fit the header value itself, one block.
    expect(warmCacheReads).toEqual(['rollup:MSP:large-1.0']);
    const header = h.runtime.kvs.get('rollup:MSP:large-1.0') as { blocks: number; count: number; bytes: number };
    expect(header).toMatchObject({ blocks: 1, count: ITEMS });
    expect(header.bytes / ITEMS).toBeLessThan(28);
  });

  it('reads cold in ≤ 8 Jira calls with the figures of the full read (ceil(N/100) + 2 calls)', async () => {
    const coldStarted = realNow();
    const cold = await readJira();
    const coldMs = realNow() - coldStarted;
    const coldCalls = h.appRequests().length;
    try {
      const fullStarted = realNow();
      process.env.MSP_ROLLUP_COLD_MIN_ITEMS = 'Infinity';
      const full = await readJira();
      if (process.env.MSP_PRINT_TIMES) console.log(`5,000 items: cold ${coldCalls} calls, ${coldMs} ms; full ${h.appRequests().length} calls, ${realNow() - fullStarted} ms`);
      expect(h.appRequests().length).toBe(Math.ceil(ITEMS / 100) + 2);
      expect({ ...figures(cold), computedAt: full.computedAt }).toEqual(figures(full));
    } finally {
      delete process.env.MSP_ROLLUP_COLD_MIN_ITEMS;
    }
    expect(coldCalls).toBeLessThanOrEqual(8);
  });

  it('opens from chunks of one generation when the states need several values, and drops the old ones', async () => {
    process.env.MSP_ROLLUP_CHUNK_BYTES = String(8 * 1024);
    try {
      const before = h.runtime.kvs.keys().filter((key) => key.startsWith('rollup-chunk:'));
      const { warmCacheReads } = await coldThenWarm();
      const header = h.runtime.kvs.get('rollup:MSP:large-1.0') as { generation: string; blocks: number; bytes: number };
      expect(header.blocks).toBeGreaterThan(5);
      // One value a block (the header holds the first), no more: ≤ ceil(bytes / 240 KiB) + 1 at real sizes.
      expect(warmCacheReads).toHaveLength(header.blocks);
      expect(warmCacheReads.slice(1).every((key) => key.includes(`:${header.generation}:`))).toBe(true);
      const chunkKeys = h.runtime.kvs.keys().filter((key) => key.startsWith('rollup-chunk:'));
      expect(chunkKeys).toHaveLength(header.blocks - 1);
      expect(chunkKeys.some((key) => before.includes(key))).toBe(false);

      // A second cold read is a new generation; the previous one's chunks are deleted.
      await readJira();
      const next = h.runtime.kvs.get('rollup:MSP:large-1.0') as { generation: string; blocks: number };
      expect(next.generation).not.toBe(header.generation);
      expect(h.runtime.kvs.keys().filter((key) => key.startsWith('rollup-chunk:'))).toHaveLength(next.blocks - 1);
      expect(h.runtime.kvs.keys().some((key) => key.includes(`:${header.generation}:`))).toBe(false);
    } finally {
      delete process.env.MSP_ROLLUP_CHUNK_BYTES;
    }
  });

  it('re-reads Jira after an audit issue changes, without rewriting the cache to mark it stale', async () => {
    process.env.MSP_ROLLUP_CHUNK_BYTES = String(8 * 1024);
    try {
      const { cold } = await coldThenWarm();
      const header = h.runtime.kvs.get('rollup:MSP:large-1.0');
      const open = cold.items.find((item) => item.chapterId === 'C2' && item.result !== 'met')!;

      kvs.calls.length = 0;
      await h.transition(open.issueKey!, 'Done');
      await h.runtime.idle();
      expect(h.runtime.invocations().filter((record) => record.kind === 'trigger').map((record) => record.outcome)).toEqual(['ok']);
      // The trigger wrote only the project's change time: no chunk or header rewritten.
      expect(kvs.calls.filter((call) => call.path === '/api/v1/set').map((call) => call.key)).toEqual(['rollup-dirty:MSP']);
      expect(h.runtime.kvs.get('rollup:MSP:large-1.0')).toEqual(header);

      h.emulator.clearRequests();
      const fresh = await h.invoke<Rollup>('getRollup', { checklistId: def.id });
      expect(fresh).toMatchObject({ from: 'jira', counts: { met: cold.counts.met + 1 } });
      expect(fresh.items.find((item) => item.id === open.id)).toMatchObject({ result: 'met' });
      // A delta on the cold read, or a cold read again (every item changed within the index-lag margin of the import): never ceil(N/100).
      expect(searches(h)).toBeLessThanOrEqual(8);

      h.emulator.clearRequests();
      const again = await h.invoke<Rollup>('getRollup', { checklistId: def.id });
      expect(again.from).toBe('cache');
      expect(searches(h)).toBe(0);
      expect(figures(again)).toEqual(figures(fresh));
    } finally {
      delete process.env.MSP_ROLLUP_CHUNK_BYTES;
    }
  });

  it('with evidence on every item, reads cold in ≤ 8 Jira calls with the full read\'s figures and risks', async () => {
    const day = (n: number): string => new Date(realNow() + n * 86_400_000).toISOString().slice(0, 10);
    const entry = (expiryDate: string): EvidenceEntry => ({
      id: 'ev-1', kind: 'link', title: 'Proof', url: 'https://intranet.example/proof', addedAt: '2026-01-01T00:00:00.000Z', addedBy: 'admin', expiryDate, reviewState: 'accepted', reviewer: 'lead', reviewedAt: '2026-01-02T00:00:00.000Z',
    });
    const keys = (await h.invoke<Rollup>('getRollup', { checklistId: def.id })).items.map((item) => item.issueKey!);
    // Accepted and in force for a year; every 100th expiring within 30 days (a risk, read with its fields).
    await storeValues(h, new Map(keys.map((key, i) => [key, verdictValue(evidenceValue([entry(i % 100 === 0 ? day(10) : day(365))]), undefined)])));
    await h.runtime.idle();
    const coldStarted = realNow();
    const cold = await readJira();
    const coldMs = realNow() - coldStarted;
    const coldCalls = h.appRequests().length;
    try {
      process.env.MSP_ROLLUP_COLD_MIN_ITEMS = 'Infinity';
      const fullStarted = realNow();
      const full = await readJira();
      if (process.env.MSP_PRINT_TIMES) console.log(`5,000 items with evidence: cold ${coldCalls} calls, ${coldMs} ms; full ${h.appRequests().length} calls, ${realNow() - fullStarted} ms`);
      expect({ ...figures(cold), computedAt: full.computedAt }).toEqual(figures(full));
      expect(full.risks.filter((risk) => risk.kind === 'evidence-expiring')).toHaveLength(ITEMS / 100);
    } finally {
      delete process.env.MSP_ROLLUP_COLD_MIN_ITEMS;
    }
    expect(coldCalls).toBeLessThanOrEqual(8);
  });
});

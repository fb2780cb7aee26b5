/**
 * The cache in KVS: one value when the states fit, a header and chunks of one generation when they
 * do not; readers never mix generations, and old chunks go after the switch.
 */
import { MAX_BLOCKS, readBlocks, writeBlocks } from '../../../src/rollup/cache-chunks';
import { packStates } from '../../../src/rollup/cache-pack';
import { type StateBlock } from '../../../src/rollup/cache-codec';
import { readCachedStates, writeCachedStates } from '../../../src/rollup/cache';
import type { EvidenceDigest } from '../../../src/domain/evidence-digest';
import type { ItemRead } from '../../../src/platform/item-states';
import { decompressBlock } from '../../../src/rollup/cache-compress';
import { rollupCacheKey, rollupChunkKey } from '../../../src/storage/keys';
import { fakeStore, type FakeStore } from './fake-store';

const T0 = Date.parse('2026-03-01T09:00:00.000Z');
const HEADER = rollupCacheKey('MSP', 'cl-1.0');

function states(count: number, status = 'To Do'): ItemRead[] {
  return Array.from({ length: count }, (_, i) => ({
    itemId: `${Math.floor(i / 40) + 1}.${(i % 40) + 1}`,
    issueKey: `MSP-${i + 1}`,
    statusCategory: status === 'Done' ? 'done' : 'new',
    statusName: status,
    resolution: status === 'Done' ? 'Done' : null,
    assessment: null,
    updatedAt: new Date(T0 + i * 1000).toISOString(),
  }));
}

/** Blocks of at most 2 KiB: ~90 items each. */
const blocksOf = (list: ItemRead[]): StateBlock[] => packStates('MSP', list, new Map(), 2048)!;
const chunkKeys = (store: FakeStore): string[] => [...store.values.keys()].filter((key) => key.startsWith('rollup-chunk:')).sort();
const generationOf = (store: FakeStore): string => (store.values.get(HEADER) as { generation: string }).generation;

describe('rollup cache chunks', () => {
  let store: FakeStore;
  let info: jest.SpyInstance;
  beforeEach(() => {
    store = fakeStore();
    info = jest.spyOn(console, 'info').mockImplementation(() => undefined);
  });
  afterEach(() => {
    info.mockRestore();
    delete process.env.MSP_ROLLUP_CHUNK_BYTES;
  });

  it('keeps states that fit one value in the header alone: one write, one read', async () => {
    const blocks = blocksOf(states(50));
    expect(blocks).toHaveLength(1);
    await expect(writeBlocks('MSP', 'cl-1.0', T0, blocks, store)).resolves.toMatchObject({ blocks: 1 });
    expect([...store.values.keys()]).toEqual([HEADER]);
    store.log = [];
    await expect(readBlocks('MSP', 'cl-1.0', store)).resolves.toMatchObject({ readAt: T0, blocks });
    expect(store.log).toEqual([`get ${HEADER}`]);
  });

  it('writes the chunks of a new generation before the header names it, and reads one value a block', async () => {
    const blocks = blocksOf(states(1000));
    expect(blocks.length).toBeGreaterThan(5);
    const written = (await writeBlocks('MSP', 'cl-1.0', T0, blocks, store))!;
    expect(written.blocks).toBe(blocks.length);
    const sets = store.log.filter((line) => line.startsWith('set '));
    expect(sets.at(-1)).toBe(`set ${HEADER}`);
    // Block 0 rides in the header; blocks 1… are chunks.
    expect(sets.slice(0, -1).sort()).toEqual(blocks.slice(1).map((_, i) => `set ${rollupChunkKey('MSP', 'cl-1.0', written.generation, i + 1)}`).sort());
    expect(store.values.get(HEADER)).toMatchObject({ generation: written.generation, readAt: T0, blocks: blocks.length, count: 1000 });
    // Stored compressed (cache-compress.ts): smaller than the block's JSON, and the block again when decoded.
    const stored = (store.values.get(HEADER) as { states: { z: string } }).states;
    expect(JSON.stringify(stored).length).toBeLessThan(JSON.stringify(blocks[0]).length / 2);
    expect(decompressBlock(stored)).toEqual(blocks[0]);

    store.log = [];
    const read = (await readBlocks('MSP', 'cl-1.0', store))!;
    expect(read.blocks).toEqual(blocks);
    expect(store.log).toHaveLength(blocks.length);
    expect(store.log[0]).toBe(`get ${HEADER}`);
  });

  it('deletes the previous generation after the switch, so only the current chunks remain', async () => {
    const first = (await writeBlocks('MSP', 'cl-1.0', T0, blocksOf(states(1000)), store))!;
    const second = (await writeBlocks('MSP', 'cl-1.0', T0 + 1, blocksOf(states(500, 'Done')), store))!;
    expect(second.generation).not.toBe(first.generation);
    expect(chunkKeys(store)).toEqual(Array.from({ length: second.blocks - 1 }, (_, i) => rollupChunkKey('MSP', 'cl-1.0', second.generation, i + 1)).sort());
    const headerSet = store.log.lastIndexOf(`set ${HEADER}`);
    expect(store.log.findIndex((line) => line.startsWith('delete '))).toBeGreaterThan(headerSet);
    // Back to one value: the chunks go too.
    await writeBlocks('MSP', 'cl-1.0', T0 + 2, blocksOf(states(10)), store);
    expect(chunkKeys(store)).toEqual([]);
  });

  describe('when a chunk is not the one the header names', () => {
    let generation: string;
    beforeEach(async () => {
      generation = (await writeBlocks('MSP', 'cl-1.0', T0, blocksOf(states(1000)), store))!.generation;
    });

    it('treats a missing chunk as a stale cache', async () => {
      store.values.delete(rollupChunkKey('MSP', 'cl-1.0', generation, 3));
      await expect(readBlocks('MSP', 'cl-1.0', store)).resolves.toBeUndefined();
      expect(info).toHaveBeenCalledWith(expect.stringContaining('block 3 of'));
    });

    it('treats a chunk of another generation, in another place or damaged as a stale cache', async () => {
      const key = rollupChunkKey('MSP', 'cl-1.0', generation, 2);
      store.values.set(key, { ...(store.values.get(key) as object), generation: 'other-gen' });
      await expect(readBlocks('MSP', 'cl-1.0', store)).resolves.toBeUndefined();
      store.values.set(key, { ...(store.values.get(key) as object), generation, index: 1 });
      await expect(readBlocks('MSP', 'cl-1.0', store)).resolves.toBeUndefined();
      store.values.set(key, { ...(store.values.get(key) as object), index: 2, states: { ids: 'damaged' } });
      await expect(readBlocks('MSP', 'cl-1.0', store)).resolves.toBeUndefined();
    });
  });

  it('never mixes generations when a writer switches and cleans up while a reader is between header and chunks', async () => {
    await writeBlocks('MSP', 'cl-1.0', T0, blocksOf(states(1000)), store);
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    let readerPaused!: () => void;
    const paused = new Promise<void>((resolve) => (readerPaused = resolve));
    let writing = false;
    store.before = async (op, key) => {
      if (!writing && op === 'get' && key.startsWith('rollup-chunk:')) {
        readerPaused();
        await gate;
      }
    };
    const reading = readBlocks('MSP', 'cl-1.0', store);
    await paused;
    writing = true;
    await writeBlocks('MSP', 'cl-1.0', T0 + 1, blocksOf(states(1000, 'Done')), store);
    writing = false;
    release();
    // The old generation's chunks are gone: the reader recomputes rather than mixing.
    await expect(reading).resolves.toBeUndefined();
    const fresh = (await readBlocks('MSP', 'cl-1.0', store))!;
    expect(fresh.readAt).toBe(T0 + 1);
    expect(fresh.blocks.every((block) => block.kinds.every((kind) => kind[1] === 'Done'))).toBe(true);
  });

  it('leaves the previous cache whole when a chunk write fails before the switch', async () => {
    const first = (await writeBlocks('MSP', 'cl-1.0', T0, blocksOf(states(1000)), store))!;
    store.before = (op, key) => {
      if (op === 'set' && key.endsWith(':0002') && !key.includes(first.generation)) throw new Error('RATE_LIMIT');
    };
    await expect(writeBlocks('MSP', 'cl-1.0', T0 + 1, blocksOf(states(1000, 'Done')), store)).rejects.toThrow('RATE_LIMIT');
    store.before = undefined;
    expect(generationOf(store)).toBe(first.generation);
    await expect(readBlocks('MSP', 'cl-1.0', store)).resolves.toMatchObject({ readAt: T0, generation: first.generation });
  });

  it('still switches when deleting old chunks fails (they expire on their own)', async () => {
    await writeBlocks('MSP', 'cl-1.0', T0, blocksOf(states(1000)), store);
    store.before = (op) => {
      if (op === 'delete') throw new Error('KVS unavailable');
    };
    const second = (await writeBlocks('MSP', 'cl-1.0', T0 + 1, blocksOf(states(1000, 'Done')), store))!;
    expect(generationOf(store)).toBe(second.generation);
    expect(info).toHaveBeenCalledWith(expect.stringContaining('not deleted'));
  });

  it(`writes nothing for more than ${MAX_BLOCKS} blocks`, async () => {
    const many = blocksOf(states(3000));
    expect(many.length).toBeGreaterThan(MAX_BLOCKS);
    await expect(writeBlocks('MSP', 'cl-1.0', T0, many, store)).resolves.toBeUndefined();
    expect(store.values.size).toBe(0);
  });

  it('reads a cache of the older one-value format as absent, and replaces it', async () => {
    store.values.set(HEADER, { readAt: T0, states: [['1.1', 'MSP-1', 'done', 'Done', 'Done', null, null, T0]] });
    await expect(readCachedStates('MSP', 'cl-1.0', store)).resolves.toBeUndefined();
    await writeCachedStates('MSP', 'cl-1.0', T0, states(3), new Map(), store);
    await expect(readCachedStates('MSP', 'cl-1.0', store)).resolves.toMatchObject({ readAt: T0, states: states(3) });
  });
});

describe('readCachedStates / writeCachedStates', () => {
  afterEach(() => {
    delete process.env.MSP_ROLLUP_CHUNK_BYTES;
  });

  it.each([
    ['one value', undefined, 1],
    ['values of 4 KiB', '4096', 4],
  ])('round-trips 1,000 states with evidence in %s', async (_case, chunkBytes, minBlocks) => {
    if (chunkBytes !== undefined) process.env.MSP_ROLLUP_CHUNK_BYTES = chunkBytes;
    const store = fakeStore();
    const info = jest.spyOn(console, 'info').mockImplementation(() => undefined);
    const list = states(1000);
    const evidence = new Map<string, EvidenceDigest>([['3.7', [['ev-1', 'Policy', 'accepted', null, '2027-01-01']]]]);
    expect(await writeCachedStates('MSP', 'cl-1.0', T0, list, evidence, store)).toBe(true);
    const header = store.values.get(HEADER) as { blocks: number };
    expect(header.blocks).toBeGreaterThanOrEqual(minBlocks);
    if (minBlocks === 1) expect(header.blocks).toBe(1);
    const read = await readCachedStates('MSP', 'cl-1.0', store);
    expect(read).toEqual({ readAt: T0, states: list, evidence, read: { generation: generationOf(store), blocks: header.blocks } });
    // Written again by the one who read it: no second read of the header, and the old chunks are swept.
    store.log.length = 0;
    expect(await writeCachedStates('MSP', 'cl-1.0', T0 + 1, list, evidence, store, read!.read)).toBe(true);
    expect(store.log.filter((entry) => entry.startsWith('get '))).toEqual([]);
    expect([...store.values.keys()].filter((key) => key.startsWith('rollup-chunk:')).every((key) => key.includes(generationOf(store)))).toBe(true);
    await expect(readCachedStates('MSP', 'cl-1.0', store)).resolves.toMatchObject({ readAt: T0 + 1, states: list });
    info.mockRestore();
  });
});

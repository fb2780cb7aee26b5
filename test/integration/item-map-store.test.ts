/**
 * The item map in KVS: 5,000 items (~250 KB) outgrow one value, so the map is stored in pieces of one
 * generation behind a header; a save switches generations atomically and drops the old pieces.
 */
import { generatedChecklist, registerChecklist } from './checklists';
import { startHarness, type Harness } from './harness';
import { decompressText } from '../../src/storage/compress';
import { writeValue } from '../../src/storage/kvs';
import { itemMapChunkKey } from '../../src/storage/keys';
import type { Rollup } from '../../common/contract';

describe('the item map in storage', () => {
  let h: Harness;
  beforeEach(() => {
    h = startHarness();
  });
  afterEach(async () => {
    delete process.env.MSP_ITEM_MAP_PIECE_CHARS;
    await h.close();
  });

  it('is cut into pieces when it outgrows a value, and reads back whole', async () => {
    // 300 items of ~45 characters each, compressed to ~1,400 characters, in pieces of 200: seven or so.
    process.env.MSP_ITEM_MAP_PIECE_CHARS = '200';
    const def = generatedChecklist({ id: 'pieces-1.0', items: 300, chapters: 6 });
    await registerChecklist(def);
    expect(await h.importChecklist(def.id)).toMatchObject({ state: 'done', created: 300 });
    const keys = h.runtime.kvs.keys();
    const header = keys.filter((key) => key.startsWith('item-map:'));
    const pieces = keys.filter((key) => key.startsWith('item-map-chunk:'));
    expect(header).toHaveLength(1);
    expect(pieces.length).toBeGreaterThan(3);
    // One generation only: the saves after each bulk call dropped the pieces of the one before.
    expect(new Set(pieces.map((key) => key.split(':')[3])).size).toBe(1);
    expect(keys.filter((key) => key.startsWith('item-map-pending:'))).toEqual([]);
    // Every item is scored from its mapped issue, so the map read back whole.
    const rollup = await h.invoke<Rollup>('getRollup', { checklistId: def.id, refresh: true });
    expect(rollup.items.filter((item) => item.issueKey !== undefined)).toHaveLength(300);
    expect(rollup.unclaimed).toBeUndefined();
  });

  it('still reads a map stored as plain JSON (format 1, before compression)', async () => {
    const def = generatedChecklist({ id: 'plain-1.0', items: 40, chapters: 2 });
    await registerChecklist(def);
    expect(await h.importChecklist(def.id)).toMatchObject({ state: 'done', created: 40 });
    const key = h.runtime.kvs.keys().find((name) => name.startsWith('item-map:'))!;
    const stored = h.runtime.kvs.get(key) as { format: number; generation: string; pieces: number; piece: string };
    // Saved today: an empty piece 0 in the header (the header alone names the generation), the map in piece 1.
    expect(stored).toMatchObject({ format: 2, pieces: 2, piece: '' });
    const chunk = h.runtime.kvs.get(itemMapChunkKey('MSP', def.framework, stored.generation, 1)) as { piece: string };
    const json = decompressText(chunk.piece)!;
    expect(JSON.parse(json)).toBeTruthy();
    // As a map was stored before both changes: the whole map, uncompressed, in the header.
    await writeValue(key, { ...stored, format: 1, pieces: 1, piece: json });
    const rollup = await h.invoke<Rollup>('getRollup', { checklistId: def.id, refresh: true });
    expect(rollup.items.filter((item) => item.issueKey !== undefined)).toHaveLength(40);
    expect(rollup.unclaimed).toBeUndefined();
  });
});

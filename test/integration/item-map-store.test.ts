/**
 * The item map in KVS: 5,000 items (~250 KB) outgrow one value, so the map is stored in pieces of one
 * generation behind a header; a save switches generations atomically and drops the old pieces.
 */
import { generatedChecklist, registerChecklist } from './checklists';
import { startHarness, type Harness } from './harness';
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
    // 300 items of ~45 characters each in pieces of 2,000 characters: seven pieces or so.
    process.env.MSP_ITEM_MAP_PIECE_CHARS = '2000';
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
});

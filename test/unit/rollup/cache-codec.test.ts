/** The compact form of cached states: exact round trips, blocks within their limit, and bytes per item. */
import { syntheticChecklist } from '../../../bench/checklists';
import { packStates } from '../../../src/rollup/cache-pack';
import { stateBlockSchema, unpackStates, type StateBlock } from '../../../src/rollup/cache-codec';
import type { EvidenceDigest } from '../../../src/domain/evidence-digest';
import type { ItemRead } from '../../../src/platform/item-states';
import { jsonBytes } from '../../../src/storage/kvs';

const T0 = Date.parse('2026-03-01T09:00:00.000Z');
const LIMIT = 200 * 1024 - 256;

/** Items of the 5,000-item bench checklist as the rollup reads them after some work on them. */
function benchStates(count: number, spreadMs: number): ItemRead[] {
  return syntheticChecklist(count, 50).items.map((item, i) => ({
    itemId: item.id,
    issueKey: `MSP-${i + 51}`,
    statusCategory: (['new', 'indeterminate', 'done'] as const)[i % 3],
    statusName: ['To Do', 'In Progress', 'Done'][i % 3],
    resolution: i % 3 === 2 ? 'Done' : null,
    assessment: i % 17 === 0 ? 'na' : null,
    updatedAt: new Date(T0 + ((i * 7919) % spreadMs)).toISOString(),
  }));
}

const digest = (id: string, title = 'Patch policy'): EvidenceDigest => [[id, title, 'accepted', '2026-01-01', null]];
const totalBytes = (blocks: StateBlock[]): number => blocks.reduce((sum, block) => sum + jsonBytes(block), 0);

describe('packStates / unpackStates', () => {
  const awkward: ItemRead[] = [
    { itemId: '1.1', issueKey: 'MSP-7', statusCategory: 'done', statusName: 'Done', resolution: 'Done', assessment: null, updatedAt: '2026-03-01T09:00:00.123Z' },
    // Keys that are not PROJ + a canonical number are kept whole.
    { itemId: '1.2', issueKey: 'OLD-12', statusCategory: 'new', statusName: 'To Do', resolution: null, assessment: 'not_met', updatedAt: '2026-02-01T00:00:00.000Z' },
    // The justification of an N/A is kept: a delta read keeps unchanged items from the cache.
    { itemId: '1.3', issueKey: 'MSP-012', resolution: null, assessment: 'na', assessmentJustification: 'We run no customer workloads.' },
    { itemId: 'ünïcode "quoted"', issueKey: 'MSP-99999', statusCategory: 'indeterminate', statusName: 'In Review', resolution: null, assessment: 'met', updatedAt: '2027-01-01T00:00:00.000Z' },
    // A second issue of 1.1: scoring uses the first, so only the first carries the evidence.
    { itemId: '1.1', issueKey: 'MSP-8', statusCategory: 'new', statusName: 'To Do', resolution: null, assessment: null },
    { itemId: '2.1', resolution: null, assessment: null },
  ];
  const evidence = new Map([
    ['1.1', digest('ev-1')],
    ['2.1', digest('ev-2', 'Runbook')],
  ]);

  it('reads back exactly the states and evidence it was given, in order', () => {
    const blocks = packStates('MSP', awkward, evidence, LIMIT)!;
    expect(blocks).toHaveLength(1);
    const back = unpackStates(blocks.map((block) => stateBlockSchema.parse(JSON.parse(JSON.stringify(block)))));
    expect(back.states).toEqual(awkward);
    expect(back.evidence).toEqual(evidence);
    // The digest is stored once, with the first issue of the item.
    expect(Object.keys(blocks[0]!.evidence)).toEqual(['0', '5']);
  });

  it('keeps order and evidence across many small blocks, each within the limit', () => {
    const states = benchStates(600, 86_400_000);
    const withEvidence = new Map(states.filter((_, i) => i % 10 === 0).map((state) => [state.itemId, digest(`ev-${state.itemId}`)]));
    const blocks = packStates('MSP', states, withEvidence, 2048)!;
    expect(blocks.length).toBeGreaterThan(5);
    for (const block of blocks) expect(jsonBytes(block)).toBeLessThanOrEqual(2048);
    // Greedy packing: blocks are nearly full, so there are not many more than the bytes need.
    expect(blocks.length).toBeLessThanOrEqual(Math.ceil(totalBytes(blocks) / (2048 - 120)));
    const back = unpackStates(blocks);
    expect(back.states).toEqual(states);
    expect(back.evidence).toEqual(withEvidence);
  });

  it('answers undefined when one item alone cannot fit a value', () => {
    const huge = new Map([['1.1', digest('ev-1', 'x'.repeat(5000))]]);
    expect(packStates('MSP', [{ itemId: '1.1', issueKey: 'MSP-1', resolution: null, assessment: null }], huge, 2048)).toBeUndefined();
  });

  it('packs no states as one empty block', () => {
    const blocks = packStates('MSP', [], new Map(), LIMIT)!;
    expect(blocks).toHaveLength(1);
    expect(unpackStates(blocks).states).toEqual([]);
  });

  describe('at the sizes the app supports', () => {
    it.each([
      ['just imported (updated within an hour)', 3_600_000, 23],
      ['worked on for 200 days', 200 * 86_400_000, 25],
    ])('fits 5,000 items in one value when %s', (_case, spread, maxBytesPerItem) => {
      const states = benchStates(5000, spread);
      const blocks = packStates('MSP', states, new Map(), LIMIT)!;
      const bytes = totalBytes(blocks);
      expect(blocks).toHaveLength(1);
      expect(bytes / states.length).toBeLessThanOrEqual(maxBytesPerItem);
      // The tuple-per-item format this replaces took ~69 bytes an item (347 KB: no single value held it).
      expect(unpackStates(blocks).states).toHaveLength(5000);
    });

    // A warm open reads one value a block (cache-chunks.ts): within ceil(bytes / 240 KiB) + 1.
    it.each([
      ['10,000 items', 10_000, 0],
      ['20,000 items', 20_000, 0],
      ['5,000 items, each with evidence', 5_000, 1],
      ['8,000 items, half with evidence', 8_000, 2],
    ])('needs at most ceil(bytes / 240 KiB) + 1 values for %s', (_case, count, every) => {
      const states = benchStates(count, 200 * 86_400_000);
      const evidence = new Map(every === 0 ? [] : states.filter((_, i) => i % every === 0).map((state) => [state.itemId, digest(`0b9d1c2e-${state.itemId}`, `Evidence for ${state.itemId}`)]));
      const blocks = packStates('MSP', states, evidence, LIMIT)!;
      expect(blocks.length).toBeGreaterThan(1);
      expect(blocks.length).toBeLessThanOrEqual(Math.ceil(totalBytes(blocks) / (240 * 1024)) + 1);
    });
  });
});

describe('stateBlockSchema', () => {
  const block = packStates('MSP', [{ itemId: '1.1', issueKey: 'MSP-1', resolution: null, assessment: null }], new Map(), LIMIT)![0]!;

  it.each([
    ['columns of different lengths', { ...block, kind: [] }],
    ['a kind index out of range', { ...block, kind: [7] }],
    ['an older, tuple-per-item cache', { readAt: 1, states: [['1.1', 'MSP-1', null, null, null, null]] }],
  ])('rejects %s', (_case, value) => {
    expect(stateBlockSchema.safeParse(value).success).toBe(false);
  });
});

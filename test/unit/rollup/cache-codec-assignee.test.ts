/** The rollup cache keeps each item's assignee (the owner on the road to audit day) compactly. */
import { packStates } from '../../../src/rollup/cache-pack';
import { unpackStates } from '../../../src/rollup/cache-codec';
import type { ItemRead } from '../../../src/platform/item-states';
import { jsonBytes } from '../../../src/storage/kvs';

const state = (index: number, assignee: string | null | undefined): ItemRead => ({
  itemId: `1.${index}`,
  issueKey: `MSP-${index + 1}`,
  statusCategory: 'new',
  statusName: 'To Do',
  resolution: null,
  assessment: null,
  updatedAt: new Date(Date.UTC(2026, 2, 1) + index * 1000).toISOString(),
  ...(assignee !== undefined ? { assignee } : {}),
});
const PEOPLE = ['557058:f58131cb-b67d-43c7-b30d-6b58d40bd077', '5b10ac8d82e05b22cc7d4ef5', '712020:0e1a2b3c-4d5e-6f70-8192-a3b4c5d6e7f8'];

describe('cached assignees', () => {
  it('reads back each assignee and each unassigned item, across blocks within their limit', () => {
    const states = Array.from({ length: 400 }, (_, index) => state(index, index % 4 === 3 ? null : PEOPLE[index % 3]!));
    const blocks = packStates('MSP', states, new Map(), 2048)!;
    expect(blocks.length).toBeGreaterThan(3);
    for (const block of blocks) {
      expect(jsonBytes(block)).toBeLessThanOrEqual(2048);
      expect(block.people!.length).toBeLessThanOrEqual(PEOPLE.length);
    }
    expect(unpackStates(blocks).states).toEqual(states);
  });

  it('states read before assignees were read stay without one; a mixed block reads the unread as unassigned', () => {
    const old = [state(0, undefined), state(1, undefined)];
    const oldBlocks = packStates('MSP', old, new Map(), 2048)!;
    expect(oldBlocks[0]!.owner).toBeUndefined();
    expect(unpackStates(oldBlocks).states).toEqual(old);
    const mixed = packStates('MSP', [state(0, undefined), state(1, PEOPLE[0]!)], new Map(), 2048)!;
    expect(unpackStates(mixed).states.map((read) => read.assignee)).toEqual([null, PEOPLE[0]]);
  });

  it('stays within a value for 5,000 items owned by 40 people', () => {
    const states = Array.from({ length: 5000 }, (_, index) => state(index, `557058:${String(index % 40).padStart(8, '0')}-b67d-43c7-b30d-6b58d40bd077`));
    const blocks = packStates('MSP', states, new Map(), 200 * 1024)!;
    expect(blocks).toHaveLength(1);
    expect(unpackStates(blocks).states).toEqual(states);
  });
});

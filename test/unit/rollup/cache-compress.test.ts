/** Stored states blocks (src/rollup/cache-compress.ts): compressed when smaller, and never a wrong block. */
import { brotliCompressSync } from 'node:zlib';
import { packStates } from '../../../src/rollup/cache-pack';
import { compressBlock, decompressBlock } from '../../../src/rollup/cache-compress';
import type { ItemRead } from '../../../src/platform/item-states';

const states = (count: number): ItemRead[] =>
  Array.from({ length: count }, (_, i) => ({
    itemId: `${Math.floor(i / 10) + 1}.${(i % 10) + 1}`,
    issueKey: `MSP-${i + 1}`,
    statusCategory: 'new',
    statusName: 'To Do',
    resolution: null,
    assessment: null,
    updatedAt: new Date(Date.UTC(2026, 11, 1) + i * 61_000).toISOString(),
    assignee: i % 5 === 0 ? 'lead' : null,
  }));

describe('cache block compression', () => {
  it('stores 130 states in well under half their JSON and reads them back exactly', () => {
    const [block] = packStates('MSP', states(130), new Map(), 200_000)!;
    const stored = compressBlock(block!);
    expect('z' in stored).toBe(true);
    expect(JSON.stringify(stored).length).toBeLessThan(JSON.stringify(block).length / 2);
    expect(decompressBlock(stored)).toEqual(block);
  });

  it('keeps a block as it is when compressing would not make it smaller', () => {
    const [block] = packStates('MSP', [], new Map(), 200_000)!;
    expect(compressBlock(block!)).toEqual(block);
    expect(decompressBlock(block!)).toEqual(block);
  });

  it('reads a damaged or foreign compressed value as no block (a stale cache), never as states', () => {
    expect(decompressBlock({ z: 'not brotli at all' })).toBeUndefined();
    expect(decompressBlock({ z: brotliCompressSync(JSON.stringify({ ids: ['1.1'], keys: [] })).toString('base64') })).toBeUndefined();
  });
});

/** Cutting a list into parts by JSON size (common/parts.ts), shared by the crosswalk upload and the KVS stores. */
import { partsBySize } from '../../../common/parts';

describe('partsBySize', () => {
  it('keeps order and counts one byte a comma', () => {
    expect(partsBySize([1, 2, 3, 4], 4, () => 1)).toEqual([[1, 2], [3, 4]]);
    expect(partsBySize(['aa', 'b', 'cc'], 5, (s) => s.length)).toEqual([['aa', 'b'], ['cc']]);
  });

  it('gives an entry larger than the limit a part of its own, and nothing for nothing', () => {
    expect(partsBySize([1, 50, 2], 10, (n) => n)).toEqual([[1], [50], [2]]);
    expect(partsBySize([], 10, () => 1)).toEqual([]);
  });
});

/**
 * Cutting a list into parts of at most a number of JSON bytes each, in order: the crosswalk upload's
 * parts in the browser, the stored rows of a crosswalk and the items of a custom checklist in KVS.
 */

/**
 * `values` in parts whose sizes (`sizeOf` each, plus one for its comma) stay within `limit`; an
 * entry larger than `limit` gets a part of its own (the caller refuses it first where that matters).
 *
 * @example
 * partsBySize([1, 2, 3, 4], 4, () => 1); // [[1, 2], [3, 4]]
 */
export function partsBySize<T>(values: readonly T[], limit: number, sizeOf: (value: T) => number): T[][] {
  const parts: T[][] = [];
  let current: T[] = [];
  let bytes = 0;
  for (const value of values) {
    const size = sizeOf(value) + 1;
    if (current.length > 0 && bytes + size > limit) {
      parts.push(current);
      current = [];
      bytes = 0;
    }
    current.push(value);
    bytes += size;
  }
  if (current.length > 0) parts.push(current);
  return parts;
}

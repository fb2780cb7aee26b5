/**
 * Ordering checklist versions the way people write them ("4.1" < "4.1.1" < "4.2" < "10.0",
 * "7.1" < "7.1-team"). Shared: the Audit page offers the newest version of the project's checklist,
 * and the backend refuses to import an older or newer version beside the one a project uses.
 */

/**
 * Negative when `a` is older than `b`, positive when newer, 0 when the same.
 *
 * @example
 * compareVersions('4.10', '4.9'); // → 1
 */
export function compareVersions(a: string, b: string): number {
  const tokens = (version: string): string[] => version.toLowerCase().match(/\d+|[a-z]+/g) ?? [];
  const left = tokens(a);
  const right = tokens(b);
  for (let i = 0; i < Math.max(left.length, right.length); i++) {
    const x = left[i];
    const y = right[i];
    if (x === undefined) return -1;
    if (y === undefined) return 1;
    const numeric = /^\d/.test(x) && /^\d/.test(y);
    const order = numeric ? Number(x) - Number(y) : x.localeCompare(y);
    if (order !== 0) return order < 0 ? -1 : 1;
  }
  return 0;
}

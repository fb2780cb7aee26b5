/**
 * Ordering checklist versions the way people write them ("4.1" < "4.1.1" < "4.2" < "10.0",
 * "7.1" < "7.1-team"), so the Audit page can offer the newest version of the project's checklist.
 */
import type { ChecklistSummary } from '../../../../../../common/contract';

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

/**
 * Versions of the same framework newer than `current`, newest first.
 *
 * @example
 * newerVersions(list, 'team-list-1').map((summary) => summary.version); // → ['3', '2']
 */
export function newerVersions(checklists: readonly ChecklistSummary[], currentId: string): ChecklistSummary[] {
  const current = checklists.find((summary) => summary.id === currentId);
  if (!current) return [];
  return checklists
    .filter((summary) => summary.framework === current.framework && summary.id !== current.id && compareVersions(summary.version, current.version) > 0)
    .sort((a, b) => compareVersions(b.version, a.version));
}

/**
 * The version after `version`: its last number raised by one, or `.1` added when it has none.
 *
 * @example
 * nextVersion('4.1'); // → '4.2'
 * nextVersion('2025-08'); // → '2025-09'
 */
export function nextVersion(version: string): string {
  const match = /(\d+)(?!.*\d)/.exec(version);
  if (!match) return version === '' ? '1' : `${version}.1`;
  const raised = String(Number(match[1]) + 1).padStart(match[1]!.length, '0');
  return `${version.slice(0, match.index)}${raised}${version.slice(match.index + match[1]!.length)}`;
}

/**
 * Ordering checklist versions the way people write them ("4.1" < "4.1.1" < "4.2" < "10.0",
 * "7.1" < "7.1-team"), so the Audit page can offer the newest version of the project's checklist.
 */
import type { ChecklistSummary } from '../../../../../../common/contract';
import { compareVersions } from '../../../../../../common/versions';

export { compareVersions };

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

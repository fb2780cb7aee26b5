/**
 * Finding the issue of a finding whose create answer was lost, without the search index: issue
 * keys are sequential per project, so the issue has a key number above the one stored before the
 * create. `bulkfetch` reads those keys 100 at a time with the finding property until it finds the
 * finding's id, or a whole window of keys comes back empty (past the project's last issue). The same
 * rule as the item map's recovery (src/item-map/recover.ts), for one issue.
 */
import type { JiraClient, JiraSearchIssue } from '../jira';
import { BULK_FETCH_MAX } from '../jira/bulk-read';
import { FINDING_PROPERTY, findingIdentitySchema } from '../jira/findings';
import type { StoredFinding } from './store';

/** Windows of keys read at most: 20,000 issues created since the finding was stored. */
const MAX_WINDOWS = 200;

export async function findFindingIssue(jira: JiraClient, projectKey: string, finding: Pick<StoredFinding, 'id' | 'afterKeyNumber'>): Promise<{ id: string; key: string } | undefined> {
  for (let window = 0, from = finding.afterKeyNumber + 1; window < MAX_WINDOWS; window++, from += BULK_FETCH_MAX) {
    const keys = Array.from({ length: BULK_FETCH_MAX }, (_, offset) => `${projectKey}-${from + offset}`);
    const issues = await jira.bulkFetchIssues({ issueIdsOrKeys: keys, properties: [FINDING_PROPERTY], as: 'app' });
    const here = issues.filter((issue) => issue.key !== undefined && issue.key.startsWith(`${projectKey}-`));
    const match = here.find((issue) => isFinding(issue, finding.id));
    if (match) return { id: match.id, key: match.key! };
    if (here.length === 0) return undefined;
  }
  return undefined;
}

function isFinding(issue: JiraSearchIssue, findingId: string): boolean {
  const parsed = findingIdentitySchema.safeParse(issue.properties?.[FINDING_PROPERTY]);
  return parsed.success && parsed.data.findingId === findingId;
}

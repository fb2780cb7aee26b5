/**
 * Which source issues the caller may see, for "evidence from A X": read as the user, without the
 * search index (bulk fetch, 100 keys a call), so issue security and lag never show a hidden key.
 */
import type { JiraClient } from '../jira';

export async function visibleAmong(jira: JiraClient, issueKeys: readonly string[]): Promise<Set<string>> {
  const visible = new Set<string>();
  for (let start = 0; start < issueKeys.length; start += 100) {
    const issues = await jira.bulkFetchIssues({ issueIdsOrKeys: issueKeys.slice(start, start + 100), fields: [], as: 'user' });
    for (const issue of issues) if (issue.key !== undefined) visible.add(issue.key);
  }
  return visible;
}

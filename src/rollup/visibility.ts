/**
 * Which of a checklist's item issues the calling user can see. The rollup reads as the app, into
 * one cache shared by everyone, for the aggregate figures; Jira's issue security is then applied to
 * the item rows by asking Jira, as the user, for the keys of the checklist's active items: ids and
 * keys only, 5,000 a page, so one call up to 5,000 items.
 */
import type { JiraClient } from '../jira';
import { activeItemsJql, checklistIssuesJql, ITEM_PROPERTY } from '../jira/identity';
import { SEARCH_PAGE_IDS_ONLY } from '../jira/search';

/** `alsoChecklistIds`: other checklists whose items the page shows too (the crosswalk's sources), in the same search. */
export async function visibleIssueKeys(jira: JiraClient, projectKey: string, checklistId: string, alsoChecklistIds: readonly string[] = []): Promise<Set<string>> {
  const ids = [...new Set([checklistId, ...alsoChecklistIds])];
  const jql = ids.length === 1 ? activeItemsJql(projectKey, checklistId) : `${checklistIssuesJql(projectKey, ids)} AND issue.property[${ITEM_PROPERTY}].state = "active"`;
  const issues = await jira.searchJql({ jql, fields: ['key'], maxResults: SEARCH_PAGE_IDS_ONLY, as: 'user' });
  return new Set(issues.flatMap((issue) => (issue.key !== undefined ? [issue.key] : [])));
}

/** What a row says instead of its issue's data when the user cannot see the issue. */
export const HIDDEN_ITEM_REASON = "You cannot see this item's issue";

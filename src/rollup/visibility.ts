/**
 * Which of a checklist's item issues the calling user can see. The rollup reads as the app, into
 * one cache shared by everyone, for the aggregate figures; Jira's issue security is then applied to
 * the item rows by asking Jira, as the user, for the keys of the checklist's active items: ids and
 * keys only, 5,000 a page, so one call up to 5,000 items.
 */
import type { JiraClient } from '../jira';
import { activeItemsJql } from '../jira/identity';
import { SEARCH_PAGE_IDS_ONLY } from '../jira/search';

export async function visibleIssueKeys(jira: JiraClient, projectKey: string, checklistId: string): Promise<Set<string>> {
  const issues = await jira.searchJql({ jql: activeItemsJql(projectKey, checklistId), fields: ['key'], maxResults: SEARCH_PAGE_IDS_ONLY, as: 'user' });
  return new Set(issues.flatMap((issue) => (issue.key !== undefined ? [issue.key] : [])));
}

/** What a row says instead of its issue's data when the user cannot see the issue. */
export const HIDDEN_ITEM_REASON = "You cannot see this item's issue";

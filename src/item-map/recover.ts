/**
 * Finding what a bulk create whose answer was lost created, without the search index: issue keys
 * are sequential per project, so every issue it made has a key number above the one known before
 * the call. `bulkfetch` reads those keys 100 at a time (with the identity property) until it has
 * every id of the call, or a whole window of keys comes back empty (past the project's last issue).
 * An issue counts only if its identity carries the call's `batch`, so an issue someone else made in
 * the meantime (or an identity copied onto another issue) is never taken for the app's.
 */
import type { JiraClient } from '../jira';
import { BULK_FETCH_MAX } from '../jira/bulk-read';
import { ITEM_PROPERTY, readIdentity } from '../jira/identity';
import type { CreatedIssue } from './created';
import { keyNumber } from './model';
import type { PendingCreate } from './store';

/** Windows of keys read at most: 100,000 issues created since the checkpoint. */
const MAX_WINDOWS = 1000;

export async function findBatch(jira: JiraClient, pending: PendingCreate): Promise<{ found: Map<string, CreatedIssue>; lastKeyNumber: number }> {
  const wanted = new Set(pending.ids);
  const found = new Map<string, CreatedIssue>();
  let lastKeyNumber = pending.afterKeyNumber;
  for (let window = 0, from = pending.afterKeyNumber + 1; window < MAX_WINDOWS; window++, from += BULK_FETCH_MAX) {
    const keys = Array.from({ length: BULK_FETCH_MAX }, (_, offset) => `${pending.projectKey}-${from + offset}`);
    const issues = await jira.bulkFetchIssues({ issueIdsOrKeys: keys, properties: [ITEM_PROPERTY] });
    // Jira also answers a key of an issue moved to another project; only this project's count.
    const here = issues.filter((issue) => issue.key !== undefined && issue.key.startsWith(`${pending.projectKey}-`));
    for (const issue of here) {
      lastKeyNumber = Math.max(lastKeyNumber, keyNumber(issue.key!));
      const identity = readIdentity(issue.properties);
      if (identity?.batch !== pending.batch || identity.checklistId !== pending.checklistId || identity.kind !== pending.kind) continue;
      const id = identity.kind === 'item' ? identity.itemId : identity.chapterId;
      if (wanted.has(id) && !found.has(id)) found.set(id, { id: issue.id, key: issue.key! });
    }
    if (found.size >= wanted.size || here.length === 0) break;
  }
  return { found, lastKeyNumber };
}

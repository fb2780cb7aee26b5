/**
 * Retiring the issues of items a new version dropped: the label `msp-retired` (for people), then the
 * identity's state `retired` (the truth, written last: no active-items search counts the issue
 * after it), then the item map. With Jira's bulk APIs, retiring 130 issues costs a bulk label edit
 * and two property calls (each with its task poll) instead of 260 single requests; a site that
 * withholds "Make bulk changes" from the app gets the labels one issue at a time.
 */
import type { JiraClient } from '../jira';
import type { AuditItemIssue } from '../jira/audit-issues';
import { ITEM_PROPERTY } from '../jira/identity';
import { RETIRED_LABEL } from '../jira/layout';
import type { ItemLedger } from '../item-map/ledger';
import { placeItem } from '../item-map/model';

/** Single label edits in flight at once (the fallback). */
const CONCURRENCY = 4;

/** Returns true when every issue was retired, false when `mayStart` stopped it first. */
export async function retireIssues(jira: JiraClient, ledger: ItemLedger, issues: readonly AuditItemIssue[], mayStart: () => boolean, onRetired: () => void): Promise<boolean> {
  if (issues.length === 0) return true;
  if (!mayStart()) return false;
  const bulk = await jira.bulkEditLabels({ issueIdsOrKeys: issues.map((issue) => issue.id), option: 'ADD', label: RETIRED_LABEL });
  if (bulk === false) {
    let next = 0;
    const lane = async (): Promise<void> => {
      while (next < issues.length) await jira.editIssue({ issueKey: issues[next++]!.key, update: { labels: [{ add: RETIRED_LABEL }] } });
    };
    await Promise.all(Array.from({ length: Math.min(CONCURRENCY, issues.length) }, lane));
  }
  await jira.setIssuePropertiesBulk({ issues: issues.map((issue) => ({ issueId: issue.id, properties: { [ITEM_PROPERTY]: { ...issue.identity, state: 'retired' } } })) });
  for (const issue of issues) {
    placeItem(ledger.map, { id: issue.id, key: issue.key, state: 'retired' }, issue.identity, issue.identity);
    onRetired();
  }
  await ledger.save();
  return true;
}

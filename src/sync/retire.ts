/**
 * Retiring the issues of items a new version dropped: the label `msp-retired` (for people) and the
 * identity's state `retired` (the truth: no active-items search counts it), then the map.
 */
import type { JiraClient } from '../jira';
import type { AuditItemIssue } from '../jira/audit-issues';
import { ITEM_PROPERTY } from '../jira/identity';
import { RETIRED_LABEL } from '../jira/layout';
import type { ItemLedger } from '../item-map/ledger';
import { placeItem } from '../item-map/model';

/** Issue writes in flight at once. */
const CONCURRENCY = 4;

/** Returns true when every issue was retired, false when `mayStart` stopped it first. */
export async function retireIssues(jira: JiraClient, ledger: ItemLedger, issues: readonly AuditItemIssue[], mayStart: () => boolean, onRetired: () => void): Promise<boolean> {
  let next = 0;
  let stopped = false;
  const lane = async (): Promise<void> => {
    while (next < issues.length) {
      if (!mayStart()) {
        stopped = true;
        return;
      }
      const issue = issues[next++]!;
      await jira.editIssue({ issueKey: issue.key, update: { labels: [{ add: RETIRED_LABEL }] } });
      await jira.setIssueProperty({ issueKey: issue.key, propertyKey: ITEM_PROPERTY, value: { ...issue.identity, state: 'retired' } });
      placeItem(ledger.map, { id: issue.id, key: issue.key, state: 'retired' }, issue.identity, issue.identity);
      onRetired();
    }
  };
  await Promise.all(Array.from({ length: Math.min(CONCURRENCY, issues.length) }, lane));
  if (issues.length > 0) await ledger.save();
  return !stopped;
}

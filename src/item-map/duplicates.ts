/**
 * Closing an issue as the duplicate of another issue of the same item: the label
 * `msp-audit-duplicate`, a Duplicate link to the issue that stays, and its identity's state set to
 * `duplicate` (so no active-items search, plan or score counts it); its status is left alone (a
 * move to a Done status would read as "met" to people). The map keeps it among its duplicates.
 * Each write is idempotent, so a close cut short is finished by the next writer. Recorded on the
 * project's decision trail as `duplicate.close`.
 */
import type { JiraClient, JiraSearchIssue } from '../jira';
import { ITEM_PROPERTY, readIdentity } from '../jira/identity';
import { recordDecision } from '../trail/record';
import type { ClosedDuplicate, ItemMap } from './model';

export const DUPLICATE_LABEL = 'msp-audit-duplicate';
const DUPLICATE_LINK_TYPE = 'Duplicate';

/** Closes every duplicate the map still has queued; returns how many it closed. Saves nothing. */
export async function closeQueuedDuplicates(jira: JiraClient, projectKey: string, map: ItemMap, actor = 'app'): Promise<number> {
  const queued = [...map.duplicates].filter(([, duplicate]) => !duplicate.closed);
  if (queued.length === 0) return 0;
  const issues = new Map((await jira.bulkFetchIssues({ issueIdsOrKeys: queued.map(([id]) => id), properties: [ITEM_PROPERTY] })).map((issue) => [issue.id, issue]));
  let closed = 0;
  for (const [id, duplicate] of queued) {
    const issue = issues.get(id);
    // Deleted meanwhile: nothing left to close.
    if (issue) await closeDuplicate(jira, projectKey, issue, duplicate, actor);
    map.duplicates.set(id, { ...duplicate, closed: true });
    closed += 1;
  }
  return closed;
}

async function closeDuplicate(jira: JiraClient, projectKey: string, issue: JiraSearchIssue, duplicate: ClosedDuplicate, actor: string): Promise<void> {
  await jira.editIssue({ issueKey: duplicate.key, update: { labels: [{ add: DUPLICATE_LABEL }] } });
  await jira.createIssueLink({ typeName: DUPLICATE_LINK_TYPE, inwardKey: duplicate.keptKey, outwardKey: duplicate.key });
  const identity = readIdentity(issue.properties);
  if (identity?.kind === 'item' && identity.state !== 'duplicate') {
    await jira.setIssueProperty({ issueKey: duplicate.key, propertyKey: ITEM_PROPERTY, value: { ...identity, state: 'duplicate' } });
  }
  await recordDecision({
    projectKey,
    actor,
    action: 'duplicate.close',
    checklistId: duplicate.checklistId,
    itemId: duplicate.itemId,
    issueKey: duplicate.key,
    before: { state: identity?.kind === 'item' ? identity.state : 'unknown' },
    after: { state: 'duplicate', keptKey: duplicate.keptKey },
    reason: `Another issue of item ${duplicate.itemId} stays (${duplicate.keptKey}): the one with work on it, else the older one.`,
  });
  console.info(`[item-map] ${projectKey}: ${duplicate.key} closed as a duplicate of ${duplicate.keptKey} (item ${duplicate.itemId})`);
}

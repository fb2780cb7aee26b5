/**
 * `adoptIssue { issueKey }`: a project admin makes an issue that claims an item (its identity
 * property) without being in the item map that item's issue. If the map already holds another
 * issue for the item, the duplicate rule decides which stays (the one with work on it, else the
 * older one) and the other is closed as a duplicate. Checked as the user (Browse projects and
 * Administer projects in the project, and the issue must be visible to them), written as the app
 * under the framework's write lock, recorded on the trail as `item.adopt`.
 */
import type { AdoptIssueResult } from '../../common/contract';
import { AppError } from '../../common/errors';
import { findChecklist } from '../catalogue';
import { evidenceFieldId } from '../platform/evidence-field-id';
import { claimFrameworkForSync } from './exclusion';
import type { JiraClient } from '../jira';
import { ASSESSMENT_PROPERTY, ITEM_PROPERTY, readIdentity } from '../jira/identity';
import { requireProjectPermissions } from '../platform/access';
import type { ProjectCaller } from '../platform/context';
import { markProjectChanged } from '../storage/project-state';
import { recordDecision } from '../trail/record';
import { closeQueuedDuplicates } from './duplicates';
import { openItemMap } from './ensure';
import { checklistMap } from './model';
import { saveItemMap } from './store';
import { keeper, workFields } from './work';

export async function adoptIssue(jira: JiraClient, caller: ProjectCaller, issueKey: string): Promise<AdoptIssueResult> {
  await requireProjectPermissions(jira, caller, ['BROWSE_PROJECTS', 'ADMINISTER_PROJECTS'], `adopt ${issueKey} as a checklist item`);
  const fieldId = await evidenceFieldId(jira);
  const fields = ['project', ...workFields(fieldId)];
  const properties = [ITEM_PROPERTY, ASSESSMENT_PROPERTY];
  // As the user: an issue they cannot see is reported exactly like a missing one.
  const [issue] = await jira.bulkFetchIssues({ issueIdsOrKeys: [issueKey], fields, properties, as: 'user' });
  const project = issue?.fields?.project as { key?: unknown } | undefined;
  if (!issue || issue.key === undefined || project?.key !== caller.projectKey) {
    throw new AppError('not-found', `There is no issue ${issueKey} in project ${caller.projectKey} that you can see. Check the key on the Audit page's list.`);
  }
  const identity = readIdentity(issue.properties);
  const def = identity?.kind === 'item' ? await findChecklist(identity.checklistId) : undefined;
  if (identity?.kind !== 'item' || identity.state === 'duplicate' || !def || def.framework !== identity.framework || !def.items.some((item) => item.id === identity.itemId)) {
    throw new AppError('invalid-input', `${issue.key} does not claim an item of a checklist this app knows, so there is nothing to adopt.`);
  }

  const release = await claimFrameworkForSync(caller.projectKey, def);
  try {
    const map = await openItemMap(jira, caller.projectKey, def.framework);
    const items = checklistMap(map, def.id).items;
    const current = items.get(identity.itemId);
    const result: AdoptIssueResult = { issueKey: issue.key, checklistId: def.id, itemId: identity.itemId, keptIssueKey: issue.key };
    if (current?.id === issue.id) return result;
    const state = identity.state === 'retired' ? 'retired' : 'active';
    const [rival] = current ? await jira.bulkFetchIssues({ issueIdsOrKeys: [current.id], fields, properties }) : [];
    if (current && rival) {
      const kept = keeper([{ issue: rival, key: current.key }, { issue, key: issue.key }], fieldId);
      const dropped = kept.issue === issue ? { id: current.id, key: current.key } : { id: issue.id, key: issue.key };
      if (kept.issue === issue) items.set(identity.itemId, { id: issue.id, key: issue.key, state });
      map.duplicates.set(dropped.id, { key: dropped.key, checklistId: def.id, itemId: identity.itemId, keptKey: kept.key, closed: false });
      result.keptIssueKey = kept.key;
      result.closedIssueKey = dropped.key;
    } else {
      items.set(identity.itemId, { id: issue.id, key: issue.key, state });
    }
    // A queued duplicate adopted (and kept) is no longer one.
    if (result.keptIssueKey === issue.key) map.duplicates.delete(issue.id);
    await saveItemMap(caller.projectKey, def.framework, map);
    await recordDecision({
      projectKey: caller.projectKey,
      actor: caller.accountId,
      action: 'item.adopt',
      checklistId: def.id,
      itemId: identity.itemId,
      issueKey: issue.key,
      ...(current ? { before: { issueKey: current.key } } : {}),
      after: { issueKey: result.keptIssueKey },
    });
    if (await closeQueuedDuplicates(jira, caller.projectKey, map, caller.accountId)) await saveItemMap(caller.projectKey, def.framework, map);
    await markProjectChanged(caller.projectKey);
    return result;
  } finally {
    await release();
  }
}

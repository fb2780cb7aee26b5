/**
 * The item panel's view of the crosswalk: every mapping of the item on the issue, both ways (the
 * items it covers and the items that cover it), each followed into the versions the project holds.
 * The issue is read as the user, so someone who cannot see it learns nothing.
 */
import type { ItemCrosswalk, ItemMappingEntry } from '../../common/crosswalk';
import { findChecklist } from '../catalogue';
import { mappingsOfItem } from '../domain/crosswalk-coverage';
import { resolveMappings } from '../domain/crosswalk-resolve';
import type { ChecklistDefinition } from '../domain/types';
import { itemContextOf } from './item-context';
import type { IssueCaller } from '../platform/issue-context';
import type { IssueModuleDeps } from './panel';
import { ITEM_PROPERTY } from '../jira/identity';
import { projectChecklists } from '../storage/project-state';
import { loadCrosswalk } from '../crosswalk/store';

export async function itemCrosswalk(deps: IssueModuleDeps, caller: IssueCaller): Promise<ItemCrosswalk> {
  const issue = await deps.issues.getIssue({ issueKey: caller.issueKey, fields: ['status'], properties: [ITEM_PROPERTY] });
  const { identity } = await itemContextOf(issue.properties);
  if (!identity) return { checklistId: null, itemId: null, mappings: [] };
  const { mappings } = await loadCrosswalk();
  const empty = { checklistId: identity.checklistId, itemId: identity.itemId, mappings: [] };
  if (mappings.length === 0) return empty;
  const heldIds = new Set([identity.checklistId, ...(await projectChecklists(caller.projectKey))]);
  const ids = new Set([...heldIds, ...mappings.flatMap((m) => [m.from.checklistId, m.to.checklistId])]);
  const known = (await Promise.all([...ids].map((id) => findChecklist(id)))).filter((def): def is ChecklistDefinition => def !== undefined);
  const resolved = resolveMappings(mappings, known, known.filter((def) => heldIds.has(def.id)));
  const views = mappingsOfItem(resolved, { checklistId: identity.checklistId, itemId: identity.itemId });
  return {
    ...empty,
    mappings: views.map((view): ItemMappingEntry => {
      const def = known.find((d) => d.id === view.other.checklistId);
      const title = def?.items.find((item) => item.id === view.other.itemId)?.title;
      return {
        direction: view.direction,
        coverage: view.coverage,
        checklistId: view.other.checklistId,
        checklistName: def?.name ?? view.other.checklistId,
        itemId: view.other.itemId,
        ...(title !== undefined ? { title } : {}),
        state: view.otherState,
        ...(view.renamedFrom !== undefined ? { renamedFrom: view.renamedFrom } : {}),
        ...(view.note !== undefined ? { note: view.note } : {}),
      };
    }),
  };
}

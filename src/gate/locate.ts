/**
 * Which checklist item an issue is, from what the app keeps (KVS, no Jira call): the project's
 * checklists and, per framework, the item map (issue 21). Only the map says an issue is an item;
 * an issue the map does not hold is not gated. A framework whose map was never built (a project
 * imported before the map existed, until someone opens its Audit page) is reported, so the caller
 * can look at the issue's own identity rather than let an item through unchecked.
 */
import { findChecklist } from '../catalogue';
import type { ChecklistDefinition } from '../domain/types';
import { loadItemMap } from '../item-map/store';
import { projectChecklists } from '../storage/project-state';

export type Located =
  | { kind: 'item'; checklistId: string; itemId: string; def: ChecklistDefinition | undefined }
  | { kind: 'not-item' }
  /** Some framework of the project has no map yet: the map cannot say. */
  | { kind: 'unmapped'; frameworks: string[] };

/** The project key an issue key names (`MSP-12` → `MSP`). */
export function projectKeyOf(issueKey: string): string | undefined {
  const match = /^([A-Z][A-Z0-9_]*)-[0-9]+$/.exec(issueKey);
  return match?.[1];
}

export async function locateItem(projectKey: string, issueKey: string): Promise<Located> {
  const checklistIds = await projectChecklists(projectKey);
  if (checklistIds.length === 0) return { kind: 'not-item' };
  const defs = await Promise.all(checklistIds.map(async (id) => ({ id, def: await findChecklist(id) })));
  // A checklist gone from the catalogue names no framework; its items are found through another
  // version of the same framework the project holds, if any.
  const frameworks = [...new Set(defs.flatMap(({ def }) => (def ? [def.framework] : [])))];
  const unmapped: string[] = [];
  for (const framework of frameworks) {
    const map = await loadItemMap(projectKey, framework);
    if (!map) {
      unmapped.push(framework);
      continue;
    }
    for (const [checklistId, checklist] of map.checklists) {
      for (const [itemId, issue] of checklist.items) {
        if (issue.key === issueKey && issue.state === 'active') {
          return { kind: 'item', checklistId, itemId, def: defs.find((entry) => entry.id === checklistId)?.def ?? (await findChecklist(checklistId)) };
        }
      }
    }
  }
  return unmapped.length > 0 ? { kind: 'unmapped', frameworks: unmapped } : { kind: 'not-item' };
}

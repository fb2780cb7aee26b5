/**
 * Opening a framework's item map, building it once for a project that has none.
 *
 * Migration rule (a project imported before the app kept its map): the first reader or writer that
 * finds no map builds it from the identity search. Every issue of the framework's checklists whose
 * `msp-audit-item` property names an item (or a chapter) is taken as that item's issue, because
 * until then the property was the only identity there was. Where several issues claim one item,
 * the duplicate rule (work.ts) picks the one that stays; the others are queued as duplicates in the
 * map, and the next import or version update closes them. The build is claimed (FAIL_IF_EXISTS), so
 * it happens once; from then on only the map counts, and an issue that claims an item without being
 * in it is listed as "not created by the app" until a project admin adopts it.
 */
import { checklistIdsOfFramework } from '../catalogue';
import { evidenceFieldId } from '../platform/evidence-field-id';
import type { JiraClient, JiraSearchIssue } from '../jira';
import { ASSESSMENT_PROPERTY, checklistIssuesJql, ITEM_PROPERTY, readIdentity } from '../jira/identity';
import { projectChecklists } from '../storage/project-state';
import { checklistMap, emptyMap, type ItemMap } from './model';
import { claimItemMap, loadItemMap, readItemMapHeader } from './store';
import { keeper, workFields } from './work';

/** The framework's map; built from the identity search (and stored) when the project has none. */
export async function openItemMap(jira: JiraClient, projectKey: string, framework: string): Promise<ItemMap> {
  const stored = await loadItemMap(projectKey, framework);
  if (stored) return stored;
  const built = await buildFromIdentity(jira, projectKey, framework);
  // Nothing to remember for a project without the framework's issues: no write on a mere look.
  if (built.checklists.size === 0 && built.duplicates.size === 0) return built;
  if (await claimItemMap(projectKey, framework, built)) {
    if (built.checklists.size > 0) console.info(`[item-map] ${projectKey}/${framework}: built from the identity search (${built.duplicates.size} duplicate(s) queued)`);
    return built;
  }
  return (await loadItemMap(projectKey, framework)) ?? built;
}

/**
 * The framework's map, read only when asked: a rollup read from Jira needs it only when the map
 * changed since its last read (`generation` differs) or an issue it has not seen claims an item.
 * `generation`: the stored map's, from its ~100-byte header; undefined when there is no map yet.
 */
export interface ItemMapHandle {
  generation: string | undefined;
  load(): Promise<ItemMap>;
}

export async function itemMapHandle(jira: JiraClient, projectKey: string, framework: string): Promise<ItemMapHandle> {
  const header = await readItemMapHeader(projectKey, framework);
  let loaded: Promise<ItemMap> | undefined;
  const load = async (): Promise<ItemMap> => (header ? await loadItemMap(projectKey, framework, header) : undefined) ?? (await openItemMap(jira, projectKey, framework));
  return { generation: header?.generation, load: () => (loaded ??= load()) };
}

/** Checklist ids whose issues belong to the framework's map: the catalogue's and the project's own. */
export async function frameworkChecklistIds(projectKey: string, framework: string): Promise<string[]> {
  return [...new Set([...(await checklistIdsOfFramework(framework)), ...(await projectChecklists(projectKey))])];
}

async function buildFromIdentity(jira: JiraClient, projectKey: string, framework: string): Promise<ItemMap> {
  const map = emptyMap();
  const ids = await frameworkChecklistIds(projectKey, framework);
  if (ids.length === 0) return map;
  const fieldId = await evidenceFieldId(jira);
  const issues = await jira.searchJql({ jql: `${checklistIssuesJql(projectKey, ids)} ORDER BY key ASC`, fields: workFields(fieldId), properties: [ITEM_PROPERTY, ASSESSMENT_PROPERTY] });
  const items = new Map<string, { issue: JiraSearchIssue; key: string; checklistId: string; itemId: string; active: boolean }[]>();
  for (const issue of issues) {
    const identity = readIdentity(issue.properties);
    if (!identity || issue.key === undefined || identity.framework !== framework) continue;
    if (identity.kind === 'chapter') {
      const chapters = checklistMap(map, identity.checklistId).chapters;
      if (!chapters.has(identity.chapterId)) chapters.set(identity.chapterId, { id: issue.id, key: issue.key });
      continue;
    }
    if (identity.state === 'duplicate') continue;
    const slot = `${identity.checklistId}\u0000${identity.itemId}`;
    const list = items.get(slot) ?? [];
    list.push({ issue, key: issue.key, checklistId: identity.checklistId, itemId: identity.itemId, active: identity.state === 'active' });
    items.set(slot, list);
  }
  for (const candidates of items.values()) {
    const active = candidates.filter((candidate) => candidate.active);
    const kept = keeper(active.length > 0 ? active : candidates, fieldId);
    checklistMap(map, kept.checklistId).items.set(kept.itemId, { id: kept.issue.id, key: kept.key, state: kept.active ? 'active' : 'retired' });
    for (const other of candidates) {
      if (other !== kept) map.duplicates.set(other.issue.id, { key: other.key, checklistId: other.checklistId, itemId: other.itemId, keptKey: kept.key, closed: false });
    }
  }
  map.migratedAt = new Date().toISOString();
  return map;
}

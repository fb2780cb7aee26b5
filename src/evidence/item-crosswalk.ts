/**
 * The item panel's view of the crosswalk: every mapping of the item on the issue, both ways (the
 * items it covers and the items that cover it), each followed into the versions the project works
 * now, as the rollup does (src/crosswalk/versions.ts: a mapping to an item a version update renamed
 * lists under its new id, one to an item it removed is flagged retired), with the other item's issue (from the project's item map) when the caller can see it, and for an
 * item that fully covers this one, the accepted evidence in force on it ("evidence from A X").
 * Issues are read as the user, so someone who cannot see one learns nothing of it.
 */
import type { ItemCrosswalk, ItemMappingEntry, LinkableChecklist } from '../../common/crosswalk';
import { findChecklist } from '../catalogue';
import { mappingsOfItem, type ItemMappingView } from '../domain/crosswalk-coverage';
import { resolveMappings } from '../domain/crosswalk-resolve';
import { utcDay } from '../domain/evidence-scoring';
import { isInForce } from '../domain/evidence-dates';
import { isMetUnderStrictMode } from '../domain/evidence-risk';
import type { ChecklistDefinition } from '../domain/types';
import { readVerdict } from '../domain/verdict-reading';
import { JiraNotFoundError } from '../jira/errors';
import { ITEM_PROPERTY } from '../jira/identity';
import { evidenceFieldId } from '../platform/evidence-field-id';
import type { IssueCaller } from '../platform/issue-context';
import { openItemMap } from '../item-map/ensure';
import type { ItemMap } from '../item-map/model';
import { loadCrosswalk } from '../crosswalk/store';
import { crosswalkDefinitions, linkableOf } from '../crosswalk/versions';
import { itemContextOf } from './item-context';
import type { IssueModuleDeps } from './panel';

export async function itemCrosswalk(deps: IssueModuleDeps, caller: IssueCaller): Promise<ItemCrosswalk> {
  const [issue, grants] = await Promise.all([
    deps.issues.getIssue({ issueKey: caller.issueKey, fields: ['status'], properties: [ITEM_PROPERTY] }),
    deps.issues.getMyPermissions({ issueKey: caller.issueKey, permissions: ['EDIT_ISSUES'] }),
  ]);
  const { identity } = await itemContextOf(issue.properties);
  if (!identity) return { checklistId: null, itemId: null, mappings: [] };
  const [{ mappings }, itemDef] = await Promise.all([loadCrosswalk(), findChecklist(identity.checklistId)]);
  // The item's own checklist stands for its framework: the versions it replaced are no longer held.
  const { known, held } = await crosswalkDefinitions(caller.projectKey, mappings, itemDef);
  const linkable = linkableOf(held, { id: identity.checklistId, framework: itemDef?.framework })
    .map((def): LinkableChecklist => ({ checklistId: def.id, checklistName: def.name, items: def.items.map((item) => ({ id: item.id, title: item.title })) }));
  const base = { checklistId: identity.checklistId, itemId: identity.itemId, linkable, canEdit: grants.EDIT_ISSUES === true };
  if (mappings.length === 0) return { ...base, mappings: [] };
  const views = mappingsOfItem(resolveMappings(mappings, known, held), { checklistId: identity.checklistId, itemId: identity.itemId });
  const others = await otherIssues(deps, caller, views, known);
  return {
    ...base,
    mappings: views.map((view): ItemMappingEntry => {
      const def = known.find((d) => d.id === view.other.checklistId);
      const title = def?.items.find((item) => item.id === view.other.itemId)?.title;
      const other = others.get(`${view.other.checklistId}\u0000${view.other.itemId}`);
      const evidence = view.direction === 'covered-by' && view.coverage === 'full' && other?.titles !== undefined ? { evidence: { titles: other.titles } } : {};
      return {
        direction: view.direction,
        coverage: view.coverage,
        checklistId: view.other.checklistId,
        checklistName: def?.name ?? view.other.checklistId,
        itemId: view.other.itemId,
        ...(title !== undefined ? { title } : {}),
        state: view.otherState,
        ...(view.renamedFrom !== undefined ? { renamedFrom: view.renamedFrom } : {}),
        ...(view.earlierVersion ? { earlierVersion: true as const } : {}),
        ...(view.note !== undefined ? { note: view.note } : {}),
        ...(other ? { issueKey: other.issueKey } : {}),
        ...evidence,
      };
    }),
  };
}

/** The issue the project's item map holds for an item of a checklist (active items only). */
export async function mappedIssueKey(
  deps: Pick<IssueModuleDeps, 'jira'>,
  projectKey: string,
  def: ChecklistDefinition,
  itemId: string,
  /** Maps already opened in this call, by framework. */
  maps: Map<string, Promise<ItemMap>> = new Map(),
): Promise<string | undefined> {
  let opening = maps.get(def.framework);
  if (!opening) maps.set(def.framework, (opening = openItemMap(deps.jira, projectKey, def.framework)));
  const map = await opening;
  const issue = map.checklists.get(def.id)?.items.get(itemId);
  return issue?.state === 'active' ? issue.key : undefined;
}

/**
 * The other items' issues the caller can see, keyed by checklist and item: one map read per
 * framework and one issue read as the user per held mapping (an item has few). `titles`: the
 * accepted evidence in force, only when it makes the item met under strict mode.
 */
async function otherIssues(
  deps: IssueModuleDeps,
  caller: IssueCaller,
  views: readonly ItemMappingView[],
  known: readonly ChecklistDefinition[],
): Promise<Map<string, { issueKey: string; titles?: string[] }>> {
  const found = new Map<string, { issueKey: string; titles?: string[] }>();
  const held = views.filter((view) => view.otherState === 'held');
  if (held.length === 0) return found;
  const fieldId = await evidenceFieldId(deps.jira);
  const today = utcDay(deps.now());
  const maps = new Map<string, Promise<ItemMap>>();
  await Promise.all(
    held.map(async (view) => {
      const def = known.find((d) => d.id === view.other.checklistId);
      if (!def) return;
      const issueKey = await mappedIssueKey(deps, caller.projectKey, def, view.other.itemId, maps);
      if (issueKey === undefined) return;
      const issue = await deps.issues.getIssue({ issueKey, fields: fieldId !== undefined ? [fieldId] : [], properties: [] }).catch((error: unknown) => {
        if (error instanceof JiraNotFoundError) return undefined;
        throw error;
      });
      if (!issue) return;
      const evidence = readVerdict(fieldId !== undefined ? (issue.fields[fieldId] ?? null) : null).evidence;
      const titles = isMetUnderStrictMode(evidence, today) ? evidence.entries.filter((e) => e.reviewState === 'accepted' && isInForce(e, today)).map((e) => e.title) : undefined;
      found.set(`${view.other.checklistId}\u0000${view.other.itemId}`, { issueKey, ...(titles !== undefined ? { titles } : {}) });
    }),
  );
  return found;
}

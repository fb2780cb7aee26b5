/**
 * What version sync starts from: the framework's issues the item map holds (every version the
 * project ever held), read by id (`bulkfetch`, no search index, so what the last run wrote is seen
 * at once), and the domain plan. An issue that claims an item without being in the map is not
 * planned (the Audit page lists it until a project admin adopts it).
 *
 * The map says which issues are the app's; each one's identity property says what it is now. When
 * the two disagree (a run stopped between writing an identity and saving the map) the map follows
 * the identity.
 */
import type { SyncPreview } from '../../common/contract';
import { AppError } from '../../common/errors';
import { readWaivers } from '../platform/records';
import { mappingProblem, planSync, summarizePlan, type ItemMapping, type SyncPlan } from '../domain/sync-plan';
import type { ChecklistDefinition } from '../domain/types';
import type { JiraClient } from '../jira';
import type { AuditChapterIssue, AuditItemIssue } from '../jira/audit-issues';
import { ASSESSMENT_PROPERTY, ITEM_PROPERTY, readIdentity, toExistingItem, type ItemIdentity } from '../jira/identity';
import { compareIssueKeys } from '../domain/sync-plan';
import { placementsById, placeItem, type ItemMap } from '../item-map/model';
import { hasWork, workFields } from '../item-map/work';

export interface SyncState {
  plan: SyncPlan;
  items: AuditItemIssue[];
  chapters: AuditChapterIssue[];
  /** True when the map was brought in line with the issues' identities (the caller may save it). */
  mapChanged: boolean;
}

export interface SyncStateOptions {
  projectKey: string;
  pointsFieldId?: string;
  evidenceFieldId?: string;
  /**
   * Mappings a person confirmed. Each must be one of the plan's proposals: otherwise the load
   * refuses (AppError 'invalid-input') before anything is written.
   */
  mappings?: readonly ItemMapping[];
}

export async function loadSyncState(jira: JiraClient, def: ChecklistDefinition, map: ItemMap, options: SyncStateOptions): Promise<SyncState> {
  const { pointsFieldId, evidenceFieldId } = options;
  const placements = placementsById(map);
  const fetched = await jira.bulkFetchIssues({
    issueIdsOrKeys: [...placements.keys()],
    fields: [...workFields(evidenceFieldId), ...(pointsFieldId !== undefined ? [pointsFieldId] : [])],
    properties: [ITEM_PROPERTY, ASSESSMENT_PROPERTY],
  });
  const worked = new Set<string>();
  const items: AuditItemIssue[] = [];
  const chapters: AuditChapterIssue[] = [];
  let mapChanged = false;
  for (const issue of fetched) {
    const identity = readIdentity(issue.properties);
    const placement = placements.get(issue.id);
    if (!identity || !placement || issue.key === undefined || identity.framework !== def.framework) continue;
    if (identity.kind === 'chapter') {
      chapters.push({ id: issue.id, key: issue.key, identity });
      continue;
    }
    if (identity.state === 'duplicate' || placement.kind !== 'item') continue;
    const item: AuditItemIssue = { id: issue.id, key: issue.key, identity };
    if (pointsFieldId !== undefined) {
      const value = issue.fields?.[pointsFieldId];
      item.points = typeof value === 'number' ? value : null;
    }
    items.push(item);
    if (hasWork(issue, evidenceFieldId)) worked.add(issue.key);
    const state = identity.state === 'active' ? 'active' : 'retired';
    if (placement.checklistId !== identity.checklistId || placement.itemId !== identity.itemId || placement.issue.state !== state) {
      placeItem(map, { id: issue.id, key: issue.key, state }, identity, placement);
      mapChanged = true;
    }
  }
  items.sort((a, b) => compareIssueKeys(a.key, b.key));
  chapters.sort((a, b) => compareIssueKeys(a.key, b.key));
  const waived = await waivedIssues(options.projectKey, items);
  const existing = items.map((issue) => ({ ...toExistingItem(issue.key, issue.identity), work: worked.has(issue.key) || waived.has(issue.key) }));
  // A mapping an earlier round of this update already applied (the new item holds an issue, the old
  // one none) is done: a resumed apply sends the same mappings again.
  const standing = (itemId: string, checklistId?: string): boolean =>
    existing.some((issue) => issue.itemId === itemId && !issue.retired && (checklistId === undefined || issue.checklistId === checklistId));
  const mappings = (options.mappings ?? []).filter((mapping) => !(standing(mapping.toItemId, def.id) && !standing(mapping.fromItemId)));
  if (mappings.length > 0) {
    // Checked against the plan a preview shows: a mapping it does not offer is refused, nothing written.
    const problem = mappingProblem(planSync(def, existing).proposals, mappings);
    if (problem !== undefined) throw new AppError('invalid-input', problem);
  }
  const plan = planSync(def, existing, { mappings });
  return { plan, items, chapters, mapChanged };
}

/** Keys of the issues a waiver of their own checklist covers (by item or by chapter). */
async function waivedIssues(projectKey: string, items: readonly { key: string; identity: ItemIdentity }[]): Promise<Set<string>> {
  const checklistIds = [...new Set(items.map((issue) => issue.identity.checklistId))];
  const waivers = new Map(await Promise.all(checklistIds.map(async (id) => [id, await readWaivers(projectKey, id)] as const)));
  const waived = new Set<string>();
  for (const issue of items) {
    const covering = waivers.get(issue.identity.checklistId) ?? [];
    if (covering.some((waiver) => waiver.items.includes(issue.identity.itemId) || waiver.chapters.includes(issue.identity.chapterId))) waived.add(issue.key);
  }
  return waived;
}

/** The preview; with `visible` (the issue keys the caller may see) the other issues' keys are left out. */
export function toPreview(def: ChecklistDefinition, state: SyncState, visible?: ReadonlySet<string>): SyncPreview {
  const { plan } = state;
  const hidden = new Set<string>();
  const key = (issueKey: string): { issueKey?: string } => {
    if (visible === undefined || visible.has(issueKey)) return { issueKey };
    hidden.add(issueKey);
    return {};
  };
  const preview: SyncPreview = {
    checklistId: def.id,
    framework: def.framework,
    version: def.version,
    fromChecklistIds: [...new Set(state.items.map((issue) => issue.identity.checklistId))].sort(),
    summary: summarizePlan(plan),
    create: plan.create.map((item) => ({ itemId: item.id, chapterId: item.chapterId, title: item.title })),
    update: plan.update.map((update) => ({
      ...key(update.issueKey),
      itemId: update.itemId,
      changes: [...update.changes],
      ...(update.previousItemId !== undefined ? { previousItemId: update.previousItemId } : {}),
      ...(update.restored ? { restored: true } : {}),
    })),
    // The item ids and titles of a proposal say nothing the caller may not see; the key may.
    proposals: plan.proposals.map((proposal) => ({
      fromItemId: proposal.fromItemId,
      toItemId: proposal.toItemId,
      reason: proposal.reason,
      withWork: proposal.withWork,
      ...key(proposal.issueKey),
    })),
    retire: plan.retire.map((ref) => ({ ...key(ref.issueKey), itemId: ref.itemId })),
    duplicates: plan.duplicates.map((duplicate) => {
      const kept = key(duplicate.keptIssueKey).issueKey;
      return { itemId: duplicate.itemId, ...(kept !== undefined ? { keptIssueKey: kept } : {}), issueKeys: duplicate.issueKeys.filter((issueKey) => key(issueKey).issueKey !== undefined) };
    }),
  };
  if (visible !== undefined) preview.hiddenIssues = hidden.size;
  return preview;
}

/** Every issue key a preview would name. */
export function previewKeys(state: SyncState): string[] {
  const { plan } = state;
  return [...new Set([...plan.update.map((update) => update.issueKey), ...plan.retire.map((ref) => ref.issueKey), ...plan.proposals.map((proposal) => proposal.issueKey), ...plan.duplicates.flatMap((d) => [d.keptIssueKey, ...d.issueKeys])])];
}

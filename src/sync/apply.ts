/**
 * `planSync` / `applySync`: move a project's issues to another version of their checklist. New
 * items are created as import creates them, changed items get new text, points, chapter and
 * identity, removed ones are labelled retired (and leave the score). Status, assignee, comments
 * and evidence are never written.
 *
 * Each issue's identity property is written last, after its fields: it is the commit marker. A
 * call cut short (time limit, error) leaves the rest of the plan for the next call, which plans
 * again from the item map (issues read by id, never through the lagging search index), so applying
 * twice changes nothing the second time, and a second run repairs what a first one left: creates
 * are checkpointed and recovered by the item map's ledger (item-map/ledger.ts), and a verification
 * pass ends each complete run. One writer at a time: a version update holds the project's framework
 * lock, and refuses while an import of the framework runs (import/exclusion.ts). Recorded on the
 * decision trail as `sync.apply`.
 */
import type { SyncMapping, SyncPreview, SyncResult } from '../../common/contract';
import { requireChecklist } from '../catalogue';
import { initialAssessmentProperties, loadInitialResults } from '../catalogue/initial-results';
import { writeInitialVerdicts } from '../item-map/initial-verdicts';
import type { ChecklistDefinition, ChecklistItem } from '../domain/types';
import type { SyncUpdate } from '../domain/sync-plan';
import type { JiraClient, LabelOperation } from '../jira';
import { chapterIdentity, itemIdentity, ITEM_PROPERTY, type ItemIdentity } from '../jira/identity';
import { chapterLabel, itemContentFields, legacyChapterLabel, MANDATORY_LABEL, RETIRED_LABEL } from '../jira/layout';
import { createChapters, createItems } from '../item-map/create-issues';
import { resolveSetup } from '../item-map/issue-setup';
import { requireProjectPermissions } from '../platform/access';
import type { ProjectCaller } from '../platform/context';
import { invocationRemainingMs } from '../platform/jira';
import { markProjectChanged, rememberChecklist } from '../storage/project-state';
import { claimFrameworkForSync } from '../item-map/exclusion';
import { evidenceFieldId } from '../platform/evidence-field-id';
import { ItemLedger } from '../item-map/ledger';
import { openItemMap } from '../item-map/ensure';
import { checklistMap, placeItem } from '../item-map/model';
import { verifyChecklist } from '../item-map/verify';
import { recordDecision } from '../trail/record';
import { retireIssues } from './retire';
import { finishRetiring, noteRetiring } from '../platform/retired-checklists';
import { loadSyncState, previewKeys, toPreview, type SyncState } from './state';

/** Stop starting new writes when less than this is left of the resolver's 25 s. */
const STOP_MARGIN_MS = 6_000;
/** Issue updates in flight at once: quick enough for a resolver, gentle on Jira's burst limits. */
const CONCURRENCY = 4;

export async function previewSync(jira: JiraClient, caller: ProjectCaller, checklistId: string): Promise<SyncPreview> {
  const def = await requireChecklist(checklistId);
  await requireProjectPermissions(jira, caller, ['BROWSE_PROJECTS'], `preview the move to ${def.name} ${def.version}`);
  const map = await openItemMap(jira, caller.projectKey, def.framework);
  const state = await loadSyncState(jira, def, map, { projectKey: caller.projectKey, ...(await evidenceOption(jira)) });
  // Issue security: the keys named are only those the caller may see, read as the caller (no search index).
  const keys = previewKeys(state);
  const visible = keys.length === 0 ? [] : await jira.bulkFetchIssues({ issueIdsOrKeys: keys, fields: ['key'], as: 'user' });
  return toPreview(def, state, new Set(visible.flatMap((issue) => (issue.key !== undefined ? [issue.key] : []))));
}

export async function applySync(jira: JiraClient, caller: ProjectCaller, checklistId: string, mappings: readonly SyncMapping[] = []): Promise<SyncResult> {
  const def = await requireChecklist(checklistId);
  await requireProjectPermissions(jira, caller, ['BROWSE_PROJECTS', 'CREATE_ISSUES', 'EDIT_ISSUES'], `move the project to ${def.name} ${def.version}`);
  const release = await claimFrameworkForSync(caller.projectKey, def);
  try {
    return await applyClaimed(jira, caller, def, mappings);
  } finally {
    await release();
  }
}

async function applyClaimed(jira: JiraClient, caller: ProjectCaller, def: ChecklistDefinition, mappings: readonly SyncMapping[]): Promise<SyncResult> {
  const setup = await resolveSetup(jira, caller.projectKey);
  // The item map is the truth of what exists; it settles a bulk create a previous run left unanswered.
  const ledger = await ItemLedger.open(jira, caller.projectKey, def.framework);
  const startKeyNumber = await ledger.lastKeyNumber();
  const state = await loadSyncState(jira, def, ledger.map, {
    projectKey: caller.projectKey,
    ...(setup.pointsFieldId !== undefined ? { pointsFieldId: setup.pointsFieldId } : {}),
    ...(await evidenceOption(jira)),
    mappings,
  });
  if (state.mapChanged) await ledger.save();
  const { plan } = state;
  const timeLeft = (): boolean => (invocationRemainingMs() ?? Number.POSITIVE_INFINITY) > STOP_MARGIN_MS;
  const result: SyncResult = { checklistId: def.id, created: 0, updated: 0, retired: 0, unchanged: plan.unchanged.length, complete: false };
  // The versions moved away from become history once the move completes; their last score first.
  const fromIds = [...new Set(state.items.filter((issue) => issue.identity.state === 'active' && issue.identity.checklistId !== def.id).map((issue) => issue.identity.checklistId))];
  await noteRetiring(caller.projectKey, fromIds, def.id);
  await rememberChecklist(caller.projectKey, def.id);

  const chapterKeys = await ensureChapters(jira, def, caller.projectKey, state, setup.epicTypeId, ledger);
  const byKey = new Map(state.items.map((issue) => [issue.key, issue]));
  const itemsById = new Map(def.items.map((item) => [item.id, item]));
  const points: { issueId: string; value: number | null }[] = [];
  // Met-model items carry no points: the field stays empty, never "0 pts".
  const pointsOf = (item: { points: number }): number | null => (def.model === 'met' ? null : item.points);

  const answers = await loadInitialResults(def);
  const createdAll = await createItems({
    jira,
    def,
    projectKey: caller.projectKey,
    ledger,
    issueTypeId: setup.itemTypeId,
    chapterKeys,
    items: plan.create,
    shouldStop: () => !timeLeft(),
    // New items of a team's new version start from the file's Met? answers, as on import.
    extraProperties: initialAssessmentProperties(answers),
    onChunk: async (created) => {
      // The answers count only once the app wrote them into its own field (new issues: the field is empty).
      await writeInitialVerdicts(jira, created, answers);
      result.created += created.size;
      for (const [itemId, issue] of created) if (def.model !== 'met') points.push({ issueId: issue.id, value: itemsById.get(itemId)!.points });
    },
  });

  const updatesDone =
    createdAll &&
    (await inParallel(plan.update, timeLeft, async (update) => {
      const issue = byKey.get(update.issueKey)!;
      const item = itemsById.get(update.itemId)!;
      await updateItem(jira, def, item, issue.identity, update, chapterKeys);
      placeItem(ledger.map, { id: issue.id, key: issue.key, state: 'active' }, { checklistId: def.id, itemId: item.id }, issue.identity);
      if ((issue.points ?? null) !== pointsOf(item)) points.push({ issueId: issue.id, value: pointsOf(item) });
      result.updated += 1;
    }));
  if (plan.update.length > 0) await ledger.save();

  const retireDone = updatesDone && (await retireIssues(jira, ledger, plan.retire.map((ref) => byKey.get(ref.issueKey)!), timeLeft, () => (result.retired += 1)));

  if (setup.pointsFieldId !== undefined && points.length > 0) await jira.setAppFieldValues({ fieldId: setup.pointsFieldId, values: points });
  let missing = 0;
  if (retireDone) {
    // Trust no search index: every mapped issue by id, every issue created since the start by key.
    const verified = await verifyChecklist(jira, ledger, def, { fromKeyNumber: startKeyNumber, ...(await evidenceOption(jira)) });
    missing = verified.missing.length;
  }
  await markProjectChanged(caller.projectKey);
  result.complete = createdAll && updatesDone && retireDone && missing === 0;
  if (result.complete) await finishRetiring(caller.projectKey, def.id);
  await recordDecision({ projectKey: caller.projectKey, actor: caller.accountId, action: 'sync.apply', checklistId: def.id, after: { ...result } });
  // Each confirmed mapping this round applied, as its own decision: which old item's issue now stands for which new one.
  for (const update of plan.update.filter((entry) => entry.mapped === true)) {
    const from = byKey.get(update.issueKey)!.identity;
    await recordDecision({
      projectKey: caller.projectKey,
      actor: caller.accountId,
      action: 'sync.apply',
      checklistId: def.id,
      itemId: update.itemId,
      issueKey: update.issueKey,
      before: { checklistId: from.checklistId, itemId: from.itemId },
      after: { checklistId: def.id, itemId: update.itemId, mapping: 'confirmed' },
    });
  }
  console.info(`[sync] ${caller.projectKey} → ${def.id}: ${result.created} created, ${result.updated} updated, ${result.retired} retired${result.complete ? '' : ' (stopped early; run again to finish)'}`);
  return result;
}

async function evidenceOption(jira: JiraClient): Promise<{ evidenceFieldId?: string }> {
  const id = await evidenceFieldId(jira);
  return id !== undefined ? { evidenceFieldId: id } : {};
}

/** Chapter Epics for every chapter the new version uses: existing ones re-labelled to it, missing ones created. */
async function ensureChapters(
  jira: JiraClient,
  def: ChecklistDefinition,
  projectKey: string,
  state: SyncState,
  epicTypeId: string | undefined,
  ledger: ItemLedger,
): Promise<Record<string, string>> {
  // Null prototype: a chapter id such as `constructor` is a plain key, never Object.prototype's.
  const keys: Record<string, string> = Object.create(null) as Record<string, string>;
  for (const chapter of state.chapters) keys[chapter.identity.chapterId] ??= chapter.key;
  if (epicTypeId === undefined) return keys;
  const used = new Set(def.items.map((item) => item.chapterId));
  const moved: { existing: SyncState['chapters'][number]; chapter: ChecklistDefinition['chapters'][number] }[] = [];
  for (const chapter of def.chapters) {
    const existing = state.chapters.find((issue) => issue.key === keys[chapter.id]);
    if (!existing || existing.identity.checklistId === def.id) continue;
    if (existing.identity.title !== chapter.title) await jira.editIssue({ issueKey: existing.key, fields: { summary: chapter.title } });
    moved.push({ existing, chapter });
  }
  // The Epics' identities in one bulk write (after their summaries: the identity is the commit marker).
  if (moved.length > 0) {
    await jira.setIssuePropertiesBulk({ issues: moved.map(({ existing, chapter }) => ({ issueId: existing.id, properties: { [ITEM_PROPERTY]: chapterIdentity(def, chapter) } })) });
  }
  for (const { existing, chapter } of moved) {
    const from = ledger.map.checklists.get(existing.identity.checklistId)?.chapters;
    if (from?.get(chapter.id)?.id === existing.id) from.delete(chapter.id);
    checklistMap(ledger.map, def.id).chapters.set(chapter.id, { id: existing.id, key: existing.key });
  }
  const missing = def.chapters.filter((chapter) => used.has(chapter.id) && keys[chapter.id] === undefined);
  return Object.assign(keys, await createChapters({ jira, def, projectKey, ledger, epicTypeId, chapters: missing }));
}

async function updateItem(
  jira: JiraClient,
  def: ChecklistDefinition,
  item: ChecklistItem,
  old: ItemIdentity,
  update: SyncUpdate,
  chapterKeys: Record<string, string>,
): Promise<void> {
  const content = update.changes.some((change) => change !== 'identity');
  const labels: LabelOperation[] = [];
  const legacy = legacyChapterLabel(old.chapterId);
  if (legacy !== undefined) labels.push({ remove: legacy });
  if (old.chapterId !== item.chapterId) labels.push({ remove: chapterLabel(old.chapterId) }, { add: chapterLabel(item.chapterId) });
  else if (legacy !== undefined) labels.push({ add: chapterLabel(item.chapterId) });
  if (old.mandatory !== item.mandatory) labels.push(item.mandatory ? { add: MANDATORY_LABEL } : { remove: MANDATORY_LABEL });
  if (old.state === 'retired') labels.push({ remove: RETIRED_LABEL });
  if (content || labels.length > 0) {
    const parentKey = old.chapterId !== item.chapterId ? chapterKeys[item.chapterId] : undefined;
    await jira.editIssue({
      issueKey: update.issueKey,
      ...(content ? { fields: itemContentFields(def, item, parentKey) } : {}),
      ...(labels.length > 0 ? { update: { labels } } : {}),
    });
  }
  await jira.setIssueProperty({ issueKey: update.issueKey, propertyKey: ITEM_PROPERTY, value: itemIdentity(def, item) });
}

/** Runs `work` over `entries`, a few at a time, until done or `mayStart` says stop; true when all ran. */
async function inParallel<T>(entries: readonly T[], mayStart: () => boolean, work: (entry: T) => Promise<void>): Promise<boolean> {
  let next = 0;
  let stopped = false;
  const lane = async (): Promise<void> => {
    while (next < entries.length) {
      if (!mayStart()) {
        stopped = true;
        return;
      }
      await work(entries[next++]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(CONCURRENCY, entries.length) }, lane));
  return !stopped;
}

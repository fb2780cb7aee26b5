/**
 * Version sync planning: given a checklist definition and the item issues Jira already holds,
 * decide what to create, update, retire or leave alone. Pure, so a preview can show the exact plan
 * the apply step will run, and a second run over the result is a no-op (every item unchanged).
 *
 * Matching rules, in order:
 * 1. Issues of another framework are ignored; issues of any version of this framework match a
 *    definition item by item id (the lowest issue key wins if Jira holds several — the rest are
 *    reported as duplicates, never recreated).
 * 2. A definition item with no issue of its own takes over the issue of an old id it `replaces`
 *    (a rename), if no other item claimed that issue first (checklist order decides).
 * 3. A confirmed mapping (one of the plan's proposals, see below) works like a rename: the new
 *    item takes over the old item's issue, which keeps its status, owner, evidence and history.
 * 4. Remaining active issues of this framework are retired — including the second issue of a
 *    merge (two old ids replaced by one item), which no longer stands for any item.
 *
 * Proposals: a new item with no issue of its own whose normalised title is that of exactly one old
 * item about to be retired (and no other new item has that title) is proposed as its successor.
 * Nothing else is ever proposed; a proposal only takes effect when the person confirms it.
 */
import { canonicalJson, fnv1a64 } from './hash';
import { confirmedMappings, proposalsOf, type ItemMapping, type SyncProposal } from './sync-proposals';
import type { ChecklistDefinition, ChecklistItem } from './types';

export { mappingProblem, SyncMappingError, normaliseTitle, type ItemMapping, type SyncProposal } from './sync-proposals';

/** What the app knows about an item issue already in Jira (from its `msp-audit-item` property). */
export interface ExistingItem {
  issueKey: string;
  checklistId: string;
  itemId: string;
  chapterId: string;
  /** {@link itemContentHash} of the item as last written to the issue. */
  hash: string;
  retired: boolean;
  /** Item title (without the id) as last written by the app. */
  title?: string;
  /**
   * Optional: the framework the issue belongs to. When absent, the issue belongs to the
   * definition's framework if its checklist id is the definition's or starts with `<framework>-`.
   */
  framework?: string;
  /** Optional, as last written: lets the plan say exactly which fields changed (see {@link itemFingerprint}). */
  points?: number;
  penalty?: number;
  mandatory?: boolean;
  /** Optional: {@link itemTextHash} as last written. */
  textHash?: string;
  /** Optional: people worked on the issue (status, evidence, an assessment or a waiver). */
  work?: boolean;
}

/**
 * What an update has to write. `summary`: the title or the item id (the summary shows both).
 * `description`: requirement or expected evidence. `points`: points, penalty or mandatory flag
 * (the description shows points and mandatory too, so the apply step rewrites it for either).
 * `chapter`: parent and chapter label. `identity`: the issue property (checklist id, version,
 * item id, retired flag).
 */
export type SyncChange = 'summary' | 'description' | 'points' | 'chapter' | 'identity';

export interface SyncUpdate {
  issueKey: string;
  itemId: string;
  /** Set when the item took over the issue of an old id it replaces. */
  previousItemId?: string;
  changes: SyncChange[];
  /** The issue was retired and comes back. */
  restored?: boolean;
  /** The takeover is a mapping the person confirmed (not a rename the definition declares). */
  mapped?: boolean;
}

export interface SyncRef {
  issueKey: string;
  itemId: string;
}

export interface SyncDuplicate {
  itemId: string;
  /** The issue that stands for the item (lowest key). */
  keptIssueKey: string;
  /** The other issues for the same item, lowest key first; the plan never touches them. */
  issueKeys: string[];
}

export interface SyncPlan {
  checklistId: string;
  create: ChecklistItem[];
  update: SyncUpdate[];
  retire: SyncRef[];
  unchanged: SyncRef[];
  duplicates: SyncDuplicate[];
  /** Mappings offered for confirmation (those already confirmed are updates, marked `mapped`). */
  proposals: SyncProposal[];
  /** Issues of the plan's retire list that have work on them. */
  retiredWithWork: number;
  /** Active issues of the framework before the move (the "of 130" in "4 of 130 items carry over"). */
  activeBefore: number;
}

/** Counts for a preview. `update` = renamed + restored + changed + versionOnly. */
export interface SyncPlanSummary {
  create: number;
  update: number;
  renamed: number;
  restored: number;
  /** Updates whose content (summary, description, points or chapter) changed. */
  changed: number;
  /** Updates that only move the issue to this checklist version. */
  versionOnly: number;
  retire: number;
  unchanged: number;
  /** Extra issues beyond the one kept per item. */
  duplicates: number;
  /** Active issues before the move that stand for an item after it (keep their work). */
  carriedOver: number;
  /** Active issues of the framework before the move. */
  activeBefore: number;
  /** Issues to retire that have work on them (status, evidence, an assessment or a waiver). */
  retiredWithWork: number;
  /** Mappings offered for confirmation. */
  proposals: number;
}

/** The definition itself is inconsistent; the checklist file needs fixing before a sync. */
export class SyncPlanError extends Error {
  override name = 'SyncPlanError';
}

const CHANGE_ORDER: readonly SyncChange[] = ['summary', 'description', 'points', 'chapter', 'identity'];

/**
 * A stable fingerprint of everything about an item that shows in Jira: FNV-1a 64 over a
 * canonical JSON of title, requirement, evidence, points, mandatory, penalty and chapter.
 * Complexity is left out: it is a hint the team owns once imported.
 *
 * @example
 * itemContentHash(item) === itemContentHash({ ...item }); // true, 16 hex digits
 */
export function itemContentHash(item: ChecklistItem): string {
  // Written out in canonicalJson's key order (sorted) rather than through it: the same text, and
  // a sync plan over thousands of items skips a key sort per item. A test pins the equality.
  const json = JSON.stringify;
  return fnv1a64(
    `{"chapterId":${json(item.chapterId)},"evidence":${json(item.evidence)},"mandatory":${json(item.mandatory)},` +
      `"penalty":${json(item.penalty)},"points":${json(item.points)},"requirement":${json(item.requirement)},` +
      `"title":${json(item.title)}}`,
  );
}

/**
 * Fingerprint of the description text alone (requirement and expected evidence), so a changed
 * description can be told apart from a changed title or points.
 *
 * @example
 * itemTextHash({ ...item, title: 'New title' }) === itemTextHash(item); // true
 */
export function itemTextHash(item: ChecklistItem): string {
  return fnv1a64(canonicalJson({ requirement: item.requirement, evidence: item.evidence }));
}

/**
 * The fields an import should store on an item issue so that a later {@link planSync} can name
 * exactly which fields changed. Add `issueKey` and `retired` to get an {@link ExistingItem}.
 *
 * @example
 * const existing: ExistingItem = { ...itemFingerprint(def, item), issueKey: 'MSP-12', retired: false };
 */
export function itemFingerprint(def: ChecklistDefinition, item: ChecklistItem): Omit<ExistingItem, 'issueKey' | 'retired'> {
  return {
    checklistId: def.id,
    framework: def.framework,
    itemId: item.id,
    chapterId: item.chapterId,
    hash: itemContentHash(item),
    textHash: itemTextHash(item),
    title: item.title,
    points: item.points,
    penalty: item.penalty,
    mandatory: item.mandatory,
  };
}

/**
 * Plans the sync of a checklist definition onto the item issues already in Jira.
 *
 * @example
 * const plan = planSync(awsMsp42, existingFromJira);
 * plan.create;  // items with no issue yet, in checklist order
 * plan.update;  // e.g. { issueKey: 'MSP-7', itemId: '4.2', previousItemId: '4.1', changes: ['summary', 'identity'] }
 * plan.retire;  // issues whose item left the checklist
 */
export function planSync(def: ChecklistDefinition, existing: ExistingItem[], options: { mappings?: readonly ItemMapping[] } = {}): SyncPlan {
  assertUniqueItemIds(def);
  const prefix = `${def.framework}-`;
  const groups = groupByItemId(existing.filter((issue) => belongsToFramework(issue, def, prefix)));

  const claimedBy = new Map<string, number>(); // existing item id → index of the claiming item
  def.items.forEach((item, index) => {
    if (groups.has(item.id)) claimedBy.set(item.id, index);
  });
  const takenOver = new Map<string, string>(); // new item id → old item id whose issue it takes
  def.items.forEach((item, index) => {
    if (groups.has(item.id)) return;
    const old = item.replaces.find((id) => groups.has(id) && !claimedBy.has(id));
    if (old === undefined) return;
    claimedBy.set(old, index);
    takenOver.set(item.id, old);
  });

  const offered = proposalsOf(def, groups, claimedBy, takenOver);
  const confirmed = confirmedMappings(offered, options.mappings ?? []);
  const indexOf = new Map(def.items.map((item, index) => [item.id, index]));
  for (const mapping of confirmed) {
    claimedBy.set(mapping.fromItemId, indexOf.get(mapping.toItemId)!);
    takenOver.set(mapping.toItemId, mapping.fromItemId);
  }
  const mappedTo = new Set(confirmed.map((mapping) => mapping.toItemId));

  const plan: SyncPlan = {
    checklistId: def.id,
    create: [],
    update: [],
    retire: [],
    unchanged: [],
    duplicates: [],
    proposals: offered.filter((proposal) => !mappedTo.has(proposal.toItemId)),
    retiredWithWork: 0,
    activeBefore: [...groups.values()].filter((issues) => issues[0]?.retired === false).length,
  };
  for (const item of def.items) {
    const previousItemId = takenOver.get(item.id);
    const issue = groups.get(previousItemId ?? item.id)?.[0];
    if (!issue) {
      plan.create.push(item);
      continue;
    }
    const changes = changesFor(def, item, issue, previousItemId);
    if (changes.length === 0) {
      plan.unchanged.push({ issueKey: issue.issueKey, itemId: item.id });
      continue;
    }
    const update: SyncUpdate = { issueKey: issue.issueKey, itemId: item.id, changes };
    if (previousItemId !== undefined) update.previousItemId = previousItemId;
    if (issue.retired) update.restored = true;
    if (mappedTo.has(item.id)) update.mapped = true;
    plan.update.push(update);
  }

  const unclaimed = [...groups.entries()].filter(([itemId]) => !claimedBy.has(itemId));
  for (const [itemId, issues] of unclaimed) {
    const primary = issues[0];
    if (primary && !primary.retired) {
      plan.retire.push({ issueKey: primary.issueKey, itemId });
      if (primary.work === true) plan.retiredWithWork += 1;
    }
  }
  plan.retire.sort((a, b) => compareIssueKeys(a.issueKey, b.issueKey));

  plan.duplicates = duplicatesOf(groups, claimedBy);
  return plan;
}

/**
 * Counts for a sync preview ("3 new, 2 changed, 1 renamed, 1 retired, 120 unchanged").
 *
 * @example
 * summarizePlan(planSync(v2, existing)); // { create: 3, changed: 2, renamed: 1, retire: 1, … }
 */
export function summarizePlan(plan: SyncPlan): SyncPlanSummary {
  const summary: SyncPlanSummary = {
    create: plan.create.length,
    update: plan.update.length,
    renamed: 0,
    restored: 0,
    changed: 0,
    versionOnly: 0,
    retire: plan.retire.length,
    unchanged: plan.unchanged.length,
    duplicates: plan.duplicates.reduce((sum, duplicate) => sum + duplicate.issueKeys.length, 0),
    carriedOver: plan.unchanged.length + plan.update.filter((update) => update.restored !== true).length,
    activeBefore: plan.activeBefore,
    retiredWithWork: plan.retiredWithWork,
    proposals: plan.proposals.length,
  };
  for (const update of plan.update) {
    if (update.previousItemId !== undefined) summary.renamed += 1;
    else if (update.restored) summary.restored += 1;
    else if (update.changes.some((change) => change !== 'identity')) summary.changed += 1;
    else summary.versionOnly += 1;
  }
  return summary;
}

/**
 * Orders Jira issue keys as people read them: by project, then by number (`MSP-9` before
 * `MSP-10`). Keys of another shape fall back to plain string order.
 *
 * @example
 * ['MSP-10', 'MSP-9'].sort(compareIssueKeys); // ['MSP-9', 'MSP-10']
 */
export function compareIssueKeys(a: string, b: string): number {
  const left = /^(.+)-(\d+)$/.exec(a);
  const right = /^(.+)-(\d+)$/.exec(b);
  if (left?.[1] !== undefined && left[2] !== undefined && right?.[1] !== undefined && right[2] !== undefined) {
    if (left[1] !== right[1]) return left[1] < right[1] ? -1 : 1;
    const byNumber = Number(left[2]) - Number(right[2]);
    if (byNumber !== 0) return byNumber;
  }
  return a < b ? -1 : a > b ? 1 : 0;
}

function changesFor(
  def: ChecklistDefinition,
  item: ChecklistItem,
  issue: ExistingItem,
  previousItemId: string | undefined,
): SyncChange[] {
  const changes = new Set<SyncChange>();
  if (issue.hash !== itemContentHash(item)) {
    for (const change of contentChanges(item, issue)) changes.add(change);
  }
  // The summary starts with the item id, so a rename rewrites it even when the title stays.
  if (previousItemId !== undefined) changes.add('summary');
  if (previousItemId !== undefined || issue.retired || issue.checklistId !== def.id) changes.add('identity');
  return CHANGE_ORDER.filter((change) => changes.has(change));
}

/**
 * The hash says something changed; the stored fields say what. A field not stored is reported as
 * changed, since it cannot be ruled out, and if every stored field still matches (a fingerprint
 * written by another hash scheme) all text is rewritten rather than risk leaving it stale.
 */
function contentChanges(item: ChecklistItem, issue: ExistingItem): SyncChange[] {
  const changes: SyncChange[] = [];
  if (issue.title === undefined || issue.title !== item.title) changes.push('summary');
  if (issue.textHash === undefined || issue.textHash !== itemTextHash(item)) changes.push('description');
  if (
    issue.points === undefined ||
    issue.penalty === undefined ||
    issue.mandatory === undefined ||
    issue.points !== item.points ||
    issue.penalty !== item.penalty ||
    issue.mandatory !== item.mandatory
  ) {
    changes.push('points');
  }
  if (issue.chapterId !== item.chapterId) changes.push('chapter');
  return changes.length > 0 ? changes : ['summary', 'description', 'points'];
}

function belongsToFramework(issue: ExistingItem, def: ChecklistDefinition, prefix: string): boolean {
  if (issue.framework !== undefined) return issue.framework === def.framework;
  return issue.checklistId === def.id || issue.checklistId.startsWith(prefix);
}

/** Issues per item id, lowest key first (the one that stands for the item). */
function groupByItemId(issues: ExistingItem[]): Map<string, ExistingItem[]> {
  const groups = new Map<string, ExistingItem[]>();
  for (const issue of issues) {
    const group = groups.get(issue.itemId);
    if (group) group.push(issue);
    else groups.set(issue.itemId, [issue]);
  }
  for (const group of groups.values()) {
    if (group.length > 1) group.sort((a, b) => compareIssueKeys(a.issueKey, b.issueKey));
  }
  return groups;
}

function duplicatesOf(groups: Map<string, ExistingItem[]>, claimedBy: Map<string, number>): SyncDuplicate[] {
  const duplicates = [...groups.entries()]
    .filter(([, issues]) => issues.length > 1)
    .map(([itemId, issues]) => ({
      itemId,
      keptIssueKey: issues[0]?.issueKey ?? '',
      issueKeys: issues.slice(1).map((issue) => issue.issueKey),
      // Duplicates of items in the checklist come in checklist order, the others after them.
      rank: claimedBy.get(itemId) ?? Number.MAX_SAFE_INTEGER,
    }));
  duplicates.sort((a, b) => a.rank - b.rank || compareIssueKeys(a.keptIssueKey, b.keptIssueKey));
  return duplicates.map(({ itemId, keptIssueKey, issueKeys }) => ({ itemId, keptIssueKey, issueKeys }));
}

function assertUniqueItemIds(def: ChecklistDefinition): void {
  const seen = new Set<string>();
  for (const item of def.items) {
    if (seen.has(item.id)) {
      throw new SyncPlanError(
        `Checklist ${def.id} lists item ${item.id} twice; give each item its own id in the checklist file before syncing.`,
      );
    }
    seen.add(item.id);
  }
}

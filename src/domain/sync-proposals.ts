/**
 * What a version move offers to carry over beyond what the definition says: a new item with no
 * issue of its own whose normalised title is that of exactly one old item about to be retired (and
 * no other new item has that title) is proposed as its successor. Nothing else is ever proposed,
 * and a proposal only takes effect when a person confirms it (`applySync { mappings }`). Pure.
 */
import type { ExistingItem } from './sync-plan';
import type { ChecklistDefinition, ChecklistItem } from './types';

/** A person's confirmation that the issue of `fromItemId` stands for `toItemId` from now on. */
export interface ItemMapping {
  fromItemId: string;
  toItemId: string;
}

/** A mapping the plan offers for confirmation; `reason` says why in words. */
export interface SyncProposal extends ItemMapping {
  issueKey: string;
  reason: string;
  /** The old issue has work on it that would otherwise be retired. */
  withWork: boolean;
}

/** A mapping that is not one of the plan's proposals (never applied; nothing is written). */
export class SyncMappingError extends Error {
  override name = 'SyncMappingError';
}

/**
 * A title as people read it, for matching across versions: Unicode-normalised (NFKC), lower case,
 * every run of punctuation or spaces one space.
 *
 * @example
 * normaliseTitle('  Identity & Access  Management ') === normaliseTitle('identity access management'); // true
 */
export function normaliseTitle(title: string): string {
  return title
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/**
 * The words a person reads for a mapping they are asked to confirm, or for one they sent that is
 * not offered. Returns the problem with `mappings`, or undefined when every one is a proposal.
 */
export function mappingProblem(proposals: readonly ItemMapping[], mappings: readonly ItemMapping[]): string | undefined {
  const seen = new Set<string>();
  for (const mapping of mappings) {
    if (seen.has(mapping.fromItemId) || seen.has(`→${mapping.toItemId}`)) {
      return `Item ${mapping.fromItemId} or ${mapping.toItemId} appears in two mappings; confirm each proposal once.`;
    }
    seen.add(mapping.fromItemId).add(`→${mapping.toItemId}`);
    if (!proposals.some((proposal) => proposal.fromItemId === mapping.fromItemId && proposal.toItemId === mapping.toItemId)) {
      return `The update does not propose moving item ${mapping.fromItemId} to ${mapping.toItemId}; only the proposals the preview lists can be confirmed. Preview the update again and confirm from its list.`;
    }
  }
  return undefined;
}

export function confirmedMappings(offered: readonly SyncProposal[], mappings: readonly ItemMapping[]): ItemMapping[] {
  const problem = mappingProblem(offered, mappings);
  if (problem !== undefined) throw new SyncMappingError(problem);
  return [...mappings];
}

/** Same-title successors: one unclaimed new item, one old item about to be retired, per normalised title. */
export function proposalsOf(
  def: ChecklistDefinition,
  groups: Map<string, ExistingItem[]>,
  claimedBy: Map<string, number>,
  takenOver: Map<string, string>,
): SyncProposal[] {
  const olds = new Map<string, ExistingItem[]>();
  for (const [itemId, issues] of groups) {
    const primary = issues[0];
    if (claimedBy.has(itemId) || !primary || primary.retired || primary.title === undefined) continue;
    const title = normaliseTitle(primary.title);
    if (title !== '') olds.set(title, [...(olds.get(title) ?? []), primary]);
  }
  const news = new Map<string, ChecklistItem[]>();
  for (const item of def.items) {
    if (groups.has(item.id) || takenOver.has(item.id)) continue;
    const title = normaliseTitle(item.title);
    news.set(title, [...(news.get(title) ?? []), item]);
  }
  const proposals: SyncProposal[] = [];
  for (const item of def.items) {
    const title = normaliseTitle(item.title);
    const from = olds.get(title);
    if (news.get(title)?.length !== 1 || from?.length !== 1 || !from[0]) continue;
    proposals.push({
      fromItemId: from[0].itemId,
      toItemId: item.id,
      issueKey: from[0].issueKey,
      reason: `Same title: “${item.title}”`,
      withWork: from[0].work === true,
    });
  }
  return proposals;
}


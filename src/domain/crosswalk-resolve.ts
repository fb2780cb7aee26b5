/**
 * A stored crosswalk names checklist versions (aws-msp-7.1, mspalliance-ucs-23); a project may hold
 * another version of the same framework since a version update. This follows each mapping to the
 * versions the project holds: an item kept under its id is the same item, an item that a newer
 * item `replaces` follows the rename, and an item the newer version dropped is flagged retired
 * rather than silently pointing at nothing. Pure, no I/O.
 */
import type { CrosswalkCoverage, CrosswalkMapping, ItemRef } from './crosswalk';
import type { ChecklistDefinition } from './types';

/** Where one end of a mapping lands in the project. */
export type EndState =
  /** The item, in the version the project holds. */
  | { state: 'held'; ref: ItemRef; renamedFrom?: string }
  /** The project holds another version of this framework that dropped the item. */
  | { state: 'retired'; heldChecklistId: string }
  /** The project holds no version of this checklist's framework. */
  | { state: 'not-held' };

export interface ResolvedMapping {
  /** As stored. */
  mapping: CrosswalkMapping;
  coverage: CrosswalkCoverage;
  from: EndState;
  to: EndState;
}

/**
 * Each mapping with both ends followed into the checklists the project holds. A mapping is listed
 * once per item its ends land on (an item split in two by a newer version yields two).
 * `known` is every checklist the site knows (to learn the framework of a version the project no
 * longer holds); `held` the project's own.
 *
 * @example
 * // stored: aws-msp-4.x 8.3 → ucs 06.01; the project moved to a version where SEC-001 replaces 8.3
 * resolveMappings(stored, known, held)[0]?.from; // → { state: 'held', ref: { checklistId: '…', itemId: 'SEC-001' }, renamedFrom: '8.3' }
 */
export function resolveMappings(
  mappings: readonly CrosswalkMapping[],
  known: readonly ChecklistDefinition[],
  held: readonly ChecklistDefinition[],
): ResolvedMapping[] {
  const frameworkOf = new Map(known.map((def) => [def.id, def.framework]));
  for (const def of held) frameworkOf.set(def.id, def.framework);
  const heldById = new Map(held.map((def) => [def.id, def]));
  const heldByFramework = new Map<string, ChecklistDefinition[]>();
  for (const def of held) heldByFramework.set(def.framework, [...(heldByFramework.get(def.framework) ?? []), def]);
  const follow = memo((ref: ItemRef) => followEnd(ref, heldById, heldByFramework, frameworkOf));
  const out: ResolvedMapping[] = [];
  for (const mapping of mappings) {
    for (const from of follow(mapping.from)) {
      for (const to of follow(mapping.to)) out.push({ mapping, coverage: mapping.coverage, from, to });
    }
  }
  return out;
}

function memo(fn: (ref: ItemRef) => EndState[]): (ref: ItemRef) => EndState[] {
  const cache = new Map<string, EndState[]>();
  return (ref) => {
    const key = `${ref.checklistId}\u0000${ref.itemId}`;
    let hit = cache.get(key);
    if (!hit) cache.set(key, (hit = fn(ref)));
    return hit;
  };
}

function followEnd(
  ref: ItemRef,
  heldById: Map<string, ChecklistDefinition>,
  heldByFramework: Map<string, ChecklistDefinition[]>,
  frameworkOf: Map<string, string>,
): EndState[] {
  const same = heldById.get(ref.checklistId);
  if (same) {
    // The version itself: the item is there unless the checklist was re-saved without it.
    return same.items.some((item) => item.id === ref.itemId) ? [{ state: 'held', ref }] : [{ state: 'retired', heldChecklistId: same.id }];
  }
  const framework = frameworkOf.get(ref.checklistId);
  const versions = framework === undefined ? [] : (heldByFramework.get(framework) ?? []);
  if (versions.length === 0) return [{ state: 'not-held' }];
  return versions.flatMap((def): EndState[] => {
    if (def.items.some((item) => item.id === ref.itemId)) return [{ state: 'held', ref: { checklistId: def.id, itemId: ref.itemId } }];
    const successors = def.items.filter((item) => item.replaces.includes(ref.itemId));
    if (successors.length === 0) return [{ state: 'retired', heldChecklistId: def.id }];
    return successors.map((item) => ({ state: 'held', ref: { checklistId: def.id, itemId: item.id }, renamedFrom: ref.itemId }));
  });
}

/** Mappings that lost an end to a version update, for the crosswalk page to flag. */
export function retiredMappings(resolved: readonly ResolvedMapping[]): ResolvedMapping[] {
  return resolved.filter((entry) => entry.from.state === 'retired' || entry.to.state === 'retired');
}

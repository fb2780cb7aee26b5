/**
 * A stored crosswalk names checklist versions (aws-msp-7.1, mspalliance-ucs-23); a project may hold
 * another version of the same framework since a version update. This follows each mapping to the
 * versions the project holds: an item kept under its id is the same item, an item that a newer
 * item `replaces` follows the rename (over several version updates, through the versions between,
 * and back when the mapping names a newer version than the project holds), and an item the newer
 * version dropped is flagged retired rather than silently pointing at nothing. Pure, no I/O.
 */
import { compareVersions } from '../../common/versions';
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
  const lineage = lineageOf([...known, ...held]);
  const follow = memo((ref: ItemRef) => followEnd(ref, heldById, heldByFramework, frameworkOf, lineage));
  const out: ResolvedMapping[] = [];
  for (const mapping of mappings) {
    for (const from of follow(mapping.from)) {
      for (const to of follow(mapping.to)) out.push({ mapping, coverage: mapping.coverage, from, to });
    }
  }
  return out;
}

/** Per framework, the renames its versions declare (`replaces`): old id → new ids, and back. */
type Lineage = Map<string, { forward: Map<string, string[]>; backward: Map<string, string[]> }>;

function lineageOf(defs: readonly ChecklistDefinition[]): Lineage {
  const lineage: Lineage = new Map();
  const seen = new Set<string>();
  for (const def of defs) {
    if (seen.has(def.id)) continue;
    seen.add(def.id);
    let entry = lineage.get(def.framework);
    if (!entry) lineage.set(def.framework, (entry = { forward: new Map(), backward: new Map() }));
    for (const item of def.items) {
      for (const old of item.replaces) {
        addEdge(entry.forward, old, item.id);
        addEdge(entry.backward, item.id, old);
      }
    }
  }
  return lineage;
}

function addEdge(edges: Map<string, string[]>, from: string, to: string): void {
  const list = edges.get(from) ?? [];
  if (!list.includes(to)) list.push(to);
  edges.set(from, list);
}

/**
 * The ids in `present` reached from `start` along `edges`, the nearest first: a rename over
 * several version updates (A-2 → A-20 in v2, A-20 → A-200 in v3) is followed to the end.
 */
function reach(start: string, edges: ReadonlyMap<string, readonly string[]>, present: ReadonlySet<string>): string[] {
  const found: string[] = [];
  const visited = new Set([start]);
  let frontier = [start];
  while (frontier.length > 0) {
    const next: string[] = [];
    for (const id of frontier) {
      for (const to of edges.get(id) ?? []) {
        if (visited.has(to)) continue;
        visited.add(to);
        if (present.has(to)) found.push(to);
        else next.push(to);
      }
    }
    frontier = next;
  }
  return found;
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
  lineage: Lineage,
): EndState[] {
  const same = heldById.get(ref.checklistId);
  if (same) {
    // The version itself: the item is there unless the checklist was re-saved without it.
    return same.items.some((item) => item.id === ref.itemId) ? [{ state: 'held', ref }] : [{ state: 'retired', heldChecklistId: same.id }];
  }
  const framework = frameworkOf.get(ref.checklistId);
  const versions = framework === undefined ? [] : (heldByFramework.get(framework) ?? []);
  if (versions.length === 0) return [{ state: 'not-held' }];
  const renames = lineage.get(framework ?? '');
  return versions.flatMap((def): EndState[] => {
    const present = new Set(def.items.map((item) => item.id));
    if (present.has(ref.itemId)) return [{ state: 'held', ref: { checklistId: def.id, itemId: ref.itemId } }];
    // A newer version renamed or split the item; else the mapping names a newer version than the project holds.
    const forward = renames ? reach(ref.itemId, renames.forward, present) : [];
    const successors = forward.length > 0 ? forward : renames ? reach(ref.itemId, renames.backward, present) : [];
    if (successors.length === 0) return [{ state: 'retired', heldChecklistId: def.id }];
    return successors.map((itemId) => ({ state: 'held', ref: { checklistId: def.id, itemId }, renamedFrom: ref.itemId }));
  });
}

/** Mappings that lost an end to a version update, for the crosswalk page to flag. */
export function retiredMappings(resolved: readonly ResolvedMapping[]): ResolvedMapping[] {
  return resolved.filter((entry) => entry.from.state === 'retired' || entry.to.state === 'retired');
}

/**
 * The version of each framework a project works now, from every checklist it ever imported or
 * synced: a project only moves forward (an older version is refused once it moved on), so it is
 * the newest. `viewing` (the checklist whose rollup is read) stands for its own framework.
 *
 * @example
 * heldVersions([syncV1, syncV2, ucs]); // → [syncV2, ucs]
 */
export function heldVersions(everHeld: readonly ChecklistDefinition[], viewing?: ChecklistDefinition): ChecklistDefinition[] {
  const newest = new Map<string, ChecklistDefinition>();
  if (viewing) newest.set(viewing.framework, viewing);
  for (const def of everHeld) {
    if (viewing && def.framework === viewing.framework) continue;
    const current = newest.get(def.framework);
    if (!current || compareVersions(def.version, current.version) > 0) newest.set(def.framework, def);
  }
  return [...newest.values()];
}

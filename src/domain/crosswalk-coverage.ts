/**
 * What a crosswalk does for a project: accepted evidence in force on item X of checklist A covers
 * every item Y of another checklist that X fully covers ("evidence from A X"). Only direct mappings
 * count: coverage never chains (A covers B, B covers C does not make A's evidence cover C), so an
 * auditor can always see the one row that justifies it. Partial mappings are shown as related and
 * never cover. Pure, no I/O.
 */
import type { CrosswalkCoverage, ItemRef } from './crosswalk';
import type { EndState, ResolvedMapping } from './crosswalk-resolve';
import { isInForce } from './evidence-dates';
import { isMetUnderStrictMode } from './evidence-risk';
import type { EvidenceFieldValue, IsoDate } from './evidence-types';

export const refKey = (ref: ItemRef): string => `${ref.checklistId}\u0000${ref.itemId}`;

/** What the project holds on one item: its issue and its evidence. */
export interface HeldEvidence {
  issueKey?: string;
  evidence?: EvidenceFieldValue | null;
}

/** Accepted evidence in force on a source item that fully covers the target. */
export interface CoverageSource extends ItemRef {
  issueKey?: string;
  /** The accepted entries in force, by title, for "evidence from A X: <title>". */
  titles: string[];
}

export interface ItemCoverage {
  target: ItemRef;
  /** Sources whose accepted evidence in force covers the target; empty: not covered. */
  coveredBy: CoverageSource[];
}

/**
 * Coverage of every held item some full mapping points at, keyed by {@link refKey}. An item fully
 * mapped from sources without accepted evidence in force is listed with `coveredBy: []`.
 *
 * @example
 * const coverage = crosswalkCoverage(resolved, (ref) => held.get(refKey(ref)), '2026-12-07');
 * coverage.get(refKey({ checklistId: 'mspalliance-ucs-23', itemId: '01.03' }))?.coveredBy[0];
 * // → { checklistId: 'aws-msp-7.1', itemId: 'GOV-002', issueKey: 'MSP-12', titles: ['Risk register'] }
 */
export function crosswalkCoverage(
  resolved: readonly ResolvedMapping[],
  heldOf: (ref: ItemRef) => HeldEvidence | undefined,
  today: IsoDate,
): Map<string, ItemCoverage> {
  const coverage = new Map<string, ItemCoverage>();
  for (const entry of resolved) {
    if (entry.coverage !== 'full' || entry.to.state !== 'held') continue;
    const target = entry.to.ref;
    const key = refKey(target);
    let item = coverage.get(key);
    if (!item) coverage.set(key, (item = { target, coveredBy: [] }));
    if (entry.from.state !== 'held') continue;
    const source = entry.from.ref;
    if (item.coveredBy.some((known) => refKey(known) === refKey(source))) continue;
    const held = heldOf(source);
    if (!held || !isMetUnderStrictMode(held.evidence, today)) continue;
    const titles = (held.evidence?.entries ?? []).filter((e) => e.reviewState === 'accepted' && isInForce(e, today)).map((e) => e.title);
    item.coveredBy.push({ ...source, ...(held.issueKey !== undefined ? { issueKey: held.issueKey } : {}), titles });
  }
  return coverage;
}

/** One mapping as the item panel lists it, seen from one item. */
export interface ItemMappingView {
  direction: 'covers' | 'covered-by';
  coverage: CrosswalkCoverage;
  /** The item at the other end, in the version the project holds (or as stored, when retired or not held). */
  other: ItemRef;
  otherState: EndState['state'];
  renamedFrom?: string;
  note?: string;
  /** The crosswalk names this item or the other in an earlier version (or id) than the project holds: it changes by uploading the crosswalk again. */
  earlierVersion?: true;
}

/**
 * The mappings of one held item, both ways: the items it covers and the items that cover it.
 *
 * @example
 * mappingsOfItem(resolved, { checklistId: 'mspalliance-code-of-ethics', itemId: '3.2' });
 * // → [{ direction: 'covers', coverage: 'partial', other: { checklistId: 'mspalliance-ucs-23', itemId: '03.01' }, otherState: 'held' }]
 */
export function mappingsOfItem(resolved: readonly ResolvedMapping[], item: ItemRef): ItemMappingView[] {
  const key = refKey(item);
  const views: ItemMappingView[] = [];
  for (const entry of resolved) {
    const note = entry.mapping.note !== undefined ? { note: entry.mapping.note } : {};
    const earlier = [entry.from.state === 'held' ? [entry.from.ref, entry.mapping.from] : [], entry.to.state === 'held' ? [entry.to.ref, entry.mapping.to] : []].some(
      ([held, named]) => held !== undefined && named !== undefined && refKey(held) !== refKey(named),
    );
    const extra = { ...note, ...(earlier ? { earlierVersion: true as const } : {}) };
    if (entry.from.state === 'held' && refKey(entry.from.ref) === key) views.push({ direction: 'covers', coverage: entry.coverage, ...otherEnd(entry.to, entry.mapping.to), ...extra });
    if (entry.to.state === 'held' && refKey(entry.to.ref) === key) views.push({ direction: 'covered-by', coverage: entry.coverage, ...otherEnd(entry.from, entry.mapping.from), ...extra });
  }
  return views;
}

function otherEnd(end: EndState, stored: ItemRef): Pick<ItemMappingView, 'other' | 'otherState' | 'renamedFrom'> {
  if (end.state !== 'held') return { other: stored, otherState: end.state };
  return { other: end.ref, otherState: 'held', ...(end.renamedFrom !== undefined ? { renamedFrom: end.renamedFrom } : {}) };
}

/** Per checklist, for the Audit page: how many items evidence from other checklists covers. */
export interface ChecklistCoverageSummary {
  checklistId: string;
  /** Items with at least one full mapping from another checklist. */
  mapped: number;
  /** Items covered by accepted evidence in force on another checklist's item. */
  covered: number;
  /** Mandatory items still open here that another checklist's accepted evidence covers. */
  wouldClose: string[];
}

/**
 * @example
 * coverageSummary('mspalliance-ucs-23', coverage, ['01.03', '02.01']);
 * // → { checklistId: 'mspalliance-ucs-23', mapped: 5, covered: 2, wouldClose: ['01.03'] }
 */
export function coverageSummary(checklistId: string, coverage: ReadonlyMap<string, ItemCoverage>, openMandatory: readonly string[]): ChecklistCoverageSummary {
  const mine = [...coverage.values()].filter((item) => item.target.checklistId === checklistId);
  const covered = new Set(mine.filter((item) => item.coveredBy.length > 0).map((item) => item.target.itemId));
  return { checklistId, mapped: mine.length, covered: covered.size, wouldClose: openMandatory.filter((id) => covered.has(id)) };
}

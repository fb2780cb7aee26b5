/**
 * One mapping linked (or unlinked) by hand, checked as a row of the crosswalk it joins: the same
 * rules as an upload (known checklists and items, not to itself, no cycle of partial mappings; see
 * crosswalk.ts), judged on that one row only, so a problem of another row (a checklist deleted
 * since the upload) never blocks it. Pure, no I/O.
 */
import { validateCrosswalk, type CrosswalkMapping, type CrosswalkProblem, type ItemRef } from './crosswalk';
import type { ChecklistDefinition } from './types';

export type LinkOutcome =
  | { kind: 'unchanged'; before: CrosswalkMapping | undefined }
  | { kind: 'changed'; mappings: CrosswalkMapping[]; before: CrosswalkMapping | undefined }
  | { kind: 'refused'; problems: CrosswalkProblem[] };

const same = (a: ItemRef, b: ItemRef): boolean => a.checklistId === b.checklistId && a.itemId === b.itemId;
const samePair = (a: CrosswalkMapping, b: Pick<CrosswalkMapping, 'from' | 'to'>): boolean => same(a.from, b.from) && same(a.to, b.to);

/**
 * The crosswalk with `mapping` added (replacing the one between the same two items, same direction)
 * or, with `remove`, without it.
 *
 * @example
 * applyLink(current, { from: { checklistId: 'aws-msp-7.1', itemId: 'SEC-002' }, to: { checklistId: 'mspalliance-ucs-23', itemId: '06.01' }, coverage: 'full' }, false, checklists);
 * // → { kind: 'changed', mappings: [...current, that mapping], before: undefined }
 */
export function applyLink(current: readonly CrosswalkMapping[], mapping: CrosswalkMapping, remove: boolean, checklists: readonly ChecklistDefinition[]): LinkOutcome {
  const before = current.find((m) => samePair(m, mapping));
  const others = current.filter((m) => !samePair(m, mapping));
  if (remove) return before ? { kind: 'changed', mappings: others, before } : { kind: 'unchanged', before };
  if (before && before.coverage === mapping.coverage && before.note === mapping.note) return { kind: 'unchanged', before };
  const row = {
    fromChecklist: mapping.from.checklistId,
    fromItem: mapping.from.itemId,
    toChecklist: mapping.to.checklistId,
    toItem: mapping.to.itemId,
    coverage: mapping.coverage,
    ...(mapping.note !== undefined ? { note: mapping.note } : {}),
  };
  // The new row first: its problems are listed whatever the others have.
  const rows = [row, ...others.map((m) => ({ fromChecklist: m.from.checklistId, fromItem: m.from.itemId, toChecklist: m.to.checklistId, toItem: m.to.itemId, coverage: m.coverage }))];
  const problems = validateCrosswalk(rows, checklists).problems.filter((problem) => problem.row <= 1);
  if (problems.length > 0) return { kind: 'refused', problems };
  return { kind: 'changed', mappings: [...others, mapping], before };
}

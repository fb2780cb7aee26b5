/** One mapping linked or unlinked by hand, judged as a row of the crosswalk it joins. */
import { validateChecklist } from '../../../src/domain/checklist-schema';
import type { CrosswalkMapping } from '../../../src/domain/crosswalk';
import { applyLink } from '../../../src/domain/crosswalk-link';
import type { ChecklistDefinition } from '../../../src/domain/types';

function checklist(id: string, items: string[]): ChecklistDefinition {
  return validateChecklist(
    { id, framework: id, name: id, version: '1', model: 'met', chapters: [{ id: 'c', title: 'Chapter' }], items: items.map((item) => ({ id: item, chapter: 'c', title: `Item ${item}`, requirement: 'Do it.', mandatory: true })) },
    `${id}.yaml`,
    { source: 'custom' },
  );
}

const KNOWN = [checklist('alpha', ['A-1', 'A-2']), checklist('beta', ['B-1', 'B-2'])];
const m = (from: string, to: string, coverage: 'full' | 'partial' = 'full', note?: string): CrosswalkMapping => ({
  from: { checklistId: from.startsWith('A') ? 'alpha' : from.startsWith('B') ? 'beta' : 'gamma', itemId: from },
  to: { checklistId: to.startsWith('A') ? 'alpha' : to.startsWith('B') ? 'beta' : 'gamma', itemId: to },
  coverage,
  ...(note !== undefined ? { note } : {}),
});

describe('applyLink', () => {
  it.each([
    ['adds a new mapping after the others', [m('A-1', 'B-1')], m('A-2', 'B-2'), false, { kind: 'changed', mappings: [m('A-1', 'B-1'), m('A-2', 'B-2')], before: undefined }],
    ['replaces the mapping between the same two items', [m('A-1', 'B-1')], m('A-1', 'B-1', 'partial'), false, { kind: 'changed', mappings: [m('A-1', 'B-1', 'partial')], before: m('A-1', 'B-1') }],
    ['answers the same mapping as unchanged', [m('A-1', 'B-1', 'full', 'why')], m('A-1', 'B-1', 'full', 'why'), false, { kind: 'unchanged', before: m('A-1', 'B-1', 'full', 'why') }],
    ['removes the mapping', [m('A-1', 'B-1'), m('A-2', 'B-2')], m('A-1', 'B-1', 'partial'), true, { kind: 'changed', mappings: [m('A-2', 'B-2')], before: m('A-1', 'B-1') }],
    ['answers a removal of nothing as unchanged', [m('A-2', 'B-2')], m('A-1', 'B-1'), true, { kind: 'unchanged', before: undefined }],
    ['keeps the reverse direction apart', [m('B-1', 'A-1')], m('A-1', 'B-1'), false, { kind: 'changed', mappings: [m('B-1', 'A-1'), m('A-1', 'B-1')], before: undefined }],
  ] as const)('%s', (_name, current, mapping, remove, expected) => {
    expect(applyLink(current, mapping, remove, KNOWN)).toEqual(expected);
  });

  it.each([
    ['an unknown item', [], m('A-1', 'B-3'), /beta has no item "B-3"/],
    ['a mapping to itself', [], m('A-1', 'A-1'), /maps alpha A-1 to itself/],
    ['a cycle of partial mappings', [m('B-1', 'A-1', 'partial')], m('A-1', 'B-1', 'partial'), /partial mappings go round in a cycle \(alpha A-1 → beta B-1\)/],
  ] as const)('refuses %s, naming only the new row', (_name, current, mapping, message) => {
    const outcome = applyLink(current, mapping, false, KNOWN);
    expect(outcome.kind).toBe('refused');
    expect(outcome.kind === 'refused' && outcome.problems.map((p) => p.message).join(' ')).toMatch(message);
  });

  it('is not blocked by a bad row that was there before (a checklist deleted since the upload)', () => {
    expect(applyLink([m('G-1', 'B-2')], m('A-1', 'B-1'), false, KNOWN)).toEqual({ kind: 'changed', mappings: [m('G-1', 'B-2'), m('A-1', 'B-1')], before: undefined });
  });
});

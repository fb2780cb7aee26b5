/** The crosswalk between checklists: validation of the rows a team uploads, row by row. */
import fc from 'fast-check';
import { validateChecklist } from '../../../src/domain/checklist-schema';
import { MAX_CROSSWALK_ROWS, validateCrosswalk, type CrosswalkRowInput } from '../../../src/domain/crosswalk';
import type { ChecklistDefinition } from '../../../src/domain/types';

function checklist(id: string, framework: string, items: { id: string; replaces?: string[] }[]): ChecklistDefinition {
  return validateChecklist(
    {
      id,
      framework,
      name: id,
      version: id.split('-').pop(),
      model: 'met',
      chapters: [{ id: 'c', title: 'Chapter' }],
      items: items.map((item) => ({ ...item, chapter: 'c', title: `Item ${item.id}`, requirement: 'Do it.', mandatory: true })),
    },
    `${id}.yaml`,
    { source: 'custom' },
  );
}

const alpha = checklist('alpha-1', 'alpha', [{ id: 'A-1' }, { id: 'A-2' }, { id: 'A-3' }]);
const beta = checklist('beta-1', 'beta', [{ id: 'B-1' }, { id: 'B-2' }]);
const KNOWN = [alpha, beta];

const row = (fromItem: string, toItem: string, extra: Partial<CrosswalkRowInput> = {}): CrosswalkRowInput => ({
  fromChecklist: fromItem.startsWith('A') ? 'alpha-1' : 'beta-1',
  fromItem,
  toChecklist: toItem.startsWith('A') ? 'alpha-1' : 'beta-1',
  toItem,
  ...extra,
});
const messages = (rows: CrosswalkRowInput[]) => validateCrosswalk(rows, KNOWN).problems.map((p) => `${p.row} ${p.field ?? '-'}: ${p.message}`);

describe('validateCrosswalk', () => {
  describe('when every row is valid', () => {
    it('returns the mappings, full by default, with their notes', () => {
      const result = validateCrosswalk([row('A-1', 'B-1'), row('B-2', 'A-2', { coverage: 'Partial', note: ' Same policy ' })], KNOWN);
      expect(result).toEqual({
        problems: [],
        moreProblems: 0,
        mappings: [
          { from: { checklistId: 'alpha-1', itemId: 'A-1' }, to: { checklistId: 'beta-1', itemId: 'B-1' }, coverage: 'full' },
          { from: { checklistId: 'beta-1', itemId: 'B-2' }, to: { checklistId: 'alpha-1', itemId: 'A-2' }, coverage: 'partial', note: 'Same policy' },
        ],
      });
    });

    it('accepts full mappings both ways (an equivalence) and partial chains without a loop', () => {
      const result = validateCrosswalk(
        [row('A-1', 'B-1'), row('B-1', 'A-1'), row('A-2', 'B-2', { coverage: 'partial' }), row('B-2', 'A-3', { coverage: 'partial' })],
        KNOWN,
      );
      expect(result.problems).toEqual([]);
      expect(result.mappings).toHaveLength(4);
    });
  });

  describe('when rows are wrong', () => {
    it('names an unknown checklist with a suggestion, and saves nothing', () => {
      const result = validateCrosswalk([row('A-1', 'B-1'), { ...row('A-1', 'B-2'), toChecklist: 'beta-2' }], KNOWN);
      expect(result.mappings).toBeUndefined();
      expect(result.problems).toEqual([{ row: 2, field: 'toChecklist', message: 'no checklist "beta-2"; did you mean "beta-1"?' }]);
    });

    it('names an unknown item of a known checklist', () => {
      expect(messages([row('A-9', 'B-1'), row('A-1', 'b-1')])).toEqual([
        '1 fromItem: alpha-1 has no item "A-9"; its items include A-1, A-2, A-3',
        '2 toItem: beta-1 has no item "b-1"; did you mean "B-1"?',
      ]);
    });

    it('refuses a mapping of an item to itself and one inside a single checklist', () => {
      expect(messages([row('A-1', 'A-1'), row('A-1', 'A-2')])).toEqual([
        '1 toItem: maps alpha-1 A-1 to itself; a mapping links an item to an item of another checklist',
        '2 toItem: maps two items of alpha-1; a crosswalk links items of different checklists',
      ]);
    });

    it('refuses empty cells, an unknown coverage and a note hiding text', () => {
      expect(messages([{ fromChecklist: 'alpha-1', toChecklist: 'beta-1', toItem: 'B-1', coverage: 'most', note: 'ok\u202Eevil' }])).toEqual([
        '1 fromItem: from item is empty; name an item id of that checklist',
        '1 coverage: must be full or partial (not "most"); leave it empty for full',
        '1 note: The note contains U+202E at character 3, a control or text-direction character that can hide text; remove it.',
      ]);
    });

    it('refuses a row that repeats an earlier one', () => {
      expect(messages([row('A-1', 'B-1'), row('A-2', 'B-1'), row('A-1', 'B-1', { coverage: 'partial' })])).toEqual([
        '3 toItem: repeats row 1 (the same two items); keep one of them',
      ]);
    });

    it('refuses every row of a cycle of partial mappings, and only those', () => {
      const partial = { coverage: 'partial' };
      expect(messages([row('A-1', 'B-1', partial), row('B-1', 'A-2', partial), row('A-2', 'B-2', partial), row('B-2', 'A-1', partial), row('A-3', 'B-1', partial)])).toEqual([
        '1 coverage: partial mappings go round in a cycle (alpha-1 A-1 → alpha-1 A-2 → beta-1 B-1 → beta-1 B-2); remove one of them or make it full',
        '2 coverage: partial mappings go round in a cycle (alpha-1 A-1 → alpha-1 A-2 → beta-1 B-1 → beta-1 B-2); remove one of them or make it full',
        '3 coverage: partial mappings go round in a cycle (alpha-1 A-1 → alpha-1 A-2 → beta-1 B-1 → beta-1 B-2); remove one of them or make it full',
        '4 coverage: partial mappings go round in a cycle (alpha-1 A-1 → alpha-1 A-2 → beta-1 B-1 → beta-1 B-2); remove one of them or make it full',
      ]);
    });

    it('does not call a loop closed by a full mapping a partial cycle', () => {
      expect(messages([row('A-1', 'B-1', { coverage: 'partial' }), row('B-1', 'A-1')])).toEqual([]);
    });

    it(`refuses more than ${MAX_CROSSWALK_ROWS} rows as a whole, with one message`, () => {
      const rows = Array.from({ length: MAX_CROSSWALK_ROWS + 1 }, () => row('A-1', 'B-1'));
      expect(validateCrosswalk(rows, KNOWN)).toEqual({
        problems: [{ row: 0, message: `The file has ${MAX_CROSSWALK_ROWS + 1} rows; a crosswalk holds at most ${MAX_CROSSWALK_ROWS}. Split it by checklist pair or drop rows, then upload again.` }],
        moreProblems: 0,
      });
    });

    it('refuses a file without rows', () => {
      expect(messages([])).toEqual(['0 -: The file has no rows; add one row per mapping under the header.']);
    });

    it('lists the first 1,000 problems and counts the rest', () => {
      const rows = Array.from({ length: 1_500 }, () => row('A-9', 'B-1'));
      const result = validateCrosswalk(rows, KNOWN);
      expect([result.problems.length, result.moreProblems, result.problems[999]?.row]).toEqual([1_000, 500, 1_000]);
    });
  });

  describe('for any set of partial rows', () => {
    it('refuses the file exactly when the partial mappings hold a cycle', () => {
      const ids = ['A-1', 'A-2', 'A-3', 'B-1', 'B-2'];
      const pairs = fc.uniqueArray(fc.tuple(fc.constantFrom(...ids), fc.constantFrom(...ids)), {
        selector: ([a, b]) => `${a}>${b}`,
        maxLength: 8,
      });
      fc.assert(
        fc.property(pairs.filter((list) => list.length > 0 && list.every(([a, b]) => a[0] !== b[0])), (list) => {
          const result = validateCrosswalk(list.map(([a, b]) => row(a, b, { coverage: 'partial' })), KNOWN);
          expect(result.mappings === undefined).toBe(hasCycle(list));
        }),
      );
    });
  });
});

/** A plain depth-first search, as the reference the Tarjan-based check is compared with. */
function hasCycle(edges: [string, string][]): boolean {
  const next = new Map<string, string[]>();
  for (const [a, b] of edges) next.set(a, [...(next.get(a) ?? []), b]);
  const reaches = (from: string, target: string, seen: Set<string>): boolean =>
    (next.get(from) ?? []).some((to) => to === target || (!seen.has(to) && (seen.add(to), reaches(to, target, seen))));
  return [...next.keys()].some((node) => reaches(node, node, new Set()));
}

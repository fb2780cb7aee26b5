/**
 * A crosswalk between checklists: rows saying "item X of checklist A covers item Y of checklist B",
 * fully or partly. Teams write it (the app ships none: it invents no mapping between AWS and UCS),
 * so every row is checked against the checklists it names before anything is kept. Pure, no I/O.
 *
 * - `full`: evidence that satisfies A X also satisfies B Y, so accepted evidence on A X is shown on
 *   B Y (and may count there, see crosswalk-coverage.ts).
 * - `partial`: A X helps with B Y but does not settle it; shown as a related item, never counted.
 *
 * Mappings are directed: "A X covers B Y" says nothing of B Y covering A X; write both rows for an
 * equivalence. A cycle of partial mappings (A X partly covers B Y, which partly covers A X) is
 * refused: it says nothing either row does not, and usually means a column was swapped.
 */
import { closestName } from './checklist-problems';
import { freeTextProblem } from './free-text';
import type { ChecklistDefinition } from './types';

export const CROSSWALK_COVERAGES = ['full', 'partial'] as const;
export type CrosswalkCoverage = (typeof CROSSWALK_COVERAGES)[number];

/** A site holds one crosswalk; more rows than this are refused as a whole. */
export const MAX_CROSSWALK_ROWS = 20_000;
export const MAX_CROSSWALK_NOTE = 500;
/** Problems listed in full; past this, the rest are counted. */
export const MAX_LISTED_PROBLEMS = 1_000;

/** One item of one checklist version. */
export interface ItemRef {
  checklistId: string;
  itemId: string;
}

export interface CrosswalkMapping {
  from: ItemRef;
  to: ItemRef;
  coverage: CrosswalkCoverage;
  /** Why the team maps them, for the auditor. */
  note?: string;
}

/** One row as read from a file: the column values, still untrusted. */
export interface CrosswalkRowInput {
  fromChecklist?: unknown;
  fromItem?: unknown;
  toChecklist?: unknown;
  toItem?: unknown;
  coverage?: unknown;
  note?: unknown;
}

/** A problem with one row (1 = the first row of data), or with the whole file (row 0). */
export interface CrosswalkProblem {
  row: number;
  field?: keyof CrosswalkRowInput;
  message: string;
}

export interface CrosswalkValidation {
  /** Only when there is no problem at all: a crosswalk is saved whole or not at all. */
  mappings?: CrosswalkMapping[];
  problems: CrosswalkProblem[];
  /** Problems past {@link MAX_LISTED_PROBLEMS}, not listed. */
  moreProblems: number;
}

const REQUIRED: readonly (keyof CrosswalkRowInput)[] = ['fromChecklist', 'fromItem', 'toChecklist', 'toItem'];
const LABEL: Record<keyof CrosswalkRowInput, string> = {
  fromChecklist: 'from checklist',
  fromItem: 'from item',
  toChecklist: 'to checklist',
  toItem: 'to item',
  coverage: 'coverage',
  note: 'note',
};

const refKey = (ref: ItemRef): string => `${ref.checklistId}\u0000${ref.itemId}`;
const text = (value: unknown): string | undefined =>
  typeof value === 'string' ? value.trim() || undefined : typeof value === 'number' ? String(value) : undefined;

/**
 * Checks every row against the checklists it may name; returns the mappings only when every row is
 * valid. Problems name the row and column and say what to fix.
 *
 * @example
 * validateCrosswalk([{ fromChecklist: 'aws-msp-7.1', fromItem: 'SEC-002', toChecklist: 'mspalliance-ucs-23', toItem: '06.01', coverage: 'full' }], checklists);
 * // → { mappings: [{ from: { checklistId: 'aws-msp-7.1', itemId: 'SEC-002' }, to: { … }, coverage: 'full' }], problems: [], moreProblems: 0 }
 */
export function validateCrosswalk(rows: readonly CrosswalkRowInput[], checklists: readonly ChecklistDefinition[]): CrosswalkValidation {
  if (rows.length > MAX_CROSSWALK_ROWS) {
    const message = `The file has ${rows.length} rows; a crosswalk holds at most ${MAX_CROSSWALK_ROWS}. Split it by checklist pair or drop rows, then upload again.`;
    return { problems: [{ row: 0, message }], moreProblems: 0 };
  }
  if (rows.length === 0) return { problems: [{ row: 0, message: 'The file has no rows; add one row per mapping under the header.' }], moreProblems: 0 };
  const byId = new Map(checklists.map((def) => [def.id, { def, items: new Set(def.items.map((item) => item.id)) }]));
  const problems: CrosswalkProblem[] = [];
  const mappings: (CrosswalkMapping | undefined)[] = rows.map((row, index) => checkRow(row, index + 1, byId, problems));
  checkDuplicates(mappings, problems);
  checkPartialCycles(mappings, problems);
  problems.sort((a, b) => a.row - b.row);
  const listed = problems.slice(0, MAX_LISTED_PROBLEMS);
  const moreProblems = problems.length - listed.length;
  if (problems.length > 0) return { problems: listed, moreProblems };
  return { mappings: mappings.filter((m): m is CrosswalkMapping => m !== undefined), problems: [], moreProblems: 0 };
}

type Known = Map<string, { def: ChecklistDefinition; items: Set<string> }>;

function checkRow(row: CrosswalkRowInput, rowNumber: number, byId: Known, problems: CrosswalkProblem[]): CrosswalkMapping | undefined {
  const add = (field: keyof CrosswalkRowInput, message: string) => problems.push({ row: rowNumber, field, message });
  const before = problems.length;
  for (const field of REQUIRED) if (text(row[field]) === undefined) add(field, `${LABEL[field]} is empty; name ${field.endsWith('Checklist') ? 'a checklist id, e.g. aws-msp-7.1' : 'an item id of that checklist'}`);
  // A suggestion costs an edit distance per known id; only problems that will be listed get one
  // (rows come in order, so one found past the first MAX_LISTED_PROBLEMS is only counted).
  const hint = problems.length < MAX_LISTED_PROBLEMS;
  const from = endpoint(row.fromChecklist, row.fromItem, 'fromChecklist', 'fromItem', byId, add, hint);
  const to = endpoint(row.toChecklist, row.toItem, 'toChecklist', 'toItem', byId, add, hint);
  const coverageText = (text(row.coverage) ?? 'full').toLowerCase();
  const coverage = (CROSSWALK_COVERAGES as readonly string[]).includes(coverageText) ? (coverageText as CrosswalkCoverage) : undefined;
  if (coverage === undefined) add('coverage', `must be full or partial (not "${text(row.coverage)}"); leave it empty for full`);
  const note = text(row.note);
  const noteProblem = note === undefined ? undefined : freeTextProblem('The note', note, MAX_CROSSWALK_NOTE);
  if (noteProblem !== undefined) add('note', noteProblem);
  if (from && to && from.checklistId === to.checklistId) {
    add(
      'toItem',
      from.itemId === to.itemId
        ? `maps ${from.checklistId} ${from.itemId} to itself; a mapping links an item to an item of another checklist`
        : `maps two items of ${from.checklistId}; a crosswalk links items of different checklists`,
    );
  }
  if (problems.length > before || !from || !to || !coverage) return undefined;
  return { from, to, coverage, ...(note !== undefined ? { note } : {}) };
}

function endpoint(
  checklistValue: unknown,
  itemValue: unknown,
  checklistField: keyof CrosswalkRowInput,
  itemField: keyof CrosswalkRowInput,
  byId: Known,
  add: (field: keyof CrosswalkRowInput, message: string) => void,
  suggest: boolean,
): ItemRef | undefined {
  const checklistId = text(checklistValue);
  const itemId = text(itemValue);
  if (checklistId === undefined) return undefined;
  const known = byId.get(checklistId);
  if (!known) {
    const guess = suggest ? closestName(checklistId, [...byId.keys()]) : undefined;
    add(checklistField, `no checklist "${checklistId}"; ${guess !== undefined ? `did you mean "${guess}"?` : `known: ${[...byId.keys()].join(', ')}`}`);
    return undefined;
  }
  if (itemId === undefined) return undefined;
  if (!known.items.has(itemId)) {
    const guess = suggest ? closestName(itemId, [...known.items]) : undefined;
    const ids = [...known.items];
    const hint = guess !== undefined ? `did you mean "${guess}"?` : `its items include ${ids.slice(0, 8).join(', ')}${ids.length > 8 ? ', …' : ''}`;
    add(itemField, `${checklistId} has no item "${itemId}"; ${hint}`);
    return undefined;
  }
  return { checklistId, itemId };
}

function checkDuplicates(mappings: readonly (CrosswalkMapping | undefined)[], problems: CrosswalkProblem[]): void {
  const seen = new Map<string, number>();
  mappings.forEach((mapping, index) => {
    if (!mapping) return;
    const key = `${refKey(mapping.from)}\u0001${refKey(mapping.to)}`;
    const first = seen.get(key);
    if (first === undefined) seen.set(key, index + 1);
    else problems.push({ row: index + 1, field: 'toItem', message: `repeats row ${first} (the same two items); keep one of them` });
  });
}

/**
 * Rows whose partial mappings form a cycle (Tarjan's strongly connected components over the
 * partial edges, iteratively so 20,000 rows cannot overflow the stack).
 */
function checkPartialCycles(mappings: readonly (CrosswalkMapping | undefined)[], problems: CrosswalkProblem[]): void {
  const edges = new Map<string, { to: string; row: number }[]>();
  mappings.forEach((mapping, index) => {
    if (mapping?.coverage !== 'partial') return;
    const list = edges.get(refKey(mapping.from)) ?? [];
    list.push({ to: refKey(mapping.to), row: index + 1 });
    edges.set(refKey(mapping.from), list);
  });
  const component = stronglyConnected(edges);
  const cyclic = new Map<number, string[]>();
  for (const [node, id] of component) {
    const members = cyclic.get(id) ?? [];
    members.push(node);
    cyclic.set(id, members);
  }
  for (const [from, list] of edges) {
    for (const { to, row } of list) {
      const id = component.get(from);
      if (id === undefined || id !== component.get(to) || (cyclic.get(id)?.length ?? 0) < 2) continue;
      const loop = (cyclic.get(id) ?? []).map((node) => node.replace('\u0000', ' ')).sort();
      problems.push({ row, field: 'coverage', message: `partial mappings go round in a cycle (${loop.join(' → ')}); remove one of them or make it full` });
    }
  }
}

/** Component id of every node, by Tarjan's algorithm without recursion. */
function stronglyConnected(edges: Map<string, { to: string }[]>): Map<string, number> {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const onStack = new Set<string>();
  const stack: string[] = [];
  const component = new Map<string, number>();
  let counter = 0;
  let components = 0;
  for (const start of edges.keys()) {
    if (index.has(start)) continue;
    const work: { node: string; next: number }[] = [{ node: start, next: 0 }];
    index.set(start, counter);
    low.set(start, counter++);
    stack.push(start);
    onStack.add(start);
    while (work.length > 0) {
      const frame = work[work.length - 1]!;
      const out = edges.get(frame.node) ?? [];
      if (frame.next < out.length) {
        const to = out[frame.next++]!.to;
        if (!index.has(to)) {
          index.set(to, counter);
          low.set(to, counter++);
          stack.push(to);
          onStack.add(to);
          work.push({ node: to, next: 0 });
        } else if (onStack.has(to)) {
          low.set(frame.node, Math.min(low.get(frame.node)!, index.get(to)!));
        }
        continue;
      }
      work.pop();
      const parent = work[work.length - 1];
      if (parent) low.set(parent.node, Math.min(low.get(parent.node)!, low.get(frame.node)!));
      if (low.get(frame.node) === index.get(frame.node)) {
        let member: string | undefined;
        do {
          member = stack.pop()!;
          onStack.delete(member);
          component.set(member, components);
        } while (member !== frame.node);
        components++;
      }
    }
  }
  return component;
}

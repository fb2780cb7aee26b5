/**
 * Scoring benchmark: median time of `scoreChecklist` (and `planSync`, its sibling on the same
 * data) over a synthetic 10,000-item checklist. A benchmark, not a test: it prints figures and
 * never fails. Run with `npx tsx bench/scoring.ts [items] [runs]`; `npm run bench` (bench/run.ts)
 * calls {@link benchScoring} for its scoring row.
 *
 * The data mixes every path the engine takes (waivers, mappings, assessments, each status
 * category, items without an issue) so no branch is left cold.
 */
import { performance } from 'node:perf_hooks';
import { scoreChecklist } from '../src/domain/scoring';
import { itemFingerprint, planSync, type ExistingItem } from '../src/domain/sync-plan';
import type { ChecklistDefinition, ChecklistItem, ItemState, ScoringOptions, StatusCategory } from '../src/domain/types';

const warmups = 10;
const chapterCount = 20;

function syntheticChecklist(count: number): ChecklistDefinition {
  const items: ChecklistItem[] = Array.from({ length: count }, (_, index) => {
    const chapter = (index % chapterCount) + 1;
    const mandatory = index % 3 === 0;
    return {
      id: `${chapter}.${Math.floor(index / chapterCount) + 1}`,
      chapterId: String(chapter),
      title: `Synthetic item ${index}`,
      requirement: `Requirement text for synthetic item ${index}, long enough to look like a real one.`,
      evidence: ['document', 'process'],
      points: 10,
      mandatory,
      penalty: mandatory ? 200 : 0,
      replaces: [],
    };
  });
  return {
    id: 'bench-1.0',
    framework: 'bench',
    name: 'Benchmark checklist',
    version: '1.0',
    description: 'Synthetic',
    model: 'points',
    passRule: { kind: 'points', passMark: Math.round(count * 9) },
    maxScore: count * 10,
    naPolicy: 'exclude',
    chapters: Array.from({ length: chapterCount }, (_, index) => ({ id: String(index + 1), title: `Chapter ${index + 1}`, order: index + 1 })),
    items,
    waivers: [],
    source: 'custom',
  };
}

const CATEGORIES: StatusCategory[] = ['new', 'indeterminate', 'done'];
const STATUS_NAMES = ['To Do', 'In Progress', 'Done', 'Ready for audit', 'Blocked'];

function syntheticStates(def: ChecklistDefinition): ItemState[] {
  return def.items
    .filter((_, index) => index % 17 !== 0) // some items have no issue yet
    .map((item, index) => ({
      itemId: item.id,
      issueKey: `MSP-${index + 1}`,
      statusCategory: CATEGORIES[index % 3] ?? 'new',
      statusName: STATUS_NAMES[index % STATUS_NAMES.length] ?? 'To Do',
      resolution: index % 11 === 0 ? "Won't Do" : null,
      assessment: index % 13 === 0 ? 'not_met' : index % 29 === 0 ? 'na' : null,
    }));
}

const options: ScoringOptions = {
  waivers: [{ id: 'w', name: 'Competency', reason: 'Held', items: ['1.1', '2.3'], chapters: ['7'] }],
  statusMapping: { statuses: { 'Ready for audit': 'met', blocked: 'not_met' }, resolutions: { "Won't Do": 'na' } },
};

function median(samples: number[]): number {
  const sorted = [...samples].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[middle] ?? 0) : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
}

export interface Timing {
  medianMs: number;
  minMs: number;
  maxMs: number;
  runs: number;
}

export interface ScoringBench {
  items: number;
  states: number;
  scoreChecklist: Timing;
  planSync: Timing;
}

function measure(runs: number, work: () => unknown): Timing {
  for (let i = 0; i < warmups; i += 1) work();
  const samples: number[] = [];
  for (let i = 0; i < runs; i += 1) {
    const start = performance.now();
    work();
    samples.push(performance.now() - start);
  }
  return { medianMs: median(samples), minMs: Math.min(...samples), maxMs: Math.max(...samples), runs };
}

/** Median times of scoreChecklist and planSync (v1 → v2, 10% changed) over `itemCount` items. */
export function benchScoring(itemCount = 10_000, runs = 50): ScoringBench {
  const def = syntheticChecklist(itemCount);
  const states = syntheticStates(def);
  // The next version keeps every item, changes one in ten, so the planner walks its slow path too.
  const existing: ExistingItem[] = def.items.map((item, index) => ({
    ...itemFingerprint(def, index % 10 === 0 ? { ...item, points: 5 } : item),
    issueKey: `MSP-${index + 1}`,
    retired: false,
  }));
  const next: ChecklistDefinition = { ...def, id: 'bench-2.0', version: '2.0' };
  return {
    items: itemCount,
    states: states.length,
    scoreChecklist: measure(runs, () => scoreChecklist(def, states, options)),
    planSync: measure(runs, () => planSync(next, existing)),
  };
}

function printTiming(label: string, timing: Timing): void {
  const fmt = (ms: number) => ms.toFixed(2);
  console.log(
    `${label.padEnd(34)} median ${fmt(timing.medianMs)} ms  (min ${fmt(timing.minMs)}, max ${fmt(timing.maxMs)}, ${timing.runs} runs)`,
  );
}

// Run directly (`npx tsx bench/scoring.ts`), not when bench/run.ts imports it.
if (require.main === module) {
  const result = benchScoring(Number(process.argv[2] ?? 10_000), Number(process.argv[3] ?? 50));
  console.log(`${result.items} items, ${result.states} issue states, node ${process.version}`);
  printTiming('scoreChecklist', result.scoreChecklist);
  printTiming('planSync (v1 → v2, 10% changed)', result.planSync);
}

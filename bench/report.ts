/** The benchmark's printed report: Markdown tables (they paste into the README as they are). */
import type { Check } from './budgets';
import { kib, type BundleFigures } from './bundle';
import type { SizeResult } from './measure-size';
import type { ScoringBench } from './scoring';

export interface BenchResults {
  mode: 'quick' | 'full';
  startedAt: string;
  node: string;
  cpus: number;
  latencyMs: number;
  sizes: SizeResult[];
  /** Sequential naive imports not run, estimated per item from a measured sequential run. */
  extrapolated: { items: number; fromItems: number; sequentialMs: number; speedup: number }[];
  scoring: ScoringBench;
  bundle: BundleFigures;
  checks: Check[];
  totalMs: number;
}

const count = (value: number): string => value.toLocaleString('en-US');

export function duration(ms: number): string {
  if (ms < 1000) return `${Math.round(ms)} ms`;
  if (ms < 60_000) return `${(ms / 1000).toFixed(ms < 10_000 ? 2 : 1)} s`;
  const minutes = Math.floor(ms / 60_000);
  return `${minutes} min ${Math.round((ms - minutes * 60_000) / 1000)} s`;
}

function table(headers: string[], rows: string[][]): string {
  const widths = headers.map((header, column) => Math.max(header.length, ...rows.map((row) => (row[column] ?? '').length)));
  const line = (cells: string[]) => `| ${cells.map((cell, column) => cell.padEnd(widths[column] ?? 0)).join(' | ')} |`;
  return [line(headers), `|${widths.map((width) => '-'.repeat(width + 2)).join('|')}|`, ...rows.map(line)].join('\n');
}

function importTable(sizes: SizeResult[]): string {
  return table(
    ['Items', 'Chapters', 'Jira calls', 'Minimum', 'Calls / min', 'Budget', 'Wall time', 'Max resolver', 'Max consumer'],
    sizes.map((s) => {
      const m = s.minimum;
      return [
        count(s.items),
        String(s.chapters),
        count(s.import.calls),
        `${m.total} (${m.itemBulks}+${m.chapterBulks}+${m.pointsWrites}+${m.verifyReads}+${m.lookups})`,
        `${(s.import.calls / m.total).toFixed(2)}×`,
        String(s.budget),
        duration(s.import.wallMs),
        duration(s.import.maxResolverMs),
        `${duration(s.import.maxConsumerMs)}${s.import.consumerInvocations > 1 ? ` (${s.import.consumerInvocations} runs)` : ''}`,
      ];
    }),
  );
}

function naiveTable(results: BenchResults): string {
  const rows = results.sizes.map((s) => [
    count(s.items),
    count(s.naive.calls),
    s.naive.concurrency > 1 ? `measured, ${s.naive.concurrency} requests in parallel` : 'measured, sequential',
    duration(s.naive.wallMs),
    count(s.import.calls),
    duration(s.import.wallMs),
    `${s.speedup.toFixed(1)}×`,
  ]);
  for (const e of results.extrapolated) {
    const s = results.sizes.find((size) => size.items === e.items);
    if (!s) continue;
    rows.push([
      count(e.items),
      count(2 * e.items),
      `extrapolated, sequential (from ${count(e.fromItems)})`,
      `~${duration(e.sequentialMs)}`,
      count(s.import.calls),
      duration(s.import.wallMs),
      `~${e.speedup.toFixed(1)}×`,
    ]);
  }
  return table(['Items', 'Naive calls', 'Naive run', 'Naive wall time', 'App calls', 'App wall time', 'Speed-up'], rows);
}

function rollupTable(sizes: SizeResult[]): string {
  return table(
    ['Items', 'Cold calls', 'Budget', 'Cold time', 'Warm calls', 'Warm time', 'Warm answer from'],
    sizes.map((s) => [
      count(s.items),
      String(s.rollupCold.calls),
      String(s.rollupBudget),
      duration(s.rollupCold.wallMs),
      String(s.rollupWarm.calls),
      duration(s.rollupWarm.wallMs),
      s.rollupWarm.from === 'cache' ? 'KVS cache' : 'Jira (not cached)',
    ]),
  );
}

function checksTable(checks: Check[]): string {
  return table(
    ['Check', 'Result', 'Figures'],
    checks.map((c) => [c.name, c.pass ? 'PASS' : 'FAIL', c.detail]),
  );
}

export function formatReport(r: BenchResults): string {
  const scoring = r.scoring;
  const b = r.bundle;
  return [
    `MSP Audit Ready benchmark (${r.mode}): local Forge runtime + Jira emulator, ${r.latencyMs} ms latency per Jira call, node ${r.node}, ${r.cpus} CPUs, ${r.startedAt}`,
    '',
    '### Import: the app (bulk create, 50 issues a call)',
    '',
    importTable(r.sizes),
    '',
    'Minimum = item bulks ceil(N/50) + chapter Epic bulks ceil(C/50) + points writes ceil(N/1000) + verification reads ceil((N+C+1)/100) + 5 fixed lookups',
    '(permission check, project issue types, field list, the search that builds the item map, the last issue key). Budget = ceil(N/50) + ceil(C/50) + ceil((N+C)/100) + 10.',
    'Wall time: startImport until the queue is drained. Max resolver / consumer: longest invocation (limits 25 s / 900 s).',
    '',
    '### Import: naive baseline (one POST /issue + one PUT property per item, as the app, same emulator)',
    '',
    naiveTable(r),
    '',
    '### Rollup (getRollup: cold = refresh from Jira, warm = from the KVS cache)',
    '',
    rollupTable(r.sizes),
    '',
    '### Scoring engine and frontend',
    '',
    `- scoreChecklist, ${count(scoring.items)} items: median ${scoring.scoreChecklist.medianMs.toFixed(2)} ms (${scoring.scoreChecklist.runs} runs); ` +
      `planSync v1 → v2 (10% changed): median ${scoring.planSync.medianMs.toFixed(2)} ms`,
    `- Frontend JS, gzipped: initial ${kib(b.initialJsGzipBytes)} (budget ${kib(b.budgetBytes)}), total ${kib(b.totalJsGzipBytes)} in ${b.chunks} chunks; CSS ${kib(b.cssGzipBytes)}` +
      ` (build of ${b.builtAt}${b.built ? ', built by this run' : ''})`,
    '',
    '### Checks',
    '',
    checksTable(r.checks),
    '',
    `Total bench time: ${duration(r.totalMs)}.`,
  ].join('\n');
}

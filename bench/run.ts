/**
 * `npm run bench [-- --quick]` (`-- --trail`: the decision trail alone, bench/trail.ts; `-- --xlsx`: the .xlsx workbooks, bench/xlsx.ts; `-- --gate`: the Done gate, bench/gate.ts; `-- --crosswalk`: three checklists and 500 mappings, bench/crosswalk.ts): Jira calls and time for import and rollup at 130 / 1,000 / 5,000
 * items against the local runtime with 100 ms emulated Jira latency, beside a naive
 * one-call-per-write import on the same emulator; the scoring engine on 10,000 items; the
 * frontend's bundle size. Prints Markdown tables, writes bench/results.json, and exits 1 when a
 * check fails. `--quick` runs the 130-item size only (well under a minute).
 *
 * Not part of `npm test`: it takes minutes and its times depend on the machine.
 */
import { writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { check, MIN_SPEEDUP_AT_130, type Check } from './budgets';
import { readBundleReport, kib } from './bundle';
import { FULL_SIZES, QUICK_SIZES } from './checklists';
import { measureSize, sizeChecks, type SizeResult } from './measure-size';
import { extrapolateSequentialMs } from './naive';
import { formatReport, duration, type BenchResults } from './report';
import { benchScoring } from './scoring';
import { measureRetire } from './sync-retire';

const LATENCY_MS = 100;
const SCORING_ITEMS = 10_000;
const SCORING_RUNS = 50;
const RESULTS_FILE = path.join(__dirname, 'results.json');

function parseArgs(argv: string[]): { quick: boolean } {
  const unknown = argv.filter((arg) => arg !== '--quick');
  if (unknown.length > 0) {
    console.error(`Unknown argument(s): ${unknown.join(' ')}. Usage: npm run bench [-- --quick]`);
    process.exit(2);
  }
  return { quick: argv.includes('--quick') };
}

/** Sizes whose naive run was parallel get a sequential estimate from the largest sequential run. */
function extrapolations(sizes: SizeResult[]): BenchResults['extrapolated'] {
  const sequential = sizes.filter((size) => size.naive.concurrency === 1).sort((a, b) => b.items - a.items)[0];
  if (!sequential) return [];
  return sizes
    .filter((size) => size.naive.concurrency > 1)
    .map((size) => {
      const sequentialMs = extrapolateSequentialMs({ items: sequential.items, wallMs: sequential.naive.wallMs }, size.items);
      return { items: size.items, fromItems: sequential.items, sequentialMs, speedup: sequentialMs / size.import.wallMs };
    });
}

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  // `--trail [--entries N]`: the decision-trail benchmark alone (bench/trail.ts).
  if (argv.includes('--trail')) {
    const at = argv.indexOf('--entries');
    const entries = at >= 0 ? Number(argv[at + 1]) : 100_000;
    if (!Number.isInteger(entries) || entries < 1) throw new Error('Usage: npm run bench -- --trail [--entries N], N a whole number ≥ 1.');
    return (await import('./trail')).runTrailBench(entries);
  }
  // `--xlsx [--items N]`: the .xlsx workbooks the Audit page builds (bench/xlsx.ts).
  if (argv.includes('--xlsx')) {
    const at = argv.indexOf('--items');
    const items = at >= 0 ? Number(argv[at + 1]) : 5_000;
    if (!Number.isInteger(items) || items < 1) throw new Error('Usage: npm run bench -- --xlsx [--items N], N a whole number ≥ 1.');
    return (await import('./xlsx')).runXlsxBench(items);
  }
  // `--gate`: the Done gate's validator over 200 transitions (bench/gate.ts).
  if (argv.includes('--gate')) return (await import('./gate')).runGateBench();
  // `--crosswalk`: a rollup of three checklists (130 + 61 + 42) with 500 mappings (bench/crosswalk.ts).
  if (argv.includes('--crosswalk')) return (await import('./crosswalk')).runCrosswalkBench();
  // `--cost`: a month on Forge from the runtime's meters, and the rollup's calls (bench/cost.ts).
  if (argv.includes('--cost')) return (await import('./cost')).runCostBench();
  // `--kvs`: one Audit page open, one issue edit and the daily jobs, KVS by key kind (bench/kvs-breakdown.ts).
  if (argv.includes('--kvs')) return (await import('./kvs-breakdown')).runKvsBreakdown();
  const { quick } = parseArgs(argv);
  const started = performance.now();
  const startedAt = new Date().toISOString();
  const progress = (line: string): void => console.error(`[bench ${duration(performance.now() - started)}] ${line}`);

  const sizes: SizeResult[] = [];
  for (const size of quick ? QUICK_SIZES : FULL_SIZES) sizes.push(await measureSize(size, LATENCY_MS, progress));

  progress('version update retiring 130 issues …');
  const retire = await measureRetire(130, LATENCY_MS);

  progress(`scoring engine, ${SCORING_ITEMS} items …`);
  const scoring = benchScoring(SCORING_ITEMS, SCORING_RUNS);
  const bundle = readBundleReport();

  const checks: Check[] = sizes.flatMap(sizeChecks);
  checks.push(check('version update: retiring 130 issues in ≤ 10 label/property calls', retire.retireCalls <= 10, `${retire.retireCalls} calls (was ${2 * retire.retired} single PUTs)`));
  const at130 = sizes.find((size) => size.items === 130);
  if (at130) {
    checks.push(
      check(`import 130: ≥ ${MIN_SPEEDUP_AT_130}× faster than naive`, at130.speedup >= MIN_SPEEDUP_AT_130, `${at130.speedup.toFixed(1)}× (${duration(at130.naive.wallMs)} / ${duration(at130.import.wallMs)})`),
    );
  }
  checks.push(
    check('frontend: initial JS within the build budget', bundle.initialJsGzipBytes <= bundle.budgetBytes, `${kib(bundle.initialJsGzipBytes)} ≤ ${kib(bundle.budgetBytes)}`),
  );

  const results: BenchResults = {
    mode: quick ? 'quick' : 'full',
    startedAt,
    node: process.version,
    cpus: os.cpus().length,
    latencyMs: LATENCY_MS,
    sizes,
    extrapolated: extrapolations(sizes),
    scoring,
    bundle,
    checks,
    totalMs: performance.now() - started,
  };
  console.log(formatReport(results));
  console.log(`\nVersion update retiring ${retire.retired} issues: ${retire.retireCalls} label/property calls (was ${2 * retire.retired} single PUTs), ${retire.calls} Jira calls in all.`);
  writeFileSync(RESULTS_FILE, `${JSON.stringify({ ...results, retire }, null, 2)}\n`);
  console.log(`\nResults: ${path.relative(process.cwd(), RESULTS_FILE)}`);

  for (const size of sizes) {
    if (size.warnings.length > 0) console.error(`\n${size.items} items: ${size.warnings.length} warning line(s):\n${size.warnings.slice(0, 20).join('\n')}`);
  }
  const failed = checks.filter((c) => !c.pass);
  if (failed.length > 0) {
    console.error(`\n${failed.length} check(s) failed: ${failed.map((c) => c.name).join('; ')}`);
    process.exitCode = 1;
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});

/**
 * One size of the benchmark on a fresh site: the app's import, a cold and a warm rollup, then the
 * naive import on the same emulator; and the checks that belong to that size.
 */
import { DEFAULT_LIMITS } from '@msp-audit-ready/forge-local/forge';
import { importBudget, importMinimum, rollupBudget, check, type Check, type ImportMinimum } from './budgets';
import { checklistFor, usedChapterCount, type BenchSize } from './checklists';
import { measureImport, measureRollup, registerChecklist, startEnv, type ImportFigures, type RollupFigures } from './app-bench';
import { runNaiveImport, type NaiveFigures } from './naive';
import { duration } from './report';

export interface SizeResult {
  items: number;
  chapters: number;
  checklistId: string;
  import: ImportFigures;
  minimum: ImportMinimum;
  budget: number;
  rollupCold: RollupFigures;
  rollupWarm: RollupFigures;
  rollupBudget: number;
  naive: NaiveFigures;
  /** Wall time of the naive import / the app's. */
  speedup: number;
  limits: { resolverMs: number; consumerMs: number };
  /** The app's console.warn lines and the runtime's diagnostics, if any. */
  warnings: string[];
}

export async function measureSize(size: BenchSize, latencyMs: number, progress: (line: string) => void): Promise<SizeResult> {
  const def = checklistFor(size);
  const chapters = usedChapterCount(def);
  const env = startEnv(latencyMs);
  const restore = captureConsole(env.logs);
  try {
    await registerChecklist(def);
    progress(`${def.items.length} items: import …`);
    const imported = await measureImport(env, def);
    progress(`${def.items.length} items: rollup …`);
    const rollupCold = await measureRollup(env, def, true);
    const rollupWarm = await measureRollup(env, def, false);
    const mode = size.naiveConcurrency > 1 ? `${size.naiveConcurrency} in parallel` : 'sequential';
    progress(`${def.items.length} items: naive import (${mode}, ~${estimateNaiveSeconds(def.items.length, size.naiveConcurrency, latencyMs)} s) …`);
    const naive = await runNaiveImport(env.emulator, def, size.naiveConcurrency);
    const consumer = env.runtime.manifest.consumers[0];
    const consumerFn = consumer ? env.runtime.manifest.functions.get(consumer.function) : undefined;
    return {
      items: def.items.length,
      chapters,
      checklistId: def.id,
      import: imported,
      minimum: importMinimum(def.items.length, chapters),
      budget: importBudget(def.items.length, chapters),
      rollupCold,
      rollupWarm,
      rollupBudget: rollupBudget(def.items.length),
      naive,
      speedup: naive.wallMs / imported.wallMs,
      limits: { resolverMs: DEFAULT_LIMITS.resolverTimeoutMs, consumerMs: (consumerFn?.timeoutSeconds ?? 55) * 1000 },
      warnings: env.logs.filter((line) => !line.startsWith('info:')),
    };
  } finally {
    restore();
    await env.close();
  }
}

/** The checks for one size: budgets, completeness, the platform's limits, a valid baseline. */
export function sizeChecks(r: SizeResult): Check[] {
  const n = r.items.toLocaleString('en-US');
  return [
    check(`import ${n}: complete`, r.import.state === 'done' && r.import.created === r.items, `${r.import.state}, ${r.import.created} of ${r.items} created`),
    check(`import ${n}: calls within budget`, r.import.calls <= r.budget, `${r.import.calls} ≤ ${r.budget}`),
    check(
      `import ${n}: invocations within limits`,
      r.import.failedInvocations === 0 && r.import.maxResolverMs < r.limits.resolverMs && r.import.maxConsumerMs < r.limits.consumerMs,
      `resolver ${ms(r.import.maxResolverMs)} < ${ms(r.limits.resolverMs)}, consumer ${ms(r.import.maxConsumerMs)} < ${ms(r.limits.consumerMs)}, ${r.import.failedInvocations} failed`,
    ),
    check(`rollup ${n}: cold calls within budget`, r.rollupCold.calls <= r.rollupBudget, `${r.rollupCold.calls} ≤ ${r.rollupBudget}`),
    check(
      `rollup ${n}: every item scored, resolver within limit`,
      r.rollupCold.itemsWithIssue === r.items && r.rollupWarm.itemsWithIssue === r.items && r.rollupCold.resolverMs < r.limits.resolverMs,
      `${r.rollupCold.itemsWithIssue} / ${r.rollupWarm.itemsWithIssue} of ${r.items} items; cold resolver ${ms(r.rollupCold.resolverMs)}`,
    ),
    check(`naive ${n}: baseline valid`, r.naive.failures === 0 && r.naive.calls === 2 * r.items, `${r.naive.calls} calls, ${r.naive.failures} failed`),
  ];
}

const ms = duration;

function estimateNaiveSeconds(items: number, concurrency: number, latencyMs: number): number {
  return Math.round((2 * items * latencyMs) / 1000 / Math.max(1, concurrency));
}

/** The app logs every import step with console.info / console.warn; keep them out of the table. */
function captureConsole(into: string[]): () => void {
  const original = { info: console.info, warn: console.warn };
  const collect =
    (level: string) =>
    (...parts: unknown[]): void =>
      void into.push(`${level} ${parts.map(String).join(' ')}`);
  console.info = collect('info:');
  console.warn = collect('warn:');
  return () => {
    console.info = original.info;
    console.warn = original.warn;
  };
}

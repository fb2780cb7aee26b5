/**
 * `npm run bench -- --kvs`: the KVS reads and writes of one Audit page open (the resolvers the
 * Overview tab calls when the page opens), one issue edit (the issue trigger) and the daily jobs,
 * by key kind, from the local runtime's meters (local/forge/meter.ts), on the 130-item built-in
 * checklist. The figures the month in bench/cost.ts multiplies, taken apart.
 */
import type { UsageTotals } from '../local/forge/meter';
import { checklistFor } from './checklists';
import { invoke, registerChecklist, startEnv, type BenchEnv } from './app-bench';
import type { ChecklistDefinition } from '../src/domain/types';
import { aDayLater, dailyRun, editInJira, itemKeys, workedOn } from './cost-units';

const DAY_MS = 86_400_000;

/**
 * The resolvers the Audit page calls on open with the Overview tab (static/app/src/views/audit):
 * the rollup, the switcher's list, the version update's catalogue and the before-you-apply list.
 * (The glance's next deadline and score history come with the rollup, not getAuditPlan and
 * getScoreHistory.)
 */
export const PAGE_OPEN_CALLS = (checklistId: string): [string, unknown][] => [
  ['getRollup', {}],
  ['listProjectChecklists', {}],
  ['listChecklists', {}],
  ['getPrerequisites', { checklistId }],
];

async function usageOf(env: BenchEnv, run: () => Promise<unknown>): Promise<UsageTotals> {
  await env.runtime.idle();
  env.runtime.resetUsage();
  await run();
  await env.runtime.idle();
  return env.runtime.usage();
}

function table(title: string, usage: UsageTotals): string[] {
  const rows = Object.entries(usage.kvsByKind).sort(([a], [b]) => a.localeCompare(b));
  return [
    `#### ${title}: ${usage.kvs.reads} reads, ${usage.kvs.readBytes} B read; ${usage.kvs.writes} writes, ${usage.kvs.writeBytes} B written`,
    '',
    '| Key kind | Reads | Bytes read | Writes | Bytes written |',
    '|---|---:|---:|---:|---:|',
    ...rows.map(([kind, t]) => `| ${kind} | ${t.reads} | ${t.readBytes} | ${t.writes} | ${t.writeBytes} |`),
    '',
  ];
}

export async function kvsBreakdown(def: ChecklistDefinition = checklistFor({ items: 130, chapters: 0, naiveConcurrency: 1 })): Promise<Record<string, UsageTotals>> {
  let jiraOffset = -DAY_MS;
  const env = startEnv(0, { jiraNow: () => new Date(Date.now() + jiraOffset) });
  const original = { info: console.info, warn: console.warn };
  console.info = () => undefined;
  console.warn = () => undefined;
  try {
    await registerChecklist(def);
    await invoke(env.runtime, 'startImport', { checklistId: def.id });
    await env.runtime.idle();
    jiraOffset = 0;
    await workedOn(env, def);
    const open = () => Promise.all(PAGE_OPEN_CALLS(def.id).map(([key, payload]) => invoke(env.runtime, key, payload)));
    const result: Record<string, UsageTotals> = {};
    result['first page open (no cache)'] = await usageOf(env, open);
    result['page open, cache fresh'] = await usageOf(env, open);
    for (const [key, payload] of PAGE_OPEN_CALLS(def.id)) result[`  ${key}`] = await usageOf(env, () => invoke(env.runtime, key, payload));
    const keys = await itemKeys(env, def, 2);
    result['issue edit (trigger)'] = await usageOf(env, () => editInJira(env, keys[0]!));
    result['second edit, already marked'] = await usageOf(env, () => editInJira(env, keys[1]!));
    result['page open after an edit (delta)'] = await usageOf(env, open);
    result['refresh, nothing changed'] = await usageOf(env, () => invoke(env.runtime, 'getRollup', { checklistId: def.id, refresh: true }));
    result['daily jobs, first run'] = await usageOf(env, () => dailyRun(env));
    result['daily jobs, a day later'] = await aDayLater(() => usageOf(env, () => dailyRun(env)));
    return result;
  } finally {
    Object.assign(console, original);
    await env.close();
  }
}

export async function runKvsBreakdown(): Promise<void> {
  const previous = process.env.MSP_ROLLUP_REFRESH_MIN_AGE_MS;
  process.env.MSP_ROLLUP_REFRESH_MIN_AGE_MS = '0';
  try {
    const lines = ['### KVS by operation (130-item built-in checklist)', ''];
    for (const [title, usage] of Object.entries(await kvsBreakdown())) lines.push(...table(title, usage));
    console.log(lines.join('\n'));
  } finally {
    if (previous === undefined) delete process.env.MSP_ROLLUP_REFRESH_MIN_AGE_MS;
    else process.env.MSP_ROLLUP_REFRESH_MIN_AGE_MS = previous;
  }
}

/**
 * The unit operations a month of an installation is made of, each measured with the local runtime's
 * meters (local/forge/meter.ts) on one project of a given size: the import, the rollup's first read
 * (cold, src/rollup/cold-read.ts), the full read (the first read before the cold read; still the read
 * once the last full one is an hour old), a rollup delta (after some edits), an issue edit in Jira
 * (the issue trigger), and the daily scheduled jobs. The import runs
 * a day earlier on Jira's clock, so its issues are not "changed recently" when the rest is measured.
 * With `evidenceOnEvery`, every item holds accepted evidence in force (a project near its audit;
 * every 100th expiring within 30 days), stored as the app writes it, before the reads.
 */
import { performance } from 'node:perf_hooks';
import type { Rollup } from '../common/contract';
import type { UsageTotals } from '../local/forge/meter';
import type { ChecklistDefinition } from '../src/domain/types';
import { evidenceValue } from '../src/domain/evidence';
import { verdictValue } from '../src/domain/evidence-verdict';
import { invoke, registerChecklist, startEnv, type BenchEnv } from './app-bench';
import { PAGE_OPEN_CALLS } from './kvs-breakdown';
import { rollupBaseKey, rollupCacheKey } from '../src/storage/keys';

const DAY_MS = 86_400_000;

export interface UnitUsage extends UsageTotals {
  wallMs: number;
}

export interface UnitCosts {
  items: number;
  /** Every item holds evidence (the cold read's worst case before the in-force summary). */
  evidenceOnEvery?: true;
  import: UnitUsage;
  /** The first read: cold (constant calls) where it applies, else full. */
  rollupFull: UnitUsage;
  /** The full read of every item with its fields (ceil(N/100) pages): the first read before the cold read, and the hourly one. */
  rollupFullRead: UnitUsage;
  rollupDelta: UnitUsage;
  rollupQuiet: UnitUsage;
  /** An Audit page open as the page makes it (bench/kvs-breakdown.ts PAGE_OPEN_CALLS), its rollup read in full from Jira. */
  openFull: UnitUsage;
  /** The same after issue edits: its rollup a delta read. */
  openDelta: UnitUsage;
  edit: UnitUsage;
  dailyJobs: UnitUsage;
}

/** The usage of `run`, from the meters' totals before and after. */
async function metered(env: BenchEnv, run: () => Promise<unknown>): Promise<UnitUsage> {
  await env.runtime.idle();
  env.runtime.resetUsage();
  const started = performance.now();
  await run();
  await env.runtime.idle();
  return { ...env.runtime.usage(), wallMs: performance.now() - started };
}

export async function editInJira(env: BenchEnv, issueKey: string): Promise<void> {
  const call = (method: string, path: string, body?: unknown) => env.emulator.handle({ method, path, query: {}, headers: {}, body, actor: 'admin', origin: 'outside' });
  const { body } = await call('GET', `/rest/api/3/issue/${issueKey}/transitions`);
  const transitions = (body as { transitions: { id: string; to: { name: string } }[] }).transitions;
  const next = transitions.find((t) => t.to.name === 'In Progress') ?? transitions[0];
  if (next) await call('POST', `/rest/api/3/issue/${issueKey}/transitions`, { transition: { id: next.id } });
}

export async function itemKeys(env: BenchEnv, def: ChecklistDefinition, count: number): Promise<string[]> {
  const res = await env.emulator.handle({
    method: 'POST',
    path: '/rest/api/3/search/jql',
    query: {},
    headers: {},
    body: { jql: `project = MSP AND issue.property[msp-audit-item].checklistId = "${def.id}" AND issue.property[msp-audit-item].state = "active"`, fields: ['key'], maxResults: 5000 },
    actor: 'admin',
    origin: 'outside',
  });
  return (res.body as { issues: { key: string }[] }).issues.slice(0, count).map((issue) => issue.key);
}

/** Rollup as a person opening the Audit page (`refresh`: the page's Refresh, honoured at once here). */
const rollup = (env: BenchEnv, def: ChecklistDefinition) => invoke<Rollup | null>(env.runtime, 'getRollup', { checklistId: def.id, refresh: true });

/** The Audit page opening on its Overview: every resolver it calls, at once, as the page does. */
const pageOpen = (env: BenchEnv, def: ChecklistDefinition) => Promise.all(PAGE_OPEN_CALLS(def.id).map(([key, payload]) => invoke(env.runtime, key, payload)));

/** Accepted evidence in force on every item (every 100th expiring within 30 days), as the app writes it (the app field value API). */
async function evidenceOnEveryItem(env: BenchEnv, def: ChecklistDefinition): Promise<void> {
  const call = (method: string, path: string, body?: unknown) => env.emulator.handle({ method, path, query: {}, headers: {}, body, actor: 'app', origin: 'app' });
  const fields = (await call('GET', '/rest/api/3/field')).body as { id: string; schema?: { custom?: string } }[];
  const fieldId = fields.find((f) => f.schema?.custom?.endsWith('/static/audit-evidence'))?.id;
  if (fieldId === undefined) throw new Error('the evidence field is not installed');
  const res = await env.emulator.handle({
    method: 'POST',
    path: '/rest/api/3/search/jql',
    query: {},
    headers: {},
    body: { jql: `project = MSP AND issue.property[msp-audit-item].checklistId = "${def.id}"`, fields: ['id'], maxResults: 5000 },
    actor: 'admin',
    origin: 'outside',
  });
  const ids = (res.body as { issues: { id: string }[] }).issues.map((issue) => Number(issue.id));
  const day = (n: number) => new Date(Date.now() + n * DAY_MS).toISOString().slice(0, 10);
  const value = (expiryDate: string) =>
    verdictValue(evidenceValue([{ id: 'ev-1', kind: 'link', title: 'Proof', url: 'https://intranet.example/proof', addedAt: '2026-01-01T00:00:00.000Z', addedBy: 'admin', expiryDate, reviewState: 'accepted', reviewer: 'lead', reviewedAt: '2026-01-02T00:00:00.000Z' }]), undefined);
  for (let at = 0; at < ids.length; at += 1000) {
    const chunk = ids.slice(at, at + 1000);
    const updates = [
      { issueIds: chunk.filter((_, i) => (at + i) % 100 !== 0), value: value(day(365)) },
      { issueIds: chunk.filter((_, i) => (at + i) % 100 === 0), value: value(day(10)) },
    ].filter((update) => update.issueIds.length > 0);
    await call('PUT', `/rest/api/3/app/field/${fieldId}/value`, { updates });
  }
}

export async function measureUnits(def: ChecklistDefinition, latencyMs: number, options: { evidenceOnEvery?: boolean } = {}): Promise<UnitCosts> {
  // The import happens "a day ago" on Jira's clock; after it both clocks agree again.
  let jiraOffset = -DAY_MS;
  const env = startEnv(latencyMs, { jiraNow: () => new Date(Date.now() + jiraOffset) });
  const previous = process.env.MSP_ROLLUP_REFRESH_MIN_AGE_MS;
  process.env.MSP_ROLLUP_REFRESH_MIN_AGE_MS = '0';
  const original = { info: console.info, warn: console.warn };
  console.info = () => undefined;
  console.warn = () => undefined;
  try {
    await registerChecklist(def);
    const imported = await metered(env, () => invoke(env.runtime, 'startImport', { checklistId: def.id }));
    // Evidence gathered before today (Jira's clock still a day back), as in a project near its audit.
    if (options.evidenceOnEvery === true) await evidenceOnEveryItem(env, def);
    jiraOffset = 0;
    // A project worked on for two months: every issue last changed at some time since (Jira keeps
    // `updated` to the millisecond, and the rollup cache keeps it for the delta reads).
    await workedOn(env, def);
    // The installation's first page open ever: it finds the usually absent records missing (billed
    // 1 KB each) and marks them absent (src/storage/kvs.ts ABSENT), once; every later open reads the
    // markers. Not a unit of the month.
    await pageOpen(env, def);
    // The old first read (every item with its fields), then the new first read (cold where it
    // applies) on the same project: no cache and no delta base before each.
    forgetRollup(env, def);
    process.env.MSP_ROLLUP_COLD_MIN_ITEMS = 'Infinity';
    let rollupFullRead: UnitUsage;
    try {
      rollupFullRead = await metered(env, () => rollup(env, def));
    } finally {
      delete process.env.MSP_ROLLUP_COLD_MIN_ITEMS;
    }
    forgetRollup(env, def);
    const rollupFull = await metered(env, () => rollup(env, def));
    const rollupQuiet = await metered(env, () => rollup(env, def));
    const keys = await itemKeys(env, def, 6);
    const edit = await metered(env, () => editInJira(env, keys[0]!));
    for (const key of keys.slice(1, 3)) await editInJira(env, key);
    await env.runtime.idle();
    const rollupDelta = await metered(env, () => rollup(env, def));
    for (const key of keys.slice(3, 5)) await editInJira(env, key);
    await env.runtime.idle();
    const openDelta = await metered(env, () => pageOpen(env, def));
    // The hourly full read, as it happens: an open after an edit, with the cache there and the delta's
    // last full read an hour old (src/rollup/read-states.ts FULL_READ_MAX_AGE_MS).
    await editInJira(env, keys[5]!);
    await env.runtime.idle();
    ageFullRead(env, def);
    const openFull = await metered(env, () => pageOpen(env, def));
    // The daily jobs as on any day but the first: the first run finds the records they keep (the
    // history cursor, reminder settings) missing and writes them or their absent markers.
    await dailyRun(env);
    const dailyJobs = await aDayLater(() => metered(env, () => dailyRun(env)));
    return { items: def.items.length, ...(options.evidenceOnEvery === true ? { evidenceOnEvery: true as const } : {}), import: imported, rollupFull, rollupFullRead, rollupDelta, rollupQuiet, openFull, openDelta, edit, dailyJobs };
  } finally {
    Object.assign(console, original);
    if (previous === undefined) delete process.env.MSP_ROLLUP_REFRESH_MIN_AGE_MS;
    else process.env.MSP_ROLLUP_REFRESH_MIN_AGE_MS = previous;
    await env.close();
  }
}

export async function dailyRun(env: BenchEnv): Promise<void> {
  for (const trigger of env.runtime.manifest.scheduledTriggers) await env.runtime.runScheduled(trigger.key);
}

/** Runs `run` with the app's clock (and so Jira's, which follows it here) a day ahead. */
export async function aDayLater<T>(run: () => Promise<T>): Promise<T> {
  const realNow = Date.now;
  Date.now = () => realNow() + DAY_MS;
  try {
    return await run();
  } finally {
    Date.now = realNow;
  }
}

/** Every item's issue last changed at a different time within the past 60 days (deterministic). */
export async function workedOn(env: BenchEnv, def: ChecklistDefinition): Promise<void> {
  const keys = await itemKeys(env, def, def.items.length);
  keys.forEach((key, index) => env.emulator.setIssueUpdated(key, new Date(Date.now() - DAY_MS - ((index * 7_919_993 + 12_345) % (59 * DAY_MS)))));
}

/** Makes the delta base's last full read an hour and a minute old, so the next read from Jira is the hourly full read. */
function ageFullRead(env: BenchEnv, def: ChecklistDefinition): void {
  const key = rollupBaseKey('MSP', def.id);
  const base = env.runtime.kvs.get(key) as { fullReadAt: number } | undefined;
  if (!base) throw new Error(`bench: no delta base at ${key} to age`);
  env.runtime.kvs.put(key, { ...base, fullReadAt: base.fullReadAt - 61 * 60_000 });
}

/** Drops the checklist's cached rollup and its delta base, so the next read is a first read. */
function forgetRollup(env: BenchEnv, def: ChecklistDefinition): void {
  env.runtime.kvs.delete(rollupCacheKey('MSP', def.id));
  env.runtime.kvs.delete(rollupBaseKey('MSP', def.id));
}

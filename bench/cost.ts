/**
 * `npm run bench -- --cost`: what an installation costs on Forge, from the local runtime's meters
 * (local/forge/meter.ts), and the rollup's Jira calls: the first read cold (src/rollup/cold-read.ts)
 * beside the full read it replaces, and the delta reads; at 5,000 items also with evidence on every item.
 *
 * Prices and free allowances used (Forge platform pricing, "the source of truth for current Forge
 * pricing", https://developer.atlassian.com/platform/forge/forge-platform-pricing, last updated
 * 30 Jun 2025, billed from 1 Jan 2026), per app per month:
 *   Functions duration: 100,000 GB-s free, then $0.000025 per GB-s;
 *   KVS reads: 0.1 GB free, then $0.055 per GB;  KVS writes: 0.1 GB free, then $1.09 per GB.
 *   Logs: 1 GB free (the console lines the functions write, metered locally as they print them;
 *   the overage price of logs is not in our reference, so none is added for them).
 * A GB is taken as 10^9 bytes, the smaller reading.
 *
 * The month (MONTH below): one 130-item project with 10 users opening the Audit page 20 times and
 * making 50 issue edits a day, and the daily jobs; and a large installation of 5 projects × 2,000
 * items with the same activity in each project. An Audit page open is every resolver the page calls
 * on its Overview (bench/kvs-breakdown.ts), and its rollup reads Jira (with 50 edits a day the cache
 * is nearly always marked changed): spread over an 8-hour day, 8 of the 20 are full reads (the
 * delta's base is at most an hour old) and 12 are deltas. Unit costs are measured once and multiplied;
 * durations are this machine's with 100 ms per Jira call, so GB-s is an estimate.
 */
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { checklistFor, syntheticChecklist } from './checklists';
import { measureUnits, type UnitCosts, type UnitUsage } from './cost-units';
import type { UsagePeaks } from '../local/forge/meter';

const LATENCY_MS = 100;
const RESULTS_FILE = path.join(__dirname, 'results.json');
const GB = 1e9;

export const PRICING = {
  source: 'https://developer.atlassian.com/platform/forge/forge-platform-pricing (last updated 30 Jun 2025)',
  free: { gbSeconds: 100_000, kvsReadGb: 0.1, kvsWriteGb: 0.1, logsGb: 1 },
  overage: { perGbSecond: 0.000025, perKvsReadGb: 0.055, perKvsWriteGb: 1.09 },
} as const;

export const MONTH = { days: 30, opensPerDay: 20, fullReadsPerDay: 8, editsPerDay: 50, dailyJobRuns: 1 } as const;

interface MonthUsage {
  name: string;
  projects: number;
  gbSeconds: number;
  kvsReadBytes: number;
  kvsWriteBytes: number;
  kvsReads: number;
  kvsWrites: number;
  asyncEvents: number;
  jiraCalls: number;
  /** Share of each free allowance, %. */
  share: { gbSeconds: number; kvsRead: number; kvsWrite: number; logs: number };
  logBytes: number;
  overageUsd: number;
  /** The unit that spends most GB-s in the month. */
  topSpender: string;
  /** KVS bytes of the month by key kind (local/forge/meter.ts kvsByKind), most first. */
  kvsByKind: { kind: string; readBytes: number; writeBytes: number }[];
}

function month(name: string, units: UnitCosts, projects: number): MonthUsage {
  const perDay: [string, UnitUsage, number][] = [
    ['page opens, rollup read in full (the hourly full read)', units.openFull, MONTH.fullReadsPerDay],
    ['page opens, rollup delta', units.openDelta, MONTH.opensPerDay - MONTH.fullReadsPerDay],
    ['issue edits (trigger)', units.edit, MONTH.editsPerDay],
    ['daily jobs', units.dailyJobs, MONTH.dailyJobRuns],
  ];
  const sum = (pick: (u: UnitUsage) => number): number => projects * MONTH.days * perDay.reduce((total, [, unit, times]) => total + pick(unit) * times, 0);
  const gbSeconds = sum((u) => u.gbSeconds);
  const kvsReadBytes = sum((u) => u.kvs.readBytes);
  const kvsWriteBytes = sum((u) => u.kvs.writeBytes);
  const overage =
    Math.max(0, gbSeconds - PRICING.free.gbSeconds) * PRICING.overage.perGbSecond +
    Math.max(0, kvsReadBytes / GB - PRICING.free.kvsReadGb) * PRICING.overage.perKvsReadGb +
    Math.max(0, kvsWriteBytes / GB - PRICING.free.kvsWriteGb) * PRICING.overage.perKvsWriteGb;
  const top = [...perDay].sort((a, b) => b[1].gbSeconds * b[2] - a[1].gbSeconds * a[2])[0]![0];
  const byKind = new Map<string, { kind: string; readBytes: number; writeBytes: number }>();
  for (const [, unit, times] of perDay) {
    for (const [kind, totals] of Object.entries(unit.kvsByKind)) {
      const entry = byKind.get(kind) ?? { kind, readBytes: 0, writeBytes: 0 };
      entry.readBytes += projects * MONTH.days * times * totals.readBytes;
      entry.writeBytes += projects * MONTH.days * times * totals.writeBytes;
      byKind.set(kind, entry);
    }
  }
  return {
    name,
    projects,
    gbSeconds,
    kvsReadBytes,
    kvsWriteBytes,
    kvsReads: sum((u) => u.kvs.reads),
    kvsWrites: sum((u) => u.kvs.writes),
    asyncEvents: sum((u) => u.asyncEvents),
    jiraCalls: sum((u) => u.jiraCalls),
    logBytes: sum((u) => u.logBytes),
    share: {
      logs: (100 * sum((u) => u.logBytes)) / GB / PRICING.free.logsGb,
      gbSeconds: (100 * gbSeconds) / PRICING.free.gbSeconds,
      kvsRead: (100 * kvsReadBytes) / GB / PRICING.free.kvsReadGb,
      kvsWrite: (100 * kvsWriteBytes) / GB / PRICING.free.kvsWriteGb,
    },
    overageUsd: overage,
    topSpender: top,
    kvsByKind: [...byKind.values()].sort((a, b) => b.readBytes + b.writeBytes - (a.readBytes + a.writeBytes)),
  };
}

/**
 * Forge's limits the meters' peaks are checked against (local/forge/meter.ts UsagePeaks): invocation
 * payload and response (Forge invocation limits), a KVS value (240 KiB; the key is counted with it
 * here, so the check is stricter than Forge's), and the per-installation rates (async events, KVS
 * units and requests). The bench runs on a zero time scale, so a whole 5,000-item import falls in
 * one rate window: the per-minute peaks are upper bounds of what a real minute would see.
 */
export const FORGE_LIMITS: { key: keyof UsagePeaks; what: string; limit: number; unit: string }[] = [
  { key: 'invokePayloadBytes', what: 'Invoke payload', limit: 500 * 1024, unit: 'bytes' },
  { key: 'invokeResponseBytes', what: 'Resolver response', limit: 5 * 1024 * 1024, unit: 'bytes' },
  { key: 'kvsValueBytes', what: 'One KVS value written', limit: 240 * 1024, unit: 'bytes' },
  { key: 'asyncPushBytes', what: 'One push of async events', limit: 200 * 1024, unit: 'bytes' },
  { key: 'asyncEventsPerMinute', what: 'Async events pushed in a minute', limit: 500, unit: 'events' },
  { key: 'kvsReadUnitsPerMinute', what: 'KVS read units (10 KB) in a minute', limit: 4_000, unit: 'units' },
  { key: 'kvsWriteUnitsPerMinute', what: 'KVS write units (10 KB) in a minute', limit: 4_000, unit: 'units' },
  { key: 'kvsRequestsPerSecond', what: 'KVS requests in a second', limit: 1_000, unit: 'requests' },
];

/** The largest peak of each limit over every measured unit of every size, with where it was seen. */
function limitChecks(units: readonly UnitCosts[]): { what: string; limit: number; unit: string; peak: number; where: string }[] {
  const named: [string, (unit: UnitCosts) => UnitUsage][] = [
    ['import', (u) => u.import],
    ['first read', (u) => u.rollupFull],
    ['full read', (u) => u.rollupFullRead],
    ['delta read', (u) => u.rollupDelta],
    ['page open (full)', (u) => u.openFull],
    ['page open (delta)', (u) => u.openDelta],
    ['issue edit', (u) => u.edit],
    ['daily jobs', (u) => u.dailyJobs],
  ];
  return FORGE_LIMITS.map(({ key, what, limit, unit }) => {
    let peak = 0;
    let where = '—';
    for (const size of units) {
      for (const [name, pick] of named) {
        const value = pick(size).peaks[key];
        if (value > peak) {
          peak = value;
          where = `${name}, ${n(size.items)} items${size.evidenceOnEvery === true ? ' with evidence' : ''}`;
        }
      }
    }
    return { what, limit, unit, peak, where };
  });
}

const n = (value: number, digits = 0): string => value.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });
const mb = (bytes: number): string => `${n(bytes / 1e6, 1)} MB`;
const s = (ms: number): string => `${n(ms / 1000, 2)} s`;

export async function runCostBench(): Promise<void> {
  const progress = (line: string): void => console.error(`[bench --cost] ${line}`);
  const units: UnitCosts[] = [];
  for (const items of [130, 1_000, 2_000, 5_000]) {
    progress(`${n(items)} items: import, rollup full / delta / quiet, an edit, the daily jobs …`);
    // 130 items: the built-in checklist (its definition ships with the app); larger: a custom one (kept in KVS).
    const def = items === 130 ? checklistFor({ items, chapters: 0, naiveConcurrency: 1 }) : syntheticChecklist(items, Math.round(items / 100));
    units.push(await measureUnits(def, LATENCY_MS));
  }
  // A project near its audit: evidence on every item (before the in-force summary, ~N/100 + 6 cold calls).
  progress('5,000 items with evidence on every item: the same again …');
  units.push(await measureUnits(syntheticChecklist(5_000, 50), LATENCY_MS, { evidenceOnEvery: true }));
  const at = (items: number): UnitCosts => units.find((unit) => unit.items === items && unit.evidenceOnEvery !== true)!;
  const lines: string[] = ['### Rollup Jira calls (getRollup with refresh; 100 ms per Jira call)', ''];
  lines.push('| Items | First read (cold) | First read before (full: ceil(N/100)+2) | Refresh after 3 edits (delta) | Refresh, nothing changed (delta) |');
  lines.push('|---:|---:|---:|---:|---:|');
  for (const unit of units) {
    lines.push(
      `| ${n(unit.items)}${unit.evidenceOnEvery === true ? ', evidence on every item' : ''} | ${unit.rollupFull.jiraCalls} calls, ${s(unit.rollupFull.wallMs)} | ${unit.rollupFullRead.jiraCalls} calls, ${s(unit.rollupFullRead.wallMs)} | ${unit.rollupDelta.jiraCalls} calls, ${s(unit.rollupDelta.wallMs)} | ${unit.rollupQuiet.jiraCalls} calls, ${s(unit.rollupQuiet.wallMs)} |`,
    );
  }
  const months = [month('Realistic: 1 project × 130 items', at(130), 1), month('Large: 5 projects × 2,000 items', at(2_000), 5)];
  lines.push('', '### A month on Forge (from the meters; free allowance per app per month)', '');
  lines.push('| Installation | GB-s (% of 100,000) | KVS read (% of 0.1 GB) | KVS written (% of 0.1 GB) | Logs (% of 1 GB) | KVS ops r/w | Async events | Jira calls | Overage | Spends most on |');
  lines.push('|---|---:|---:|---:|---:|---:|---:|---:|---:|---|');
  for (const m of months) {
    lines.push(
      `| ${m.name} | ${n(m.gbSeconds)} (${n(m.share.gbSeconds, 2)} %) | ${mb(m.kvsReadBytes)} (${n(m.share.kvsRead, 2)} %) | ${mb(m.kvsWriteBytes)} (${n(m.share.kvsWrite, 2)} %) | ${mb(m.logBytes)} (${n(m.share.logs, 3)} %) | ${n(m.kvsReads)} / ${n(m.kvsWrites)} | ${n(m.asyncEvents)} | ${n(m.jiraCalls)} | $${n(m.overageUsd, 2)} | ${m.topSpender} |`,
    );
  }
  lines.push('', '### Where the KVS bytes go in the month (by key kind, the five largest)', '');
  for (const m of months) {
    const top = m.kvsByKind.slice(0, 5).map((entry) => `${entry.kind} ${n(entry.readBytes / 1e6, 2)} MB read, ${n(entry.writeBytes / 1e6, 2)} MB written`);
    lines.push(`- ${m.name}: ${top.join('; ')}`);
  }
  lines.push('', '### One-off import (month 1)', '', '| Items | GB-s | KVS written | Async events | Jira calls |', '|---:|---:|---:|---:|---:|');
  for (const unit of units.filter((entry) => entry.evidenceOnEvery !== true)) lines.push(`| ${n(unit.items)} | ${n(unit.import.gbSeconds, 1)} | ${mb(unit.import.kvs.writeBytes)} | ${unit.import.asyncEvents} | ${unit.import.jiraCalls} |`);
  const limits = limitChecks(units);
  lines.push('', "### Forge's limits (the largest seen in any measured operation)", '', '| Limit | Forge | Largest seen | Share | Where |', '|---|---:|---:|---:|---|');
  for (const check of limits) lines.push(`| ${check.what} | ${n(check.limit)} ${check.unit} | ${n(check.peak)} | ${n((100 * check.peak) / check.limit, 1)} % | ${check.where} |`);
  lines.push('', `Prices: ${PRICING.source}.`);
  console.log(lines.join('\n'));
  const results: Record<string, unknown> = existsSync(RESULTS_FILE) ? (JSON.parse(readFileSync(RESULTS_FILE, 'utf8')) as Record<string, unknown>) : {};
  results.cost = { measuredAt: new Date().toISOString(), latencyMs: LATENCY_MS, pricing: PRICING, model: MONTH, units, months, limits };
  writeFileSync(RESULTS_FILE, `${JSON.stringify(results, null, 2)}\n`);
  const share = months[0]!.share;
  const over = (['gbSeconds', 'kvsRead', 'kvsWrite', 'logs'] as const).filter((key) => share[key] >= 1);
  const callsOver = units.filter((unit) => unit.rollupFull.jiraCalls > 8 || unit.rollupDelta.jiraCalls > 8 || unit.rollupQuiet.jiraCalls > 8).map((unit) => unit.items);
  console.log(`\n${over.length === 0 ? 'PASS' : 'FAIL'}: realistic installation under 1 % of every free allowance${over.length > 0 ? ` (over: ${over.join(', ')})` : ''}.`);
  console.log(`${callsOver.length === 0 ? 'PASS' : 'FAIL'}: rollup first read and refresh ≤ 8 Jira calls at every size${callsOver.length > 0 ? ` (over at ${callsOver.join(', ')} items)` : ''}.`);
  const beyond = limits.filter((check) => check.peak > check.limit).map((check) => check.what);
  console.log(`${beyond.length === 0 ? 'PASS' : 'FAIL'}: every operation within Forge's limits${beyond.length > 0 ? ` (over: ${beyond.join(', ')})` : ''}.`);
  const failed = over.length > 0 || callsOver.length > 0 || beyond.length > 0;
  if (failed) process.exitCode = 1;
}

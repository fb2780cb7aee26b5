/**
 * `npm run bench -- --trail [--entries N]`: the decision trail on the local runtime's KVS (the real
 * @forge/kvs package, no emulated latency): N appends (default 100,000) of decisions spread over
 * 500 items, one after another; the time and KVS requests of each append (mean, p95, max, and the
 * first versus the last thousand, which must not grow with the trail); verifying the whole chain;
 * reading a page and one item's history; and the KVS values and bytes the trail takes.
 * Prints a Markdown table and writes bench/trail-results.json. Runs alone (minutes, not hours).
 */
import { writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { TRAIL_CHUNK_ENTRIES } from '../src/trail/entry';
import { readItemHistory, readTrailPage } from '../src/trail/read';
import { recordDecision } from '../src/trail/record';
import { verifyProjectTrail } from '../src/trail/verify';
import { startEnv } from './app-bench';
import { duration } from './report';

const RESULTS_FILE = path.join(__dirname, 'trail-results.json');
const PROJECT = 'MSP';
const ITEMS = 500;

interface Stats {
  meanMs: number;
  p95Ms: number;
  maxMs: number;
}

function stats(values: number[]): Stats {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
  return { meanMs: values.reduce((sum, v) => sum + v, 0) / Math.max(1, values.length), p95Ms: at(0.95), maxMs: at(1) };
}

const ms = (value: number) => `${value.toFixed(2)} ms`;

export async function runTrailBench(entries: number): Promise<void> {
  const started = performance.now();
  const progress = (line: string): void => console.error(`[bench trail ${duration(performance.now() - started)}] ${line}`);
  const env = startEnv(0);
  // Count the app's KVS requests: the runtime answers each through forgeFetch.
  const runtime = env.runtime as unknown as { forgeFetch: (scope: unknown, target: { type: string }, ...rest: unknown[]) => Promise<Response> };
  const original = runtime.forgeFetch;
  let kvsCalls = 0;
  runtime.forgeFetch = (scope, target, ...rest) => {
    if (target.type === 'kvs') kvsCalls++;
    return original.call(env.runtime, scope, target, ...rest);
  };
  try {
    const times: number[] = [];
    const calls: number[] = [];
    for (let n = 1; n <= entries; n++) {
      const item = n % ITEMS;
      const before = kvsCalls;
      const t0 = performance.now();
      await recordDecision({
        projectKey: PROJECT,
        actor: `user-${n % 7}`,
        action: n % 3 === 0 ? 'evidence.review' : 'assessment.set',
        checklistId: 'aws-msp-7.1',
        itemId: `ITEM-${item}`,
        issueKey: `MSP-${item + 1}`,
        before: { result: 'not_met' },
        after: { result: 'met', complexity: 'medium' },
        reason: `Checked against the runbook, revision ${n}.`,
      });
      times.push(performance.now() - t0);
      calls.push(kvsCalls - before);
      if (n % 10_000 === 0) progress(`${n} appends, last 1,000 mean ${ms(stats(times.slice(-1000)).meanMs)}`);
    }

    progress('verify …');
    const v0 = performance.now();
    const verdict = await verifyProjectTrail(PROJECT);
    const verifyMs = performance.now() - v0;
    const verifyCalls = kvsCalls;

    const p0 = performance.now();
    await readTrailPage(PROJECT, { limit: 25 });
    const pageMs = performance.now() - p0;
    const h0 = performance.now();
    const history = await readItemHistory(PROJECT, { issueKey: 'MSP-43', item: { checklistId: 'aws-msp-7.1', itemId: 'ITEM-42' } });
    const historyMs = performance.now() - h0;

    const keys = env.runtime.kvs.keys().filter((key) => key.startsWith('trail-'));
    const bytes = (prefix: string) => keys.filter((key) => key.startsWith(prefix)).reduce((sum, key) => sum + Buffer.byteLength(JSON.stringify(env.runtime.kvs.get(key))), 0);
    const count = (prefix: string) => keys.filter((key) => key.startsWith(prefix)).length;
    const maxChunkBytes = Math.max(...keys.filter((key) => key.startsWith('trail-chunk:')).map((key) => Buffer.byteLength(JSON.stringify(env.runtime.kvs.get(key)))));

    const append = stats(times);
    const first = stats(times.slice(0, 1000));
    const last = stats(times.slice(-1000));
    const results = {
      startedAt: new Date().toISOString(),
      node: process.version,
      cpus: os.cpus().length,
      entries,
      chunkEntries: TRAIL_CHUNK_ENTRIES,
      append,
      appendFirst1000: first,
      appendLast1000: last,
      kvsCallsPerAppend: { min: Math.min(...calls), max: Math.max(...calls) },
      verify: { ms: verifyMs, intact: verdict.intact, entries: verdict.entries, kvsCalls: verifyCalls - calls.reduce((a, b) => a + b, 0) },
      pageMs,
      itemHistory: { ms: historyMs, entries: history.entries.length, total: history.total },
      kvs: {
        values: keys.length,
        bytes: bytes('trail-'),
        chunks: { values: count('trail-chunk:'), bytes: bytes('trail-chunk:'), maxBytes: maxChunkBytes },
        indexes: { values: count('trail-index:'), bytes: bytes('trail-index:') },
        heads: count('trail-head:'),
      },
      totalMs: performance.now() - started,
    };
    const row = (name: string, value: string) => `| ${name} | ${value} |`;
    console.log(
      [
        `## Decision trail: ${entries.toLocaleString('en')} appends on the local KVS (${os.cpus().length} CPUs, Node ${process.version})`,
        '',
        '| Measure | Value |',
        '| --- | --- |',
        row('append: mean / p95 / max', `${ms(append.meanMs)} / ${ms(append.p95Ms)} / ${ms(append.maxMs)}`),
        row('append, first 1,000: mean / p95', `${ms(first.meanMs)} / ${ms(first.p95Ms)}`),
        row('append, last 1,000: mean / p95', `${ms(last.meanMs)} / ${ms(last.p95Ms)}`),
        row('KVS requests per append (min – max)', `${results.kvsCallsPerAppend.min} – ${results.kvsCallsPerAppend.max}`),
        row('verify (whole chain)', `${duration(verifyMs)}, ${verdict.intact ? 'intact' : 'BROKEN'}, ${verdict.entries} entries, ${results.verify.kvsCalls} KVS requests`),
        row('read newest page (25)', ms(pageMs)),
        row("read one item's history", `${ms(historyMs)} (${history.entries.length} shown of ${history.total})`),
        row('KVS values (chunks + indexes + head)', `${keys.length} (${results.kvs.chunks.values} + ${results.kvs.indexes.values} + ${results.kvs.heads})`),
        row('KVS bytes (chunks / indexes)', `${(results.kvs.bytes / 1e6).toFixed(1)} MB (${(results.kvs.chunks.bytes / 1e6).toFixed(1)} / ${(results.kvs.indexes.bytes / 1e6).toFixed(2)} MB), largest chunk ${(maxChunkBytes / 1024).toFixed(1)} KiB`),
        row('total', duration(results.totalMs)),
      ].join('\n'),
    );
    writeFileSync(RESULTS_FILE, `${JSON.stringify(results, null, 2)}\n`);
    console.log(`\nResults: ${path.relative(process.cwd(), RESULTS_FILE)}`);
    if (!verdict.intact || verdict.entries !== entries) process.exitCode = 1;
  } finally {
    runtime.forgeFetch = original;
    await env.close();
  }
}

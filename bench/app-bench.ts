/**
 * The app's own import and rollup, measured through the local Forge runtime (the real src/index.ts
 * and @forge/* packages) against the Jira emulator: Jira calls from the emulator's request log
 * (origin `app`), wall time, and the invocations' durations from the runtime's log.
 */
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import type { ImportStatus, Rollup } from '../common/contract';
import { createForgeRuntime, type ForgeRuntime, type InvocationRecord } from '@msp-audit-ready/forge-local/forge';
import { createJiraEmulator, type JiraEmulatorApi, type RequestLogEntry } from '@msp-audit-ready/forge-local/jira';
import { saveCustomChecklist } from '../src/catalogue';
import type { ChecklistDefinition } from '../src/domain/types';

export const APP_DIR = path.resolve(__dirname, '..');
const CONTEXT = { moduleKey: 'audit-page', projectKey: 'MSP', accountId: 'admin' };

/** A fresh site for one size: the emulator with its latency, the runtime, and the logs they write. */
export interface BenchEnv {
  emulator: JiraEmulatorApi;
  runtime: ForgeRuntime;
  /** Runtime diagnostics and the app's console lines, kept out of the table. */
  logs: string[];
  close(): Promise<void>;
}

export function startEnv(latencyMs: number, options: { jiraNow?: () => Date } = {}): BenchEnv {
  const emulator = createJiraEmulator({ manifestPath: path.join(APP_DIR, 'manifest.yml'), baseUrl: 'http://localhost:8080/jira', ...(options.jiraNow ? { now: options.jiraNow } : {}) });
  const logs: string[] = [];
  // timeScale 0: queue delays and retry back-offs are instant; none happen without faults anyway.
  const runtime = createForgeRuntime({ appDir: APP_DIR, emulator, timeScale: 0, log: (line) => logs.push(`[forge] ${line}`) });
  emulator.setFaults({ latencyMs });
  return {
    emulator,
    runtime,
    logs,
    close: () => runtime.close(),
  };
}

/** Saves a custom checklist in the runtime's KVS through the app's own catalogue. */
export async function registerChecklist(def: ChecklistDefinition): Promise<void> {
  if (def.source === 'custom') await saveCustomChecklist(def);
}

export interface ImportFigures {
  state: ImportStatus['state'];
  created: number;
  calls: number;
  /** Calls by `METHOD path` (issue keys replaced by `{key}`), for the minimum's breakdown. */
  callsByKind: Record<string, number>;
  wallMs: number;
  maxResolverMs: number;
  maxConsumerMs: number;
  consumerInvocations: number;
  /** Invocations that did not end `ok` (time-outs, kills, errors). */
  failedInvocations: number;
}

export interface RollupFigures {
  calls: number;
  callsByKind: Record<string, number>;
  wallMs: number;
  /** The resolver invocation's own duration. */
  resolverMs: number;
  from: Rollup['from'];
  /** Items with an issue in the rollup: every item once the import is done. */
  itemsWithIssue: number;
}

export async function invoke<T>(runtime: ForgeRuntime, functionKey: string, payload: unknown): Promise<T> {
  return (await runtime.invoke({ functionKey, payload, context: CONTEXT })) as T;
}

function appRequests(emulator: JiraEmulatorApi): RequestLogEntry[] {
  return emulator.requests().filter((request) => request.origin === 'app');
}

export function countByKind(requests: readonly RequestLogEntry[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const request of requests) {
    const kind = `${request.method} ${request.path.replace(/\/issue\/[A-Z][A-Z0-9_]*-\d+/, '/issue/{key}')}`;
    counts[kind] = (counts[kind] ?? 0) + 1;
  }
  return counts;
}

const maxDuration = (records: readonly InvocationRecord[], kind: InvocationRecord['kind']): number =>
  Math.max(0, ...records.filter((record) => record.kind === kind).map((record) => record.durationMs));

/** startImport, then wait until the queue is drained; the job's final status and the figures. */
export async function measureImport(env: BenchEnv, def: ChecklistDefinition): Promise<ImportFigures> {
  env.emulator.clearRequests();
  env.runtime.clearInvocations();
  const started = performance.now();
  const { jobId } = await invoke<{ jobId: string }>(env.runtime, 'startImport', { checklistId: def.id });
  await env.runtime.idle();
  const wallMs = performance.now() - started;
  const status = await invoke<ImportStatus>(env.runtime, 'getImport', { jobId });
  const requests = appRequests(env.emulator);
  const records = env.runtime.invocations();
  return {
    state: status.state,
    created: status.created,
    calls: requests.length,
    callsByKind: countByKind(requests),
    wallMs,
    maxResolverMs: maxDuration(records, 'resolver'),
    maxConsumerMs: maxDuration(records, 'consumer'),
    consumerInvocations: records.filter((record) => record.kind === 'consumer').length,
    failedInvocations: records.filter((record) => record.outcome !== 'ok').length,
  };
}

/** One getRollup: `refresh: true` reads Jira (cold), without it the KVS cache answers (warm). */
export async function measureRollup(env: BenchEnv, def: ChecklistDefinition, refresh: boolean): Promise<RollupFigures> {
  env.emulator.clearRequests();
  env.runtime.clearInvocations();
  const started = performance.now();
  const rollup = await invoke<Rollup | null>(env.runtime, 'getRollup', { checklistId: def.id, ...(refresh ? { refresh: true } : {}) });
  const wallMs = performance.now() - started;
  if (!rollup) throw new Error(`getRollup answered null for ${def.id}`);
  const requests = appRequests(env.emulator);
  return {
    calls: requests.length,
    callsByKind: countByKind(requests),
    wallMs,
    resolverMs: maxDuration(env.runtime.invocations(), 'resolver'),
    from: rollup.from,
    itemsWithIssue: rollup.items.filter((item) => item.issueKey !== undefined).length,
  };
}

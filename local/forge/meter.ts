/**
 * What an installation uses, as Forge bills and limits it: function time as GB-seconds (duration ×
 * the function's memory), KVS reads and writes (count and bytes), async events pushed, and product
 * (Jira) calls. Forge bills functions in GB-s and KVS by the GB read and written (Forge pricing page:
 * developer.atlassian.com/platform/forge/pricing/; free allowances and prices in bench/cost.ts).
 * Totals since the last reset; `GET /api/__admin/usage` answers them (local/server.ts).
 */
import type { InvocationKind } from './types';

/** Forge's default function memory when the manifest declares none (Forge limits page). */
export const DEFAULT_MEMORY_MB = 512;

export interface UsageTotals {
  invocations: number;
  /** Sum of duration (s) × memory (GB, MB / 1024). */
  gbSeconds: number;
  /** By invocation kind (resolver, consumer, trigger, scheduled…). */
  byKind: Record<string, { invocations: number; gbSeconds: number }>;
  kvs: KvsTotals;
  /**
   * KVS use by key kind: the key's first `:`-separated part (`rollup`, `project-settings`…), a
   * query as `query:<prefix kind>`. A request of several keys (batch, transaction) counts each
   * item once, with its own bytes.
   */
  kvsByKind: Record<string, KvsTotals>;
  asyncEvents: number;
  jiraCalls: number;
  /** Bytes the functions wrote to the console (Forge's logs; 1 GB free a month). */
  logBytes: number;
  /** The largest of each quantity Forge limits, since reset: what the limit checks compare (bench/cost.ts). */
  peaks: UsagePeaks;
}

/** Largest values seen since reset, each against one of Forge's limits (local/forge/rate-limits.ts, runtime.ts). */
export interface UsagePeaks {
  /** An invoke's payload, bytes (Forge: 500 KB). */
  invokePayloadBytes: number;
  /** A resolver's response, bytes (Forge: 5 MB). */
  invokeResponseBytes: number;
  /** One KVS value written (key and value), bytes (Forge: a value ≤ 240 KiB). */
  kvsValueBytes: number;
  /** One push of async events (their payloads as sent), bytes (Forge: 200 KB). */
  asyncPushBytes: number;
  /** Async events pushed within one rate window (Forge: 500 a minute). */
  asyncEventsPerMinute: number;
  /** KVS read and write units (10 KB each) within one rate window (Forge: 4,000 a minute each). */
  kvsReadUnitsPerMinute: number;
  kvsWriteUnitsPerMinute: number;
  /** KVS requests within one second (Forge: 1,000). */
  kvsRequestsPerSecond: number;
}

export const NO_PEAKS: UsagePeaks = {
  invokePayloadBytes: 0,
  invokeResponseBytes: 0,
  kvsValueBytes: 0,
  asyncPushBytes: 0,
  asyncEventsPerMinute: 0,
  kvsReadUnitsPerMinute: 0,
  kvsWriteUnitsPerMinute: 0,
  kvsRequestsPerSecond: 0,
};

export interface KvsTotals {
  reads: number;
  readBytes: number;
  writes: number;
  writeBytes: number;
}

/** KVS request paths (@forge/kvs) that write; every other one reads (get, batch get, query, secret get…). */
export function isKvsWrite(path: string): boolean {
  return /\/(set|delete|transaction)$/i.test(path);
}

/** The kind of a key: its first `:`-separated part. */
export function keyKind(key: unknown): string {
  return typeof key === 'string' ? (key.split(':')[0] ?? key) : '?';
}

const obj = (value: unknown): Record<string, unknown> => (typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : {});
const list = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);

/**
 * Forge bills a KVS read by the size of what it read, and an empty read (a key that is not there, a
 * query that finds nothing) as 1 KB (Forge pricing page, the note under "Billable capabilities and
 * pricing": "Empty KVS reads count as 1KB towards your usage, whereas non-empty reads are based on
 * actual size"). A record read counts its key and value (the stored entry), not the reply's
 * timestamps; a write counts the bytes sent.
 */
export const EMPTY_READ_BYTES = 1024;

const isMissing = (value: unknown): boolean => obj(value).code === 'KEY_NOT_FOUND' || obj(obj(value).error).code === 'KEY_NOT_FOUND';

/** The billed size of one record a read returned. */
function recordBytes(record: unknown): number {
  const r = obj(record);
  return bytes(r.key) + bytes(r.value);
}

/** The key kinds a read touches, each with the bytes Forge bills for it. */
function readKinds(path: string, request: unknown, reply: unknown): [string, number][] {
  const body = obj(request);
  if (path.endsWith('/query')) {
    const prefix = list(body.where).map((w) => list(obj(w).values)[0]).find((v) => typeof v === 'string');
    const data = list(obj(reply).data);
    return [[`query:${keyKind(prefix ?? obj(data[0]).key)}`, data.length === 0 ? EMPTY_READ_BYTES : data.reduce<number>((sum, item) => sum + recordBytes(item), 0)]];
  }
  if (path.includes('/batch/get')) {
    const found = list(obj(reply).successfulKeys).map((item) => [keyKind(obj(item).key), recordBytes(item)] as [string, number]);
    const missing = list(obj(reply).failedKeys).map((item) => [keyKind(obj(item).key), isMissing(item) ? EMPTY_READ_BYTES : 0] as [string, number]);
    return [...found, ...missing];
  }
  return [[keyKind(body.key), isMissing(reply) ? EMPTY_READ_BYTES : recordBytes(reply)]];
}

/** The key kinds a write touches, each with the bytes it sent (`total` for a single-key request). */
function writeKinds(path: string, request: unknown, total: number): [string, number][] {
  const body = obj(request);
  if (path.includes('/batch/')) return list(request).map((item) => [keyKind(obj(item).key), bytes(item)]);
  if (path.endsWith('/transaction')) return [...list(body.set), ...list(body.delete), ...list(body.check)].map((item) => [keyKind(obj(item).key), bytes(item)]);
  return [[keyKind(body.key), total]];
}

function bytes(value: unknown): number {
  if (value === undefined) return 0;
  return Buffer.byteLength(typeof value === 'string' ? value : JSON.stringify(value), 'utf8');
}

export class Meter {
  private totals: UsageTotals = Meter.empty();

  static empty(): UsageTotals {
    return { invocations: 0, gbSeconds: 0, byKind: {}, kvs: Meter.noKvs(), kvsByKind: {}, asyncEvents: 0, jiraCalls: 0, logBytes: 0, peaks: { ...NO_PEAKS } };
  }

  private static noKvs(): KvsTotals {
    return { reads: 0, readBytes: 0, writes: 0, writeBytes: 0 };
  }

  invocation(kind: InvocationKind, durationMs: number, memoryMB: number = DEFAULT_MEMORY_MB): number {
    const gbSeconds = (durationMs / 1000) * (memoryMB / 1024);
    this.totals.invocations++;
    this.totals.gbSeconds += gbSeconds;
    const entry = (this.totals.byKind[kind] ??= { invocations: 0, gbSeconds: 0 });
    entry.invocations++;
    entry.gbSeconds += gbSeconds;
    return gbSeconds;
  }

  /** One KVS request: a write counts the bytes sent, a read what Forge bills for it (see EMPTY_READ_BYTES). */
  kvs(path: string, request: unknown, reply: unknown): void {
    const write = isKvsWrite(path);
    const kinds = write ? writeKinds(path, request, bytes(request)) : readKinds(path, request, reply);
    const total = write ? bytes(request) : kinds.reduce((sum, [, size]) => sum + size, 0);
    const add = (entry: KvsTotals, count: number, size: number): void => {
      if (write) {
        entry.writes += count;
        entry.writeBytes += size;
      } else {
        entry.reads += count;
        entry.readBytes += size;
      }
    };
    add(this.totals.kvs, 1, total);
    for (const [kind, size] of kinds) add((this.totals.kvsByKind[kind] ??= Meter.noKvs()), 1, size);
    if (write) for (const [, size] of kinds) this.totals.peaks.kvsValueBytes = Math.max(this.totals.peaks.kvsValueBytes, size);
  }

  /** One resolver invocation's payload and response sizes. */
  invokeSizes(payloadBytes: number, responseBytes: number): void {
    this.totals.peaks.invokePayloadBytes = Math.max(this.totals.peaks.invokePayloadBytes, payloadBytes);
    this.totals.peaks.invokeResponseBytes = Math.max(this.totals.peaks.invokeResponseBytes, responseBytes);
  }

  /** A successful push of `count` events whose payloads took `bytes`. */
  asyncEvents(count: number, bytes = 0): void {
    this.totals.asyncEvents += count;
    this.totals.peaks.asyncPushBytes = Math.max(this.totals.peaks.asyncPushBytes, bytes);
  }

  log(bytes: number): void {
    this.totals.logBytes += bytes;
  }

  jiraCall(): void {
    this.totals.jiraCalls++;
  }

  usage(): UsageTotals {
    return structuredClone(this.totals);
  }

  reset(): void {
    this.totals = Meter.empty();
  }
}

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
  kvs: { reads: number; readBytes: number; writes: number; writeBytes: number };
  asyncEvents: number;
  jiraCalls: number;
}

/** KVS request paths (@forge/kvs) that write; every other one reads (get, query, secret get…). */
export function isKvsWrite(path: string): boolean {
  return /\/(set|delete|transaction|batch)/i.test(path);
}

function bytes(value: unknown): number {
  if (value === undefined) return 0;
  return Buffer.byteLength(typeof value === 'string' ? value : JSON.stringify(value), 'utf8');
}

export class Meter {
  private totals: UsageTotals = Meter.empty();

  static empty(): UsageTotals {
    return { invocations: 0, gbSeconds: 0, byKind: {}, kvs: { reads: 0, readBytes: 0, writes: 0, writeBytes: 0 }, asyncEvents: 0, jiraCalls: 0 };
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

  /** One KVS request: a write counts the bytes sent, a read the bytes answered. */
  kvs(path: string, request: unknown, reply: unknown): void {
    if (isKvsWrite(path)) {
      this.totals.kvs.writes++;
      this.totals.kvs.writeBytes += bytes(request);
    } else {
      this.totals.kvs.reads++;
      this.totals.kvs.readBytes += bytes(reply);
    }
  }

  asyncEvents(count: number): void {
    this.totals.asyncEvents += count;
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

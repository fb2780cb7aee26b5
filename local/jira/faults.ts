/**
 * Fault injection: 429s with Retry-After, 500s (before or after an issue create committed), latency
 * and search index lag, drawn from a seeded PRNG so a test run sees the same sequence every time.
 */
import type { EmulatorResponse, Faults } from './types';
import { jsonResponse } from './http/errors';

/** mulberry32: tiny, fast, good enough for fault sampling, and seedable. */
export function createPrng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export class FaultConfigError extends Error {
  override name = 'FaultConfigError';
}

function rate(value: unknown, name: string): number | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'number' || !(value >= 0 && value <= 1)) throw new FaultConfigError(`${name} must be a number from 0 to 1.`);
  return value;
}

function nonNegative(value: unknown, name: string): number | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'number' || !(value >= 0)) throw new FaultConfigError(`${name} must be a number ≥ 0.`);
  return value;
}

/** Validates an admin request body into Faults; `{}` clears them. */
export function parseFaults(body: unknown): Faults {
  const b = (body ?? {}) as Record<string, unknown>;
  if (typeof b !== 'object' || Array.isArray(b)) throw new FaultConfigError('Faults must be a JSON object.');
  const faults: Faults = {};
  const r429 = rate(b.rate429, 'rate429');
  const r500 = rate(b.rate500, 'rate500');
  const latency = nonNegative(b.latencyMs, 'latencyMs');
  const retry = nonNegative(b.retryAfterS, 'retryAfterS');
  if (r429 !== undefined) faults.rate429 = r429;
  if (r500 !== undefined) faults.rate500 = r500;
  if (latency !== undefined) faults.latencyMs = latency;
  if (retry !== undefined) faults.retryAfterS = retry;
  const afterCommit = rate(b.rate500AfterCommit, 'rate500AfterCommit');
  const lag = nonNegative(b.searchLagMs, 'searchLagMs');
  if (afterCommit !== undefined) faults.rate500AfterCommit = afterCommit;
  if (lag !== undefined) faults.searchLagMs = lag;
  if ((faults.rate429 ?? 0) + (faults.rate500 ?? 0) > 1) throw new FaultConfigError('rate429 + rate500 must not exceed 1.');
  return faults;
}

export class FaultInjector {
  private faults: Faults = {};
  private random: () => number;

  constructor(private readonly seed: number) {
    this.random = createPrng(seed);
  }

  /** New faults restart the PRNG, so the same faults give the same sequence in every run. */
  set(faults: Faults): void {
    this.faults = { ...faults };
    this.random = createPrng(this.seed);
  }

  get(): Faults {
    return { ...this.faults };
  }

  latencyMs(): number {
    return this.faults.latencyMs ?? 0;
  }

  searchLagMs(): number {
    return this.faults.searchLagMs ?? 0;
  }

  /** One draw per successful issue create: a 500 to send instead of its answer (the issues stay), or null. */
  drawAfterCommit(): EmulatorResponse | null {
    const rate = this.faults.rate500AfterCommit ?? 0;
    if (rate <= 0 || this.random() >= rate) return null;
    return jsonResponse(500, { errorMessages: ['Internal server error after the write was committed (injected by the local Jira emulator).'], errors: {} });
  }

  /** One draw per request: a fault response, or null to let the request through. */
  draw(): EmulatorResponse | null {
    const r429 = this.faults.rate429 ?? 0;
    const r500 = this.faults.rate500 ?? 0;
    if (r429 <= 0 && r500 <= 0) return null;
    const r = this.random();
    if (r < r429) {
      // Whole seconds in real Jira; a fraction is passed through so tests can retry fast.
      const retryAfter = String(this.faults.retryAfterS ?? 1);
      const res = jsonResponse(429, { errorMessages: ['Rate limit exceeded.'], errors: {} });
      res.headers['retry-after'] = retryAfter;
      res.headers['ratelimit-reason'] = 'jira-burst-based';
      return res;
    }
    if (r < r429 + r500) {
      return jsonResponse(500, { errorMessages: ['Internal server error (injected by the local Jira emulator).'], errors: {} });
    }
    return null;
  }
}

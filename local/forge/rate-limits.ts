/**
 * Forge's per-installation rate limits, enforced locally on a fixed one-minute window (Forge's
 * invocation limits use fixed one-minute windows too):
 * - async events: 500 events pushed a minute (https://developer.atlassian.com/platform/forge/limits-async-events);
 *   a push over it answers 429, which @forge/events turns into `RateLimitError`.
 * - KVS and Custom Entity Store: 4,000 read and 4,000 write "requests" a minute, each request
 *   counted in 10 KB units rounded up (a 65 KB write counts 7), and 1,000 requests a second
 *   (https://developer.atlassian.com/platform/forge/limits-kvs-ce); over it the store answers 429
 *   (code `RATE_LIMIT_EXCEEDED`: the code is a local choice, the status is what to act on).
 * Limits and the window are options (local/forge/types.ts RuntimeLimits) so a test can reach them.
 */
export interface RateLimitOptions {
  asyncEventsPerMinute: number;
  kvsReadUnitsPerMinute: number;
  kvsWriteUnitsPerMinute: number;
  kvsRequestsPerSecond: number;
  /** The window the per-minute limits count in, ms (60,000; tests shorten it). */
  rateWindowMs: number;
}

export const FORGE_RATE_LIMITS: RateLimitOptions = {
  asyncEventsPerMinute: 500,
  kvsReadUnitsPerMinute: 4_000,
  kvsWriteUnitsPerMinute: 4_000,
  kvsRequestsPerSecond: 1_000,
  rateWindowMs: 60_000,
};

/** KVS request size unit: requests are counted per started 10 KB. */
export const KVS_RATE_UNIT_BYTES = 10 * 1024;

class FixedWindow {
  private start = 0;
  private used = 0;
  /** The most any one window held since reset. */
  peak = 0;
  constructor(
    private readonly limit: () => number,
    private readonly windowMs: () => number,
  ) {}

  /** Takes `amount` if it fits this window; false (nothing taken) when it would go over. */
  take(amount: number, now: number): boolean {
    if (now - this.start >= this.windowMs()) {
      this.start = now;
      this.used = 0;
    }
    if (this.used + amount > this.limit()) return false;
    this.used += amount;
    this.peak = Math.max(this.peak, this.used);
    return true;
  }

  reset(): void {
    this.start = 0;
    this.used = 0;
    this.peak = 0;
  }
}

export class RateLimiter {
  private readonly events: FixedWindow;
  private readonly kvsReads: FixedWindow;
  private readonly kvsWrites: FixedWindow;
  private readonly kvsPerSecond: FixedWindow;

  constructor(
    private readonly options: () => RateLimitOptions,
    private readonly now: () => number = Date.now,
  ) {
    this.events = new FixedWindow(() => this.options().asyncEventsPerMinute, () => this.options().rateWindowMs);
    this.kvsReads = new FixedWindow(() => this.options().kvsReadUnitsPerMinute, () => this.options().rateWindowMs);
    this.kvsWrites = new FixedWindow(() => this.options().kvsWriteUnitsPerMinute, () => this.options().rateWindowMs);
    this.kvsPerSecond = new FixedWindow(() => this.options().kvsRequestsPerSecond, () => Math.min(1_000, this.options().rateWindowMs));
  }

  /** May `count` more events be pushed now? */
  pushEvents(count: number): boolean {
    return this.events.take(count, this.now());
  }

  /** May this KVS request run now? `bytes`: the request's size (write) or the value's (read). */
  kvsRequest(write: boolean, bytes: number): boolean {
    const now = this.now();
    const units = Math.max(1, Math.ceil(bytes / KVS_RATE_UNIT_BYTES));
    if (!this.kvsPerSecond.take(1, now)) return false;
    return (write ? this.kvsWrites : this.kvsReads).take(units, now);
  }

  reset(): void {
    for (const window of [this.events, this.kvsReads, this.kvsWrites, this.kvsPerSecond]) window.reset();
  }

  /** The fullest window of each limit since reset (what was taken; refusals take nothing). */
  peaks(): { asyncEventsPerMinute: number; kvsReadUnitsPerMinute: number; kvsWriteUnitsPerMinute: number; kvsRequestsPerSecond: number } {
    return { asyncEventsPerMinute: this.events.peak, kvsReadUnitsPerMinute: this.kvsReads.peak, kvsWriteUnitsPerMinute: this.kvsWrites.peak, kvsRequestsPerSecond: this.kvsPerSecond.peak };
  }
}

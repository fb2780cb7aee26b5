/**
 * The local async-events queue: accepts what `new Queue({key}).push(...)` posts to
 * `/webhook/queue/publish/...`, answers what @forge/events' validators accept, and delivers each
 * event to the manifest's consumer later, with Forge's retry rules:
 * - a consumer that times out or is killed is retried by the platform (retryReason
 *   FUNCTION_TIME_OUT / FUNCTION_PLATFORM_UNKNOWN_ERROR), up to `maxEventRetries` times;
 * - a consumer that returns `new InvocationError(...)` (or a QueueResponse with retry()) is
 *   retried after its `retryAfter` seconds, with its `retryData`;
 * - a consumer that throws is NOT retried (the event counts as failed): an app must not rely on it.
 */
import { randomUUID } from 'node:crypto';
import type { QueueJobStats } from './types';

export interface QueuedEvent {
  queueName: string;
  jobId: string;
  eventId: string;
  body: Record<string, unknown>;
  delayInSeconds?: number;
  concurrency?: { key: string; limit: number };
  retryCount: number;
  retryReason?: string;
  retryData?: unknown;
  firstAttemptAt: number;
  /** The user whose invocation pushed the event (the consumer's principal). */
  accountId?: string;
}

export type DeliveryResult =
  | { kind: 'done' }
  | { kind: 'failed'; error: string }
  | { kind: 'retry'; reason: string; afterSeconds?: number; retryData?: unknown };

export interface QueueBrokerOptions {
  deliver(event: QueuedEvent): Promise<DeliveryResult>;
  hasConsumer(queueName: string): boolean;
  /** Consumer timeout for a queue, to apply the 100 KB per-event limit of long consumers. */
  consumerTimeoutSeconds(queueName: string): number;
  maxRetries: number;
  retryDelayMs: number;
  timeScale: number;
  concurrency: number;
  work: WorkTracker;
  log(message: string): void;
}

const QUEUE_NAME = /^[a-zA-Z0-9-_]+$/;
const MAX_EVENTS = 50;
const MAX_PUSH_BYTES = 200 * 1024;
const MAX_LONG_EVENT_BYTES = 100 * 1024;

/** Counts outstanding background work so tests can await quiescence. */
export class WorkTracker {
  private count = 0;
  private waiters: (() => void)[] = [];

  begin(): void {
    this.count++;
  }

  end(): void {
    this.count = Math.max(0, this.count - 1);
    if (this.count === 0) {
      // Let work started in the same tick (a consumer pushing more events) register first.
      setImmediate(() => {
        if (this.count !== 0) return;
        const ws = this.waiters;
        this.waiters = [];
        ws.forEach((w) => w());
      });
    }
  }

  idle(): Promise<void> {
    if (this.count === 0) return new Promise((r) => setImmediate(() => (this.count === 0 ? r() : this.waiters.push(r))));
    return new Promise((r) => this.waiters.push(r));
  }
}

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The AsyncEvent a consumer function receives (@forge/events 2+: PushEvent fields + delivery fields). */
export function toAsyncEvent(ev: QueuedEvent): Obj {
  return {
    queueName: ev.queueName,
    jobId: ev.jobId,
    eventId: ev.eventId,
    body: ev.body,
    ...(ev.delayInSeconds !== undefined ? { delayInSeconds: ev.delayInSeconds } : {}),
    ...(ev.concurrency ? { concurrency: ev.concurrency } : {}),
    ...(ev.retryCount > 0 ? { retryContext: { retryCount: ev.retryCount, retryReason: ev.retryReason, retryData: ev.retryData } } : {}),
  };
}

/** How a consumer invocation's end decides the event's fate (see the header comment). */
export function toDeliveryResult(outcome: 'ok' | 'error' | 'timeout' | 'killed', value: unknown, error?: string): DeliveryResult {
  if (outcome === 'timeout') return { kind: 'retry', reason: 'FUNCTION_TIME_OUT' };
  if (outcome === 'killed') return { kind: 'retry', reason: 'FUNCTION_PLATFORM_UNKNOWN_ERROR' };
  if (outcome === 'error') return { kind: 'failed', error: error ?? 'error' };
  // InvocationError serialises to { _retry: true, retryOptions }; QueueResponse.retry() sets _retry.
  if (isObj(value) && value._retry === true) {
    const opts = isObj(value.retryOptions) ? value.retryOptions : {};
    return {
      kind: 'retry',
      reason: typeof opts.retryReason === 'string' ? opts.retryReason : 'FUNCTION_RETRY_REQUEST',
      afterSeconds: typeof opts.retryAfter === 'number' ? opts.retryAfter : 1,
      retryData: opts.retryData,
    };
  }
  return { kind: 'done' };
}

export class QueueBroker {
  private ready: QueuedEvent[] = [];
  private running = 0;
  private runningByKey = new Map<string, number>();
  private timers = new Set<NodeJS.Timeout>();
  private stats = new Map<string, QueueJobStats & { cancelled: boolean }>();
  private closed = false;

  constructor(private readonly o: QueueBrokerOptions) {}

  /** Answer a `/webhook/queue/{publish|stats|cancel}/...` request from @forge/events. */
  handle(path: string, body: unknown, accountId: string | undefined): { status: number; body?: unknown } {
    const req = isObj(body) ? body : {};
    const queueName = String(req.queueName ?? '');
    if (path.startsWith('/webhook/queue/publish/')) return this.publish(req, queueName, accountId);
    const jobId = String(req.jobId ?? '');
    const stats = this.stats.get(jobId);
    if (!stats) return { status: 404, body: { message: `The job ${jobId} was not found for the queue ${queueName}.` } };
    if (path.startsWith('/webhook/queue/stats/')) {
      return { status: 200, body: { success: stats.success, inProgress: stats.inProgress, failed: stats.failed } };
    }
    if (path.startsWith('/webhook/queue/cancel/')) {
      stats.cancelled = true;
      return { status: 204 };
    }
    return { status: 404, body: { message: `Unknown queue endpoint ${path}` } };
  }

  jobStats(jobId: string): QueueJobStats | undefined {
    const s = this.stats.get(jobId);
    return s ? { success: s.success, inProgress: s.inProgress, failed: s.failed } : undefined;
  }

  close(): void {
    this.closed = true;
    // Pending timers and ready events each hold one unit of work: release them so idle() resolves.
    for (const t of this.timers) {
      clearTimeout(t);
      this.o.work.end();
    }
    this.timers.clear();
    for (let i = 0; i < this.ready.length; i++) this.o.work.end();
    this.ready = [];
  }

  private publish(req: Obj, queueName: string, accountId: string | undefined): { status: number; body?: unknown } {
    // The package validated already; validate again because the push could come from elsewhere.
    const payload = Array.isArray(req.payload) ? req.payload : [];
    if (!QUEUE_NAME.test(queueName)) return { status: 400, body: { message: 'Queue names can only contain alphanumeric characters, dashes and underscores.' } };
    if (payload.length === 0 || payload.length > MAX_EVENTS) {
      return { status: 400, body: { message: `A push holds 1 to ${MAX_EVENTS} events; got ${payload.length}.` } };
    }
    const size = Buffer.byteLength(JSON.stringify(payload));
    if (size > MAX_PUSH_BYTES) return { status: 413, body: { errorMessage: `The maximum payload size is ${MAX_PUSH_BYTES / 1024}KB.` } };
    if (this.o.consumerTimeoutSeconds(queueName) > 55) {
      const big = payload.findIndex((e) => Buffer.byteLength(JSON.stringify(e)) > MAX_LONG_EVENT_BYTES);
      if (big >= 0) {
        return { status: 413, body: { errorMessage: `Event ${big} exceeds ${MAX_LONG_EVENT_BYTES / 1024}KB, the limit for consumers with a timeout over 55 s.` } };
      }
    }
    if (!this.o.hasConsumer(queueName)) this.o.log(`queue ${queueName}: no consumer in manifest.yml; events will not be delivered`);
    const jobId = typeof req.jobId === 'string' && req.jobId ? req.jobId : randomUUID();
    const stats = this.stats.get(jobId) ?? { success: 0, inProgress: 0, failed: 0, cancelled: false };
    this.stats.set(jobId, stats);
    for (const raw of payload) {
      const e = isObj(raw) ? raw : {};
      const event: QueuedEvent = {
        queueName,
        jobId,
        eventId: randomUUID(),
        body: isObj(e.body) ? e.body : {},
        ...(typeof e.delayInSeconds === 'number' ? { delayInSeconds: e.delayInSeconds } : {}),
        ...(isObj(e.concurrency) ? { concurrency: { key: String(e.concurrency.key), limit: Number(e.concurrency.limit) || 1 } } : {}),
        retryCount: 0,
        firstAttemptAt: Date.now(),
        accountId,
      };
      stats.inProgress++;
      if (this.o.hasConsumer(queueName)) this.schedule(event, (event.delayInSeconds ?? 0) * 1000);
    }
    return { status: 201, body: {} };
  }

  private schedule(event: QueuedEvent, delayMs: number): void {
    if (this.closed) return;
    this.o.work.begin();
    const t = setTimeout(() => {
      this.timers.delete(t);
      this.ready.push(event);
      this.pump();
    }, delayMs * this.o.timeScale);
    this.timers.add(t);
  }

  private pump(): void {
    for (let i = 0; i < this.ready.length && this.running < this.o.concurrency; ) {
      const ev = this.ready[i] as QueuedEvent;
      const key = ev.concurrency?.key;
      if (key !== undefined && (this.runningByKey.get(key) ?? 0) >= (ev.concurrency?.limit ?? 1)) {
        i++;
        continue;
      }
      this.ready.splice(i, 1);
      void this.run(ev);
    }
  }

  private async run(ev: QueuedEvent): Promise<void> {
    const stats = this.stats.get(ev.jobId);
    const key = ev.concurrency?.key;
    this.running++;
    if (key !== undefined) this.runningByKey.set(key, (this.runningByKey.get(key) ?? 0) + 1);
    try {
      if (stats?.cancelled) {
        stats.inProgress--;
        return;
      }
      const result = await this.o.deliver(ev);
      if (result.kind === 'retry' && ev.retryCount < this.o.maxRetries && !this.closed) {
        const delay = result.afterSeconds !== undefined ? result.afterSeconds * 1000 : this.o.retryDelayMs;
        this.schedule({ ...ev, retryCount: ev.retryCount + 1, retryReason: result.reason, retryData: result.retryData }, delay);
        return;
      }
      if (stats) {
        stats.inProgress--;
        if (result.kind === 'done') stats.success++;
        else stats.failed++;
      }
      if (result.kind !== 'done') {
        const why = result.kind === 'failed' ? result.error : `${result.reason} after ${ev.retryCount} retries`;
        this.o.log(`queue ${ev.queueName}: event ${ev.eventId} (job ${ev.jobId}) failed: ${why}`);
      }
    } finally {
      this.running--;
      if (key !== undefined) this.runningByKey.set(key, (this.runningByKey.get(key) ?? 1) - 1);
      this.o.work.end();
      this.pump();
    }
  }
}

/**
 * The one place Jira answers are checked: `response.ok`, retries and error mapping.
 *
 * Callers pass a thunk that makes the `requestJira(route\`...\`)` call themselves, so every REST path
 * stays a literal the Forge linter can match against the manifest's scopes, and a retry repeats the
 * exact same request.
 *
 * Retries: a 429 waits what `Retry-After` says (capped, plus jitter, so parallel callers do not come
 * back in lock-step); a 5xx waits a capped exponential back-off with jitter. Both stop after a few
 * attempts or when the waiting would run past the invocation's time budget. Other statuses are not
 * retried: a 4xx will not get better by asking again. A write that is not safe to repeat (bulk
 * create) passes `retryOn5xx: false`: a 5xx may come after Jira committed it, so it is not resent
 * but thrown as {@link JiraAmbiguousWriteError} for the caller to read back first (a 429 is still
 * retried: Jira did nothing).
 */
import type { APIResponse } from '@forge/api';
import type { z } from 'zod';
import { errorForStatus, JiraResponseError } from './errors';

export interface RetryPolicy {
  /** Attempts per call, the first included. */
  maxAttempts: number;
  /** Cap on one Retry-After wait, so a huge value cannot park the invocation. */
  maxRetryAfterMs: number;
  /** First 5xx back-off; doubles per attempt up to maxDelayMs. */
  baseDelayMs: number;
  maxDelayMs: number;
  /** Up to this much random extra wait on every retry. */
  jitterMs: number;
  /** Total waiting allowed for one call. */
  budgetMs: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = {
  maxAttempts: 8,
  maxRetryAfterMs: 30_000,
  baseDelayMs: 250,
  maxDelayMs: 4_000,
  jitterMs: 250,
  budgetMs: 60_000,
};

export interface SendOptions {
  /** False for writes that are not idempotent: a 5xx throws JiraAmbiguousWriteError at once. Default true. */
  retryOn5xx?: boolean;
}

export interface RetryEvent {
  operation: string;
  status: number;
  attempt: number;
  waitMs: number;
}

export interface JiraHttpOptions {
  retry?: Partial<RetryPolicy>;
  /** Injected in tests so retries take no time. */
  sleep?: (ms: number) => Promise<void>;
  /** 0 ≤ r < 1; injected in tests for deterministic jitter. */
  random?: () => number;
  /** Clock for HTTP-date Retry-After values. */
  now?: () => number;
  /** Milliseconds left in the invocation; waits that would outlast it are not started. */
  remainingMs?: () => number;
  onRetry?: (event: RetryEvent) => void;
}

/** Time kept back from the invocation's remaining time, for the work after the call. */
const DEADLINE_MARGIN_MS = 5_000;

const realSleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

export class JiraHttp {
  readonly policy: RetryPolicy;
  private readonly sleep: (ms: number) => Promise<void>;
  private readonly random: () => number;
  private readonly now: () => number;
  private readonly remainingMs: (() => number) | undefined;
  private readonly onRetry: ((event: RetryEvent) => void) | undefined;

  constructor(options: JiraHttpOptions = {}) {
    this.policy = { ...DEFAULT_RETRY_POLICY, ...(options.retry ?? {}) };
    this.sleep = options.sleep ?? realSleep;
    this.random = options.random ?? Math.random;
    this.now = options.now ?? Date.now;
    this.remainingMs = options.remainingMs;
    this.onRetry = options.onRetry;
  }

  /**
   * Sends with retries and returns the response when its status is 2xx or listed in `accept`;
   * throws the mapped {@link JiraError} otherwise.
   */
  async send(operation: string, call: () => Promise<APIResponse>, accept: readonly number[] = [], options: SendOptions = {}): Promise<APIResponse> {
    const retryOn5xx = options.retryOn5xx ?? true;
    let waited = 0;
    for (let attempt = 1; ; attempt++) {
      const response = await call();
      if (response.ok || accept.includes(response.status)) return response;
      const retryable = response.status === 429 || (response.status >= 500 && retryOn5xx);
      const retryAfterMs = response.status === 429 ? this.retryAfterMs(response) : undefined;
      const waitMs = retryable ? this.waitFor(response.status, attempt, retryAfterMs) : 0;
      if (!retryable || attempt >= this.policy.maxAttempts || !this.mayWait(waited, waitMs)) {
        throw errorForStatus(operation, response.status, await readBody(response), retryAfterMs, !retryOn5xx);
      }
      this.onRetry?.({ operation, status: response.status, attempt, waitMs });
      waited += waitMs;
      await this.sleep(waitMs);
    }
  }

  /** Sends and parses the JSON answer with `schema`. */
  async json<T>(operation: string, call: () => Promise<APIResponse>, schema: z.ZodType<T>, accept: readonly number[] = []): Promise<{ status: number; body: T }> {
    const response = await this.send(operation, call, accept);
    const raw = await readBody(response);
    const parsed = schema.safeParse(raw);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const where = issue ? `${issue.path.join('.') || '(root)'}: ${issue.message}` : 'unexpected shape';
      throw new JiraResponseError(
        { operation, status: response.status, errorMessages: [], errors: {} },
        `Jira's answer to ${operation} could not be read (${where}); the app may need an update.`,
      );
    }
    return { status: response.status, body: parsed.data };
  }

  /** Sends a call whose answer body does not matter (204, or a body the app ignores). */
  async empty(operation: string, call: () => Promise<APIResponse>): Promise<void> {
    await this.send(operation, call);
  }

  /** Back-off before retry round `attempt` (1-based) of work the caller retries itself. */
  async pause(attempt: number): Promise<void> {
    await this.sleep(this.waitFor(500, attempt, undefined));
  }

  private waitFor(status: number, attempt: number, retryAfterMs: number | undefined): number {
    const jitter = Math.floor(this.random() * this.policy.jitterMs);
    if (status === 429 && retryAfterMs !== undefined) return Math.min(retryAfterMs, this.policy.maxRetryAfterMs) + jitter;
    const backoff = Math.min(this.policy.maxDelayMs, this.policy.baseDelayMs * 2 ** (attempt - 1));
    return backoff + jitter;
  }

  private mayWait(waited: number, waitMs: number): boolean {
    if (waited + waitMs > this.policy.budgetMs) return false;
    if (this.remainingMs && waitMs > this.remainingMs() - DEADLINE_MARGIN_MS) return false;
    return true;
  }

  /** `Retry-After` in seconds (fractions allowed) or as an HTTP date. */
  private retryAfterMs(response: APIResponse): number | undefined {
    const header = response.headers.get('retry-after');
    if (header === null || header.trim() === '') return undefined;
    const seconds = Number(header);
    if (Number.isFinite(seconds) && seconds >= 0) return Math.round(seconds * 1000);
    const date = Date.parse(header);
    return Number.isNaN(date) ? undefined : Math.max(0, date - this.now());
  }
}

/** The body as JSON when it is JSON, the text otherwise, undefined when empty. */
export async function readBody(response: APIResponse): Promise<unknown> {
  const text = await response.text();
  if (text.trim() === '') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

/** `init` for a JSON request body. */
export function jsonBody(body: unknown): { headers: Record<string, string>; body: string } {
  return { headers: { Accept: 'application/json', 'Content-Type': 'application/json' }, body: JSON.stringify(body) };
}

export const ACCEPT_JSON = { Accept: 'application/json' } as const;

/**
 * Retrying what Forge refused for its rate limits: KVS answers 429 past 1,000 requests a second or
 * 4,000 10 KB units read or written a minute per installation
 * (https://developer.atlassian.com/platform/forge/limits-kvs-ce), and a queue push past 500 events
 * a minute throws `RateLimitError` (https://developer.atlassian.com/platform/forge/limits-async-events).
 * Atlassian's advice (https://developer.atlassian.com/platform/forge/storage-api-limit-handling/)
 * is exponential back-off with jitter. A resolver has 25 s, so the wait is bounded: past it the
 * caller gets a LimitError that says to try again in a minute.
 */
import { ForgeKvsAPIError } from '@forge/kvs';
import { RateLimitError } from '@forge/events';
import { LimitError } from '../../common/errors';

/** First wait; doubled each time, with up to 50 % jitter. */
const FIRST_WAIT_MS = 200;
/** Total wait before giving up (resolvers have 25 s; this leaves most of it for the work). */
export const DEFAULT_BACKOFF_BUDGET_MS = 6_000;

export function isRateLimited(error: unknown): boolean {
  return error instanceof RateLimitError || (error instanceof ForgeKvsAPIError && error.responseDetails.status === 429);
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** Runs `work`, retrying rate-limit refusals with back-off for up to `budgetMs`; then a LimitError naming `what`. */
export async function withBackoff<T>(what: string, work: () => Promise<T>, budgetMs: number = DEFAULT_BACKOFF_BUDGET_MS): Promise<T> {
  let waited = 0;
  for (let attempt = 0; ; attempt++) {
    try {
      return await work();
    } catch (error) {
      if (!isRateLimited(error)) throw error;
      const wait = Math.round(FIRST_WAIT_MS * 2 ** attempt * (1 + Math.random() * 0.5));
      if (waited + wait > budgetMs) {
        throw new LimitError(`Forge's rate limit for ${what} on this site was reached and did not clear within ${Math.round(budgetMs / 1000)} s; try again in a minute.`);
      }
      console.info(`[forge-limits] ${what}: rate limited; retrying in ${wait} ms`);
      await sleep(wait);
      waited += wait;
    }
  }
}

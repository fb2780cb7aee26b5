/** A Jira client sized for the invocation it runs in. */
import { getAppContext } from '@forge/api';
import { createJiraClient, type JiraClient } from '../jira';
import type { JiraHttpOptions } from '../jira/http';

/** Milliseconds left in this invocation, when the platform says. */
export function invocationRemainingMs(): number | undefined {
  try {
    const remaining = getAppContext().invocationRemainingTimeInMillis();
    return Number.isFinite(remaining) ? remaining : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Resolvers have 25 s: a call may wait out rate limits for a few seconds, not half a minute.
 * Consumers have minutes and wait as long as Jira asks (capped), within the invocation's time.
 * Every Jira connection a use case opens takes its options from here.
 */
export function jiraHttpOptionsFor(kind: 'resolver' | 'async'): JiraHttpOptions {
  return {
    retry: kind === 'resolver' ? { budgetMs: 8_000, maxRetryAfterMs: 5_000 } : {},
    remainingMs: () => invocationRemainingMs() ?? Number.POSITIVE_INFINITY,
  };
}

export function jiraClientFor(kind: 'resolver' | 'async'): JiraClient {
  return createJiraClient(jiraHttpOptionsFor(kind));
}

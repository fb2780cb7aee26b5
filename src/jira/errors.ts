/**
 * Errors from Jira REST calls. Every failed call becomes one of these classes, with `name` set so
 * callers (and logs) can tell them apart after serialisation, and a message that says what to do.
 * The ones a person can act on carry a refusal `code` (common/errors.ts; their names are aliases of
 * it), so a resolver that lets them through answers 403/404/503 rather than a fault.
 */
import type { ErrorCode } from '../../common/errors';

/** Jira's error body: `{ errorMessages: string[], errors: { field: message } }`. */
export interface JiraErrorBody {
  errorMessages: string[];
  errors: Record<string, string>;
}

export interface JiraErrorDetails extends JiraErrorBody {
  /** What the app was doing, e.g. `searchJql`. */
  operation: string;
  status: number;
}

/** A Jira call failed with a status the app does not retry (or ran out of retries). */
export class JiraError extends Error {
  override name = 'JiraError';
  readonly operation: string;
  readonly status: number;
  readonly errorMessages: string[];
  readonly errors: Record<string, string>;

  constructor(details: JiraErrorDetails, message?: string) {
    super(message ?? describeJiraError(details));
    this.operation = details.operation;
    this.status = details.status;
    this.errorMessages = details.errorMessages;
    this.errors = details.errors;
  }
}

/** 401 / 403: the acting user (or the app) may not do this. */
export class JiraPermissionError extends JiraError {
  override name = 'JiraPermissionError';
  readonly code: ErrorCode = 'forbidden';
}

/** 404: the project, issue or property does not exist, or the actor cannot see it. */
export class JiraNotFoundError extends JiraError {
  override name = 'JiraNotFoundError';
  readonly code: ErrorCode = 'not-found';
}

/** 429 after every retry the time budget allowed; the caller may try again later. */
export class JiraRateLimitError extends JiraError {
  override name = 'JiraRateLimitError';
  readonly code: ErrorCode = 'jira-unavailable';
  /** How long Jira asked to wait, when it said. */
  readonly retryAfterMs: number | undefined;

  constructor(details: JiraErrorDetails, retryAfterMs: number | undefined) {
    super(details, `Jira is rate limiting the app (${details.operation}); try again in a minute.`);
    this.retryAfterMs = retryAfterMs;
  }
}

/** 5xx after every retry: Jira is unavailable for now. */
export class JiraUnavailableError extends JiraError {
  override name = 'JiraUnavailableError';
  readonly code: ErrorCode = 'jira-unavailable';
}

/**
 * A 5xx to a write that is not safe to repeat (bulk create): Jira may have committed it before the
 * gateway failed, so the app must read back what exists before sending anything again. Transient
 * like any 5xx, so a caller that does not handle it retries the whole step later.
 */
export class JiraAmbiguousWriteError extends JiraUnavailableError {
  override name = 'JiraAmbiguousWriteError';
}

/** Jira answered 2xx with a body the app cannot read; a bug or an API change, never retried. */
export class JiraResponseError extends JiraError {
  override name = 'JiraResponseError';
}

/** True for errors a later attempt may not hit (rate limits, outages). */
export function isTransientJiraError(error: unknown): error is JiraRateLimitError | JiraUnavailableError {
  return error instanceof JiraRateLimitError || error instanceof JiraUnavailableError;
}

/** Reads Jira's `{errorMessages, errors}` from any body, tolerating other shapes. */
export function parseErrorBody(body: unknown): JiraErrorBody {
  const result: JiraErrorBody = { errorMessages: [], errors: {} };
  if (typeof body !== 'object' || body === null) return result;
  const record = body as Record<string, unknown>;
  if (Array.isArray(record.errorMessages)) {
    result.errorMessages = record.errorMessages.filter((m): m is string => typeof m === 'string');
  }
  if (typeof record.errors === 'object' && record.errors !== null && !Array.isArray(record.errors)) {
    for (const [field, message] of Object.entries(record.errors as Record<string, unknown>)) {
      if (typeof message === 'string') result.errors[field] = message;
    }
  }
  if (result.errorMessages.length === 0 && typeof record.message === 'string') result.errorMessages.push(record.message);
  return result;
}

/** "summary: You must specify a summary of the issue." for each field, then the general messages. */
export function formatErrorBody(body: JiraErrorBody): string {
  const parts = [...Object.entries(body.errors).map(([field, message]) => `${field}: ${message}`), ...body.errorMessages];
  return parts.join('; ');
}

function describeJiraError(details: JiraErrorDetails): string {
  const detail = formatErrorBody(details);
  const what = `Jira answered ${details.status} to ${details.operation}`;
  return detail ? `${what}: ${detail}` : `${what}.`;
}

/** Maps a non-2xx answer to the matching error class. */
export function errorForStatus(operation: string, status: number, body: unknown, retryAfterMs?: number, ambiguous = false): JiraError {
  const details: JiraErrorDetails = { operation, status, ...parseErrorBody(body) };
  if (ambiguous && status >= 500) return new JiraAmbiguousWriteError(details);
  if (status === 401 || status === 403) return new JiraPermissionError(details);
  if (status === 404) return new JiraNotFoundError(details);
  if (status === 429) return new JiraRateLimitError(details, retryAfterMs);
  if (status >= 500) return new JiraUnavailableError(details);
  return new JiraError(details);
}

/**
 * Jira's error shape, `{errorMessages: [], errors: {}}`, and the exception route handlers throw to
 * answer with it. Messages follow the wording Jira Cloud uses, so client code that shows or logs
 * them behaves as it will against a real site.
 */
import type { EmulatorResponse } from '../types';

export interface ErrorCollection {
  errorMessages: string[];
  errors: Record<string, string>;
}

export class JiraError extends Error {
  override name = 'JiraError';
  constructor(
    readonly status: number,
    readonly body: unknown,
  ) {
    super(`Jira ${status}: ${JSON.stringify(body)}`);
  }
}

export function jsonResponse(status: number, body: unknown): EmulatorResponse {
  return { status, headers: { 'content-type': 'application/json' }, body };
}

export function errorCollection(messages: string[], errors: Record<string, string> = {}): ErrorCollection {
  return { errorMessages: messages, errors };
}

export function fail(status: number, message: string): never {
  throw new JiraError(status, errorCollection([message]));
}

export function failFields(status: number, errors: Record<string, string>): never {
  throw new JiraError(status, errorCollection([], errors));
}

export const messages = {
  issueNotFound: 'Issue does not exist or you do not have permission to see it.',
  invalidPayload: 'Invalid request payload. Refer to the REST API documentation and try again.',
  unauthenticated: 'Client must be authenticated to access this resource.',
  projectNotFound: (idOrKey: string): string =>
    /^\d+$/.test(idOrKey) ? `No project could be found with id '${idOrKey}'.` : `No project could be found with key '${idOrKey}'.`,
  cannotSet: (field: string): string => `Field '${field}' cannot be set. It is not on the appropriate screen, or unknown.`,
};

/**
 * Turns whatever a failed call rejected with into words for the page, and tells which kind of
 * refusal it was. Resolver messages already say what to do ("You need the Create issues permission
 * in this project. Ask a Jira admin."), so they are shown as they are; only the wrapping Forge adds
 * around them is removed. The kind comes from the refusal code (common/errors.ts), never from the
 * message's words.
 */
import { errorCodeOf, type ErrorCode } from '../../../../common/errors';

export type { ErrorCode };

/** Forge wraps resolver errors, e.g. "There was an error invoking the function - Error: …". */
const FORGE_WRAPPER = /^There was an error invoking the function\s*-\s*/i;
const ERROR_PREFIX = /^(?:[A-Z]\w*)?Error:\s*/;

/** In English; a view says the shell catalogue's `unknownFailure` (hooks/useErrorMessage.ts). */
export const UNKNOWN_FAILURE =
  'Something went wrong that the app did not expect. Try again; if it keeps failing, ask your Jira admin to check the app’s logs.';

/** The `{ error, code? }` body a REST-style caller may reject with. */
const errorBody = (error: unknown): { error: string; code?: unknown } | undefined =>
  typeof error === 'object' && error !== null && typeof (error as { error?: unknown }).error === 'string' ? (error as { error: string; code?: unknown }) : undefined;

/** `fallback`: what to say when the failure carries no words (the user's language in a view: useErrorMessage). */
export function errorMessage(error: unknown, fallback: string = UNKNOWN_FAILURE): string {
  const raw = error instanceof Error ? error.message : typeof error === 'string' ? error : (errorBody(error)?.error ?? '');
  const message = raw.replace(FORGE_WRAPPER, '').replace(ERROR_PREFIX, '').trim();
  return message || fallback;
}

/**
 * The refusal code of a failed call (`conflict`, `forbidden`, …), or undefined for a fault.
 *
 * @example
 * if (errorCode(error) === 'conflict') return retryOnce();
 */
export function errorCode(error: unknown): ErrorCode | undefined {
  const body = errorBody(error);
  if (body !== undefined && !(error instanceof Error)) return errorCodeOf({ code: body.code, message: body.error });
  return errorCodeOf(error);
}

/**
 * Turns whatever a failed call rejected with into words for the page. Resolver messages already say
 * what to do ("You need the Create issues permission in this project. Ask a Jira admin."), so they
 * are shown as they are; only the wrapping Forge adds around them is removed.
 */

/** Forge wraps resolver errors, e.g. "There was an error invoking the function - Error: …". */
const FORGE_WRAPPER = /^There was an error invoking the function\s*-\s*/i;
const ERROR_PREFIX = /^(?:[A-Z]\w*)?Error:\s*/;

export const UNKNOWN_FAILURE =
  'Something went wrong that the app did not expect. Try again; if it keeps failing, ask your Jira admin to check the app’s logs.';

export function errorMessage(error: unknown): string {
  const raw =
    error instanceof Error
      ? error.message
      : typeof error === 'string'
        ? error
        : typeof error === 'object' && error !== null && typeof (error as { error?: unknown }).error === 'string'
          ? (error as { error: string }).error
          : '';
  const message = raw.replace(FORGE_WRAPPER, '').replace(ERROR_PREFIX, '').trim();
  return message || UNKNOWN_FAILURE;
}

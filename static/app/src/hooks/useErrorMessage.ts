/**
 * `errorMessage` in the user's language: a refusal keeps the words it came with (the server's), and
 * a failure that carries none says the shell catalogue's `unknownFailure` instead of English.
 */
import { useCallback } from 'react';
import { errorMessage } from '../api/errors';
import { useT } from '../i18n';
import { shellMessages } from '../messages';

/** @example const describe = useErrorMessage(); setError(describe(failure)); */
export function useErrorMessage(): (error: unknown) => string {
  const fallback = useT(shellMessages).unknownFailure;
  return useCallback((error: unknown) => errorMessage(error, fallback), [fallback]);
}

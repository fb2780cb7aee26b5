/**
 * `errorMessage` in the user's language: a refusal keeps the words it came with (the server's), a
 * failure the browser itself found (an export whose parts do not join) and one that carries no
 * words say the shell catalogue's sentences instead of English.
 */
import { useCallback } from 'react';
import { errorMessage } from '../api/errors';
import { ExportPartsError } from '../api/export-parts';
import { useT } from '../i18n';
import { shellMessages } from '../messages';

/** @example const describe = useErrorMessage(); setError(describe(failure)); */
export function useErrorMessage(): (error: unknown) => string {
  const t = useT(shellMessages);
  return useCallback(
    (error: unknown) => (error instanceof ExportPartsError ? t.exportParts(error.kind, error.got, error.expected) : errorMessage(error, t.unknownFailure)),
    [t],
  );
}

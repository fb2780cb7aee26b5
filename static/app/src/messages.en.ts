/** The shell's words (App, ErrorBoundary) in English; the shape every language follows. */
import { UNKNOWN_FAILURE } from './api/errors';
import type { Fmt } from './i18n';

export const en = (_f: Fmt) => ({
  loadingApp: 'Loading the app',
  missingTitle: 'This part of the app is missing',
  missingBody: (moduleKey: string) =>
    `The app has no screen for module “${moduleKey}”. Reinstall or update MSP Audit Ready; if that does not help, report this to the app’s maintainers.`,
  crashedTitle: 'This page stopped working',
  crashedAction: 'Reload the page to try again.',
  // StartupError: the host gave no context
  startupTitle: 'MSP Audit Ready could not start',
  startupAction: 'Open the app from a Jira project’s Audit page; if it is already open there, reload the page.',
  unknownFailure: UNKNOWN_FAILURE,
  /** An export whose parts did not join (api/export-parts.ts): part `got` instead of `expected`, or `got` of `expected` parts. */
  exportParts: (kind: 'order' | 'incomplete', got: number, expected: number) =>
    kind === 'order'
      ? `The audit pack came back out of order (part ${got} instead of ${expected}); download it again.`
      : `The audit pack came back incomplete (${got} of ${expected} parts); download it again.`,
  // DateField
  clearDate: (label: string) => `Clear ${label.toLowerCase()}`,
});

export type ShellMessages = ReturnType<typeof en>;

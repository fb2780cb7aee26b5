/** Die Wörter der Hülle (App, ErrorBoundary) auf Deutsch. */
import type { Fmt } from './i18n';
import type { ShellMessages } from './messages.en';

export const de = (_f: Fmt): ShellMessages => ({
  loadingApp: 'Die App wird geladen',
  missingTitle: 'Dieser Teil der App fehlt',
  missingBody: (moduleKey) =>
    `Die App hat keine Ansicht für das Modul „${moduleKey}“. Installieren oder aktualisieren Sie MSP Audit Ready; hilft das nicht, melden Sie es den Entwicklern der App.`,
  crashedTitle: 'Diese Seite funktioniert nicht mehr',
  crashedAction: 'Laden Sie die Seite neu, um es erneut zu versuchen.',
  startupTitle: 'MSP Audit Ready konnte nicht starten',
  startupAction: 'Öffnen Sie die App über die Audit-Seite eines Jira-Projekts; ist sie dort schon geöffnet, laden Sie die Seite neu.',
  unknownFailure: 'Etwas ist schiefgegangen, womit die App nicht gerechnet hat. Versuchen Sie es erneut; schlägt es weiter fehl, bitten Sie Ihren Jira-Administrator, die Protokolle der App zu prüfen.',
  exportParts: (kind, got, expected) =>
    kind === 'order'
      ? `Das Audit-Paket kam in falscher Reihenfolge an (Teil ${got} statt ${expected}); laden Sie es erneut herunter.`
      : `Das Audit-Paket kam unvollständig an (${got} von ${expected} Teilen); laden Sie es erneut herunter.`,
  clearDate: (label) => `${label} löschen`,
});

/** Die Wörter des Entscheidungsprotokolls auf Deutsch. */
import type { Fmt } from '../../i18n';
import type { TrailMessages } from './messages.en';

export const de = (f: Fmt): TrailMessages => {
  const n = f.n;
  const entries = (count: number) => `${n(count)} ${f.plural(count, { one: 'Eintrag', other: 'Einträge' })}`;
  return {
    actions: {
      'assessment.set': 'Bewertung gesetzt',
      'evidence.add': 'Nachweis hinzugefügt',
      'evidence.edit': 'Nachweis bearbeitet',
      'evidence.review': 'Nachweis geprüft',
      'evidence.remove': 'Nachweis entfernt',
      'waiver.apply': 'Erlass angewendet',
      'waiver.remove': 'Erlass entfernt',
      'chapter.review': 'Kapitel geprüft',
      'settings.change': 'Einstellung geändert',
      'sync.apply': 'Versionswechsel angewendet',
      'import.done': 'Checkliste importiert',
      'item.adopt': 'Vorgang übernommen',
      'duplicate.close': 'Duplikat geschlossen',
      'prerequisite.set': '„Vor der Bewerbung“ abgehakt',
      'plan.set': 'Audit-Plan festgelegt',
      'gate.confirm': 'Done-Gate bestätigt',
      'finding.record': 'Audit-Feststellung erfasst',
    },
    largeValue: (bytes) => `(ein großer Wert von ${n(bytes)} Bytes; sein SHA-256 steht im Export)`,
    none: 'keiner',
    when: (at) => `${f.date(at)} ${at.slice(11, 16)} UTC`,
    theApp: 'die App',
    by: 'von',
    why: 'Warum:',
    history: 'Verlauf',
    loadingHistory: 'Der Verlauf wird geladen',
    historyFailed: 'Der Verlauf konnte nicht geladen werden',
    tryAgain: 'Erneut versuchen',
    noItemDecisions: 'Für diesen Punkt sind noch keine Entscheidungen erfasst.',
    latestOf: (shown, total) => `Die neuesten ${n(shown)} von ${n(total)}; das Entscheidungsprotokoll der Audit-Seite und seine CSV enthalten alle.`,
    title: 'Entscheidungsprotokoll',
    intro:
      'Jede Entscheidung, auf der das Ergebnis beruht, der Reihe nach; jeder Eintrag ist über seinen Hash mit dem vorigen verkettet, sodass ein geänderter oder entfernter Eintrag bei der Prüfung auffällt.',
    preparingCsv: 'Die CSV wird vorbereitet…',
    downloadCsv: 'Protokoll herunterladen (CSV)',
    exported: (rows) => `${entries(rows)} exportiert. Falls der Download nicht begonnen hat,`,
    save: (fileName) => `${fileName} speichern`,
    failed: 'Das hat nicht funktioniert',
    loadingTrail: 'Das Entscheidungsprotokoll wird geladen',
    trailFailed: 'Das Entscheidungsprotokoll konnte nicht geladen werden',
    noDecisions: 'Noch keine Entscheidungen erfasst.',
    showingLatest: (shown, total) => `Die neuesten ${n(shown)} von ${entries(total)}.`,
    loading: 'Wird geladen…',
    showOlder: 'Ältere Einträge zeigen',
    verifyingChecked: (checked) => `Wird geprüft… ${n(checked)} Einträge geprüft`,
    verifying: 'Wird geprüft…',
    verify: 'Protokoll prüfen',
    verifyFailed: 'Das Protokoll konnte nicht geprüft werden',
    intact: (count) => `Intakt: ${entries(count)}`,
    intactBody: 'Jeder Eintrag passt zu seinem Hash und nennt den vorigen.',
    lastHash: (hash) => ` Letzter Hash: ${hash}… (notieren Sie ihn, um später zu prüfen, dass am Ende nichts abgeschnitten wurde).`,
    breaksAt: (seq) => `Das Protokoll bricht bei Eintrag ${seq}`,
    andMore: (more) => `…und ${n(more)} weitere.`,
  };
};

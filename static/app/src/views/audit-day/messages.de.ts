/** Die Wörter des Audit-Tags auf Deutsch (Tab, Probedurchläufe der Kapitel, Ziele eines Erlasses). */
import type { Fmt } from '../../i18n';
import type { AuditDayMessages } from './messages.en';

export const de = (f: Fmt): AuditDayMessages => {
  const n = f.n;
  return {
    review: { reviewed: 'Geprüft', stale: 'Veraltet', 'not-reviewed': 'Noch nicht' },
    reviewSummary: (reviewed, total, stale, notYet) => `${n(reviewed)} von ${n(total)} Kapiteln geprüft · ${n(stale)} veraltet · ${n(notYet)} noch nicht`,
    noDryRun: 'Noch kein Probedurchlauf erfasst',
    reviewedOn: (at, by) => `Geprüft am ${f.date(at)} von ${by}`,
    andMore: (list, more) => `${list} und ${n(more)} weitere`,
    changedSince: (base, list) => `${base}; seitdem geändert: ${list}`,
    chapters: (count, titles) => `${f.plural(count, { one: 'Kapitel', other: 'Kapitel' })} ${titles}`,
    items: (count, ids) => `${f.plural(count, { one: 'Prüfpunkt', other: 'Prüfpunkte' })} ${ids}`,
    title: 'Audit-Tag',
    loading: 'Probedurchläufe, Erlasse und Verlauf werden geladen',
    loadFailed: 'Der Audit-Tag konnte nicht geladen werden',
    tryAgain: 'Erneut versuchen',
    notSaved: 'Diese Änderung wurde nicht gespeichert',
    dryRuns: 'Probedurchläufe der Kapitel',
    chapterReviews: 'Prüfungen der Kapitel',
    colChapter: 'Kapitel',
    colDryRun: 'Probedurchlauf',
    colDetails: 'Details',
    colActions: 'Aktionen',
    needsEdit: 'Zum Erfassen eines Probedurchlaufs ist in diesem Projekt die Berechtigung „Vorgänge bearbeiten“ nötig.',
    noteLabel: (title) => `Notiz zum Probedurchlauf von ${title} (optional)`,
    noteTooLong: (max) => `Kürzen Sie die Notiz auf höchstens ${n(max)} Zeichen.`,
    record: 'Probedurchlauf erfassen',
    cancel: 'Abbrechen',
    markReviewed: 'Als geprüft markieren',
    reviewAgain: 'Erneut prüfen',
    actionOn: (action, title) => `${action}: ${title}`,
  };
};

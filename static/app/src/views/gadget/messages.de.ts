/** Die Wörter des Dashboard-Gadgets auf Deutsch. */
import type { Fmt } from '../../i18n';
import type { GadgetMessages } from './messages.en';

export const de = (f: Fmt): GadgetMessages => {
  const n = f.n;
  const days = (count: number) => `${n(count)} ${f.plural(count, { one: 'Tag', other: 'Tage' })}`;
  return {
    startFailed: 'Das Gadget konnte nicht starten',
    loadingGadget: 'Das Gadget wird geladen',
    pointsScore: (score, max, passMark) => `${n(score)} von ${n(max)} Punkten${passMark !== null ? ` (Bestehensgrenze ${n(passMark)})` : ''}`,
    metScore: (score, max) => `${n(score)} von ${n(max)} Prüfpunkten erfüllt`,
    noValidationDate: 'Kein Validierungstermin festgelegt',
    daysToAudit: (count, date) => `${days(count)} bis zum Audit (${f.date(date)})`,
    auditToday: (date) => `Das Audit ist heute (${f.date(date)})`,
    auditAgo: (count, date) => `Das Audit war vor ${n(count)} ${f.plural(count, { one: 'Tag', other: 'Tagen' })} (${f.date(date)})`,
    couldNotShow: (projectKey) => `${projectKey} kann nicht angezeigt werden`,
    tryAgain: 'Erneut versuchen',
    loadingScore: 'Die Audit-Punktzahl wird geladen',
    wouldPass: 'Würde bestehen',
    wouldNotPass: 'Würde nicht bestehen',
    openMandatory: (count) => f.plural(count, { one: 'offener Pflichtpunkt', other: 'offene Pflichtpunkte' }),
    openFindings: (count) => f.plural(count, { one: 'offene Feststellung', other: 'offene Feststellungen' }),
    openAuditPage: (projectKey) => `Audit-Seite von ${projectKey} öffnen`,
    choose: 'Wählen Sie das Projekt (und seine Checkliste), das dieses Gadget zeigt.',
    settings: 'Gadget-Einstellungen',
    projectKey: 'Projektschlüssel',
    checklist: 'Checkliste',
    lastImported: 'Die zuletzt im Projekt importierte',
    notSaved: 'Nicht gespeichert',
    save: 'Speichern',
  };
};

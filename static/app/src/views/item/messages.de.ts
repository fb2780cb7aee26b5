/** Die Wörter des Audit-Panels am Vorgang auf Deutsch. */
import type { Fmt } from '../../i18n';
import type { ItemMessages } from './messages.en';

export const de = (f: Fmt): ItemMessages => ({
  loadingItem: 'Der Prüfpunkt wird geladen',
  loadFailed: 'Der Prüfpunkt konnte nicht geladen werden',
  tryAgain: 'Erneut versuchen',
  checklistItem: 'Prüfpunkt der Checkliste',
  points: (points) => `${f.n(points)} Punkte`,
  mandatoryPoints: (penalty) => `Pflicht (${f.n(penalty)} Punkte Abzug, wenn nicht erfüllt)`,
  mandatory: 'Pflicht',
  notMandatory: 'keine Pflicht',
  expectedEvidence: 'Erwartete Nachweise:',
  results: { met: 'Erfüllt', not_met: 'Nicht erfüllt', na: 'N/A', not_assessed: 'Nicht bewertet' },
  strictOn: 'Der strenge Modus ist an: Der Punkt zählt nur mit einem gültigen, akzeptierten Nachweis als erfüllt.',
  notAnItem: 'Kein Prüfpunkt einer Checkliste',
  notAnItemBody: 'Dieser Vorgang steht für keinen aktiven Prüfpunkt einer Audit-Checkliste. Nachweise können trotzdem hier abgelegt werden.',
  changedOutside: 'Außerhalb der App geändert',
  assessmentRegion: 'Bewertung',
  assessedBy: (name) => `Bewertet von ${name}`,
  assessedOn: (at) => ` am ${f.date(at)}`,
  notSaved: 'Die Bewertung wurde nicht gespeichert',
  evidence: 'Nachweise',
  fromStatus: 'Aus dem Status',
  notAllowed: (words) => `${words} (nicht erlaubt)`,
  notSet: 'Nicht gesetzt',
  assessment: 'Bewertung',
  complexity: 'Komplexität',
  saveAssessment: 'Bewertung speichern',
  whyRequired: 'Warum N/A (Pflichtangabe)',
  whyOptional: 'Warum N/A (optional)',
  naBecause: (why) => `N/A, weil: ${why}`,
});

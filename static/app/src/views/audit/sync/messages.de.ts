/** Vorschau und Synchronisationsplan einer Checklisten-Version auf Deutsch. */
import type { Fmt } from '../../../i18n';
import type { VersionMessages } from './messages.en';

export const de = (f: Fmt): VersionMessages => {
  const n = f.n;
  const count = (value: number, one: string, many: string) => `${n(value)} ${f.plural(value, { one, other: many })}`;
  return {
    plan: {
      moves: (value) => `${count(value, 'bestätigte Verschiebung', 'bestätigte Verschiebungen')}, die den alten Vorgang für den neuen Prüfpunkt behalten`,
      created: (value) => `${count(value, 'neuer Prüfpunkt', 'neue Prüfpunkte')} angelegt`,
      changed: (value) => `${count(value, 'geänderter Prüfpunkt', 'geänderte Prüfpunkte')} aktualisiert (Text, Punkte oder Kapitel)`,
      renamed: (value) => `${count(value, 'umbenannter Prüfpunkt', 'umbenannte Prüfpunkte')} auf die neue ID verschoben`,
      retired: (value) => `${count(value, 'entfallener Prüfpunkt', 'entfallene Prüfpunkte')} als entfallen markiert, nicht mehr in der Bewertung`,
      versionOnly: (value) => `${count(value, 'Prüfpunkt', 'Prüfpunkte')} nur auf die neue Version umgestellt`,
      duplicates: (value) => `${count(value, 'Prüfpunkt', 'Prüfpunkte')} mit doppelten Vorgängen (der älteste bleibt)`,
      groups: { create: 'Neu', changed: 'Geändert', renamed: 'Umbenannt', retire: 'Entfallen' },
      groupNames: { create: 'Neue Prüfpunkte', changed: 'Geänderte Prüfpunkte', renamed: 'Umbenannte Prüfpunkte', retire: 'Entfallene Prüfpunkte' },
      changeNames: { summary: 'Titel', description: 'Beschreibung', points: 'Punkte', chapter: 'Kapitel', identity: 'Zuordnung' },
    },
    preview: {
      points: (max, passMark) => `Punkte: maximal ${n(max)}, Bestehensgrenze ${n(passMark)}`,
      optionalShare: (percent) => `, und mindestens ${f.pct(percent)} der übrigen Prüfpunkte`,
      met: (rest) => `Erfüllt / nicht erfüllt: jeder Pflichtpunkt erfüllt, N/A oder ausgenommen${rest}`,
      historical: 'Historisch: eine abgelöste Version, aufbewahrt für Teams, die noch mit ihr arbeiten. Bereiten Sie sich stattdessen auf die aktuelle Version vor.',
      from: (day) => `ab ${f.date(day)}`,
      until: (day) => `bis ${f.date(day)}`,
      valid: (window) => `Gültig ${window}`,
      acceptedUntil: (day) => `anerkannt bis ${f.date(day)}`,
      noPenalty: 'Ein nicht erfüllter Pflichtpunkt kostet keine Punkte: Er wird nur als offen gezeigt.',
      penalty: (points) => `Jeder nicht erfüllte Pflichtpunkt kostet ${n(points)} Punkte der Bewertung.`,
      penaltyRange: (min, max) => `Jeder nicht erfüllte Pflichtpunkt kostet ${n(min)} bis ${n(max)} Punkte der Bewertung.`,
      na: {
        exemptions: 'Nur über die benannten Ausnahmen der Checkliste (als Ausnahmen angewandt); sonst erfüllt oder nicht erfüllt.',
        justified: 'Erlaubt mit einer schriftlichen Begründung, warum der Prüfpunkt nicht zutrifft.',
        free: 'Erlaubt ohne Begründung.',
      },
      title: (name, version) => `Vorschau: ${name} ${version}`,
      items: 'Prüfpunkte',
      itemsIn: (items, chapters) => `${count(items, 'Prüfpunkt', 'Prüfpunkte')} in ${count(chapters, 'Kapitel', 'Kapiteln')}`,
      mandatory: 'Pflicht',
      mandatoryItems: (value) => count(value, 'Pflichtpunkt', 'Pflichtpunkte'),
      scoring: 'Bewertung',
      penaltyTerm: 'Abzug',
      naAnswers: 'N/A-Antworten',
      validity: 'Gültigkeit',
      chaptersLabel: 'Kapitel dieser Checkliste',
      chapter: 'Kapitel',
      hideItems: 'Prüfpunkte ausblenden',
      showItems: (value) => `Alle ${n(value)} Prüfpunkte zeigen`,
      itemsLabel: 'Prüfpunkte der Checkliste',
      itemPoints: (value) => ` · ${count(value, 'Punkt', 'Punkte')}`,
      itemMandatory: ' · Pflicht',
    },
  };
};

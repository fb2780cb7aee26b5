/** Die Wörter der Zuordnung zwischen Checklisten (Crosswalk) auf Deutsch. */
import type { Fmt } from '../../i18n';
import type { CrosswalkMessages } from './messages.en';

export const de = (f: Fmt): CrosswalkMessages => {
  const n = f.n;
  const count = (value: number, one: string, many: string) => `${n(value)} ${f.plural(value, { one, other: many })}`;
  const saved = (rowCount: number, fileName: string, savedAt: string) => `${count(rowCount, 'Zeile', 'Zeilen')} aus ${fileName}, gespeichert am ${f.date(savedAt)}`;
  return {
    sectionTitle: 'Zuordnung zwischen Checklisten (Crosswalk)',
    sectionBody:
      'Ein Crosswalk legt fest, welcher Prüfpunkt einer Checkliste einen Prüfpunkt einer anderen abdeckt, sodass einmal gesammelte Nachweise in jedem Audit erscheinen, dem sie dienen. Er gilt für alle Projekte der Site; Prüfpunkte lassen sich auch einzeln über den Vorgang eines Prüfpunkts verknüpfen.',
    loadingUpload: 'Crosswalk-Upload wird geladen',
    upload: 'Crosswalk hochladen',
    columns: {
      fromChecklist: 'von Checkliste',
      fromItem: 'von Prüfpunkt',
      toChecklist: 'zu Checkliste',
      toItem: 'zu Prüfpunkt',
      coverage: 'Abdeckung',
      note: 'Notiz',
    },
    rowsHint: {
      csv: ' Zeilen sind so gezählt, wie Ihre Tabellenkalkulation sie zeigt (die Kopfzeile ist Zeile 1).',
      xlsx: ' Blätter und Zeilen sind so angegeben, wie Excel sie zeigt.',
      yaml: ' Zeilen sind die Zuordnungen in der Reihenfolge der Datei.',
    },
    saved,
    fileLabel: `Crosswalk-Datei (CSV, Excel .xlsx oder YAML; höchstens ${n(20000)} Zeilen)`,
    fileHint:
      'Eine Zeile je Zuordnung, mit den Spalten from checklist, from item, to checklist, to item, coverage (full oder partial; leer heißt full) und note; in einer Arbeitsmappe jedes Blatt, dessen erste Zeile diese Spalten nennt. Die Datei wird in Ihrem Browser gelesen; die App prüft jede Zeile auf ihrem Server erneut, bevor etwas gespeichert wird.',
    reading: (fileName: string) => `${fileName} wird gelesen`,
    tooLarge: (fileName, megabytes) =>
      `${fileName} ist ${n(Math.round(megabytes * 10) / 10)} MB groß; eine Crosswalk-Datei darf höchstens 5 MB haben (etwa ${n(20000)} Zeilen). Teilen Sie sie auf oder entfernen Sie die Spalten außer den sechs, die der Crosswalk liest.`,
    cannotUse: 'Diese Datei kann nicht verwendet werden',
    okText: 'Jede Zeile nennt zwei bekannte Prüfpunkte. Prüfen Sie unten, was sie zuordnet, und speichern Sie dann.',
    fixHint: (fileName: string) => `Beheben Sie sie in ${fileName} und wählen Sie die Datei erneut.`,
    notSaved: 'Der Crosswalk wurde nicht gespeichert',
    alreadySaved: 'Bereits gespeichert',
    crosswalkSaved: 'Crosswalk gespeichert',
    alreadyBody: (words: string) => `Diese Zeilen sind bereits der Crosswalk der Site (${words}).`,
    savedBody: (words: string) => `Der Crosswalk der Site ist jetzt ${words}. Die Bewertung jedes Projekts zeigt ihn beim nächsten Lesen.`,
    save: 'Crosswalk speichern',
    done: 'Fertig',
    cancel: 'Abbrechen',
    fixFirst: 'Speichern ist möglich, sobald die Probleme oben behoben sind.',
    needsAdmin: 'Zum Speichern ist die Jira-Berechtigung „Jira verwalten“ nötig: Der Crosswalk gilt für alle Projekte der Site.',
    whatItMaps: 'Was die Datei zuordnet',
    mappingCounts: (rows: number, full: number, partial: number) => `${count(rows, 'Zuordnung', 'Zuordnungen')}: ${n(full)} vollständig, ${n(partial)} teilweise.`,
    pairsLabel: 'Zuordnungen je Checklistenpaar',
    fromChecklist: 'Von Checkliste',
    toChecklist: 'Zu Checkliste',
    rows: 'Zeilen',
    replaces: (words: string) => `Speichern ersetzt den Crosswalk der Site (${words}), einschließlich der von Hand verknüpften Zuordnungen.`,
    noneYet: 'Es ist noch kein Crosswalk gespeichert.',
    stateWords: {
      held: '',
      retired: ' — durch eine Versionsaktualisierung entfallen',
      'not-held': ' — nicht in diesem Projekt',
    },
    mappingLine: (entry) =>
      `${entry.direction === 'covers' ? 'Deckt ab' : 'Abgedeckt durch'} ${entry.checklistName} ${entry.itemId} (${entry.coverage === 'full' ? 'vollständig' : 'teilweise'})`,
    loadingMappings: 'Zuordnungen des Prüfpunkts werden geladen',
    mappingsFailed: 'Die Zuordnungen des Prüfpunkts zu anderen Checklisten konnten nicht geladen werden',
    tryAgain: 'Erneut versuchen',
    otherChecklists: 'Andere Checklisten',
    noMappings: 'Diesem Prüfpunkt ist kein Prüfpunkt einer anderen Checkliste zugeordnet.',
    mappingsLabel: 'Zuordnungen',
    removeLabel: (line: string) => `Entfernen: ${line}`,
    remove: 'Entfernen',
    notChanged: 'Die Zuordnung wurde nicht geändert',
    renamedFrom: (id: string) => ` (im Crosswalk ${id} genannt)`,
    earlierVersion: ' (der Crosswalk nennt eine frühere Version; laden Sie ihn erneut hoch, um diese Zuordnung zu ändern)',
    evidenceFrom: (checklist: string, itemId: string, titles: string) => `Nachweis aus ${checklist} ${itemId}: ${titles}`,
    directions: { covers: 'deckt ab', 'covered-by': 'wird abgedeckt durch' },
    coverages: { full: 'vollständig', partial: 'teilweise' },
    linkSummary: 'Mit einem Prüfpunkt einer anderen Checkliste verknüpfen',
    thisItem: 'Dieser Prüfpunkt',
    coverage: 'Abdeckung',
    checklist: 'Checkliste',
    item: 'Prüfpunkt',
    chooseItem: 'Prüfpunkt wählen (tippen zum Suchen)',
    noItemMatches: 'Kein Prüfpunkt dieser Checkliste passt',
    why: 'Begründung (optional)',
    link: 'Verknüpfen',
  };
};

/** Die Wörter des Done-Gates auf Deutsch. */
import type { DoneGateConfig } from '../../../../../common/gate-config';
import type { Fmt } from '../../i18n';
import type { GateMessages } from './messages.en';

export const de = (f: Fmt): GateMessages => {
  const n = f.n;
  return {
    describeConfig: (config: DoneGateConfig) =>
      `${config.scope === 'mandatory' ? 'Nur Pflichtpunkte' : 'Jeder Prüfpunkt'}; ${
        config.naCounts ? 'ein begründetes N/A zählt als erledigt' : 'N/A zählt nicht (ein Nachweis oder eine Ausnahme ist nötig)'
      }.`,
    when: (iso: string) => `${f.date(iso)}, ${iso.slice(11, 16)} UTC`,
    confirmForm: 'Done-Gate bestätigen',
    addedWith: 'Der Validator wurde hinzugefügt mit',
    mandatoryOnly: 'Nur Pflichtpunkte',
    everyItem: 'Jeder Prüfpunkt',
    naCounts: 'Ein begründetes N/A zählt als erledigt',
    saveOptions: 'Optionen speichern',
    gateIsOn: 'Das Gate ist an unserem Done-Übergang aktiv',
    gateRemoved: 'Das Gate wurde entfernt',
    backlogEmpty: 'Jeder Prüfpunkt in Done hat, was das Gate verlangt.',
    backlogLabel: 'In Done ohne Nachweis',
    backlogIntro: (count: number) =>
      `${n(count)} ${f.plural(count, { one: 'Prüfpunkt ist', other: 'Prüfpunkte sind' })} in Done ohne das, was das Gate verlangt (vor dem Gate dorthin verschoben, oder der Nachweis ist seitdem abgelaufen). Das Gate verschiebt sie nicht zurück: Öffnen Sie sie wieder oder fügen Sie den Nachweis hinzu.`,
    mandatorySuffix: ' (Pflicht)',
    hiddenItems: (count: number) =>
      `${n(count)} ${f.plural(count, { one: 'weiterer Prüfpunkt, dessen Vorgang', other: 'weitere Prüfpunkte, deren Vorgang' })} Sie nicht sehen können.`,
    notConfirmed: 'Noch nicht bestätigt',
    notConfirmedBody:
      'MSP Audit Ready kann den Workflow dieses Projekts nicht lesen (Jiras Workflow-API braucht eine Berechtigung, die die App nicht anfordert). Daher bestätigt ein Projektadministrator einmal, ob das Gate aktiv ist.',
    off: 'Aus',
    offBody: (by: string, at: string) =>
      `${by} hat am ${at} angegeben, dass das Gate nicht am Done-Übergang liegt: Prüfpunkte können Done ohne Nachweis erreichen.`,
    onTitle: 'Aktiv für den Workflow dieses Projekts',
    confirmedBy: (by: string, at: string) => `Bestätigt von ${by} am ${at}.`,
    doneGate: 'Done-Gate',
    sectionIntro:
      'Mit dem Workflow-Validator „Audit item: Done needs accepted evidence“ am Done-Übergang lässt Jira einen Prüfpunkt der Checkliste erst nach Done, wenn er einen gültigen akzeptierten Nachweis, eine Ausnahme oder ein begründetes N/A hat. So zählen Boards und JQL nur belegte Prüfpunkte.',
    loading: 'Das Done-Gate wird geladen',
    loadFailed: 'Das Done-Gate konnte nicht geladen werden',
    tryAgain: 'Erneut versuchen',
    adminCanConfirm: 'Ein Projektadministrator dieses Projekts kann es hier bestätigen.',
    notSaved: 'Nicht gespeichert',
    inDoneWithout: 'In Done ohne Nachweis',
    stepsLabel: 'So fügen Sie das Done-Gate hinzu',
    step1Before: 'Öffnen Sie in Jira ',
    step1Where: 'Projekteinstellungen → Workflows',
    step1After:
      ' und bearbeiten Sie den Workflow des Vorgangstyps der Prüfpunkte (ein unternehmensverwaltetes Projekt; Jira-Administrator oder Projektadministrator mit Workflow-Rechten).',
    step2Before: 'Wählen Sie den Übergang nach ',
    step2Done: 'Done',
    step2Middle: ' (jeden Übergang in einen Status der Kategorie Done), dann ',
    step2Rules: 'Regeln → Regel hinzufügen → Details validieren',
    step2Pick: ' und wählen Sie ',
    validatorName: '„Audit item: Done needs accepted evidence“',
    step3Before: 'Legen Sie fest, welche Prüfpunkte er abdeckt (nur Pflichtpunkte oder alle) und ob ein begründetes N/A zählt, klicken Sie auf ',
    step3Add: 'Hinzufügen',
    step3Then: ', dann auf ',
    step3Update: 'Workflow aktualisieren',
    step3After: '. Kommen Sie hierher zurück und bestätigen Sie es unten.',
    onlyInEditor: 'Diese Seite funktioniert nur im Workflow-Editor von Jira',
    onlyInEditorBody: 'Öffnen Sie sie über den Validator „Audit item: Done needs accepted evidence“ an einem Übergang des Workflows.',
    loadingConfig: 'Die Konfiguration des Validators wird geladen',
    readFailed: 'Die Konfiguration des Validators konnte nicht gelesen werden',
    readFailedBody: 'Schließen Sie diesen Dialog und öffnen Sie ihn erneut über den Workflow-Editor.',
    notValid: 'Die Konfiguration dieses Validators ist ungültig',
    notValidBody: 'Bis sie korrigiert ist, lehnt der Validator jedes Verschieben eines Prüfpunkts nach Done ab. Bearbeiten Sie den Validator, um sie zu korrigieren.',
    configLabel: 'Konfiguration des Done-Gates',
    ruleTitle: 'Audit item: Done needs accepted evidence',
    ruleIntro:
      'Ein Prüfpunkt einer MSP-Audit-Ready-Checkliste gelangt nur mit einem gültigen akzeptierten Nachweis, einer Ausnahme oder (wenn Sie es erlauben) einem begründeten N/A in einen Status der Kategorie Done. Andere Vorgänge sind nicht betroffen.',
    whichItems: 'Welche Prüfpunkte',
    mandatoryRecommended: 'Nur Pflichtpunkte (empfohlen)',
    configJson: 'Konfiguration (JSON)',
    nothingSaved: 'Es wurde nichts gespeichert',
    cannotSave: 'Diese Konfiguration kann nicht gespeichert werden',
    fixJson: 'Korrigieren Sie das JSON oben oder wählen Sie die Optionen erneut.',
    cannotConnect: 'Jira konnte diese Seite nicht mit der Schaltfläche Hinzufügen/Aktualisieren verbinden',
    closeAndReopen: 'Schließen Sie den Dialog und öffnen Sie ihn erneut.',
  };
};

/** The checklist upload's words in English: the shape every language follows. */
import type { ItemField } from '../../../../../common/sheets';
import type { Fmt } from '../../i18n';
import type { MetaDraft } from './upload-model';
import type { PreviewSummary } from './upload-preview-model';

export const en = (f: Fmt) => {
  const n = f.n;
  const count = (value: number, one: string, many = `${one}s`) => `${n(value)} ${value === 1 ? one : many}`;
  // Problem counts as the app has always written them (1,201 problems).
  const big = (value: number) => value.toLocaleString('en');
  return {
    fieldLabels: {
      id: 'Item id',
      title: 'Title',
      chapter: 'Chapter',
      requirement: 'Requirement',
      titledDescription: 'Title, then requirement (one cell)',
      points: 'Points',
      mandatory: 'Mandatory',
      penalty: 'Penalty',
      evidence: 'Expected evidence',
      result: 'Met? (initial result)',
      complexity: 'Complexity',
    } as Record<ItemField, string>,
    /** How N/A may be answered, in words. */
    naRuleWords: {
      exemptions: 'Only through the checklist’s named exemptions (applied as waivers); otherwise met or not met.',
      justified: 'Allowed with a written justification of why the item does not apply.',
      free: 'Allowed without a justification.',
    } as Record<PreviewSummary['naRule'], string>,
    /** What an unmet mandatory item costs: 'An unmet mandatory item costs no points: it only shows as open.' */
    penaltyWords: (penalty: { default: number; own: number }) => {
      const base =
        penalty.default === 0
          ? 'An unmet mandatory item costs no points: it only shows as open.'
          : `Each unmet mandatory item costs ${n(penalty.default)} points off the score.`;
      if (penalty.own === 0) return base;
      return `${base} ${penalty.own === 1 ? '1 mandatory item sets its own penalty' : `${n(penalty.own)} mandatory items set their own penalty`} in the Penalty column.`;
    },
    // The problems the upload finds in its own settings and the catalogue (upload-model.ts), listed before the file's own
    settingProblems: {
      columns: { passMark: 'pass mark', maxScore: 'max score', penalty: 'penalty', checklistId: 'checklist id', framework: 'framework', version: 'version', naAnswers: 'N/A answers' },
      notWholeNumber: (text: string) => `"${text}" is not a whole number ≥ 0`,
      builtinId: (id: string, checklist: string) => `"${id}" is the id of the built-in checklist ${checklist}; choose another id`,
      savedId: (id: string, checklist: string) => `"${id}" is already saved (${checklist}); give this file a new version to save it beside that one`,
      builtinFramework: (framework: string, builtinId: string) =>
        `"${framework}" is the framework of a built-in checklist (${builtinId}); pick another framework name, e.g. ${framework}-team, so projects on the built-in are never offered this file as an update`,
      sameVersion: (version: string, framework: string, id: string, name: string) =>
        `version ${version} of "${framework}" already exists as "${id}" (${name}); give this file its own version, e.g. ${version}-team`,
      naExemptions: (count: number) =>
        `${count === 1 ? '1 item is' : `${n(count)} items are`} answered N/A in the file, but this checklist allows N/A only through its exemptions: ${count === 1 ? 'it counts' : 'they count'} as not met until met, or covered by an exemption applied as a waiver`,
      naJustified: (count: number) =>
        `${count === 1 ? '1 item is' : `${n(count)} items are`} answered N/A in the file without a justification: ${count === 1 ? 'it counts' : 'they count'} as not met until someone gives one on the item, unless you choose “Allowed freely” for N/A answers`,
    },
    // UploadView
    title: 'Bring your own checklist',
    unnamedChecklist: 'Our checklist',
    fileLabel: 'Checklist file (CSV, Excel .xlsx, YAML or JSON; at most 5 MB and 2,000 items)',
    fileHint: 'The file is read in your browser; only the checklist it holds is sent to Jira, once you save it.',
    reading: (fileName: string) => `Reading ${fileName}`,
    tooLarge: (fileName: string, megabytes: number, limit: number) =>
      `${fileName}: is ${n(megabytes)} MB; the limit is ${n(limit)} MB. Remove images and unused sheets, or export only the checklist sheet as CSV.`,
    cannotUse: 'This file cannot be used',
    awsRecognised: 'AWS MSP self-assessment workbook recognised',
    mapMyself: 'Map the columns myself',
    awsBody: (sheets: string) =>
      `Sheets ${sheets} are read with no mapping: ID is the item id, Requirement Description gives the title, Mandatory/Recommended and the requirement, the group rows (Business, People, …) become chapters, and Met? becomes each item’s initial result.`,
    and: ' and ',
    sheet: 'Sheet',
    definitionFile: 'Checklist definition file',
    definitionBody: (fileName: string) =>
      `${fileName} is in the app’s own checklist format: its id, name, version and scoring come from the file. It is checked field by field when you save.`,
    savingLabel: 'Saving the checklist',
    savingParts: (done: number, total: number) => `Saving… ${n(done)} of ${n(total)} parts sent`,
    saving: 'Saving…',
    save: 'Save checklist',
    back: 'Back to the checklists',
    fixFirst: 'Saving is possible once the problems above are fixed.',
    notSaved: 'The checklist was not saved',
    jiraProblems: 'Problems found by Jira',
    // UploadPreview
    results: { met: 'Met', not_met: 'Not met', na: 'N/A' },
    preview: (name: string) => `Preview: ${name || 'your checklist'}`,
    items: 'Items',
    itemsIn: (items: number, chapters: number) => `${count(items, 'item')} in ${count(chapters, 'chapter')}`,
    mandatory: 'Mandatory',
    mandatoryItems: (value: number) => count(value, 'mandatory item'),
    points: 'Points',
    pointsInAll: (value: number) => `${count(value, 'point')} in all`,
    penalty: 'Penalty',
    naAnswers: 'N/A answers',
    exemptions: (list: string) => ` Exemptions: ${list}.`,
    initialResults: 'Initial results',
    noResults: 'none in the file: every item starts from its issue status',
    resultCounts: (met: number, notMet: number, na: number) => `${n(met)} met, ${n(notMet)} not met, ${n(na)} N/A — set on each new issue when imported`,
    chaptersTable: 'Chapters in the file',
    chapter: 'Chapter',
    itemsTable: 'Items in the file',
    id: 'Id',
    itemTitle: 'Title',
    initialResult: 'Initial result',
    showFirst: (value: number) => `Show the first ${n(value)} items`,
    showAll: (value: number) => `Show all ${n(value)} items`,
    // MetaForm
    models: { met: 'Met / not met (every mandatory item must be met)', points: 'Points against a pass mark' } as Record<MetaDraft['model'], string>,
    naRules: {
      justified: 'Allowed with a written justification',
      free: 'Allowed freely',
      exemptions: 'Only through named exemptions (met or not met otherwise)',
    } as Record<MetaDraft['naRule'], string>,
    savedVersions: (name: string, versions: string) => `${name} (saved: ${versions})`,
    newChecklist: 'a new checklist',
    newVersionOf: (label: string) => `a new version of ${label}`,
    settings: 'Settings',
    thisFileIs: 'This file is',
    thisFileHint: 'A new version keeps the framework, so projects can move to it with “Update to version”.',
    name: 'Name',
    version: 'Version',
    versionHint: 'One word, e.g. 1, 4.2 or 2025-08.',
    framework: 'Framework',
    frameworkHint: 'The same for every version of this checklist.',
    checklistId: 'Checklist id',
    checklistIdHint: 'Made from the framework and version; unique on this site.',
    scoring: 'Scoring',
    passMark: 'Pass mark',
    passMarkHint: 'The score needed to pass, e.g. 900.',
    penaltyLabel: 'Penalty for an unmet mandatory item',
    penaltyHint: "Points taken off the score for each mandatory item not met; empty means 0. A row's own Penalty cell wins.",
    maxScore: 'Maximum score',
    maxScoreHint: 'Leave empty to use the sum of the item points.',
    awsNaHint: 'The AWS workbook’s Met? is Yes or No: an item is out of scope only through a published exemption.',
    awsNa: 'Only through AWS’s exemptions',
    naHint: 'What the item panel lets people answer when an item does not apply.',
    // MappingTable
    notImported: '— not imported —',
    setByYou: 'set by you',
    notImportedHow: 'not imported',
    headerSays: 'the header says so',
    guessed: (percent: number) => `guessed (${n(percent)} % sure)`,
    columns: 'Columns',
    columnsHint: 'Each column feeds one item field. The app guessed from the headers; change any guess. An id and a title are required.',
    headerRow: 'Headers are on row',
    columnMapping: 'Column mapping',
    column: 'Column',
    sample: 'Sample',
    itemField: 'Item field',
    how: 'How',
    columnLetter: (letter: string) => `Column ${letter}`,
    columnHolds: (name: string) => `Column ${name} holds`,
    // ProblemList
    file: 'File',
    settingsRow: 'Settings',
    row: 'Row',
    whatToFix: 'What to fix',
    okText: 'Every row reads as an item. Check the preview below, then save.',
    fixHint: 'Fix them in your file and choose it again, or change the column mapping or the settings above.',
    noProblems: 'No problems found',
    toFix: (total: number) => `${total === 1 ? '1 problem' : `${big(total)} problems`} to fix before saving`,
    notListed: (listed: number, more: number) => `${big(listed)} listed below; ${big(more)} more not listed. Fix these and choose the file again to see the rest.`,
    problems: 'Problems',
    warningsSummary: (count: number) => `${count === 1 ? '1 warning' : `${n(count)} warnings`} (saving is still possible)`,
    warnings: 'Warnings',
  };
};

export type UploadMessages = ReturnType<typeof en>;

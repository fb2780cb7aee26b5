/** The item panel's words in English (checklist item, assessment): the shape every language follows. */
import type { Fmt } from '../../i18n';

export const en = (f: Fmt) => ({
  loadingItem: 'Loading the audit item',
  loadFailed: 'Could not load the audit item',
  tryAgain: 'Try again',
  checklistItem: 'Checklist item',
  points: (points: number) => `${f.n(points)} points`,
  mandatoryPoints: (penalty: number) => `mandatory (${f.n(penalty)} points off if not met)`,
  mandatory: 'mandatory',
  notMandatory: 'not mandatory',
  expectedEvidence: 'Expected evidence:',
  results: { met: 'Met', not_met: 'Not met', na: 'N/A', not_assessed: 'Not assessed' },
  strictOn: 'Strict mode is on: the item counts as met only with accepted evidence in force.',
  notAnItem: 'Not a checklist item',
  notAnItemBody: 'This issue does not stand for an active item of an audit checklist. Evidence can still be kept here.',
  changedOutside: 'Changed outside the app',
  assessmentRegion: 'Assessment',
  assessedBy: (name: string) => `Assessed by ${name}`,
  assessedOn: (at: string) => ` on ${f.date(at)}`,
  notSaved: 'The assessment was not saved',
  evidence: 'Evidence',
  // AssessmentForm
  fromStatus: 'From status',
  notAllowed: (words: string) => `${words} (not allowed)`,
  notSet: 'Not set',
  assessment: 'Assessment',
  complexity: 'Complexity',
  saveAssessment: 'Save assessment',
  whyRequired: 'Why N/A (required)',
  whyOptional: 'Why N/A (optional)',
  naBecause: (why: string) => `N/A because: ${why}`,
});

export type ItemMessages = ReturnType<typeof en>;

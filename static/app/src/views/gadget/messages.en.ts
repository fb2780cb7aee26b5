/** The dashboard gadget's words in English: the shape every language follows. */
import type { Fmt } from '../../i18n';

export const en = (f: Fmt) => {
  const n = f.n;
  const days = (count: number) => `${n(count)} ${f.plural(count, { one: 'day', other: 'days' })}`;
  return {
    startFailed: 'The gadget could not start',
    loadingGadget: 'Loading the gadget',
    pointsScore: (score: number, max: number, passMark: number | null) => `${n(score)} of ${n(max)} points${passMark !== null ? ` (pass mark ${n(passMark)})` : ''}`,
    metScore: (score: number, max: number) => `${n(score)} of ${n(max)} items met`,
    noValidationDate: 'No validation date set',
    daysToAudit: (count: number, date: string) => `${days(count)} to the audit (${f.date(date)})`,
    auditToday: (date: string) => `The audit is today (${f.date(date)})`,
    auditAgo: (count: number, date: string) => `The audit was ${days(count)} ago (${f.date(date)})`,
    couldNotShow: (projectKey: string) => `Could not show ${projectKey}`,
    tryAgain: 'Try again',
    loadingScore: 'Loading the audit score',
    wouldPass: 'Would pass',
    wouldNotPass: 'Would not pass',
    openMandatory: (count: number) => f.plural(count, { one: 'open mandatory item', other: 'open mandatory items' }),
    openFindings: (count: number) => f.plural(count, { one: 'open finding', other: 'open findings' }),
    openAuditPage: (projectKey: string) => `Open the Audit page of ${projectKey}`,
    choose: 'Choose the project (and its checklist) this gadget shows.',
    settings: 'Gadget settings',
    projectKey: 'Project key',
    checklist: 'Checklist',
    lastImported: 'The one the project imported last',
    notSaved: 'Not saved',
    save: 'Save',
  };
};

export type GadgetMessages = ReturnType<typeof en>;

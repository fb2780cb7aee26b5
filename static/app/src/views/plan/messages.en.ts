/** The road to audit day's words in English (Plan tab): the shape every language follows. */
import type { Fmt } from '../../i18n';

export const en = (f: Fmt) => {
  const n = f.n;
  const days = (count: number) => `${n(count)} ${f.plural(count, { one: 'day', other: 'days' })}`;
  return {
    forecast: {
      'not-enough-history': 'No forecast yet',
      reached: 'Reached',
      'on-track': 'On track',
      'at-risk': 'At risk',
      'no-progress': 'No progress',
      'no-date': 'No audit date',
    },
    due: {
      'self-assessment': 'Milestone',
      'prerequisite-deadline': 'AWS deadline',
      'prerequisite-open': 'Prerequisite open',
      'pre-audit': 'Milestone',
      'evidence-expires': 'Evidence expires',
      'mandatory-open': 'Mandatory open',
      validation: 'Audit',
      'action-items': 'AWS deadline',
    },
    today: 'today',
    tomorrow: 'tomorrow',
    yesterday: 'yesterday',
    inDays: (count: number) => `in ${n(count)} days`,
    daysAgo: (count: number) => `${n(count)} days ago`,
    noDate: 'No validation date yet: set one to see what is due when.',
    daysTo: (count: number, date: string) => `${days(count)} to the validation audit on ${f.date(date)}`,
    auditToday: (date: string) => `The validation audit is today (${f.date(date)})`,
    auditAgo: (count: number, date: string) => `The validation audit was ${days(count)} ago (${f.date(date)})`,
    unassigned: 'Unassigned',
    // PlanSection
    title: 'Road to audit day',
    loadingPlan: 'Loading the audit plan',
    loadFailed: 'Could not load the audit plan',
    tryAgain: 'Try again',
    sentOn: (date: string) => `Self-assessment sent ${f.date(date)}. `,
    savedBy: (name: string, at: string) => `Plan saved by ${name} on ${f.date(at)}.`,
    notSaved: 'The plan was not saved',
    savedWithWarning: 'Saved, with a warning',
    atRiskBy: (late: number) => `At risk by ${n(late)} days`,
    whoOwnsWhat: 'Who owns what',
    // DueList
    whatIsDue: 'What is due when',
    colDue: 'Due',
    colWhat: 'What',
    colDetails: 'Details',
    colOwner: 'Owner',
    showAllLines: (total: number, hidden: number) => `Show all ${n(total)} lines (${n(hidden)} more)`,
    andMore: (more: number) => `…and ${n(more)} more; the owners table below lists them by owner.`,
    // PlanForm
    planForm: 'Audit plan',
    validationAudit: 'Validation audit',
    preAudit: 'Pre-audit (optional)',
    selfAssessmentSent: 'Self-assessment sent (optional)',
    savePlan: 'Save the plan',
    setPlan: 'Set the plan',
    // OwnersTable
    figureLink: (label: string, count: number) => `${label}: ${n(count)}, open in Jira search`,
    pointsAtStake: 'Points at stake',
    openItems: 'Open items',
    itemsByOwner: 'Items by owner',
    colItems: 'Items',
    colOpenMandatory: 'Open mandatory',
    colPending: 'Evidence pending review',
    ownerItems: (name: string) => `${name}, items`,
    ownerOpenMandatory: (name: string) => `${name}, open mandatory`,
    ownerStake: (name: string, stake: string) => `${name}, ${stake.toLowerCase()}`,
    ownerPending: (name: string) => `${name}, evidence pending review`,
  };
};

export type PlanMessages = ReturnType<typeof en>;

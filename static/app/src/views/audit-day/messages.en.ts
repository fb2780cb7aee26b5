/** The audit day's words in English (tab, chapter dry runs, waiver targets): the shape every language follows. */
import type { Fmt } from '../../i18n';

export const en = (f: Fmt) => {
  const n = f.n;
  return {
    review: { reviewed: 'Reviewed', stale: 'Stale', 'not-reviewed': 'Not yet' },
    reviewSummary: (reviewed: number, total: number, stale: number, notYet: number) =>
      `${n(reviewed)} of ${n(total)} ${f.plural(total, { one: 'chapter', other: 'chapters' })} reviewed · ${n(stale)} stale · ${n(notYet)} not yet`,
    noDryRun: 'No dry run recorded yet',
    reviewedOn: (at: string, by: string) => `Reviewed ${f.date(at)} by ${by}`,
    andMore: (list: string, more: number) => `${list} and ${n(more)} more`,
    changedSince: (base: string, list: string) => `${base}; changed since: ${list}`,
    chapters: (count: number, titles: string) => `${f.plural(count, { one: 'Chapter', other: 'Chapters' })} ${titles}`,
    items: (count: number, ids: string) => `${f.plural(count, { one: 'item', other: 'items' })} ${ids}`,
    // AuditDaySection
    title: 'Audit day',
    loading: 'Loading dry runs, waivers and history',
    loadFailed: 'Could not load the audit day',
    tryAgain: 'Try again',
    notSaved: 'That change was not saved',
    // ReviewsPanel
    dryRuns: 'Chapter dry runs',
    chapterReviews: 'Chapter reviews',
    colChapter: 'Chapter',
    colDryRun: 'Dry run',
    colDetails: 'Details',
    colActions: 'Actions',
    needsEdit: 'Recording a dry run needs the Edit issues permission in this project.',
    noteLabel: (title: string) => `Note on the dry run of ${title} (optional)`,
    noteTooLong: (max: number) => `Shorten the note to at most ${n(max)} characters.`,
    record: 'Record the dry run',
    cancel: 'Cancel',
    markReviewed: 'Mark reviewed',
    reviewAgain: 'Review again',
    actionOn: (action: string, title: string) => `${action}: ${title}`,
    // WaiversPanel
    waivers: 'Waivers',
    noWaiver: 'No waiver is in force: every item counts as its issue says.',
    inForce: 'Waivers in force',
    checklistWaiver: 'Checklist waiver',
    teamWaiver: 'Team waiver',
    reason: (reason: string) => `Reason: ${reason}`,
    applied: (at: string, by: string) => `Applied ${f.date(at)} by ${by}`,
    adminRemoves: 'Only a project admin (Administer projects) may remove it.',
    removeWaiver: (name: string) => `Remove the waiver ${name}`,
    remove: 'Remove',
    offered: 'Waivers this checklist offers',
    namedWaivers: 'Named waivers',
    adminApplies: 'It covers mandatory items, so only a project admin (Administer projects) may apply it.',
    applyWaiver: (name: string) => `Apply the waiver ${name}`,
    apply: 'Apply',
    confirmWaiver: (name: string) => `Confirm the waiver ${name}`,
    confirmText: (name: string, targets: string, mandatory: boolean) =>
      `Apply “${name}”? ${targets} will count as waived in the score${mandatory ? ', mandatory items included: this changes whether the project passes.' : '.'} It is recorded with your name, today’s date, its reason and the proof below.`,
    stillNeeded: (missing: string) => `Still needed: ${missing}.`,
    applyButton: 'Apply waiver',
    waiverRights: 'Applying or removing a waiver needs the Edit issues permission in this project; one that covers mandatory items needs Administer projects.',
    maxWaivers: (max: number) => `${n(max)} waivers are in force, the most one checklist may have: remove one before adding another.`,
    coversMandatory: (count: number, shown: string) => `Covers mandatory ${f.plural(count, { one: 'item', other: 'items' })} ${shown}`,
  };
};

export type AuditDayMessages = ReturnType<typeof en>;

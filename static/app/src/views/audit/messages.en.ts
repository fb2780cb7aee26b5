/**
 * The Audit page's words in English (page, tabs, score, glance, chapters): the shape every language
 * follows. Sentence functions take figures already counted; numbers and dates go through `f`.
 */
import type { Fmt } from '../../i18n';

export const en = (f: Fmt) => {
  const n = f.n;
  const count = (value: number, one: string, other = `${one}s`) => `${n(value)} ${f.plural(value, { one, other })}`;
  return {
    count,
    pageTitle: 'Audit readiness',
    loadingScore: 'Loading the audit score',
    loadError: 'Could not load the audit score',
    tryAgain: 'Try again',
    loadingReport: 'Loading the audit report',
    loadingGate: 'Loading the Done gate',
    loadingTab: (label: string) => `Loading ${label.toLowerCase()}`,
    tabs: { overview: 'Overview', chapters: 'Chapters', evidence: 'Evidence and risks', 'audit-day': 'Audit day', plan: 'Plan', trail: 'Decision trail' },
    // format.ts
    verdict: (passed: boolean): string => (passed ? 'would pass' : 'not yet'),
    pointsLine: (score: number, max: number, passMark: number | null, verdict: string) =>
      `${n(score)} / ${n(max)}${passMark === null ? '' : ` — pass mark ${n(passMark)}`} — ${verdict}`,
    metLine: (score: number, max: number, open: number, verdict: string) => `${n(score)} of ${n(max)} met, N/A or waived — ${n(open)} mandatory open — ${verdict}`,
    whyNoMandatory: 'This checklist has no mandatory items; every item counts toward the score.',
    whyMet: (done: number, total: number) => `${n(done)} of ${count(total, 'mandatory item')} met, N/A or waived; the pass needs all of them.`,
    whyPointsNoPenalty: (earned: number, max: number) => `${count(earned, 'point')} earned of ${n(max)}; no unmet mandatory item costs a penalty.`,
    whyPoints: (earned: number, max: number, costing: number, each: number | null, penalty: number) =>
      `${count(earned, 'point')} earned of ${n(max)}, minus ${count(costing, 'unmet mandatory item')}${each === null ? ' with their penalties' : ` × ${n(each)} penalty`} (−${n(penalty)}).`,
    costExemption: 'Blocks the pass until it is met or an exemption covers it',
    costMet: 'Blocks the pass until it is met, N/A or waived',
    costPoints: (points: number, cost: number) => `Costs ${count(points + cost, 'point')} (${n(points)} not earned + ${n(cost)} penalty)`,
    results: { met: 'Met', not_met: 'Not met', na: 'N/A', not_assessed: 'Not assessed', waived: 'Waived' },
    waivedDetail: (waiver: string, by: string | undefined, at: string | undefined) =>
      `Waived: ${waiver}${by ? `, by ${by}` : ''}${at ? `, on ${f.date(at)}` : ''}`,
    naDetail: (justification: string) => `N/A: ${justification}`,
    unknownTimeAgo: 'an unknown time ago',
    justNow: 'just now',
    minutesAgo: (value: number) => `${count(value, 'minute')} ago`,
    hoursAgo: (value: number) => `${count(value, 'hour')} ago`,
    daysAgo: (value: number) => `${count(value, 'day')} ago`,
    hiddenItems: (hidden: number) => (hidden === 1 ? '1 item is on an issue you cannot see.' : `${n(hidden)} items are on issues you cannot see.`),
    createIssuesReason: 'You need the Create issues permission in this project to import a checklist.',
    administerReason: 'Only a project admin can change strict mode: it needs the Administer projects permission.',
    countsMetOrWaived: (met: number) => `${n(met)} met or waived`,
    countsMet: (met: number, waived: number) => `${n(met)} met · ${n(waived)} waived`,
    counts: (met: string, na: number, notMet: number, notAssessed: number, total: number) =>
      `${met} · ${n(na)} N/A · ${n(notMet)} not met · ${n(notAssessed)} not assessed · ${n(total)} items`,
    // ScoreHeadline, ScoreDashboard, Freshness
    scoreHeading: 'Audit score',
    wouldPass: 'Would pass',
    notYet: 'Not yet',
    projection: 'If every item in progress is met:',
    recomputing: 'Recomputing the figures from Jira…',
    figuresFrom: (ago: string) => `Figures from ${ago}`,
    refresh: 'Refresh',
    refreshFailed: 'Could not refresh the figures',
    refreshFailedBody: 'The figures shown are the last ones computed.',
    importAnother: 'Import another checklist',
    // glance
    glanceLabel: 'Score at a glance',
    glancePoints: (score: number, max: number) => `${n(score)} of ${n(max)} points`,
    glanceMet: (met: number, total: number) => `${n(met)} of ${count(total, 'mandatory item')} met, N/A or waived`,
    passMarkTick: (mark: number) => `Pass mark ${n(mark)}`,
    passMarkOf: (mark: number, max: number) => `Pass mark ${n(mark)} of ${n(max)}`,
    passNeedsAll: 'The pass needs every mandatory item',
    trendNone: (days: number) => `no history ${n(days)} days back yet`,
    trendZero: (days: number) => `no change in ${n(days)} days`,
    trend: (change: number, points: boolean, days: number) =>
      `${change > 0 ? '+' : '−'}${count(Math.abs(change), points ? 'point' : 'mandatory item')} in ${n(days)} days`,
    deadline: (title: string, date: string, daysLeft: number) => `${title}, ${f.date(date)} (${daysLeft === 0 ? 'today' : `in ${count(daysLeft, 'day')}`})`,
    nextDeadline: 'Next deadline:',
    atOrAbove: (mark: number) => `, at or above the pass mark of ${n(mark)}`,
    below: (gap: number, mark: number) => `, ${count(gap, 'point')} below the pass mark of ${n(mark)}`,
    stillOpen: (open: number) => `, ${count(open, 'mandatory item')} still open`,
    wouldNotPassYet: 'Would not pass yet',
    glanceSentence: (verdict: string, bar: string, toGo: string, trends: string[], deadline: string | undefined) =>
      `${verdict}: ${bar}${toGo}.${trends.length > 0 ? ` Change: ${trends.join('; ')}.` : ''}${deadline ? ` Next deadline: ${deadline}.` : ''}`,
    // ChecklistSwitcher
    checklist: 'Checklist',
    retiredOption: (version: string) => ` (retired, replaced by ${version})`,
    retiredList: 'Retired checklists',
    retiredLine: (name: string, at: string, version: string, score: { score: number; maxScore: number; passed: boolean; at: string } | undefined) =>
      `${name}: retired ${f.longDate(at)}, replaced by version ${version}; ${
        score ? `last score ${n(score.score)} / ${n(score.maxScore)} (${score.passed ? 'passed' : 'not passed'}) on ${f.longDate(score.at)}` : 'no score was recorded before the move'
      }. Read only: its issues moved or were retired with their work.`,
    // MandatoryList
    openMandatory: 'Open mandatory items',
    noMandatoryOpen: 'No mandatory item is open.',
    openIssue: (issueKey: string, id: string, title: string) => `Open ${issueKey}: ${id} ${title}`,
    noIssueYet: 'no issue yet',
    showMostExpensive: (shown: number) => `Show the ${n(shown)} most expensive`,
    showAll: (total: number) => `Show all ${n(total)}`,
    waivedCount: (waived: number) => `${n(waived)} waived`,
    naCount: (na: number) => `${n(na)} N/A`,
    satisfiedNotMet: (total: number, parts: string) => `${count(total, 'mandatory item')} ${total === 1 ? 'counts' : 'count'} toward the pass without being met: ${parts}`,
    // ChapterTable
    chapters: 'Chapters',
    colChapter: 'Chapter',
    colEarned: 'Earned / max',
    colMet: 'Met, N/A or waived / total',
    colProgress: 'Progress',
    colIssues: 'Issues',
    ratio: (value: number, max: number) => `${n(value)} / ${n(max)}`,
    waivedBy: 'Waived:',
    chapterBar: (title: string, value: number, max: number, points: boolean, pct: number) =>
      `${title}: ${n(value)} of ${n(max)} ${points ? 'points earned' : 'items met, N/A or waived'} (${n(pct)} %)`,
    openInJira: 'Open in Jira',
    openChapterInJira: (title: string) => `Open in Jira: the issues of ${title}`,
    filterChapters: 'Filter chapters',
    chapterTitle: 'Chapter title',
    chaptersOf: (name: string) => `Chapters of ${name}`,
    noChapterMatches: (text: string) => `No chapter matches “${text}”.`,
    chaptersCount: (shown: number, total: number) => (shown === total ? count(shown, 'chapter') : `${n(shown)} of ${n(total)} chapters shown`),
    // verdict
    deciderAws: 'AWS’s decision: AWS decides after its own review and the third-party audit',
    deciderExaminer: 'the examiner’s decision: an independent examiner issues the report',
    deciderBody: 'the certifying body’s decision',
    verdictSentence: (checklist: string, decider: string) =>
      `The verdict is readiness against ${checklist}: whether you would pass if the audit were today, judged item by item from your Jira issues, evidence and waivers. It is not ${decider}.`,
    penaltyNone: 'An unmet mandatory item costs no points on this checklist: it only shows as open.',
    penaltyEach: (max: number) => `Each unmet mandatory item costs ${n(max)} points off the score (the checklist’s penalty).`,
    penaltyBetween: (min: number, max: number) => `Each unmet mandatory item costs between ${n(min)} and ${n(max)} points off the score (the checklist’s penalties).`,
    andMore: (list: string, more: number) => `${list} and ${n(more)} more`,
    naRefused: (count: number, list: string) =>
      count === 1
        ? `Item ${list} is answered N/A in a way this checklist does not allow (no exemption covers it, or the justification is missing), so it counts as not met. Answer met or not met, give the justification, or apply the exemption that covers it.`
        : `Items ${list} are answered N/A in a way this checklist does not allow (no exemption covers them, or the justification is missing), so they count as not met. Answer met or not met, give the justification, or apply the exemption that covers them.`,
    verdictHeading: 'What this verdict means',
    validityTitles: {
      'past-valid': 'This checklist version is past its validity',
      'past-usable': 'This checklist version is no longer accepted',
      historical: 'This checklist version is history',
    },
    // import
    importTitle: 'Import a checklist',
    noneImported: 'No checklist imported yet',
    noneImportedBody:
      'Pick the checklist your audit uses and import it: the app creates one Jira issue per item, grouped by chapter, and then shows whether you would pass.',
    loadingChecklists: 'Loading checklists',
    openingUpload: 'Opening the checklist upload',
    checklistsFailed: 'Could not load the checklists',
    noChecklists: 'No checklists available',
    noChecklistsBody: 'The app has no checklist to offer. Ask a Jira admin to check the app’s installation.',
    bringYourOwn: 'Bring your own checklist',
    savedChecklist: (name: string) => `Saved ${name}`,
    savedBody: (items: number, initial: number) =>
      `${n(items)} items${initial > 0 ? `, ${n(initial)} with an initial result from the file` : ''}. It is selected above; check the preview and import it.`,
    loadingPreview: 'Loading the preview',
    previewFailed: 'Could not load this checklist',
    importAgain: 'Import again (adds only missing items)',
    importButton: 'Import',
    backToScore: 'Back to the score',
    modelPoints: (max: number | undefined, passMark: number | undefined) =>
      `points${max !== undefined ? `, max ${n(max)}` : ''}${passMark !== undefined ? `, pass mark ${n(passMark)}` : ''}`,
    modelMet: 'met / not met',
    version: (version: string) => `version ${version}`,
    alreadyInProject: ' · already in this project',
    itemsInChapters: (items: number, chapters: number) => `${count(items, 'item')} in ${count(chapters, 'chapter')}`,
    yourOwnFile: ' · your own file',
    // version update (sync)
    updateTo: (version: string) => `Update to version ${version}`,
    versionAvailable: (version: string, name: string) => `Version ${version} of ${name} is available`,
    updateOffer: (current: string, target: string) =>
      `This project uses version ${current}. See what the update changes and what carries over before anything is written: only issues that stand for an item of version ${target} keep their status, owners and evidence.`,
    customSource: (version: string, savedAt: string | undefined) =>
      `Version ${version} is a checklist a team saved on this site${savedAt ? `, saved ${f.longDate(savedAt)}` : ''}, not one that ships with the app. Check its items before you apply it.`,
    planning: 'Working out what the update changes',
    whatChanges: (title: string) => `What ${title.toLowerCase()} changes`,
    applyUpdate: 'Apply the update',
    notNow: 'Not now',
    updateChanges: 'Changes in the update',
    updating: (created: number, updated: number, retired: number) => `Updating… ${n(created)} created, ${n(updated)} updated, ${n(retired)} retired so far.`,
    updateUnfinished: 'The update did not finish',
    updateSlow: 'The update is taking longer than expected. Apply it again: it continues where it stopped.',
    // AuditRisks
    noRisksYet: 'No audit risks yet: no item is met, so there is no evidence to check.',
    noRisks: 'No audit risks: every item met has evidence, and none expires within 30 days.',
    auditRisks: 'Audit risks',
    risksCount: (risks: number) => `${count(risks, 'risk')} an auditor would ask about.`,
    strictMode: 'Strict mode: count an item as met only with accepted evidence in force',
    fourEyes: 'Four eyes: evidence is accepted or rejected by someone other than the person who added it',
    settingsNotChanged: 'The audit settings were not changed',
    // ExplainScore
    explain: 'Explain this score',
    explanation: 'Score explanation',
    filterItems: 'Filter items',
    filterPlaceholder: 'Id, title, reason or issue',
    show: 'Show',
    filters: {
      all: 'All items',
      earning: 'Items that earn points',
      costing: 'Items that cost a penalty',
      'open-mandatory': 'Open mandatory items',
      met: 'Met',
      waived: 'Waived',
      not_met: 'Not met',
      na: 'N/A',
      not_assessed: 'Not assessed',
    },
    matching: (matches: number, limit: number) =>
      matches > limit
        ? `Showing the first ${n(limit)} of ${count(matches, 'matching item')}; narrow the filter to see the rest.`
        : `${count(matches, 'matching item')}.`,
    contributions: 'Item contributions',
    colItem: 'Item',
    colResult: 'Result',
    colEarnedPoints: 'Earned',
    colPenalty: 'Penalty',
    colWhy: 'Why',
    colIssue: 'Issue',
    mandatoryTag: ' · mandatory',
    pointsTag: (points: number) => ` · ${count(points, 'point')}`,
    // UnclaimedIssues
    unclaimedTitle: 'Issues not created by the app',
    unclaimedIntro: 'These issues say they stand for a checklist item, but the app did not create them, so the score ignores them.',
    claims: (itemId: string) => ` claims item ${itemId}, not created by the app.`,
    adopting: 'Adopting…',
    adopt: (issueKey: string) => `Adopt ${issueKey}`,
    adoptReason: 'Only a project admin can adopt an issue: it needs the Administer projects permission.',
    notAdopted: 'The issue was not adopted',
    // BeforeYouApply
    tickNotSaved: (error: string) => `That tick was not saved: ${error}`,
    beforeYouApply: 'Before you apply',
    beforeIntro: (done: number, total: number) =>
      `Conditions of the program outside the checklist: the verdict does not count them, but the audit is not scheduled without them. ${n(done)} of ${n(total)} ticked.`,
    tickedBy: (done: boolean, by: string, at: string) => `${done ? 'Ticked' : 'Unticked'} by ${by} on ${f.date(at)}`,
    tickRights: 'Ticking needs the Edit issues permission in this project.',
    // score/CrosswalkCoverage
    crosswalkCoverage: {
      strictCounts: 'Strict mode counts it as this item’s evidence.',
      strictNot: 'Strict mode does not count it: each item needs its own accepted evidence.',
      title: 'Evidence from other checklists',
      covered: (covered: number, mapped: number) =>
        `${n(covered)} item${covered === 1 ? '' : 's'} of ${n(mapped)} mapped item${mapped === 1 ? '' : 's'} covered by accepted evidence on another checklist of this project.`,
      wouldClose: (ids: string) => `Open mandatory items that work would close: ${ids}.`,
      retired: (count: number) =>
        `${n(count)} mapping${count === 1 ? '' : 's'} name an item a version update retired; ask a Jira administrator to update the crosswalk.`,
      from: (checklist: string, itemId: string) => `evidence from ${checklist} ${itemId}`,
    },
    // score/RiskTable
    riskTable: {
      filter: 'Filter risks',
      placeholder: 'Issue, item or risk',
      table: 'Audit risks',
      item: 'Item',
      risk: 'Risk',
      whatToDo: 'What to do',
      issue: 'Issue',
      shown: (shown: number, total: number) => `${n(shown)} of ${n(total)} risks shown`,
    },
    // import/ImportProgress
    importing: {
      counts: (created: number, existing: number, failed: number) => `${n(created)} created, ${n(existing)} already there, ${n(failed)} failed`,
      queued: 'Import queued — waiting to start.',
      running: (handled: number, total: number, counts: string) => `Importing: ${n(handled)} of ${n(total)} ${total === 1 ? 'item' : 'items'} — ${counts}.`,
      reading: 'Importing: reading the checklist…',
      done: (counts: string, total: number) => `Import finished: ${counts}, of ${n(total)} ${total === 1 ? 'item' : 'items'}.`,
      failed: (counts: string, total: number) => `Import stopped: ${counts}, of ${n(total)} ${total === 1 ? 'item' : 'items'}.`,
      starting: 'Starting the import…',
      progress: 'Import progress',
      notCreated: (count: number) => `${n(count)} ${count === 1 ? 'item' : 'items'} could not be created`,
      finished: 'Import finished',
      seeScore: 'See the score',
      again: 'Import again',
      againHint: 'Import again: it creates only the items that are still missing and never duplicates an issue.',
      everyItem: (created: number, existing: number) => `Every item of the checklist has an issue (${n(created)} new, ${n(existing)} already there).`,
      stopped: 'The import stopped',
      tryAgain: 'Try again',
      safe: 'Trying again is safe: issues already created are kept, not duplicated.',
      lostTrack: 'Lost track of the import',
      couldNotStart: 'The import could not start',
      checkAgain: 'Check again',
    },
    // sync/Proposals
    proposals: {
      carried: (carried: number, before: number) =>
        `${n(carried)} of ${n(before)} ${before === 1 ? 'item' : 'items'} carry over (their issues keep status, owner, evidence and history)`,
      lostWork: (count: number) => `${n(count)} ${count === 1 ? 'issue' : 'issues'} with work would be retired (the work stays on the retired issue)`,
      noLostWork: 'no issue with work is retired',
      line: (items: string, work: string) => `${items}; ${work}.`,
      hasWork: ' · has work',
      title: (count: number) => `Proposed moves (${n(count)})`,
      intro:
        'These old items have a successor with the same title. Confirm a move to keep the old issue, with its work, for the new item; an unconfirmed one is retired and the new item gets a new issue.',
      clearAll: 'Clear all',
      confirmAll: 'Confirm all proposals',
    },
  };
};

export type AuditMessages = ReturnType<typeof en>;

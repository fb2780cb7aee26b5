/** The audit day's words in English (tab, chapter dry runs, waiver targets): the shape every language follows. */
import type { Fmt } from '../../i18n';

/** What the history chart's y axis shows: the score, the share of items met, or the share of the maximum. */
export type HistoryMeasure = 'score' | 'met' | 'max';
/** One end of the history chart: its day (ISO) and its value in the chart's measure. */
export interface HistoryEnd {
  date: string;
  value: number;
}

export const en = (f: Fmt) => {
  const n = f.n;
  const measured = (value: number, measure: HistoryMeasure) => (measure === 'score' ? n(value) : `${n(value)} % ${measure === 'met' ? 'met' : 'of the maximum'}`);
  const passText = (pass: number | undefined, measure: HistoryMeasure) => (pass === undefined ? '' : `; pass mark ${n(pass)}${measure === 'score' ? '' : ' %'}`);
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
    // WaiverProofFields
    proof: {
      kinds: { document: 'Document (certificate, report)', link: 'Link', process: 'Process', presentation: 'Presentation', demo: 'Demo' } as Record<string, string>,
      missingTitle: 'a title',
      missingWhere: 'a link or a note saying where the auditor finds it',
      missingEffective: 'the effective date',
      missingExpiry: 'the expiry date',
      legend: 'Proof the auditor will ask for (the waiver lapses when it expires)',
      kind: 'Kind',
      title: 'Proof title',
      titlePlaceholder: 'e.g. ISO 27001 certificate',
      link: 'Link',
      note: 'Or a note saying where the auditor finds it',
      effective: 'Effective date',
      expiry: 'Expiry date (last valid day)',
      backwards: 'The expiry date is before the effective date: correct one of them.',
      noProof: 'No proof on record: applied before proof was asked for. Remove it and apply it again with its proof.',
      proofLabel: 'Proof:',
      valid: (from: string, to: string) => `, valid ${f.date(from)} to ${f.date(to)}`,
      lapsed: (on: string) => `Lapsed on ${on ? f.date(on) : ''}: its proof expired, so the items it covers count on their own.`,
      lapses: (on: string) => `Lapses on ${on ? f.date(on) : ''} unless renewed.`,
    },
    // PrintView
    print: {
      back: 'Back to the Audit page',
      printButton: 'Print or save as PDF',
      preparing: 'Preparing the audit report',
      prepareFailed: 'Could not prepare the audit report',
      report: 'Audit report',
      heading: (name: string, version: string) => `Audit report: ${name} ${version}`,
      meta: (project: string, at: string) => `Project ${project} · generated ${at.slice(0, 16).replace('T', ' ')} UTC`,
      pointsScore: (score: number, max: number, passMark: number | null) => `${n(score)} / ${n(max)}${passMark !== null ? ` (pass mark ${n(passMark)})` : ''}`,
      metScore: (score: number, max: number) => `${n(score)} of ${n(max)} items met, N/A or waived`,
      score: 'Score',
      verdict: 'Verdict',
      wouldPass: 'Would pass if the audit were today',
      wouldNotPass: 'Would not pass yet',
      readiness: 'Readiness against the checklist, judged from the project’s issues: not the program’s own decision.',
      checklistVersion: 'Checklist version',
      naNotAllowed: 'N/A not allowed',
      naRefused: (ids: string) => `${ids}: answered N/A where the checklist does not allow it, counted as not met`,
      items: 'Items',
      metOrWaived: (met: number) => `${n(met)} met or waived`,
      metAndWaived: (met: number, waived: number) => `${n(met)} met · ${n(waived)} waived`,
      counts: (na: number, notMet: number, notAssessed: number, total: number) => `${n(na)} N/A · ${n(notMet)} not met · ${n(notAssessed)} not assessed · ${n(total)} in all`,
      openMandatory: 'Open mandatory items',
      none: 'None',
      dryRuns: 'Chapter dry runs',
      dryRunCounts: (reviewed: number, stale: number, notYet: number) => `${n(reviewed)} reviewed · ${n(stale)} stale · ${n(notYet)} not yet`,
      waiversInForce: 'Waivers in force',
      waiverLine: (name: string, reason: string, by: string, at: string) => `${name}: ${reason} (applied by ${by} on ${f.date(at)})`,
      noProof: '; no proof on record',
      proof: (title: string, where: string | undefined, until: string, lapse: string) => `; proof: ${title}${where !== undefined ? ` (${where})` : ''}, valid until ${f.date(until)}, ${lapse}`,
      lapsed: (on: string) => `lapsed on ${on ? f.date(on) : ''}: its proof expired`,
      lapses: (on: string) => `lapses on ${on ? f.date(on) : ''}`,
      evidence: 'Evidence',
      noEvidenceField: 'The evidence field is not installed in this Jira site, so no evidence is listed.',
      chapterPoints: (earned: number, max: number) => `${n(earned)} of ${n(max)} points · `,
      chapterMet: (met: number, total: number, review: string) => `${n(met)} of ${n(total)} met, N/A or waived · dry run: ${review}`,
      chapterWaived: (waiver: string) => ` · waived: ${waiver}`,
      dryRunNote: (note: string) => `Dry-run note: “${note}”`,
      mandatory: ' (mandatory)',
      itemPoints: (points: number) => ` · ${n(points)} points`,
      result: 'Result',
      issue: 'Issue',
      owner: 'Owner',
      waiver: 'Waiver',
      noneRecorded: 'None recorded',
      expires: (date: string) => `, expires ${f.date(date)}`,
    },
    // CustomWaiverForm
    waiverForm: {
      giveReason: 'Give a reason: an auditor will ask why these items are waived.',
      reasonTooLong: (max: number) => `Shorten the reason to at most ${max} characters.`,
      nameTooLong: (max: number) => `Shorten the name to at most ${max} characters.`,
      pickSomething: 'Pick at least one chapter or type at least one item id.',
      notInChecklist: (ids: string) => `Not in this checklist: ${ids}.`,
      completeProof: (missing: string) => `Complete the proof (or untick it): still needed ${missing}.`,
      title: 'Add a team waiver',
      name: 'Name (optional)',
      defaultName: 'Team waiver',
      reason: 'Reason',
      wholeChapters: 'Whole chapters',
      itemsLabel: 'Items (ids separated by commas or spaces)',
      itemsPlaceholder: 'e.g. OPS-009, OPS-010',
      attachProof: 'Attach proof (optional: the waiver then lapses when it expires)',
      whatToFix: 'What to fix',
      confirmLabel: 'Confirm the team waiver',
      confirm: 'Confirm and add',
      change: 'Change it',
      add: 'Add waiver',
      chapter: (title: string) => `chapter ${title}`,
      items: (count: number, ids: string) => `${count === 1 ? 'item' : 'items'} ${ids}`,
      mandatory: (count: number, ids: string, more: number) =>
        ` It covers mandatory ${count === 1 ? 'item' : 'items'} ${ids}${more > 0 ? ` and ${more} more` : ''}: this changes whether the project passes, and only a project admin may add it.`,
      confirmWords: (name: string, parts: string, reason: string, decides: string) =>
        `Add “${name}” covering ${parts}, with the reason “${reason}”? It is recorded with your name and today’s date.${decides}`,
    },
    // ExportActions
    exports: {
      xlsx: {
        pack: { idle: 'Audit pack (.xlsx)', busy: 'Building the audit pack…' },
        aws: { idle: 'AWS self-assessment (.xlsx)', busy: 'Building the AWS workbook…' },
      } as Record<'pack' | 'aws', { idle: string; busy: string }>,
      loadingWriter: 'Loading the spreadsheet writer…',
      title: 'Audit pack',
      body: 'Every item with its result and why, owner, evidence, chapter dry run and waiver.',
      preparingCsv: 'Preparing the CSV…',
      downloadCsv: 'Download CSV',
      printView: 'Print view',
      xlsxHint:
        'The .xlsx pack has Summary, Items, Evidence, Waivers and N/A sheets and the decision trail. The AWS self-assessment (AWS MSP checklists only) is the workbook AWS asks for, with Met? filled in; it imports again with Bring your own checklist.',
      building: 'Building the workbook',
      exported: (count: number) => `${count} ${count === 1 ? 'item' : 'items'} exported. If the download did not start,`,
      saveFile: (fileName: string) => `save ${fileName}`,
      hiddenTitle: (count: number) => `${count} ${count === 1 ? 'item is' : 'items are'} in the file without their issue`,
      hiddenBody: (ids: string) =>
        `You cannot see the issues of ${ids} (issue security), so the file has their catalogue entry only, as not assessed (No in the AWS workbook). Ask someone who can see them to export the pack.`,
      failed: 'Could not export the audit pack',
      // xlsx-export.ts, while the workbook is built
      progress: {
        reading: 'Reading the items, evidence and waivers…',
        readingTrail: (read: number, total: number) => `Reading the decision trail (${n(read)} of ${n(total)})…`,
        writingAws: (controls: number) => `Writing ${n(controls)} ${f.plural(controls, { one: 'control', other: 'controls' })} into the AWS workbook…`,
        writingPack: (items: number, evidence: number) =>
          `Writing ${n(items)} ${f.plural(items, { one: 'item', other: 'items' })} and ${n(evidence)} evidence ${f.plural(evidence, { one: 'entry', other: 'entries' })}…`,
        packing: 'Packing the .xlsx file…',
        done: 'Done',
        notAws: (checklist: string) => `${checklist} is not an AWS MSP checklist, so there is no AWS self-assessment to fill in; download the audit pack (.xlsx) instead.`,
      },
    },
    // HistoryChart
    history: {
      title: 'Score over time',
      passMark: 'Pass mark',
      wouldPassNote: ' (would pass)',
      hideFigures: 'Hide the figures',
      showFigures: 'Show the figures as a table',
      tableLabel: 'Score history',
      when: 'When',
      metPct: 'Met %',
      pctOfMax: '% of max',
      score: 'Score',
      mandatoryOpen: 'Mandatory open',
      verdict: 'Verdict',
      wouldPass: 'Would pass',
      notYet: 'Not yet',
      // The chart in one sentence (chart.ts), for screen readers and the caption
      summaryNone: 'No score history yet: the first point is recorded today or at the next daily run.',
      summaryOne: (point: HistoryEnd, measure: HistoryMeasure, pass: number | undefined) =>
        `Score on ${f.date(point.date)}: ${measured(point.value, measure)}${passText(pass, measure)}.`,
      summaryRange: (first: HistoryEnd, last: HistoryEnd, count: number, measure: HistoryMeasure, pass: number | undefined) =>
        `Score from ${measured(first.value, measure)} on ${f.date(first.date)} to ${measured(last.value, measure)} on ${f.date(last.date)}, ${n(count)} ${f.plural(count, { one: 'point', other: 'points' })}${passText(pass, measure)}.`,
    },
  };
};

export type AuditDayMessages = ReturnType<typeof en>;

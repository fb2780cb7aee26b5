/** The decision trail's words in English (Audit page tab, item panel history): the shape every language follows. */
import type { Fmt } from '../../i18n';

export const en = (f: Fmt) => {
  const n = f.n;
  const entries = (count: number) => `${n(count)} ${f.plural(count, { one: 'entry', other: 'entries' })}`;
  return {
    actions: {
      'assessment.set': 'Assessment set',
      'evidence.add': 'Evidence added',
      'evidence.edit': 'Evidence edited',
      'evidence.review': 'Evidence reviewed',
      'evidence.remove': 'Evidence removed',
      'waiver.apply': 'Waiver applied',
      'waiver.remove': 'Waiver removed',
      'chapter.review': 'Chapter reviewed',
      'settings.change': 'Setting changed',
      'sync.apply': 'Version update applied',
      'import.done': 'Checklist imported',
      'item.adopt': 'Issue adopted',
      'duplicate.close': 'Duplicate closed',
      'prerequisite.set': '“Before you apply” ticked',
      'plan.set': 'Audit plan set',
      'gate.confirm': 'Done gate confirmed',
      'finding.record': 'Audit finding recorded',
      'crosswalk.link': 'Crosswalk mapping linked by hand',
      'crosswalk.unlink': 'Crosswalk mapping removed by hand',
      'crosswalk.upload': 'Crosswalk uploaded (for the whole site)',
    } as Record<string, string>,
    largeValue: (bytes: number) => `(a large value of ${bytes} bytes; its sha256 is in the export)`,
    none: 'none',
    when: (at: string) => `${f.date(at)} ${at.slice(11, 16)} UTC`,
    theApp: 'the app',
    by: 'by',
    why: 'Why:',
    recordedLate: (when: string) => `recorded late, ${when}: its trail entry could not be written at the time`,
    // ItemHistory
    history: 'History',
    loadingHistory: 'Loading the history',
    historyFailed: 'Could not load the history',
    tryAgain: 'Try again',
    noItemDecisions: 'No decisions recorded for this item yet.',
    latestOf: (shown: number, total: number) => `The latest ${n(shown)} of ${n(total)}; the Audit page’s decision trail and its CSV have them all.`,
    // TrailSection
    title: 'Decision trail',
    intro:
      'Every decision the verdict stands on, in order, each entry chained to the one before by its hash, so a changed or removed entry shows when the trail is verified.',
    preparingCsv: 'Preparing the CSV…',
    downloadCsv: 'Download the trail (CSV)',
    exported: (rows: number) => `${entries(rows)} exported. If the download did not start,`,
    save: (fileName: string) => `save ${fileName}`,
    failed: 'That did not work',
    loadingTrail: 'Loading the decision trail',
    trailFailed: 'Could not load the decision trail',
    noDecisions: 'No decisions recorded yet.',
    showingLatest: (shown: number, total: number) => `Showing the latest ${n(shown)} of ${entries(total)}.`,
    loading: 'Loading…',
    showOlder: 'Show older entries',
    // VerifyTrail
    verifyingChecked: (checked: number) => `Verifying… ${n(checked)} entries checked`,
    verifying: 'Verifying…',
    verify: 'Verify the trail',
    verifyFailed: 'Could not verify the trail',
    verifyNotEnded: 'The verification did not end; try again.',
    exportNotEnded: 'The trail export did not end; try again.',
    intact: (count: number) => `Intact: ${entries(count)}`,
    intactBody: 'Every entry matches its hash and names the one before it.',
    lastHash: (hash: string) => ` Last hash: ${hash}… (note it to check later that nothing was cut from the end).`,
    breaksAt: (seq: string) => `The trail breaks at entry ${seq}`,
    andMore: (more: number) => `…and ${n(more)} more.`,
  };
};

export type TrailMessages = ReturnType<typeof en>;

/** A checklist version's preview and sync plan in English: the shape every language follows. */
import type { Fmt } from '../../../i18n';

export const en = (_f: Fmt) => {
  // Counts as the Audit page has always written them (format.ts's plural).
  const count = (value: number, one: string, many = `${one}s`) => `${value} ${value === 1 ? one : many}`;
  return {
    // sync plan (VersionUpdate)
    plan: {
      moves: (value: number) => `${count(value, 'confirmed move')} keeping the old issue for the new item`,
      created: (value: number) => `${count(value, 'new item')} created`,
      changed: (value: number) => `${count(value, 'changed item')} updated (text, points or chapter)`,
      renamed: (value: number) => `${count(value, 'renamed item')} moved to the new id`,
      retired: (value: number) => `${count(value, 'retired item')} labelled retired, leaving the score`,
      versionOnly: (value: number) => `${count(value, 'item')} only moved to the new version`,
      duplicates: (value: number) => `${count(value, 'item')} with duplicate issues (the oldest is kept)`,
      groups: { create: 'New', changed: 'Changed', renamed: 'Renamed', retire: 'Retired' },
      /** The group's list, for screen readers. */
      groupNames: { create: 'New items', changed: 'Changed items', renamed: 'Renamed items', retire: 'Retired items' },
      /** What changed in an item, listed after it: "1.1 — Financial plan (points, chapter)". */
      changeNames: { summary: 'summary', description: 'description', points: 'points', chapter: 'chapter', identity: 'identity' },
    },
    // import preview (ChecklistPreview)
    preview: {
      points: (max: number, passMark: number) => `Points: max ${max}, pass mark ${passMark}`,
      optionalShare: (percent: number) => `, and at least ${percent} % of the other items`,
      met: (rest: string) => `Met / not met: every mandatory item met, N/A or waived${rest}`,
      historical: 'Historical: a superseded version, kept for teams still working from it. Prepare against the current version instead.',
      from: (day: string) => `from ${day}`,
      until: (day: string) => `until ${day}`,
      valid: (window: string) => `Valid ${window}`,
      acceptedUntil: (day: string) => `accepted until ${day}`,
      noPenalty: 'An unmet mandatory item costs no points: it only shows as open.',
      penalty: (points: number) => `Each unmet mandatory item costs ${points} points off the score.`,
      penaltyRange: (min: number, max: number) => `Each unmet mandatory item costs ${min} to ${max} points off the score.`,
      na: {
        exemptions: 'Only through the checklist’s named exemptions (applied as waivers); otherwise met or not met.',
        justified: 'Allowed with a written justification of why the item does not apply.',
        free: 'Allowed without a justification.',
      },
      title: (name: string, version: string) => `Preview: ${name} ${version}`,
      items: 'Items',
      itemsIn: (items: number, chapters: number) => `${count(items, 'item')} in ${count(chapters, 'chapter')}`,
      mandatory: 'Mandatory',
      mandatoryItems: (value: number) => count(value, 'mandatory item'),
      scoring: 'Scoring',
      penaltyTerm: 'Penalty',
      naAnswers: 'N/A answers',
      validity: 'Validity',
      chaptersLabel: 'Chapters in this checklist',
      chapter: 'Chapter',
      hideItems: 'Hide the items',
      showItems: (value: number) => `Show all ${value} items`,
      itemsLabel: 'Checklist items',
      itemPoints: (value: number) => ` · ${count(value, 'point')}`,
      itemMandatory: ' · mandatory',
    },
  };
};

export type VersionMessages = ReturnType<typeof en>;

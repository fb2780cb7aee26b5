/** The crosswalk's words in English: the shape every language follows. */
import type { CrosswalkColumn, ItemMappingEntry, LinkItemPayload } from '../../../../../common/crosswalk';
import type { Fmt } from '../../i18n';
import type { CrosswalkFileKind } from './useCrosswalkUpload';

export const en = (f: Fmt) => {
  // Counts as the crosswalk has always written them (20,000 rows).
  const count = (value: number, one: string, many = `${one}s`) => `${value.toLocaleString('en')} ${value === 1 ? one : many}`;
  const saved = (rowCount: number, fileName: string, savedAt: string) => `${count(rowCount, 'row')} from ${fileName}, saved ${f.date(savedAt)}`;
  return {
    // CrosswalkSection
    sectionTitle: 'Crosswalk between checklists',
    sectionBody:
      'A crosswalk says which item of one checklist covers an item of another, so evidence collected once shows on every audit it serves. It applies to every project of the site; items can also be linked one by one from an item’s issue.',
    loadingUpload: 'Loading the crosswalk upload',
    upload: 'Upload a crosswalk',
    // CrosswalkUpload
    columns: {
      fromChecklist: 'from checklist',
      fromItem: 'from item',
      toChecklist: 'to checklist',
      toItem: 'to item',
      coverage: 'coverage',
      note: 'note',
    } as Record<CrosswalkColumn, string>,
    rowsHint: {
      csv: ' Rows are counted as your spreadsheet shows them (the header is row 1).',
      xlsx: ' Sheets and rows are as Excel shows them.',
      yaml: ' Rows are the mappings in file order.',
    } as Record<CrosswalkFileKind, string>,
    saved,
    fileLabel: 'Crosswalk file (CSV, Excel .xlsx or YAML; at most 20,000 rows)',
    fileHint:
      'One row per mapping, with the columns from checklist, from item, to checklist, to item, coverage (full or partial; empty means full) and note; in a workbook, every sheet whose first row names these columns. The file is read in your browser; the app checks every row again on its server before anything is saved.',
    reading: (fileName: string) => `Reading ${fileName}`,
    tooLarge: (fileName: string, megabytes: number) =>
      `${fileName} is ${megabytes.toFixed(1)} MB; a crosswalk file may be at most 5 MB (about 20,000 rows). Split it or drop columns other than the six the crosswalk reads.`,
    cannotUse: 'This file cannot be used',
    okText: 'Every row names two known items. Check what it maps below, then save.',
    fixHint: (fileName: string) => `Fix them in ${fileName} and choose it again.`,
    notSaved: 'The crosswalk was not saved',
    alreadySaved: 'Already saved',
    crosswalkSaved: 'Crosswalk saved',
    alreadyBody: (words: string) => `These rows are the site's crosswalk already (${words}).`,
    savedBody: (words: string) => `The site's crosswalk is now ${words}. Every project's score shows it on its next read.`,
    save: 'Save crosswalk',
    done: 'Done',
    cancel: 'Cancel',
    fixFirst: 'Saving is possible once the problems above are fixed.',
    needsAdmin: 'Saving needs Jira’s Administer Jira permission: the crosswalk applies to every project of the site.',
    whatItMaps: 'What the file maps',
    mappingCounts: (rows: number, full: number, partial: number) => `${count(rows, 'mapping')}: ${full} full, ${partial} partial.`,
    pairsLabel: 'Mappings per checklist pair',
    fromChecklist: 'From checklist',
    toChecklist: 'To checklist',
    rows: 'Rows',
    replaces: (words: string) => `Saving replaces the site's crosswalk (${words}), including the mappings linked by hand.`,
    noneYet: 'No crosswalk is saved yet.',
    // ItemMappings
    stateWords: {
      held: '',
      retired: ' — retired by a version update',
      'not-held': ' — not in this project',
    } as Record<ItemMappingEntry['state'], string>,
    mappingLine: (entry: ItemMappingEntry) => `${entry.direction === 'covers' ? 'Covers' : 'Covered by'} ${entry.checklistName} ${entry.itemId} (${entry.coverage})`,
    loadingMappings: "Loading the item's mappings",
    mappingsFailed: "Could not load the item's mappings to other checklists",
    tryAgain: 'Try again',
    otherChecklists: 'Other checklists',
    noMappings: 'No item of another checklist is mapped to this one.',
    mappingsLabel: 'Mappings',
    removeLabel: (line: string) => `Remove: ${line}`,
    remove: 'Remove',
    notChanged: 'The mapping was not changed',
    renamedFrom: (id: string) => ` (named ${id} in the crosswalk)`,
    earlierVersion: ' (the crosswalk names an earlier version; upload it again to change this mapping)',
    evidenceFrom: (checklist: string, itemId: string, titles: string) => `Evidence from ${checklist} ${itemId}: ${titles}`,
    // LinkForm
    directions: { covers: 'covers', 'covered-by': 'is covered by' } as Record<LinkItemPayload['direction'], string>,
    coverages: { full: 'fully', partial: 'partly' } as Record<LinkItemPayload['coverage'], string>,
    linkSummary: 'Link to an item of another checklist',
    thisItem: 'This item',
    coverage: 'Coverage',
    checklist: 'Checklist',
    item: 'Item',
    chooseItem: 'Choose an item (type to find it)',
    noItemMatches: 'No item of this checklist matches',
    why: 'Why (optional)',
    link: 'Link',
  };
};

export type CrosswalkMessages = ReturnType<typeof en>;

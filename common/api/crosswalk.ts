/** The site's crosswalk between checklists (src/crosswalk): upload, per-project setting, an item's mappings. */
import { z } from 'zod';
import type { CrosswalkPreview, CrosswalkSettings, ItemCrosswalk, SaveCrosswalkResult } from '../crosswalk';
import { fn } from './define';

const cell = z.string().max(1000).optional();
/** Past the crosswalk's own limit on purpose, so a file one row too long gets the domain's clear message. */
const rowsSchema = z.array(z.object({ fromChecklist: cell, fromItem: cell, toChecklist: cell, toItem: cell, coverage: cell, note: cell, sheet: z.string().max(100).optional(), line: z.number().int().min(1).max(1_048_576).optional() })).max(25_000);

export const crosswalkApi = {
  /** Writes nothing: every row's problems and the counts. */
  previewCrosswalk: fn<CrosswalkPreview>()('project', z.object({ rows: rowsSchema })),
  /** Administer Jira (the crosswalk applies to every project of the site); `basedOn`: the revision the preview showed. */
  saveCrosswalk: fn<SaveCrosswalkResult>()('project', z.object({ rows: rowsSchema, fileName: z.string().min(1).max(255), basedOn: z.string().max(100).nullable().optional() })),
  getCrosswalkSettings: fn<CrosswalkSettings>()('project', z.object({})),
  /** Administer projects: whether strict mode counts evidence from another checklist. */
  setCrosswalkSettings: fn<CrosswalkSettings>()('project', z.object({ countsInStrictMode: z.boolean() })),
  /** On an issue: the item's mappings both ways. */
  getItemCrosswalk: fn<ItemCrosswalk>()('issue', z.object({})),
};

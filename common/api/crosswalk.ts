/** The site's crosswalk between checklists (src/crosswalk): upload, per-project setting, an item's mappings. */
import { z } from 'zod';
import type { CrosswalkPreview, CrosswalkSettings, ItemCrosswalk, SaveCrosswalkResult } from '../crosswalk';
import type { AppendCrosswalkRowsResult, BeginCrosswalkUploadResult } from '../crosswalk-parts';
import { fn } from './define';

const cell = z.string().max(1000).optional();
/** Past the crosswalk's own limit on purpose, so a file one row too long gets the domain's clear message. */
const rowsSchema = z.array(z.object({ fromChecklist: cell, fromItem: cell, toChecklist: cell, toItem: cell, coverage: cell, note: cell, sheet: z.string().max(100).optional(), line: z.number().int().min(1).max(1_048_576).optional() })).max(25_000);

const fileNameSchema = z.string().min(1).max(255);
/** The rows themselves, or (a file past one invoke's 500 KB) the id of an upload staged in parts (common/crosswalk-parts.ts). */
const rowsRef = { rows: rowsSchema.optional(), uploadId: z.string().uuid().optional() };

export const crosswalkApi = {
  /** Writes nothing: every row's problems and the counts. */
  previewCrosswalk: fn<CrosswalkPreview>()('project', z.object(rowsRef)),
  /** Administer Jira (the crosswalk applies to every project of the site); `basedOn`: the revision the preview showed. */
  saveCrosswalk: fn<SaveCrosswalkResult>()('project', z.object({ ...rowsRef, fileName: fileNameSchema, basedOn: z.string().max(100).nullable().optional() })),
  /** Administer Jira: stages a file too big for one call; its rows follow with appendCrosswalkRows. */
  beginCrosswalkUpload: fn<BeginCrosswalkUploadResult>()('project', z.object({ fileName: fileNameSchema, rowCount: z.number().int().min(0), partCount: z.number().int().min(0) })),
  /** One part of a staged upload (the caller's own); sent again, it replaces itself. */
  appendCrosswalkRows: fn<AppendCrosswalkRowsResult>()('project', z.object({ uploadId: z.string().uuid(), index: z.number().int().min(0), rows: rowsSchema })),
  getCrosswalkSettings: fn<CrosswalkSettings>()('project', z.object({})),
  /** Administer projects: whether strict mode counts evidence from another checklist. */
  setCrosswalkSettings: fn<CrosswalkSettings>()('project', z.object({ countsInStrictMode: z.boolean() })),
  /** On an issue: the item's mappings both ways. */
  getItemCrosswalk: fn<ItemCrosswalk>()('issue', z.object({})),
  /**
   * On an issue: adds (or with `remove`, removes) one mapping between its item and an item of another
   * checklist the project holds. Edit issues on both issues, as the user; answers the item's mappings.
   */
  linkItemCrosswalk: fn<ItemCrosswalk>()(
    'issue',
    z.object({
      checklistId: z.string().min(1).max(200),
      itemId: z.string().min(1).max(200),
      direction: z.enum(['covers', 'covered-by']),
      coverage: z.enum(['full', 'partial']),
      note: z.string().max(1000).optional(),
      remove: z.boolean().optional(),
    }),
  ),
};

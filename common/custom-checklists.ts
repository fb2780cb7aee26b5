/**
 * The resolver API for a team's own checklists (issue #7): payloads, results and the size limits
 * both sides plan by. Part of the app's contract (see contract.ts), kept in its own module so the
 * upload feature changes in one place.
 *
 * Why the limits are what they are (measured in test/integration/custom-checklists-chunked.test.ts):
 * a 2,000-item checklist with AWS-length requirement text is about 3 MB of JSON, far over Forge's
 * 500 KB invoke request limit, so a definition over {@link CUSTOM_CHECKLIST_LIMITS.singleCallBytes}
 * is sent in chunks (`beginCustomChecklist` → `appendCustomChecklistItems` × n →
 * `commitCustomChecklist`). Each chunk is staged as one KVS value, so it stays under KVS's 240 KiB.
 */
import type { ChecklistSummary } from './contract';

/** A `Met?` answer from the team's sheet, applied as the item's explicit assessment on import. */
export type InitialResultName = 'met' | 'not_met' | 'na';

// Payloads are type aliases (not interfaces) so they pass as `invoke`'s plain-object payload.

export const CUSTOM_CHECKLIST_LIMITS = {
  /** One Jira issue per item, created by one import job. */
  maxItems: 2000,
  /** Up to this much JSON, `saveCustomChecklist` takes the whole definition in one call. */
  singleCallBytes: 400 * 1024,
  /** Items (and their initial results) per `appendCustomChecklistItems` call: one staged KVS value. */
  chunkBytes: 160 * 1024,
  /** The whole definition: `getChecklist` must return it inside Forge's 5 MB response limit. */
  maxDefinitionBytes: 4 * 1024 * 1024,
  /** Requirement text of one item: it becomes the Jira description (32,767 characters at most, with the rest of the item). */
  maxRequirementLength: 10_000,
  /** A staged upload not committed within this time is dropped. */
  uploadTtlSeconds: 3600,
} as const;

/**
 * `saveCustomChecklist`: the definition in the checklist file format (what the upload view builds
 * from a sheet, or a YAML/JSON file's data). The backend validates all of it again.
 */
export type SaveCustomChecklistPayload = {
  definition: unknown;
  /** Item id → the team's own answer from the sheet (`Met?`); items without one are absent. */
  initialResults?: Record<string, InitialResultName>;
  /** The file it came from, named in every problem. */
  fileName?: string;
};

/** `saveCustomChecklist` / `commitCustomChecklist` → the checklist as `listChecklists` lists it. */
export interface SaveCustomChecklistResult {
  checklist: ChecklistSummary;
  /** True when exactly this definition was already saved (a retried save): nothing was written. */
  unchanged: boolean;
  /** Items with an initial result stored for import. */
  initialResults: number;
}

/** `beginCustomChecklist`: the definition without its items, which follow in chunks. */
export type BeginCustomChecklistPayload = {
  /** The checklist file format with `items` left out (or empty). */
  definition: unknown;
  itemCount: number;
  chunkCount: number;
  fileName?: string;
};

export interface BeginCustomChecklistResult {
  uploadId: string;
  /** When the staged upload is dropped if not committed. */
  expiresAt: string;
}

/** `appendCustomChecklistItems`: chunk `index` (0-based) of the items; sending it again replaces it. */
export type AppendCustomChecklistItemsPayload = {
  uploadId: string;
  index: number;
  items: unknown[];
  initialResults?: Record<string, InitialResultName>;
};

export interface AppendCustomChecklistItemsResult {
  uploadId: string;
  index: number;
  received: number;
}

/** `commitCustomChecklist`: validate and save what was staged. Committing twice answers the same. */
export type CommitCustomChecklistPayload = {
  uploadId: string;
};

/** `deleteCustomChecklist { id }`: refused while a project still has active items of it. */
export type DeleteCustomChecklistPayload = {
  id: string;
};

export interface DeleteCustomChecklistResult {
  id: string;
  deleted: boolean;
}

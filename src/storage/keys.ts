/**
 * Every KVS key the app uses comes from a function here, never from a string typed at the call
 * site: one place to see the key space, prefixes that cannot collide, and parts checked so a
 * value from a payload can never reach into another record's key.
 */

/** Forge KVS keys: letters, digits, `:._-#` and spaces, ≤ 500 characters. Ours use no spaces or `#`. */
const PART = /^[A-Za-z0-9._-]+$/;
const MAX_KEY_LENGTH = 500;

export class StorageKeyError extends Error {
  override name = 'StorageKeyError';
}

function part(name: string, value: string): string {
  if (!PART.test(value)) throw new StorageKeyError(`${name} "${value}" cannot be part of a storage key: use letters, digits, ".", "_" or "-".`);
  return value;
}

function key(...parts: string[]): string {
  const result = parts.join(':');
  if (result.length > MAX_KEY_LENGTH) throw new StorageKeyError(`Storage key is ${result.length} characters; Forge allows ${MAX_KEY_LENGTH}.`);
  return result;
}

/** The import job record (ImportJob). */
export function importJobKey(jobId: string): string {
  return key('import-job', part('jobId', jobId));
}

/** The job importing a checklist into a project right now, if any (points at importJobKey). */
export function activeImportKey(projectKey: string, checklistId: string): string {
  return key('import-active', part('projectKey', projectKey), part('checklistId', checklistId));
}

/** Issues created by one chunk of an import job: the fast path when a job resumes. */
export function importCreatedKey(jobId: string, chunk: number): string {
  if (!Number.isInteger(chunk) || chunk < 0) throw new StorageKeyError(`chunk must be a whole number ≥ 0, not ${chunk}.`);
  // Zero-padded so keys sort in chunk order.
  return key('import-created', part('jobId', jobId), String(chunk).padStart(6, '0'));
}

/** Prefix of every importCreatedKey of a job, for a `beginsWith` query. */
export function importCreatedPrefix(jobId: string): string {
  return `${key('import-created', part('jobId', jobId))}:`;
}

/**
 * Held (claimed with FAIL_IF_EXISTS, with a TTL) while a version update of a framework writes a
 * project's issues; an import of the same framework checks it, and sync checks running imports, so
 * the two never write one framework's issues at once.
 */
export function frameworkWriteLockKey(projectKey: string, framework: string): string {
  return key('framework-lock', part('projectKey', projectKey), part('framework', framework));
}

/** Issues one chunk of a version update created (TTL'd): what a re-run must not create again while search lags. */
export function syncCreatedKey(projectKey: string, checklistId: string, stamp: string): string {
  return key('sync-created', part('projectKey', projectKey), part('checklistId', checklistId), part('stamp', stamp));
}

/** Prefix of every syncCreatedKey of a checklist in a project. */
export function syncCreatedPrefix(projectKey: string, checklistId: string): string {
  return `${key('sync-created', part('projectKey', projectKey), part('checklistId', checklistId))}:`;
}

/** The checklist a project imported (or synced) last: getRollup's default. */
export function lastChecklistKey(projectKey: string): string {
  return key('project-last-checklist', part('projectKey', projectKey));
}

/** Every checklist id ever imported or synced into a project (version sync looks for all of them). */
export function projectChecklistsKey(projectKey: string): string {
  return key('project-checklists', part('projectKey', projectKey));
}

/**
 * The cached rollup of one checklist in one project: the header (generation, block count, when
 * read) with the first block of item states, often all of them (src/rollup/cache-chunks.ts).
 */
export function rollupCacheKey(projectKey: string, checklistId: string): string {
  return key('rollup', part('projectKey', projectKey), part('checklistId', checklistId));
}

/**
 * Block 1, 2 … of a cached rollup's item states, when they do not fit the header. The generation is
 * in the key so a new read is written beside the one readers may still be reading, and the
 * header's switch to it is a single write (`rollup-chunk:`, never under the `rollup:` prefix).
 */
export function rollupChunkKey(projectKey: string, checklistId: string, generation: string, chunk: number): string {
  if (!Number.isInteger(chunk) || chunk < 0) throw new StorageKeyError(`chunk must be a whole number ≥ 0, not ${chunk}.`);
  return key('rollup-chunk', part('projectKey', projectKey), part('checklistId', checklistId), part('generation', generation), String(chunk).padStart(4, '0'));
}

/**
 * What a rollup read from Jira rests on (src/rollup/read-states.ts): when the last full read was,
 * which cached read it belongs to, the item map's fingerprint then, and the member issues that are
 * not items; a later read fetches only what changed since.
 */
export function rollupBaseKey(projectKey: string, checklistId: string): string {
  return key('rollup-base', part('projectKey', projectKey), part('checklistId', checklistId));
}

/** When an audit issue of the project last changed (set by the issue trigger). */
export function rollupDirtyKey(projectKey: string): string {
  return key('rollup-dirty', part('projectKey', projectKey));
}

/** A custom checklist's header (everything but the items). */
export function customChecklistKey(checklistId: string): string {
  return key('custom-checklist', part('checklistId', checklistId));
}

/** Prefix of every customChecklistKey; never matches the item chunks (`custom-checklist-items:`). */
export function customChecklistPrefix(): string {
  return 'custom-checklist:';
}

/** One chunk of a custom checklist's items (a value may hold 240 KiB; a big checklist needs several). */
export function customChecklistItemsKey(checklistId: string, chunk: number): string {
  if (!Number.isInteger(chunk) || chunk < 0) throw new StorageKeyError(`chunk must be a whole number ≥ 0, not ${chunk}.`);
  return key('custom-checklist-items', part('checklistId', checklistId), String(chunk).padStart(4, '0'));
}

/** The `Met?` answers a custom checklist came with, applied as explicit assessments on import. */
export function customChecklistResultsKey(checklistId: string): string {
  return key('custom-checklist-results', part('checklistId', checklistId));
}

/**
 * Held (claimed with FAIL_IF_EXISTS, with a TTL) while one save, commit or delete of a custom
 * checklist writes it, so two saves of the same id cannot mix their item chunks.
 */
export function customChecklistLockKey(checklistId: string): string {
  return key('custom-checklist-lock', part('checklistId', checklistId));
}

/** Prefix of every activeImportKey, to find the projects importing a checklist right now. */
export function activeImportPrefix(): string {
  return 'import-active:';
}

/** A custom checklist being uploaded in chunks: its header until `commitCustomChecklist`. */
export function customUploadKey(uploadId: string): string {
  return key('custom-upload', part('uploadId', uploadId));
}

/** One staged chunk of an upload's items (`appendCustomChecklistItems`). */
export function customUploadItemsKey(uploadId: string, index: number): string {
  if (!Number.isInteger(index) || index < 0) throw new StorageKeyError(`chunk must be a whole number ≥ 0, not ${index}.`);
  return key('custom-upload-items', part('uploadId', uploadId), String(index).padStart(4, '0'));
}

/** A project's audit settings (strict mode), written by `setProjectSettings`. */
export function projectSettingsKey(projectKey: string): string {
  return key('project-settings', part('projectKey', projectKey));
}

/**
 * The Jira field id (`customfield_NNNNN`) of one of the app's custom fields, remembered so the
 * rollup and the evidence resolvers need not list every field of the site on each call.
 */
export function appFieldIdKey(moduleKey: string): string {
  return key('app-field', part('moduleKey', moduleKey));
}

/** Prefix of every projectChecklistsKey: the index of projects holding a checklist (the daily score run walks it). */
export function projectChecklistsPrefix(): string {
  return 'project-checklists:';
}

/** Chapter dry-run reviews of one checklist in one project (audit day). */
export function chapterReviewsKey(projectKey: string, checklistId: string): string {
  return key('audit-reviews', part('projectKey', projectKey), part('checklistId', checklistId));
}

/** Waivers in force for one checklist in one project (audit day; applied at scoring time). */
export function waiversKey(projectKey: string, checklistId: string): string {
  return key('audit-waivers', part('projectKey', projectKey), part('checklistId', checklistId));
}

/** Held (FAIL_IF_EXISTS, short TTL) while one change rewrites the waivers of a checklist in a project. */
export function waiversLockKey(projectKey: string, checklistId: string): string {
  return key('audit-waivers-lock', part('projectKey', projectKey), part('checklistId', checklistId));
}

/** The "before you apply" ticks (program conditions outside the checklist) of one checklist in one project. */
export function prerequisitesKey(projectKey: string, checklistId: string): string {
  return key('audit-prerequisites', part('projectKey', projectKey), part('checklistId', checklistId));
}

/** Held (FAIL_IF_EXISTS, short TTL) while one tick rewrites the "before you apply" record. */
export function prerequisitesLockKey(projectKey: string, checklistId: string): string {
  return key('audit-prerequisites-lock', part('projectKey', projectKey), part('checklistId', checklistId));
}

/** Score history of one checklist in one project: the whole history in one value (history-codec). */
export function scoreHistoryKey(projectKey: string, checklistId: string): string {
  return key('score-history', part('projectKey', projectKey), part('checklistId', checklistId));
}

/** Where the next daily score run starts (the project a cut-short run stopped at), so no project starves. */
export function dailyRunCursorKey(): string {
  return 'score-history-cursor';
}

/** The head of a project's decision trail: entry count and the last entry's hash. */
export function trailHeadKey(projectKey: string): string {
  return key('trail-head', part('projectKey', projectKey));
}

/** Entries of a project's trail, a fixed number per chunk, in order (`trail-chunk:`, never under `trail-head:`). */
export function trailChunkKey(projectKey: string, chunk: number): string {
  if (!Number.isInteger(chunk) || chunk < 0) throw new StorageKeyError(`chunk must be a whole number ≥ 0, not ${chunk}.`);
  return key('trail-chunk', part('projectKey', projectKey), String(chunk).padStart(8, '0'));
}

/** Held (FAIL_IF_EXISTS, short TTL) while one append writes a project's trail. */
export function trailLockKey(projectKey: string): string {
  return key('trail-lock', part('projectKey', projectKey));
}

/**
 * A decision about to be written and not yet in the trail (src/trail/pending.ts): one small record
 * per decision, written before the decision's own write and deleted once its entry is appended.
 */
export function trailPendingKey(projectKey: string, decisionId: string): string {
  return key('trail-pending', part('projectKey', projectKey), part('decisionId', decisionId));
}

/** Prefix of every trailPendingKey of a project (one query finds a project's pending decisions). */
export function trailPendingPrefix(projectKey: string): string {
  return `${key('trail-pending', part('projectKey', projectKey))}:`;
}

/**
 * Seq numbers of the trail entries about one issue or one checklist item (`ref` is a digest the
 * trail computes, so any issue key or item id fits), so an item's history reads only its chunks.
 */
export function trailIndexKey(projectKey: string, ref: string): string {
  return key('trail-index', part('projectKey', projectKey), part('ref', ref));
}

/**
 * Held (FAIL_IF_EXISTS, short TTL) while one change reads, changes and writes one issue's verdict
 * data (evidence and assessment), by issue id (stable across a move between projects).
 */
export function issueVerdictLockKey(issueId: string): string {
  if (!/^\d{1,18}$/.test(issueId)) throw new StorageKeyError(`issueId "${issueId}" cannot be part of a storage key: it must be Jira's numeric issue id.`);
  return key('verdict-lock', issueId);
}

/**
 * The app's map of items to issues for one framework in a project (item-map/store.ts): the header,
 * holding the generation, the number of pieces and piece 0.
 */
export function itemMapKey(projectKey: string, framework: string): string {
  return key('item-map', part('projectKey', projectKey), part('framework', framework));
}

/** Piece `index` (≥ 1) of one generation of an item map that outgrew one value. */
export function itemMapChunkKey(projectKey: string, framework: string, generation: string, index: number): string {
  if (!Number.isInteger(index) || index < 1) throw new StorageKeyError(`index must be a whole number ≥ 1, not ${index}.`);
  return key('item-map-chunk', part('projectKey', projectKey), part('framework', framework), part('generation', generation), String(index).padStart(4, '0'));
}

/** The bulk create about to be sent for a checklist of a framework in a project (checkpointed before the call, cleared after). */
export function itemMapPendingKey(projectKey: string, framework: string, checklistId: string): string {
  return key('item-map-pending', part('projectKey', projectKey), part('framework', framework), part('checklistId', checklistId));
}

/** Prefix of every itemMapPendingKey of a framework in a project. */
export function itemMapPendingPrefix(projectKey: string, framework: string): string {
  return `${key('item-map-pending', part('projectKey', projectKey), part('framework', framework))}:`;
}

/** The issues that claim an item of a checklist without being in the item map, as the last rollup read found them. */
export function itemMapUnclaimedKey(projectKey: string, checklistId: string): string {
  return key('item-map-unclaimed', part('projectKey', projectKey), part('checklistId', checklistId));
}

/** The audit plan of one checklist in one project (validation date, pre-audit, self-assessment sent). */
export function auditPlanKey(projectKey: string, checklistId: string): string {
  return key('audit-plan', part('projectKey', projectKey), part('checklistId', checklistId));
}

/** Display names of the people in a project's audit data, cached from Jira's bulk user lookup (entries carry when they were read). */
export function peopleCacheKey(projectKey: string): string {
  return key('people-names', part('projectKey', projectKey));
}

/** When each issue and kind of reminder was last sent (`issueKey|kind` → day), per project and checklist. */
export function reminderLogKey(projectKey: string, checklistId: string): string {
  return key('reminder-log', part('projectKey', projectKey), part('checklistId', checklistId));
}

/** Whether a project's daily reminders are on (absent: on). */
export function reminderSettingsKey(projectKey: string): string {
  return key('reminder-settings', part('projectKey', projectKey));
}

/** Held (FAIL_IF_EXISTS, short TTL) while one switch of a project's reminders reads and writes it. */
export function reminderSettingsLockKey(projectKey: string): string {
  return key('reminder-settings-lock', part('projectKey', projectKey));
}

/** Held (FAIL_IF_EXISTS, short TTL) while one change of a project's crosswalk setting reads and writes it. */
export function crosswalkSettingsLockKey(projectKey: string): string {
  return key('crosswalk-settings-lock', part('projectKey', projectKey));
}

/** Held (FAIL_IF_EXISTS, short TTL) while a version update notes or stamps the project's retired checklists. */
export function retiredChecklistsLockKey(projectKey: string): string {
  return key('project-retired-checklists-lock', part('projectKey', projectKey));
}

/** Held (FAIL_IF_EXISTS, short TTL) while a checklist is added to the project's list of checklists. */
export function projectChecklistsLockKey(projectKey: string): string {
  return key('project-checklists-lock', part('projectKey', projectKey));
}

/** Held (FAIL_IF_EXISTS, short TTL) while one chapter review is added to a checklist's reviews. */
export function chapterReviewsLockKey(projectKey: string, checklistId: string): string {
  return key('chapter-reviews-lock', part('projectKey', projectKey), part('checklistId', checklistId));
}

/** Held (FAIL_IF_EXISTS, short TTL) while one change of a project's audit settings reads and writes them. */
export function projectSettingsLockKey(projectKey: string): string {
  return key('project-settings-lock', part('projectKey', projectKey));
}

/** Held (FAIL_IF_EXISTS, short TTL) while one save of an audit plan reads, checks and writes it. */
export function auditPlanLockKey(projectKey: string, checklistId: string): string {
  return key('audit-plan-lock', part('projectKey', projectKey), part('checklistId', checklistId));
}

/** Which of a project's checklists a version update retired: when, for which version, with their last score. */
export function retiredChecklistsKey(projectKey: string): string {
  return key('project-retired-checklists', part('projectKey', projectKey));
}

/** A project admin's confirmation that the Done gate (the workflow validator) is on for the project's workflow. */
export function gateConfirmationKey(projectKey: string): string {
  return key('gate-confirmation', part('projectKey', projectKey));
}

/** Held (FAIL_IF_EXISTS, short TTL) while one save rewrites the project's gate confirmation. */
export function gateConfirmationLockKey(projectKey: string): string {
  return key('gate-confirmation-lock', part('projectKey', projectKey));
}

/** The auditor's findings recorded on a checklist's items in one project (each with its idempotency key and Jira issue). */
export function findingsKey(projectKey: string, checklistId: string): string {
  return key('audit-findings', part('projectKey', projectKey), part('checklistId', checklistId));
}

/** Held (FAIL_IF_EXISTS, short TTL) while one finding of a checklist is recorded (stored, created in Jira, linked). */
export function findingsLockKey(projectKey: string, checklistId: string): string {
  return key('audit-findings-lock', part('projectKey', projectKey), part('checklistId', checklistId));
}

/**
 * The site's crosswalk between checklists (src/crosswalk/store.ts): a small header naming the
 * current revision, its row count and who saved it. The rows live in chunks under the revision.
 */
export function crosswalkKey(): string {
  return key('crosswalk');
}

/** Ids of the latest trail decisions that changed the site's crosswalk (src/crosswalk/store.ts), beside its header. */
export function crosswalkDecisionsKey(): string {
  return key('crosswalk-decisions');
}

/** One chunk of a crosswalk revision's rows (a value holds 240 KiB; 20,000 rows need several). */
export function crosswalkRowsKey(revision: string, chunk: number): string {
  if (!Number.isInteger(chunk) || chunk < 0) throw new StorageKeyError(`chunk must be a whole number ≥ 0, not ${chunk}.`);
  return key('crosswalk-rows', part('revision', revision), String(chunk).padStart(4, '0'));
}

/** Prefix of every crosswalkRowsKey, to sweep the chunks of revisions no header points at. */
export function crosswalkRowsPrefix(): string {
  return 'crosswalk-rows:';
}

/** Held (claimed with FAIL_IF_EXISTS, with a TTL) while one save writes the crosswalk. */
export function crosswalkLockKey(): string {
  return key('crosswalk-lock');
}

/** A crosswalk file too big for one invoke, staged in parts (src/crosswalk/staging.ts): its header. */
export function crosswalkUploadKey(uploadId: string): string {
  return key('crosswalk-upload', part('uploadId', uploadId));
}

/** One staged part of a crosswalk upload's rows (`appendCrosswalkRows`). */
export function crosswalkUploadRowsKey(uploadId: string, index: number): string {
  if (!Number.isInteger(index) || index < 0) throw new StorageKeyError(`part must be a whole number ≥ 0, not ${index}.`);
  return key('crosswalk-upload-rows', part('uploadId', uploadId), String(index).padStart(4, '0'));
}

/** A project's crosswalk settings (src/crosswalk/settings.ts): whether strict mode counts evidence from other checklists. */
export function crosswalkSettingsKey(projectKey: string): string {
  return key('crosswalk-settings', part('projectKey', projectKey));
}

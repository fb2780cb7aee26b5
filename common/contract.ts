/**
 * The app's own API between the Custom UI frontend and the resolver: payloads and results of each
 * resolver function. Both sides import this module; neither reaches into the other's folder.
 * Shapes that DESIGN.md fixes ("The local runtime" contract) must not change; add fields freely.
 */

export type ScoringModelName = 'points' | 'met';
export type ItemResultName = 'met' | 'not_met' | 'na' | 'not_assessed';

/** `listChecklists` → ChecklistSummary[] */
export interface ChecklistSummary {
  id: string;
  framework: string;
  name: string;
  version: string;
  description: string;
  model: ScoringModelName;
  itemCount: number;
  chapterCount: number;
  mandatoryCount: number;
  maxScore?: number;
  passMark?: number;
  source: 'builtin' | 'custom';
}

export interface ChecklistItemView {
  id: string;
  chapterId: string;
  title: string;
  requirement: string;
  evidence: string[];
  points: number;
  mandatory: boolean;
  penalty: number;
  complexity?: string;
}

/** `getChecklist { id }` → ChecklistView */
export interface ChecklistView extends ChecklistSummary {
  passRule: { kind: 'points'; passMark: number } | { kind: 'met'; minOptionalPercent?: number };
  naPolicy: 'award' | 'exclude';
  chapters: { id: string; title: string; order: number }[];
  items: ChecklistItemView[];
  waivers: { id: string; name: string; reason: string; items: string[]; chapters: string[] }[];
}

export interface StartImportPayload {
  checklistId: string;
}
export interface StartImportResult {
  jobId: string;
}

export type ImportState = 'queued' | 'running' | 'done' | 'failed';

/** `getImport { jobId }` → ImportStatus */
export interface ImportStatus {
  jobId: string;
  checklistId: string;
  projectKey: string;
  state: ImportState;
  total: number;
  created: number;
  existing: number;
  failed: number;
  error?: string;
  startedAt: string;
  updatedAt: string;
}

export interface RollupItem {
  id: string;
  chapterId: string;
  title: string;
  issueKey?: string;
  result: ItemResultName;
  reason: string;
  points: number;
  mandatory: boolean;
  earned: number;
  cost: number;
  inProgress: boolean;
  waivedBy?: string;
}

export interface RollupChapter {
  id: string;
  title: string;
  earned: number;
  max: number;
  met: number;
  total: number;
  /** JQL that opens this chapter's items in Jira's issue navigator. */
  jql?: string;
}

/** `getRollup { checklistId? }` → Rollup (project from the invocation context), or null when the project has no checklist yet and none was named. */
export interface Rollup {
  checklistId: string;
  checklistName: string;
  version: string;
  model: ScoringModelName;
  score: number;
  maxScore: number;
  passMark: number | null;
  passed: boolean;
  mandatoryOpen: string[];
  chapters: RollupChapter[];
  items: RollupItem[];
  counts: { met: number; notMet: number; na: number; notAssessed: number; total: number };
  projection: { score: number; passed: boolean; mandatoryOpen: string[] };
  /** ISO time the figures were computed from Jira. */
  computedAt: string;
  /** `cache` when served from the stored rollup, `jira` when computed now. */
  from: 'cache' | 'jira';
}

/** Errors a resolver throws reach the frontend as `{ error: message }`; messages say what to do. */
export interface ResolverError {
  error: string;
}

/** `getRollup { checklistId?, refresh? }`: `refresh: true` reads Jira even when the cache is fresh. */
export interface GetRollupPayload {
  checklistId?: string;
  refresh?: boolean;
}

/** What a version sync would change: `planSync { checklistId }` → SyncPreview. */
export interface SyncPreview {
  /** The version the project would move to. */
  checklistId: string;
  framework: string;
  version: string;
  /** Checklist ids (versions of the framework) the project's issues carry now. */
  fromChecklistIds: string[];
  summary: {
    create: number;
    update: number;
    renamed: number;
    restored: number;
    changed: number;
    versionOnly: number;
    retire: number;
    unchanged: number;
    duplicates: number;
  };
  create: { itemId: string; chapterId: string; title: string }[];
  update: {
    issueKey: string;
    itemId: string;
    previousItemId?: string;
    changes: ('summary' | 'description' | 'points' | 'chapter' | 'identity')[];
    restored?: boolean;
  }[];
  retire: { issueKey: string; itemId: string }[];
  duplicates: { itemId: string; keptIssueKey: string; issueKeys: string[] }[];
}

/** `applySync { checklistId }` → SyncResult. Run again while `complete` is false (it resumes). */
export interface SyncResult {
  checklistId: string;
  created: number;
  updated: number;
  retired: number;
  unchanged: number;
  /** False when the call stopped early to stay inside the time limit; calling again finishes. */
  complete: boolean;
}

/**
 * `listProjectChecklists {}` → ProjectChecklist[]: the checklists imported into the project the
 * Audit page is open in (project from the invocation context), for the checklist switcher.
 */
export interface ProjectChecklist {
  id: string;
  name: string;
  version: string;
  /** True for the checklist imported or synced last (the one `getRollup {}` shows). */
  last: boolean;
  /**
   * Set when a version update moved the project to another version: the checklist is history,
   * shown read-only with its last score and never offered an update.
   */
  retired?: {
    /** When the move finished (ISO 8601). */
    at: string;
    /** The checklist id and version that replaced it. */
    replacedBy: string;
    replacedByVersion: string;
    /** The last score recorded before the move, when there was one. */
    lastScore?: { score: number; maxScore: number; passed: boolean; at: string };
  };
}

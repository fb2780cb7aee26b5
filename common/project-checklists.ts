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
}

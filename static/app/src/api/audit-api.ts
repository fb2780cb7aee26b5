/**
 * The frontend's only door to data and to the host page. Views receive these interfaces through
 * context (see services.tsx), so a view never knows whether it talks to Forge or to a test fake.
 */
import type {
  ChecklistSummary,
  ChecklistView,
  ImportStatus,
  Rollup,
  StartImportResult,
} from '../../../../common/contract';

export interface GetRollupOptions {
  /** Which checklist to score; the resolver defaults to the one imported last. */
  checklistId?: string;
  /** Compute from Jira now instead of serving the stored figures. */
  refresh?: boolean;
}

/** The resolver API of common/contract.ts, one method per resolver function. */
export interface AuditApi {
  listChecklists(): Promise<ChecklistSummary[]>;
  getChecklist(id: string): Promise<ChecklistView>;
  startImport(checklistId: string): Promise<StartImportResult>;
  getImport(jobId: string): Promise<ImportStatus>;
  /** `null` when no checklist has been imported into this project yet. */
  getRollup(options?: GetRollupOptions): Promise<Rollup | null>;
}

/** Navigation in the host product (Jira), outside the app's iframe. */
export interface HostNavigation {
  /** Opens a Jira path such as `/browse/MSP-12` in the host page. */
  open(path: string): Promise<void>;
}

export interface AppServices {
  api: AuditApi;
  host: HostNavigation;
  /** The clock used for "figures from 2 minutes ago"; tests freeze it. */
  now: () => Date;
}

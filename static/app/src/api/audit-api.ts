/**
 * The frontend's only door to data and to the host page. Views receive these interfaces through
 * context (see services.tsx), so a view never knows whether it talks to Forge or to a test fake.
 */
import type { IssueEvents } from './issue-events';
import type { PageHistory } from './page-history';
import type {
  AdoptIssueResult,
  ChecklistSummary,
  ChecklistView,
  ImportStatus,
  Rollup,
  StartImportResult,
  SyncMapping,
  SyncPreview,
  SyncResult,
} from '../../../../common/contract';
import type { AuditDayApi } from './audit-day-api';
import type { CustomFieldHost, EvidenceApi } from './evidence-api';
import type {
  AppendCustomChecklistItemsPayload,
  AppendCustomChecklistItemsResult,
  BeginCustomChecklistPayload,
  BeginCustomChecklistResult,
  DeleteCustomChecklistResult,
  SaveCustomChecklistPayload,
  SaveCustomChecklistResult,
} from '../../../../common/custom-checklists';
import type { ProjectChecklist } from '../../../../common/project-checklists';
import type { PlanApi } from '../views/plan/plan-api';
import type { TrailApi } from './trail-api';
import type { WorkflowRuleHost } from '../views/gate/rule-host';
import type { GateApi } from '../views/gate/gate-api';
import type { CrosswalkApi } from './crosswalk-api';

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
  /** The checklists imported into this project (for the switcher); optional so older fakes need not supply it. */
  listProjectChecklists?(): Promise<ProjectChecklist[]>;
  /** What moving the project to this version of its checklist would change. */
  planSync(checklistId: string): Promise<SyncPreview>;
  /** Moves the project to this version (with the proposals the person confirmed); call again while `complete` is false. */
  applySync(checklistId: string, mappings?: SyncMapping[]): Promise<SyncResult>;
  /** A project admin makes an issue that claims an item that item's issue; optional so older fakes need not supply it. */
  adoptIssue?(issueKey: string): Promise<AdoptIssueResult>;
  /** A team's own checklist in one call (small definitions; see CUSTOM_CHECKLIST_LIMITS). */
  saveCustomChecklist(payload: SaveCustomChecklistPayload): Promise<SaveCustomChecklistResult>;
  /** A large one in parts: begin, append each chunk of items, commit. */
  beginCustomChecklist(payload: BeginCustomChecklistPayload): Promise<BeginCustomChecklistResult>;
  appendCustomChecklistItems(payload: AppendCustomChecklistItemsPayload): Promise<AppendCustomChecklistItemsResult>;
  commitCustomChecklist(uploadId: string): Promise<SaveCustomChecklistResult>;
  deleteCustomChecklist(id: string): Promise<DeleteCustomChecklistResult>;
}

/** Navigation in the host product (Jira), outside the app's iframe. */
export interface HostNavigation {
  /** Opens a Jira path such as `/browse/MSP-12` in the host page. */
  open(path: string): Promise<void>;
}

export interface AppServices {
  api: AuditApi;
  /** Reviews, waivers, history and export; optional so views and tests without audit day need not supply it. */
  auditDay?: AuditDayApi;
  /** The issue modules' resolvers and the evidence field's host; optional like auditDay. */
  evidence?: EvidenceApi;
  field?: CustomFieldHost;
  /** The decision trail (Audit page section, item history); optional like auditDay. */
  trail?: TrailApi;
  /** The road to audit day (plan, due dates, owners, forecast); optional like auditDay. */
  plan?: PlanApi;
  /** The Done gate's configuration pages in Jira's workflow editor (module audit-done-gate); optional like auditDay. */
  workflowRule?: WorkflowRuleHost;
  /** Whether the Done gate is on for the project, and items Done without evidence; optional like auditDay. */
  gate?: GateApi;
  /** The crosswalk between checklists (upload page, the item panel's mappings); optional like auditDay. */
  crosswalk?: CrosswalkApi;
  /** The page's own address (the Audit page's tabs); optional: without it tabs are not deep links. */
  history?: PageHistory;
  /** Messages between the app's frames on an issue page (evidence changed); optional like auditDay. */
  issueEvents?: IssueEvents;
  host: HostNavigation;
  /** The clock used for "figures from 2 minutes ago"; tests freeze it. */
  now: () => Date;
}

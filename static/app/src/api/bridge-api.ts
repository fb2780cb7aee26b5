/**
 * AuditApi and HostNavigation over @forge/bridge. The only module that imports the bridge for
 * data, so everything else is testable with a fake.
 */
import { events, invoke, router, view } from '@forge/bridge';
import type { AppServices, AuditApi, GetRollupOptions, HostNavigation } from './audit-api';
import type { AuditDayApi } from './audit-day-api';
import { createBridgeEvidenceApi, createBridgeFieldHost } from './evidence-api';
import { createBridgeTrailApi } from './trail-api';
import { createIssueEvents, type EventBus } from './issue-events';
import { pageHistoryOver, type HostHistory } from './page-history';
import { exportCsvInParts, exportPackInParts, exportReportInParts } from './export-parts';
import { createBridgePlanApi } from '../views/plan/plan-api';
import type {
  AddCustomWaiverPayload,
  AdoptIssuePayload,
  AdoptIssueResult,
  ApplyWaiverPayload,
  AuditDay,
  MarkChapterReviewedPayload,
  Prerequisites,
  RemoveWaiverPayload,
  SetPrerequisitePayload,
  ChecklistSummary,
  ChecklistView,
  ImportStatus,
  Rollup,
  StartImportPayload,
  StartImportResult,
  SyncPreview,
  SyncResult,
} from '../../../../common/contract';
import type {
  AppendCustomChecklistItemsResult,
  BeginCustomChecklistResult,
  DeleteCustomChecklistResult,
  SaveCustomChecklistResult,
} from '../../../../common/custom-checklists';
import type { ProjectChecklist } from '../../../../common/project-checklists';

type Invoke = <T>(functionKey: string, payload?: Record<string, unknown>) => Promise<T>;

/** `invoke` is injectable so the adapter's payload shapes can be tested without a host page. */
export function createBridgeApi(call: Invoke = (key, payload) => invoke(key, payload) as never): AuditApi {
  return {
    listChecklists: () => call<ChecklistSummary[]>('listChecklists'),
    getChecklist: (id) => call<ChecklistView>('getChecklist', { id }),
    startImport: (checklistId) => call<StartImportResult>('startImport', { checklistId } satisfies StartImportPayload),
    getImport: (jobId) => call<ImportStatus>('getImport', { jobId }),
    getRollup: async (options: GetRollupOptions = {}) => {
      const payload: Record<string, unknown> = {};
      if (options.checklistId !== undefined) payload.checklistId = options.checklistId;
      if (options.refresh) payload.refresh = true;
      // A resolver returns nothing (undefined or null) when the project has no import yet.
      const rollup = await call<Rollup | null | undefined>('getRollup', payload);
      return rollup ?? null;
    },
    listProjectChecklists: () => call<ProjectChecklist[]>('listProjectChecklists', {}),
    planSync: (checklistId) => call<SyncPreview>('planSync', { checklistId }),
    applySync: (checklistId, mappings) => call<SyncResult>('applySync', { checklistId, ...(mappings !== undefined ? { mappings } : {}) }),
    adoptIssue: (issueKey) => call<AdoptIssueResult>('adoptIssue', { issueKey } satisfies AdoptIssuePayload),
    saveCustomChecklist: (payload) => call<SaveCustomChecklistResult>('saveCustomChecklist', payload),
    beginCustomChecklist: (payload) => call<BeginCustomChecklistResult>('beginCustomChecklist', payload),
    appendCustomChecklistItems: (payload) => call<AppendCustomChecklistItemsResult>('appendCustomChecklistItems', payload),
    commitCustomChecklist: (uploadId) => call<SaveCustomChecklistResult>('commitCustomChecklist', { uploadId }),
    deleteCustomChecklist: (id) => call<DeleteCustomChecklistResult>('deleteCustomChecklist', { id }),
  };
}

/** The audit-day resolvers; payloads typed by the contract so a renamed field fails to compile. */
export function createBridgeAuditDayApi(call: Invoke = (key, payload) => invoke(key, payload) as never): AuditDayApi {
  return {
    getAuditDay: (checklistId) => call<AuditDay>('getAuditDay', { checklistId }),
    markChapterReviewed: (payload) => call<AuditDay>('markChapterReviewed', { ...(payload satisfies MarkChapterReviewedPayload) }),
    applyWaiver: (checklistId, waiverId, proof) => call<AuditDay>('applyWaiver', { checklistId, waiverId, proof } satisfies ApplyWaiverPayload),
    addCustomWaiver: (payload) => call<AuditDay>('addCustomWaiver', { ...(payload satisfies AddCustomWaiverPayload) }),
    removeWaiver: (checklistId, id) => call<AuditDay>('removeWaiver', { checklistId, id } satisfies RemoveWaiverPayload),
    // In parts the browser joins, so a pack past one answer's 5 MB still downloads.
    exportCsv: (checklistId) => exportCsvInParts(call, checklistId),
    exportReport: (checklistId) => exportReportInParts(call, checklistId),
    getPrerequisites: (checklistId) => call<Prerequisites>('getPrerequisites', { checklistId }),
    setPrerequisite: (checklistId, id, done) => call<Prerequisites>('setPrerequisite', { checklistId, id, done } satisfies SetPrerequisitePayload),
    exportPack: (checklistId) => exportPackInParts(call, checklistId),
  };
}

export function createBridgeHost(): HostNavigation {
  return { open: (path) => router.open(path) };
}

export function createBridgeServices(): AppServices {
  return {
    api: createBridgeApi(),
    auditDay: createBridgeAuditDayApi(),
    evidence: createBridgeEvidenceApi(),
    field: createBridgeFieldHost(),
    trail: createBridgeTrailApi(),
    plan: createBridgePlanApi(),
    issueEvents: createIssueEvents(events as unknown as EventBus),
    // Created on first use: only the Audit page (a project page) has a history to create.
    history: pageHistoryOver(() => view.createHistory() as Promise<HostHistory>),
    host: createBridgeHost(),
    now: () => new Date(),
  };
}

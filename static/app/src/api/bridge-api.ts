/**
 * AuditApi and HostNavigation over @forge/bridge. The only module that imports the bridge for
 * data, so everything else is testable with a fake.
 */
import { events, router, view } from '@forge/bridge';
import type { AppServices, AuditApi, GetRollupOptions, HostNavigation } from './audit-api';
import type { AuditDayApi } from './audit-day-api';
import { createBridgeEvidenceApi, createBridgeFieldHost } from './evidence-api';
import { createBridgeTrailApi } from './trail-api';
import type { Rollup } from '../../../../common/contract';
import { createIssueEvents, type EventBus } from './issue-events';
import { pageHistoryOver, type HostHistory } from './page-history';
import { exportCsvInParts, exportPackInParts, exportReportInParts } from './export-parts';
import { createBridgePlanApi } from '../views/plan/plan-api';
import { bridgeInvoke } from './bridge-invoke';
import { typedInvoke, type Invoke } from './invoke';
import { createBridgeRuleHost } from '../views/gate/rule-host';
import { createBridgeGateApi } from '../views/gate/gate-api';
import { createBridgeCrosswalkApi } from './crosswalk-api';

/** `invoke` is injectable so the adapter's payload shapes can be tested without a host page. */
export function createBridgeApi(transport: Invoke = bridgeInvoke): AuditApi {
  const call = typedInvoke(transport);
  return {
    listChecklists: () => call('listChecklists'),
    getChecklist: (id) => call('getChecklist', { id }),
    startImport: (checklistId) => call('startImport', { checklistId }),
    getImport: (jobId) => call('getImport', { jobId }),
    getRollup: async (options: GetRollupOptions = {}) => {
      // A resolver returns nothing (undefined or null) when the project has no import yet.
      const rollup: Rollup | null | undefined = await call('getRollup', {
        ...(options.checklistId !== undefined ? { checklistId: options.checklistId } : {}),
        ...(options.refresh ? { refresh: true } : {}),
      });
      return rollup ?? null;
    },
    listProjectChecklists: () => call('listProjectChecklists', {}),
    planSync: (checklistId) => call('planSync', { checklistId }),
    applySync: (checklistId, mappings) => call('applySync', { checklistId, ...(mappings !== undefined ? { mappings } : {}) }),
    adoptIssue: (issueKey) => call('adoptIssue', { issueKey }),
    saveCustomChecklist: (payload) => call('saveCustomChecklist', payload),
    beginCustomChecklist: (payload) => call('beginCustomChecklist', payload),
    appendCustomChecklistItems: (payload) => call('appendCustomChecklistItems', payload),
    commitCustomChecklist: (uploadId) => call('commitCustomChecklist', { uploadId }),
    deleteCustomChecklist: (id) => call('deleteCustomChecklist', { id }),
  };
}

/** The audit-day resolvers; payloads typed by the contract so a renamed field fails to compile. */
export function createBridgeAuditDayApi(transport: Invoke = bridgeInvoke): AuditDayApi {
  const call = typedInvoke(transport);
  return {
    getAuditDay: (checklistId) => call('getAuditDay', { checklistId }),
    getScoreHistory: (checklistId) => call('getScoreHistory', { checklistId }),
    markChapterReviewed: (payload) => call('markChapterReviewed', payload),
    applyWaiver: (checklistId, waiverId, proof) => call('applyWaiver', { checklistId, waiverId, proof }),
    addCustomWaiver: (payload) => call('addCustomWaiver', payload),
    removeWaiver: (checklistId, id) => call('removeWaiver', { checklistId, id }),
    // In parts the browser joins, so a pack past one answer's 5 MB still downloads.
    exportCsv: (checklistId) => exportCsvInParts(transport, checklistId),
    exportReport: (checklistId) => exportReportInParts(transport, checklistId),
    getPrerequisites: (checklistId) => call('getPrerequisites', { checklistId }),
    setPrerequisite: (checklistId, id, done) => call('setPrerequisite', { checklistId, id, done }),
    exportPack: (checklistId) => exportPackInParts(transport, checklistId),
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
    workflowRule: createBridgeRuleHost(),
    gate: createBridgeGateApi(),
    crosswalk: createBridgeCrosswalkApi(),
    issueEvents: createIssueEvents(events as unknown as EventBus),
    // Created on first use: only the Audit page (a project page) has a history to create.
    history: pageHistoryOver(() => view.createHistory() as Promise<HostHistory>),
    host: createBridgeHost(),
    now: () => new Date(),
  };
}

/**
 * The road-to-audit-day part of the resolver API (common/contract.ts, "Road to audit day"). Views
 * get it from AppServices, so tests hand them a fake.
 */
import { bridgeInvoke } from '../../api/bridge-invoke';
import { typedInvoke, type Invoke } from '../../api/invoke';
import type { GetPeoplePayload, PeopleNames, RemindersView, RoadToAudit, SetAuditPlanPayload } from '../../../../../common/contract';
import type { FindingsView, RecordFindingPayload, RecordFindingResult } from '../../../../../common/contract-findings';

/** The auditor's findings (common/contract-findings.ts). */
export interface FindingsApi {
  listFindings(checklistId: string): Promise<FindingsView>;
  recordFinding(payload: RecordFindingPayload): Promise<RecordFindingResult>;
}

export interface PlanApi {
  getAuditPlan(checklistId: string): Promise<RoadToAudit>;
  setAuditPlan(payload: SetAuditPlanPayload): Promise<RoadToAudit>;
  getPeople(payload: GetPeoplePayload & { checklistId?: string }): Promise<PeopleNames>;
  getReminders(checklistId: string): Promise<RemindersView>;
  setReminders(checklistId: string, enabled: boolean): Promise<RemindersView>;
  /** Findings; optional so fakes without them need not supply it (the section is then left out). */
  findings?: FindingsApi;
}

/** `invoke` is injectable so the payload shapes can be tested without a host page. */
export function createBridgePlanApi(transport: Invoke = bridgeInvoke): PlanApi {
  const call = typedInvoke(transport);
  return {
    getAuditPlan: (checklistId) => call('getAuditPlan', { checklistId }),
    setAuditPlan: (payload) => call('setAuditPlan', { ...payload }),
    getPeople: (payload) => call('getPeople', { ...payload }),
    getReminders: (checklistId) => call('getReminders', { checklistId }),
    setReminders: (checklistId, enabled) => call('setReminders', { checklistId, enabled }),
    findings: {
      listFindings: (checklistId) => call('listFindings', { checklistId }),
      recordFinding: (payload) => call('recordFinding', { ...payload }),
    },
  };
}

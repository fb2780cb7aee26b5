/**
 * The road-to-audit-day part of the resolver API (common/contract.ts, "Road to audit day"). Views
 * get it from AppServices, so tests hand them a fake.
 */
import { invoke } from '@forge/bridge';
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

type Invoke = <T>(functionKey: string, payload?: Record<string, unknown>) => Promise<T>;

/** `invoke` is injectable so the payload shapes can be tested without a host page. */
export function createBridgePlanApi(call: Invoke = (key, payload) => invoke(key, payload) as never): PlanApi {
  return {
    getAuditPlan: (checklistId) => call<RoadToAudit>('getAuditPlan', { checklistId }),
    setAuditPlan: (payload) => call<RoadToAudit>('setAuditPlan', { ...payload }),
    getPeople: (payload) => call<PeopleNames>('getPeople', { ...payload }),
    getReminders: (checklistId) => call<RemindersView>('getReminders', { checklistId }),
    setReminders: (checklistId, enabled) => call<RemindersView>('setReminders', { checklistId, enabled }),
    findings: {
      listFindings: (checklistId) => call<FindingsView>('listFindings', { checklistId }),
      recordFinding: (payload) => call<RecordFindingResult>('recordFinding', { ...payload }),
    },
  };
}

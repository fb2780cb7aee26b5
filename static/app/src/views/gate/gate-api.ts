/**
 * The Done gate part of the resolver API (common/gate-status.ts). Views get it from AppServices, so
 * tests hand them a fake.
 */
import { invoke } from '@forge/bridge';
import type { GateStatus, SetGateConfirmationPayload } from '../../../../../common/gate-status';

export interface GateApi {
  getGateStatus(checklistId: string): Promise<GateStatus>;
  setGateConfirmation(payload: SetGateConfirmationPayload): Promise<GateStatus>;
}

type Invoke = <T>(functionKey: string, payload?: Record<string, unknown>) => Promise<T>;

/** `invoke` is injectable so the payload shapes can be tested without a host page. */
export function createBridgeGateApi(call: Invoke = (key, payload) => invoke(key, payload) as never): GateApi {
  return {
    getGateStatus: (checklistId) => call<GateStatus>('getGateStatus', { checklistId }),
    setGateConfirmation: (payload) => call<GateStatus>('setGateConfirmation', { ...payload }),
  };
}

/**
 * The Done gate part of the resolver API (common/api/gate.ts). Views get it from AppServices, so
 * tests hand them a fake.
 */
import { bridgeInvoke } from '../../api/bridge-invoke';
import { typedInvoke, type Invoke } from '../../api/invoke';
import type { GateStatus, SetGateConfirmationPayload } from '../../../../../common/gate-status';

export interface GateApi {
  getGateStatus(checklistId: string): Promise<GateStatus>;
  setGateConfirmation(payload: SetGateConfirmationPayload): Promise<GateStatus>;
}

/** `invoke` is injectable so the payload shapes can be tested without a host page. */
export function createBridgeGateApi(transport: Invoke = bridgeInvoke): GateApi {
  const call = typedInvoke(transport);
  return {
    getGateStatus: (checklistId) => call('getGateStatus', { checklistId }),
    setGateConfirmation: (payload) => call('setGateConfirmation', { ...payload }),
  };
}

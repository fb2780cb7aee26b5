/**
 * The decision-trail part of the resolver API (common/contract.ts, "Decision trail"). Views get it
 * from AppServices, so tests hand them a fake.
 */
import { bridgeInvoke } from './bridge-invoke';
import { typedInvoke, type Invoke } from './invoke';
import type { ExportTrailPayload, GetTrailPayload, ItemHistory, TrailExportPage, TrailPage, TrailVerification, VerifyTrailPayload } from '../../../../common/contract';

export interface TrailApi {
  getTrail(payload: GetTrailPayload): Promise<TrailPage>;
  getItemHistory(): Promise<ItemHistory>;
  verifyTrail(payload?: VerifyTrailPayload): Promise<TrailVerification>;
  exportTrail(payload: ExportTrailPayload): Promise<TrailExportPage>;
}

/** `invoke` is injectable so the payload shapes can be tested without a host page. */
export function createBridgeTrailApi(transport: Invoke = bridgeInvoke): TrailApi {
  const call = typedInvoke(transport);
  return {
    getTrail: (payload) => call('getTrail', { ...payload }),
    getItemHistory: () => call('getItemHistory', {}),
    verifyTrail: (payload = {}) => call('verifyTrail', { ...payload }),
    exportTrail: (payload) => call('exportTrail', { ...payload }),
  };
}

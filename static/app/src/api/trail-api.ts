/**
 * The decision-trail part of the resolver API (common/contract.ts, "Decision trail"). Views get it
 * from AppServices, so tests hand them a fake.
 */
import { invoke } from '@forge/bridge';
import type { ExportTrailPayload, GetTrailPayload, ItemHistory, TrailExportPage, TrailPage, TrailVerification, VerifyTrailPayload } from '../../../../common/contract';

export interface TrailApi {
  getTrail(payload: GetTrailPayload): Promise<TrailPage>;
  getItemHistory(): Promise<ItemHistory>;
  verifyTrail(payload?: VerifyTrailPayload): Promise<TrailVerification>;
  exportTrail(payload: ExportTrailPayload): Promise<TrailExportPage>;
}

type Invoke = <T>(functionKey: string, payload?: Record<string, unknown>) => Promise<T>;

/** `invoke` is injectable so the payload shapes can be tested without a host page. */
export function createBridgeTrailApi(call: Invoke = (key, payload) => invoke(key, payload) as never): TrailApi {
  return {
    getTrail: (payload) => call<TrailPage>('getTrail', { ...payload }),
    getItemHistory: () => call<ItemHistory>('getItemHistory', {}),
    verifyTrail: (payload = {}) => call<TrailVerification>('verifyTrail', { ...payload }),
    exportTrail: (payload) => call<TrailExportPage>('exportTrail', { ...payload }),
  };
}

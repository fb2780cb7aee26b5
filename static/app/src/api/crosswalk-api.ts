/**
 * The crosswalk's doors (common/api/crosswalk.ts): the upload page's staging, preview and save, and
 * the item panel's list of an item's mappings and its linking by hand. Views take it from AppServices.
 */
import type { ItemCrosswalk, LinkItemPayload } from '../../../../common/crosswalk';
import type { CrosswalkUploadApi } from '../../../../common/crosswalk-parts';
import { bridgeInvoke } from './bridge-invoke';
import { typedInvoke, type Invoke } from './invoke';

/**
 * The upload's four calls are common/crosswalk-parts.ts's {@link CrosswalkUploadApi}, so the page
 * hands this api to `stageCrosswalk` as it is: a small file goes in the preview and save calls
 * (`{ rows }`), a big one is staged in parts first (`{ uploadId }`).
 */
export interface CrosswalkApi extends CrosswalkUploadApi {
  /** On an issue: the item's mappings both ways. */
  getItemCrosswalk(): Promise<ItemCrosswalk>;
  /** On an issue: adds or removes one mapping; answers the item's mappings. */
  linkItemCrosswalk(payload: LinkItemPayload): Promise<ItemCrosswalk>;
}

export function createBridgeCrosswalkApi(transport: Invoke = bridgeInvoke): CrosswalkApi {
  const call = typedInvoke(transport);
  return {
    beginCrosswalkUpload: (payload) => call('beginCrosswalkUpload', payload),
    appendCrosswalkRows: (payload) => call('appendCrosswalkRows', payload),
    previewCrosswalk: (payload) => call('previewCrosswalk', payload),
    saveCrosswalk: (payload) => call('saveCrosswalk', payload),
    getItemCrosswalk: () => call('getItemCrosswalk', {}),
    linkItemCrosswalk: (payload) => call('linkItemCrosswalk', payload),
  };
}

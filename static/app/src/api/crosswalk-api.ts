/**
 * The crosswalk's doors (common/api/crosswalk.ts): the upload page's preview and save, and the item
 * panel's list of an item's mappings and its linking by hand. Views take it from AppServices.
 */
import type { CrosswalkPreview, CrosswalkRowPayload, ItemCrosswalk, LinkItemPayload, SaveCrosswalkResult } from '../../../../common/crosswalk';
import { bridgeInvoke } from './bridge-invoke';
import { typedInvoke, type Invoke } from './invoke';

export interface CrosswalkApi {
  /** Writes nothing: every row's problems, the counts, and the crosswalk saved now. */
  previewCrosswalk(rows: CrosswalkRowPayload[]): Promise<CrosswalkPreview>;
  /** Administer Jira; `basedOn`: the revision the preview showed (null: none was saved). */
  saveCrosswalk(rows: CrosswalkRowPayload[], fileName: string, basedOn: string | null): Promise<SaveCrosswalkResult>;
  /** On an issue: the item's mappings both ways. */
  getItemCrosswalk(): Promise<ItemCrosswalk>;
  /** On an issue: adds or removes one mapping; answers the item's mappings. */
  linkItemCrosswalk(payload: LinkItemPayload): Promise<ItemCrosswalk>;
}

export function createBridgeCrosswalkApi(transport: Invoke = bridgeInvoke): CrosswalkApi {
  const call = typedInvoke(transport);
  return {
    previewCrosswalk: (rows) => call('previewCrosswalk', { rows }),
    saveCrosswalk: (rows, fileName, basedOn) => call('saveCrosswalk', { rows, fileName, basedOn }),
    getItemCrosswalk: () => call('getItemCrosswalk', {}),
    linkItemCrosswalk: (payload) => call('linkItemCrosswalk', payload),
  };
}

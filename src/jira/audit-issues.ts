/**
 * The app's issues as version sync reads them: an item issue or a chapter Epic with its identity
 * property (and the points field, when asked for). Which issues count is the item map's business
 * (src/item-map); sync/state.ts reads them by id.
 */
import type { ChapterIdentity, ItemIdentity } from './identity';

export interface AuditItemIssue {
  id: string;
  key: string;
  identity: ItemIdentity;
  /** The points field value, when the field was asked for (null: not set). */
  points?: number | null;
}

export interface AuditChapterIssue {
  id: string;
  key: string;
  identity: ChapterIdentity;
}

/**
 * The app's own map of items to issues (issue 21): for one framework in a project, per checklist,
 * which issue the app created (or adopted) for each item and each chapter. The issue property
 * `msp-audit-item` says what an issue claims to be; only the map says the app made it so. Scoring,
 * sync and export count only mapped issues.
 *
 * Pure data and helpers, no I/O (store.ts reads and writes it). In memory everything is a Map, so
 * an item id such as `__proto__` is a plain key; stored, it is lists of tuples (compact: 5,000 items
 * weigh ~250 KB, so the store cuts it into pieces).
 */
import { z } from 'zod';

export type MappedState = 'active' | 'retired';

export interface MappedIssue {
  id: string;
  key: string;
  state: MappedState;
}

export interface MappedChapter {
  id: string;
  key: string;
}

export interface ChecklistMap {
  items: Map<string, MappedIssue>;
  chapters: Map<string, MappedChapter>;
}

/** An issue the app closed as the duplicate of another issue of the same item: never scored. */
export interface ClosedDuplicate {
  key: string;
  checklistId: string;
  itemId: string;
  keptKey: string;
  /** False while it is only queued (found by a migration or a reader); a writer closes it. */
  closed: boolean;
}

export interface ItemMap {
  checklists: Map<string, ChecklistMap>;
  /** By issue id. */
  duplicates: Map<string, ClosedDuplicate>;
  /** When the map was first built from the identity search (a project imported before the map existed). */
  migratedAt?: string;
}

export const storedMapSchema = z.object({
  checklists: z.array(
    z.object({
      checklistId: z.string(),
      items: z.array(z.tuple([z.string(), z.string(), z.string(), z.enum(['a', 'r'])])),
      chapters: z.array(z.tuple([z.string(), z.string(), z.string()])),
    }),
  ),
  duplicates: z.array(z.tuple([z.string(), z.string(), z.string(), z.string(), z.string(), z.boolean()])),
  migratedAt: z.string().optional(),
});
export type StoredMap = z.infer<typeof storedMapSchema>;

export function emptyMap(): ItemMap {
  return { checklists: new Map(), duplicates: new Map() };
}

export function checklistMap(map: ItemMap, checklistId: string): ChecklistMap {
  let found = map.checklists.get(checklistId);
  if (!found) {
    found = { items: new Map(), chapters: new Map() };
    map.checklists.set(checklistId, found);
  }
  return found;
}

export function toStored(map: ItemMap): StoredMap {
  return {
    checklists: [...map.checklists].map(([checklistId, entry]) => ({
      checklistId,
      items: [...entry.items].map(([itemId, issue]) => [itemId, issue.id, issue.key, issue.state === 'active' ? 'a' : 'r'] as [string, string, string, 'a' | 'r']),
      chapters: [...entry.chapters].map(([chapterId, issue]) => [chapterId, issue.id, issue.key] as [string, string, string]),
    })),
    duplicates: [...map.duplicates].map(([id, d]) => [id, d.key, d.checklistId, d.itemId, d.keptKey, d.closed] as [string, string, string, string, string, boolean]),
    ...(map.migratedAt !== undefined ? { migratedAt: map.migratedAt } : {}),
  };
}

export function fromStored(stored: StoredMap): ItemMap {
  const map = emptyMap();
  for (const entry of stored.checklists) {
    const target = checklistMap(map, entry.checklistId);
    for (const [itemId, id, key, state] of entry.items) target.items.set(itemId, { id, key, state: state === 'a' ? 'active' : 'retired' });
    for (const [chapterId, id, key] of entry.chapters) target.chapters.set(chapterId, { id, key });
  }
  for (const [id, key, checklistId, itemId, keptKey, closed] of stored.duplicates) map.duplicates.set(id, { key, checklistId, itemId, keptKey, closed });
  if (stored.migratedAt !== undefined) map.migratedAt = stored.migratedAt;
  return map;
}

/** Where an issue id stands in the map, if anywhere: as which checklist's item or chapter. */
export type Placement = { kind: 'item'; checklistId: string; itemId: string; issue: MappedIssue } | { kind: 'chapter'; checklistId: string; chapterId: string };

export function placementsById(map: ItemMap): Map<string, Placement> {
  const byId = new Map<string, Placement>();
  for (const [checklistId, entry] of map.checklists) {
    for (const [itemId, issue] of entry.items) byId.set(issue.id, { kind: 'item', checklistId, itemId, issue });
    for (const [chapterId, issue] of entry.chapters) byId.set(issue.id, { kind: 'chapter', checklistId, chapterId });
  }
  return byId;
}

/** True when `issueKey` is the issue the map holds for this item of this checklist. */
export function isMappedItem(map: ItemMap, checklistId: string, itemId: string, issueKey: string): boolean {
  return map.checklists.get(checklistId)?.items.get(itemId)?.key === issueKey;
}

/** The number in an issue key (`MSP-42` → 42); keys are sequential per project. */
export function keyNumber(issueKey: string): number {
  const match = /-(\d+)$/.exec(issueKey);
  return match ? Number(match[1]) : 0;
}

/** The highest issue key number the map knows (0 for none): a lower bound of the project's last key. */
export function highestKeyNumber(map: ItemMap): number {
  let highest = 0;
  for (const entry of map.checklists.values()) {
    for (const issue of entry.items.values()) highest = Math.max(highest, keyNumber(issue.key));
    for (const issue of entry.chapters.values()) highest = Math.max(highest, keyNumber(issue.key));
  }
  for (const duplicate of map.duplicates.values()) highest = Math.max(highest, keyNumber(duplicate.key));
  return highest;
}

/** Puts an item issue at (checklist, item), leaving the slot it held before (if that one was `from`). */
export function placeItem(map: ItemMap, issue: MappedIssue, to: { checklistId: string; itemId: string }, from?: { checklistId: string; itemId: string }): void {
  if (from && (from.checklistId !== to.checklistId || from.itemId !== to.itemId)) {
    const old = map.checklists.get(from.checklistId)?.items;
    if (old?.get(from.itemId)?.id === issue.id) old.delete(from.itemId);
  }
  checklistMap(map, to.checklistId).items.set(to.itemId, issue);
}

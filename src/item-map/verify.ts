/**
 * The verification pass that ends an import or a version update, trusting no search index:
 * 1. every mapped issue of the checklist is read by id (`bulkfetch`): one deleted or moved to another
 *    project since is dropped from the map (its item is created again), one whose identity was
 *    changed gets it back;
 * 2. every issue created since the job started is read by key, in order: an issue the app made
 *    (its identity carries a batch) for an item of the checklist that the map does not hold is
 *    either the item's issue (no other) or a duplicate, resolved by the duplicate rule;
 * 3. queued duplicates are closed (duplicates.ts).
 */
import type { ChecklistDefinition } from '../domain/types';
import type { JiraClient, JiraSearchIssue } from '../jira';
import { BULK_FETCH_MAX } from '../jira/bulk-read';
import { ASSESSMENT_PROPERTY, itemIdentity, ITEM_PROPERTY, readIdentity } from '../jira/identity';
import { closeQueuedDuplicates } from './duplicates';
import type { ItemLedger } from './ledger';
import { checklistMap, keyNumber } from './model';
import { keeper, workFields } from './work';

export interface Verified {
  /** The mapped issue of each item, as read now (with the fields asked for). */
  issues: Map<string, JiraSearchIssue>;
  /** Items of the checklist without an issue in the map. */
  missing: string[];
  /** Items whose mapped issue was gone (deleted, or moved to another project) and left the map. */
  dropped: string[];
  duplicatesClosed: number;
}

export async function verifyChecklist(
  jira: JiraClient,
  ledger: ItemLedger,
  def: ChecklistDefinition,
  options: { fromKeyNumber: number; fields?: readonly string[]; evidenceFieldId?: string },
): Promise<Verified> {
  const mapped = checklistMap(ledger.map, def.id);
  const fields = [...new Set([...(options.fields ?? []), ...workFields(options.evidenceFieldId)])];
  const properties = [ITEM_PROPERTY, ASSESSMENT_PROPERTY];
  // Step 2 first: its reads by key also cover every mapped issue created since the start.
  const scanned = new Map<string, JiraSearchIssue>();
  let changed = await scanSince(jira, ledger, def, scanned, { ...options, fields, properties });
  const entries = [...mapped.items];
  const unread = entries.filter(([, entry]) => !scanned.has(entry.id)).map(([, entry]) => entry.id);
  const byId = new Map(scanned);
  if (unread.length > 0) for (const issue of await jira.bulkFetchIssues({ issueIdsOrKeys: unread, fields, properties })) byId.set(issue.id, issue);
  const issues = new Map<string, JiraSearchIssue>();
  const itemsById = new Map(def.items.map((item) => [item.id, item]));
  const dropped: string[] = [];
  for (const [itemId, entry] of entries) {
    const issue = byId.get(entry.id);
    // Jira still finds an issue moved to another project by its id: it is no longer this project's.
    const movedTo = issue?.key !== undefined && !issue.key.startsWith(`${ledger.projectKey}-`) ? issue.key : undefined;
    if (!issue || movedTo !== undefined) {
      mapped.items.delete(itemId);
      dropped.push(itemId);
      changed = true;
      const why = movedTo !== undefined ? `moved to another project (now ${movedTo})` : 'no longer exists';
      console.warn(`[item-map] ${ledger.projectKey}: ${entry.key} (item ${itemId}) ${why}; the item will get a new issue`);
      continue;
    }
    const identity = readIdentity(issue.properties);
    const item = itemsById.get(itemId);
    if (item && (identity?.kind !== 'item' || identity.checklistId !== def.id || identity.itemId !== itemId)) {
      await jira.setIssueProperty({ issueKey: entry.key, propertyKey: ITEM_PROPERTY, value: itemIdentity(def, item, entry.state) });
      console.warn(`[item-map] ${ledger.projectKey}: ${entry.key} had lost its identity as item ${itemId}; restored from the map`);
    }
    issues.set(itemId, issue);
  }

  const duplicatesClosed = await closeQueuedDuplicates(jira, ledger.projectKey, ledger.map);
  if (changed || duplicatesClosed > 0) await ledger.save();
  const missing = def.items.filter((item) => !mapped.items.has(item.id)).map((item) => item.id);
  return { issues, missing, dropped, duplicatesClosed };
}

/**
 * Step 2: reads every key after `fromKeyNumber` (into `scanned`) and settles issues the app created
 * for an item of the checklist that the map does not hold. Stops at the first window that reaches
 * past the project's last issue. True when the map changed.
 */
async function scanSince(
  jira: JiraClient,
  ledger: ItemLedger,
  def: ChecklistDefinition,
  scanned: Map<string, JiraSearchIssue>,
  options: { fromKeyNumber: number; fields: string[]; properties: string[]; evidenceFieldId?: string },
): Promise<boolean> {
  const mapped = checklistMap(ledger.map, def.id);
  const known = new Set([...mapped.items.values()].map((issue) => issue.id));
  let changed = false;
  for (let from = options.fromKeyNumber + 1; ; from += BULK_FETCH_MAX) {
    const keys = Array.from({ length: BULK_FETCH_MAX }, (_, offset) => `${ledger.projectKey}-${from + offset}`);
    const page = (await jira.bulkFetchIssues({ issueIdsOrKeys: keys, fields: options.fields, properties: options.properties }))
      .filter((issue) => issue.key?.startsWith(`${ledger.projectKey}-`))
      .sort((a, b) => keyNumber(a.key!) - keyNumber(b.key!));
    for (const issue of page) {
      scanned.set(issue.id, issue);
      const identity = readIdentity(issue.properties);
      if (identity?.kind !== 'item' || identity.checklistId !== def.id || identity.batch === undefined || identity.state === 'duplicate') continue;
      if (known.has(issue.id) || ledger.map.duplicates.has(issue.id)) continue;
      known.add(issue.id);
      changed = true;
      settleStray(ledger, def, issue, identity.itemId, identity.state, scanned, options.evidenceFieldId);
    }
    // The window's last key is not there: the project ends inside it.
    const last = page.at(-1);
    if (!last || keyNumber(last.key!) < from + BULK_FETCH_MAX - 1) return changed;
  }
}

/** An app-made issue of an item the map does not hold it for: the item's issue, or a duplicate by the rule. */
function settleStray(
  ledger: ItemLedger,
  def: ChecklistDefinition,
  issue: JiraSearchIssue,
  itemId: string,
  state: 'active' | 'retired',
  scanned: ReadonlyMap<string, JiraSearchIssue>,
  evidenceFieldId: string | undefined,
): void {
  const mapped = checklistMap(ledger.map, def.id);
  const current = mapped.items.get(itemId);
  const currentIssue = current ? scanned.get(current.id) : undefined;
  if (!current || !currentIssue) {
    if (!current) mapped.items.set(itemId, { id: issue.id, key: issue.key!, state });
    else ledger.map.duplicates.set(issue.id, { key: issue.key!, checklistId: def.id, itemId, keptKey: current.key, closed: false });
    return;
  }
  const kept = keeper([{ issue: currentIssue, key: current.key }, { issue, key: issue.key! }], evidenceFieldId);
  const dropped = kept.issue === issue ? { id: current.id, key: current.key } : { id: issue.id, key: issue.key! };
  if (kept.issue === issue) mapped.items.set(itemId, { id: issue.id, key: issue.key!, state: current.state });
  ledger.map.duplicates.set(dropped.id, { key: dropped.key, checklistId: def.id, itemId, keptKey: kept.key, closed: false });
}

/**
 * The evidence entries of a few items a cold read left as stand-ins (src/domain/evidence-stand-in.ts):
 * a view that shows entries (the crosswalk's titles of the source items covering others) reads only
 * the items it lists, by bulkfetch (100 a call), never the whole checklist.
 */
import type { EvidenceFieldValue } from '../domain/evidence';
import { standInOf } from '../domain/evidence-stand-in';
import { readVerdict } from '../domain/verdict-reading';
import type { JiraClient } from '../jira';
import type { ItemRead } from '../platform/item-states';
import { evidenceFieldId } from '../platform/evidence-field-id';

/** `computed` with the entries of `itemIds` read from Jira where it holds accepted-in-force stand-ins (the ones a crosswalk shows); itself when none does. */
export async function withEntriesOf<T extends { states: readonly ItemRead[]; evidence: ReadonlyMap<string, EvidenceFieldValue> }>(
  jira: JiraClient,
  computed: T,
  itemIds: Iterable<string>,
): Promise<T> {
  const wanted = new Set([...itemIds].filter((itemId) => standInOf(computed.evidence.get(itemId))?.kind === 'in-force'));
  if (wanted.size === 0) return computed;
  const fieldId = await evidenceFieldId(jira);
  // The first issue of an item is the one scoring uses, so its evidence is the item's.
  const itemOf = new Map<string, string>();
  for (const state of computed.states) if (state.issueKey !== undefined && wanted.has(state.itemId) && ![...itemOf.values()].includes(state.itemId)) itemOf.set(state.issueKey, state.itemId);
  if (fieldId === undefined || itemOf.size === 0) return computed;
  const issues = await jira.bulkFetchIssues({ issueIdsOrKeys: [...itemOf.keys()], fields: [fieldId] });
  const evidence = new Map(computed.evidence);
  for (const issue of issues) {
    const itemId = issue.key !== undefined ? itemOf.get(issue.key) : undefined;
    if (itemId === undefined) continue;
    const read = readVerdict(issue.fields?.[fieldId] ?? null).evidence;
    if (read.count > 0) evidence.set(itemId, read);
    else evidence.delete(itemId);
  }
  return { ...computed, evidence };
}

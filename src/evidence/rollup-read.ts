/**
 * The rollup's read of a checklist's items *with* their evidence: the same one paged search as the
 * scores need (status, resolution, identity, assessment), with the evidence field added to it, so
 * evidence costs no extra call per item.
 */
import type { EvidenceFieldValue } from '../domain/evidence';
import type { ChecklistDefinition } from '../domain/types';
import type { JiraClient } from '../jira';
import { activeItemsJql, ASSESSMENT_PROPERTY, ITEM_PROPERTY } from '../jira/identity';
import { ITEM_STATE_FIELDS, toItemState, type ItemRead } from '../rollup/states';
import { readEvidence } from './read';

export interface ItemReadings {
  states: ItemRead[];
  /** Evidence by item id (valid entries only; see read.ts). Items without evidence are absent. */
  evidence: Map<string, EvidenceFieldValue>;
}

export async function readItemsWithEvidence(
  jira: JiraClient,
  projectKey: string,
  def: ChecklistDefinition,
  evidenceFieldId: string | undefined,
  /** Only issues this accepts are read (the item map's: rollup/get-rollup.ts). */
  accept: (state: ItemRead) => boolean = () => true,
): Promise<ItemReadings> {
  const issues = await jira.searchJql({
    jql: activeItemsJql(projectKey, def.id),
    fields: [...ITEM_STATE_FIELDS, ...(evidenceFieldId !== undefined ? [evidenceFieldId] : [])],
    properties: [ITEM_PROPERTY, ASSESSMENT_PROPERTY],
  });
  const states: ItemRead[] = [];
  const evidence = new Map<string, EvidenceFieldValue>();
  const seen = new Set<string>();
  let ignored = 0;
  for (const issue of issues) {
    const state = toItemState(issue);
    if (!state || !accept(state)) continue;
    states.push(state);
    // The first issue of an item is the one scoring uses, so its evidence is the item's.
    if (evidenceFieldId === undefined || seen.has(state.itemId)) continue;
    seen.add(state.itemId);
    const reading = readEvidence(issue.fields?.[evidenceFieldId] ?? null);
    ignored += reading.ignored.length;
    if (reading.value.count > 0) evidence.set(state.itemId, reading.value);
  }
  if (ignored > 0) console.info(`[rollup] ${projectKey}/${def.id}: ${ignored} stored evidence problem(s) ignored`);
  return { states, evidence };
}

/**
 * Item states *with* their verdict data from the issues the rollup read (read-states.ts: the same
 * search or bulkfetch as the scores need, with the evidence field added, so evidence and
 * assessments cost no extra call per item). The assessment comes from the app-owned evidence
 * field, never from the `msp-audit-assessment` property.
 */
import type { EvidenceFieldValue } from '../domain/evidence';
import type { JiraSearchIssue } from '../jira';
import { toItemState, type ItemRead } from '../platform/item-states';
import { assessmentInForce, readVerdict, type VerdictReading } from '../domain/verdict-reading';

export interface ItemReadings {
  states: ItemRead[];
  /** Evidence by item id (valid entries only; see read.ts). Items without evidence are absent. */
  evidence: Map<string, EvidenceFieldValue>;
}

/** Item states and evidence from search hits: what `issues` hold in the evidence field (`evidenceFieldId`). */
export function itemStatesOf(
  issues: readonly JiraSearchIssue[],
  evidenceFieldId: string | undefined,
  /** Only issues this accepts count (the item map's: rollup/get-rollup.ts). */
  accept: (state: ItemRead) => boolean = () => true,
): ItemReadings & { ignored: number; readings: Map<string, VerdictReading> } {
  const states: ItemRead[] = [];
  const evidence = new Map<string, EvidenceFieldValue>();
  const readings = new Map<string, VerdictReading>();
  let ignored = 0;
  for (const issue of issues) {
    const reading = readVerdict(evidenceFieldId !== undefined ? (issue.fields?.[evidenceFieldId] ?? null) : null);
    const state = toItemState(issue, () => assessmentInForce(reading));
    if (!state || !accept(state)) continue;
    states.push(state);
    // The first issue of an item is the one scoring uses, so its evidence is the item's.
    if (readings.has(state.itemId)) continue;
    readings.set(state.itemId, reading);
    ignored += reading.ignored.length;
    if (reading.evidence.count > 0) evidence.set(state.itemId, reading.evidence);
  }
  return { states, evidence, ignored, readings };
}

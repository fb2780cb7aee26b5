/**
 * The Done gate's backlog (issue 23): items whose issue is in a done-category status but that the
 * gate would not let into Done today (they reached Done before the validator was added, or their
 * evidence lapsed since). Pure: the same rule as the validator (done-gate.ts), applied to the item
 * states and evidence the rollup already read.
 */
import type { DoneGateConfig } from '../../common/gate-config';
import type { EvidenceFieldValue } from './evidence';
import type { IsoDate } from './evidence-types';
import { doneGate, type GateWaiver } from './done-gate';
import type { ChecklistDefinition, ItemState } from './types';

export interface BacklogItem {
  itemId: string;
  title: string;
  issueKey: string;
  mandatory: boolean;
  statusName?: string;
  missing: string;
}

export interface BacklogInput {
  def: ChecklistDefinition;
  states: readonly ItemState[];
  evidence: ReadonlyMap<string, EvidenceFieldValue>;
  waivers: readonly GateWaiver[];
  fourEyes: boolean;
  today: IsoDate;
  config: DoneGateConfig;
}

/** Done items the gate would refuse today, in checklist order, each with what is missing. */
export function doneWithoutEvidence(input: BacklogInput): BacklogItem[] {
  const byItem = new Map(input.states.map((state) => [state.itemId, state]));
  const out: BacklogItem[] = [];
  for (const item of input.def.items) {
    const state = byItem.get(item.id);
    if (state?.statusCategory !== 'done' || state.issueKey === undefined) continue;
    const decision = doneGate({
      def: input.def,
      item,
      evidence: input.evidence.get(item.id)?.entries ?? [],
      assessment: state.assessment === undefined || state.assessment === null ? undefined : { result: state.assessment, ...(state.assessmentJustification !== undefined ? { justification: state.assessmentJustification } : {}) },
      waivers: input.waivers,
      fourEyes: input.fourEyes,
      today: input.today,
      config: input.config,
    });
    if (decision.allowed) continue;
    // The gate's sentence names the item first; the list shows the item apart, so keep what follows.
    const missing = decision.message.replace(/^.*? can't be Done yet: /, '');
    out.push({ itemId: item.id, title: item.title, issueKey: state.issueKey, mandatory: item.mandatory, ...(state.statusName !== undefined ? { statusName: state.statusName } : {}), missing });
  }
  return out;
}

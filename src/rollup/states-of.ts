/**
 * What every way of reading a checklist's item states shares (read-states.ts: full and delta;
 * cold-read.ts: the partition read): the fields a state is read with, and how issues read with
 * them become states, evidence, claims and the keys of member issues that are neither.
 */
import type { EvidenceFieldValue } from '../domain/evidence';
import type { JiraSearchIssue } from '../jira';
import type { UnclaimedIssue } from '../item-map/claims';
import { ITEM_STATE_FIELDS, type ItemRead } from '../platform/item-states';
import { itemStatesOf } from './evidence-read';

/** Whether the map holds an issue for its item (true), the claim it makes instead, or nothing of ours. */
export type Accept = (state: ItemRead) => UnclaimedIssue | true | undefined;

/** What a read rests on for the next delta (see read-states.ts). */
export interface ReadBase {
  fullReadAt: number;
  mapHash: string;
  /** The item map's generation the read was made with (read-states.ts). */
  mapGeneration?: string;
  /** Active member issues of the checklist that gave no item state and no claim. */
  otherKeys: string[];
}

export interface StatesRead {
  states: ItemRead[];
  /** Evidence by item id (valid entries only). */
  evidence: Map<string, EvidenceFieldValue>;
  /** Issues that claim an item the map does not give them. */
  unclaimed: UnclaimedIssue[];
  /** `cold`: the partition read (cold-read.ts), in place of a full one. */
  kind: 'full' | 'cold' | 'delta';
  /** What the next read rests on; store it with `rememberBase` once the cache holds this read. */
  base: ReadBase;
}

export function readFields(fieldId: string | undefined): string[] {
  return [...ITEM_STATE_FIELDS, ...(fieldId !== undefined ? [fieldId] : [])];
}

/** States, evidence, claims and the keys of issues that are neither, from issues read with fields. */
export function statesOf(issues: readonly JiraSearchIssue[], fieldId: string | undefined, accept: Accept) {
  const unclaimed: UnclaimedIssue[] = [];
  const claimed = new Set<string>();
  const read = itemStatesOf(issues, fieldId, (state) => {
    const verdict = accept(state);
    if (verdict === undefined) return false;
    claimed.add(state.issueKey ?? '');
    if (verdict === true) return true;
    unclaimed.push(verdict);
    return false;
  });
  const otherKeys = issues.flatMap((issue) => (issue.key !== undefined && !claimed.has(issue.key) ? [issue.key] : []));
  return { ...read, unclaimed, otherKeys };
}

/**
 * Item states from Jira for scoring: the fields every rollup search asks for (status, resolution,
 * `updated`: chapter reviews go stale when an item changes after them) and how a search hit becomes
 * a state (identity, status, and the assessment the caller trusts: the one the app recorded in its
 * read-only evidence field, see src/evidence/verdict.ts; never an issue property, which anyone with
 * Edit issues can change). The search itself is in evidence/rollup-read.ts. Points and mandatory
 * flags are not read here at all: scoring takes them from the checklist definition.
 */
import type { ItemState, StatusCategory } from '../domain/types';
import type { JiraSearchIssue } from '../jira';
import { readIdentity } from '../jira/identity';
import { asRecord } from '../domain/records';
import type { TrustedAssessment } from '../domain/verdict-reading';

const CATEGORIES: readonly StatusCategory[] = ['new', 'indeterminate', 'done'];

/** An item's state as read from Jira, with when its issue last changed (Jira's `updated`). */
export interface ItemRead extends ItemState {
  updatedAt?: string;
  /**
   * Without `updatedAt`: the issue last changed before this instant (the rollup cache keeps exact
   * times only for recent changes, src/rollup/cache-codec.ts). Absent when not known at all.
   */
  updatedBefore?: string;
  /** The assignee's account id (the item's owner); null when unassigned, absent when not read (older caches). */
  assignee?: string | null;
}

/** Fields every rollup search asks for. */
export const ITEM_STATE_FIELDS = ['status', 'resolution', 'updated', 'assignee'] as const;

export type { TrustedAssessment } from '../domain/verdict-reading';

/** The state of an active item's issue; `assessmentOf` gives the trusted assessment of the item. */
export function toItemState(issue: JiraSearchIssue, assessmentOf: (itemId: string) => TrustedAssessment): ItemRead | undefined {
  const identity = readIdentity(issue.properties);
  if (identity?.kind !== 'item' || identity.state !== 'active' || issue.key === undefined) return undefined;
  const trusted = assessmentOf(identity.itemId);
  const status = asRecord(issue.fields?.status);
  const category = asRecord(status?.statusCategory)?.key;
  const resolution = asRecord(issue.fields?.resolution);
  return {
    itemId: identity.itemId,
    issueKey: issue.key,
    ...(typeof category === 'string' && (CATEGORIES as readonly string[]).includes(category) ? { statusCategory: category as StatusCategory } : {}),
    ...(typeof status?.name === 'string' ? { statusName: status.name } : {}),
    resolution: typeof resolution?.name === 'string' ? resolution.name : null,
    assessment: trusted.result,
    ...(trusted.justification !== undefined ? { assessmentJustification: trusted.justification } : {}),
    ...(typeof issue.fields?.updated === 'string' ? { updatedAt: issue.fields.updated } : {}),
    assignee: typeof asRecord(issue.fields?.assignee)?.accountId === 'string' ? (asRecord(issue.fields?.assignee)?.accountId as string) : null,
  };
}

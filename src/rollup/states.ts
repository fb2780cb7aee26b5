/**
 * Reading item states from Jira for scoring: one paged search of the checklist's active items with
 * status, resolution, `updated` (chapter reviews go stale when an item changes after them), the
 * identity and the explicit assessment.
 */
import type { ChecklistDefinition, ItemResult, ItemState, StatusCategory } from '../domain/types';
import type { JiraClient, JiraSearchIssue } from '../jira';
import { activeItemsJql, ASSESSMENT_PROPERTY, ITEM_PROPERTY, readAssessment, readIdentity } from '../jira/identity';

const CATEGORIES: readonly StatusCategory[] = ['new', 'indeterminate', 'done'];

/** An item's state as read from Jira, with when its issue last changed (Jira's `updated`). */
export interface ItemRead extends ItemState {
  updatedAt?: string;
}

/** Fields every rollup search asks for. */
export const ITEM_STATE_FIELDS = ['status', 'resolution', 'updated'] as const;

export async function readItemStates(jira: JiraClient, projectKey: string, def: ChecklistDefinition): Promise<ItemRead[]> {
  const issues = await jira.searchJql({
    jql: activeItemsJql(projectKey, def.id),
    fields: [...ITEM_STATE_FIELDS],
    properties: [ITEM_PROPERTY, ASSESSMENT_PROPERTY],
  });
  return issues.flatMap((issue) => {
    const state = toItemState(issue);
    return state ? [state] : [];
  });
}

export function toItemState(issue: JiraSearchIssue): ItemRead | undefined {
  const identity = readIdentity(issue.properties);
  if (identity?.kind !== 'item' || identity.state !== 'active' || issue.key === undefined) return undefined;
  const status = asRecord(issue.fields?.status);
  const category = asRecord(status?.statusCategory)?.key;
  const resolution = asRecord(issue.fields?.resolution);
  const assessment: ItemResult | null = readAssessment(issue.properties);
  return {
    itemId: identity.itemId,
    issueKey: issue.key,
    ...(typeof category === 'string' && (CATEGORIES as readonly string[]).includes(category) ? { statusCategory: category as StatusCategory } : {}),
    ...(typeof status?.name === 'string' ? { statusName: status.name } : {}),
    resolution: typeof resolution?.name === 'string' ? resolution.name : null,
    assessment,
    ...(typeof issue.fields?.updated === 'string' ? { updatedAt: issue.fields.updated } : {}),
  };
}

function asRecord(value: unknown): Record<string, unknown> | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
}

/**
 * The team's own answers a custom checklist came with (the AWS workbook's `Met?` column), stored
 * beside the definition rather than in it: a definition is versioned data, a result is state, and
 * these are only a starting state for the issues an import creates.
 *
 * Stored as one list in item order, so the value's size depends on the item count (≤ 2,000 short
 * strings, about 18 KB), never on how long the item ids are.
 */
import { z } from 'zod';
import type { InitialResultName } from '../../common/custom-checklists';
import type { ChecklistDefinition, ChecklistItem } from '../domain/types';
import { ASSESSMENT_PROPERTY } from '../jira/identity';
import type { EntityPropertyInput } from '../jira/issues';
import { customChecklistResultsKey } from '../storage/keys';
import { deleteValue, readValue, writeValue } from '../storage/kvs';

const resultsRecordSchema = z.object({
  /** The items the list is aligned with; a mismatch means the record is stale and is ignored. */
  itemCount: z.number().int().min(0),
  results: z.array(z.enum(['met', 'not_met', 'na']).nullable()),
  /** Who saved the checklist with these answers, and when: the assessment's author on import. */
  savedBy: z.string(),
  savedAt: z.string(),
});

export interface InitialResults {
  /** Item id → answer, for the items that have one. */
  byItem: Map<string, InitialResultName>;
  savedBy?: string;
  savedAt?: string;
}

/** Stores the answers (aligned with the definition's items); removes the record when there are none. */
export async function saveInitialResults(
  checklistId: string,
  results: readonly (InitialResultName | null)[],
  by: { savedBy: string; savedAt: string },
): Promise<number> {
  const given = results.filter((result) => result !== null).length;
  if (given === 0) {
    await deleteValue(customChecklistResultsKey(checklistId));
    return 0;
  }
  await writeValue(customChecklistResultsKey(checklistId), { itemCount: results.length, results: [...results], ...by });
  return given;
}

/**
 * The answers for the items of `def` that have one; none for built-ins and for custom checklists
 * saved without answers.
 */
export async function loadInitialResults(def: ChecklistDefinition): Promise<InitialResults> {
  const byItem = new Map<string, InitialResultName>();
  if (def.source !== 'custom') return { byItem };
  const record = await readValue(customChecklistResultsKey(def.id), resultsRecordSchema);
  if (!record || record.itemCount !== def.items.length) return { byItem };
  def.items.forEach((item, index) => {
    const result = record.results[index];
    if (result) byItem.set(item.id, result);
  });
  return { byItem, savedBy: record.savedBy, savedAt: record.savedAt };
}

/**
 * The `msp-audit-assessment` property an import sets on a new item's issue, in the shape
 * `setAssessment` writes, or `undefined` when the item has no answer. Only new issues get it: an
 * existing issue keeps whatever the team has assessed since.
 */
export function initialAssessment(results: InitialResults, itemId: string): Record<string, string> | undefined {
  const result = results.byItem.get(itemId);
  if (result === undefined) return undefined;
  return {
    result,
    ...(results.savedBy !== undefined ? { assessedBy: results.savedBy } : {}),
    ...(results.savedAt !== undefined ? { assessedAt: results.savedAt } : {}),
    source: 'checklist-file',
  };
}

export async function deleteInitialResults(checklistId: string): Promise<void> {
  await deleteValue(customChecklistResultsKey(checklistId));
}

/**
 * For `createItems({ extraProperties })`, used by import and version sync alike: each new issue
 * gets its item's initial assessment in the same bulk call, so the answers cost no extra request.
 */
export function initialAssessmentProperties(results: InitialResults): (item: ChecklistItem) => EntityPropertyInput[] {
  return (item) => {
    const value = initialAssessment(results, item.id);
    return value === undefined ? [] : [{ key: ASSESSMENT_PROPERTY, value }];
  };
}

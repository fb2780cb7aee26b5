/**
 * Which issues a score may count: only those the item map holds for their item. An issue whose
 * identity property claims an item the map gives to another issue (or to none) was not created by
 * the app: it is listed ("claims item X, not created by the app") and ignored until a project admin
 * adopts it (adopt.ts). The list of the last read from Jira is kept beside the map, so a rollup
 * served from its cache still shows it.
 */
import { z } from 'zod';
import { itemMapUnclaimedKey } from '../storage/keys';
import { readValue, writeValue } from '../storage/kvs';
import { isMappedItem, type ItemMap } from './model';

export interface UnclaimedIssue {
  issueKey: string;
  itemId: string;
}

/** Listed at most: enough to act on; more only says something is badly wrong. */
const MAX_LISTED = 200;

const unclaimedSchema = z.object({ issues: z.array(z.object({ issueKey: z.string(), itemId: z.string() })) });

/** Splits states read from Jira into those the map holds and those it does not (duplicates the app closed are dropped). */
export function splitByMap<T extends { itemId: string; issueKey?: string }>(map: ItemMap, checklistId: string, states: readonly T[]): { trusted: T[]; unclaimed: UnclaimedIssue[] } {
  const closed = new Set([...map.duplicates.values()].map((duplicate) => duplicate.key));
  const trusted: T[] = [];
  const unclaimed: UnclaimedIssue[] = [];
  for (const state of states) {
    if (state.issueKey !== undefined && isMappedItem(map, checklistId, state.itemId, state.issueKey)) trusted.push(state);
    else if (state.issueKey !== undefined && !closed.has(state.issueKey)) unclaimed.push({ issueKey: state.issueKey, itemId: state.itemId });
  }
  return { trusted, unclaimed: unclaimed.slice(0, MAX_LISTED) };
}

/**
 * Keeps the list of the last read. `stored`: the list as the caller read it in this invocation, so
 * an unchanged list is neither read again nor rewritten.
 */
export async function rememberUnclaimed(projectKey: string, checklistId: string, issues: readonly UnclaimedIssue[], stored?: readonly UnclaimedIssue[]): Promise<void> {
  const key = itemMapUnclaimedKey(projectKey, checklistId);
  if (stored !== undefined && JSON.stringify(stored) === JSON.stringify(issues)) return;
  // No write while there is nothing to list and nothing listed before.
  if (issues.length === 0 && stored === undefined && !(await readValue(key, unclaimedSchema))) return;
  await writeValue(key, { issues: [...issues] });
}

export async function readUnclaimed(projectKey: string, checklistId: string): Promise<UnclaimedIssue[]> {
  return (await readValue(itemMapUnclaimedKey(projectKey, checklistId), unclaimedSchema))?.issues ?? [];
}

/**
 * What an item's result is called, wherever it is shown: the Audit page, the CSV audit pack and
 * the printable report say it the same way, so none of them calls a waived item "Met".
 *
 * - Waived and N/A are results of their own. Scoring counts both as satisfying an item (a
 *   mandatory one included), but a waived item was not met on its issue, and an auditor reads the
 *   pack to see which is which.
 * - "Waived: <waiver>, by <who>, on <day>": who applied the waiver (the account id the app has; no
 *   display name is looked up) and the UTC day they did. Without the waiver's record (a report
 *   scored with waivers no longer stored) only the name is given.
 * - "N/A: <justification>" when the N/A answer carries one; "N/A" otherwise (an N/A from the
 *   team's resolution mapping has no written reason, and the "why" says where it came from).
 */
import type { ItemResultName } from './contract';

/** The short name of each result, e.g. for a pill or a filter. */
export type ShownResult = ItemResultName | 'waived';

export const SHOWN_RESULT_WORDS: Record<ShownResult, string> = {
  met: 'Met',
  waived: 'Waived',
  na: 'N/A',
  not_met: 'Not met',
  not_assessed: 'Not assessed',
};

/** What the words need to know about one item. */
export interface ResultWordsInput {
  result: ItemResultName;
  /** Name of the waiver that decided the result; present only when a waiver did. */
  waivedBy?: string;
  /** Who applied that waiver (account id) and when (ISO instant), when its record is known. */
  waiverAppliedBy?: string;
  waiverAppliedAt?: string;
  /** The N/A answer's written justification. */
  justification?: string;
}

/**
 * The item's result as shown: `waived` when a waiver decided it, otherwise its result.
 *
 * @example
 * shownResult({ result: 'met', waivedBy: 'AWS DevOps Competency' }); // 'waived'
 */
export function shownResult(item: Pick<ResultWordsInput, 'result' | 'waivedBy'>): ShownResult {
  return item.waivedBy !== undefined && item.result === 'met' ? 'waived' : item.result;
}

/**
 * The result in full words.
 *
 * @example
 * resultWords({ result: 'met', waivedBy: 'Group SOC', waiverAppliedBy: 'ana', waiverAppliedAt: '2026-03-02T10:00:00.000Z' });
 * // 'Waived: Group SOC, by ana, on 2026-03-02'
 * resultWords({ result: 'na', justification: 'We run no Windows hosts' }); // 'N/A: We run no Windows hosts'
 * resultWords({ result: 'met' });                                        // 'Met'
 */
export function resultWords(item: ResultWordsInput): string {
  const shown = shownResult(item);
  if (shown === 'waived') {
    const by = item.waiverAppliedBy ? `, by ${item.waiverAppliedBy}` : '';
    const on = item.waiverAppliedAt ? `, on ${item.waiverAppliedAt.slice(0, 10)}` : '';
    return `Waived: ${item.waivedBy ?? ''}${by}${on}`;
  }
  const justification = item.justification?.trim();
  if (shown === 'na' && justification) return `N/A: ${justification}`;
  return SHOWN_RESULT_WORDS[shown];
}

/** Which items the "Explain this score" table shows; pure so the filter is tested on its own. */
import type { RollupItem } from '../../../../../../common/contract';
import { shownResult, type ShownResult } from '../../../../../../common/result-words';

/** A result filter shows items by the result the page shows: 'met' leaves out waived items. */
export type ContributionFilter = 'all' | 'earning' | 'costing' | 'open-mandatory' | ShownResult;

export interface ExplainQuery {
  text: string;
  show: ContributionFilter;
}

/** The filter's choices, in the order offered (their words are in the audit catalogue's `filters`). */
export const FILTER_KEYS: readonly ContributionFilter[] = ['all', 'earning', 'costing', 'open-mandatory', 'met', 'waived', 'not_met', 'na', 'not_assessed'];

const isOpen = (item: RollupItem): boolean => item.result === 'not_met' || item.result === 'not_assessed';

function matchesShow(item: RollupItem, show: ContributionFilter): boolean {
  switch (show) {
    case 'all':
      return true;
    case 'earning':
      return item.earned > 0;
    case 'costing':
      return item.cost > 0;
    case 'open-mandatory':
      return item.mandatory && isOpen(item);
    default:
      return shownResult(item) === show;
  }
}

/** "MSP-14" names one issue: it must not also match MSP-140 … MSP-149. */
const ISSUE_KEY = /^[a-z][a-z0-9_]*-\d+$/;

/**
 * Case-insensitive match on id, title, reason, issue key and waiver name. A needle shaped like an
 * issue key matches that issue key (or an item id) exactly, not every key it is the start of.
 */
export function filterItems(items: readonly RollupItem[], { text, show }: ExplainQuery): RollupItem[] {
  const needle = text.trim().toLowerCase();
  const exactKey = ISSUE_KEY.test(needle);
  return items.filter((item) => {
    if (!matchesShow(item, show)) return false;
    if (!needle) return true;
    if (exactKey) return (item.issueKey ?? '').toLowerCase() === needle || item.id.toLowerCase() === needle;
    return [item.id, item.title, item.reason, item.issueKey ?? '', item.waivedBy ?? '', item.justification ?? ''].some((field) =>
      field.toLowerCase().includes(needle),
    );
  });
}

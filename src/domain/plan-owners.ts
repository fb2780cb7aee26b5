/**
 * The "by owner" table of the road to audit day. The owner of an item is its issue's assignee; a
 * row gathers the unassigned items. Pure: the use case adds names and the JQL behind each cell.
 *
 * Columns:
 * - items: the owner's items;
 * - open mandatory: mandatory items not met, N/A or waived;
 * - at stake: under the points model, the points the open items would add (their points plus the
 *   penalty an unmet mandatory item costs); under the met model, the open items (mandatory or not),
 *   since every item counts the same there;
 * - pending review: items with evidence waiting for a reviewer.
 * Rows are sorted by open mandatory, then at stake, then items (most first); the unassigned row last.
 */
import { isOpen, type PlanItem } from './plan';

export interface OwnerItem extends PlanItem {
  points: number;
  /** The penalty the item costs while unmet (points model). */
  cost: number;
  excluded?: boolean;
  /** Evidence entries waiting for review. */
  pendingReview: number;
}

export interface OwnerCell {
  count: number;
  /** Issue keys counted (items whose issue the caller can see). */
  issueKeys: string[];
}

export interface OwnerRowData {
  /** Null: the unassigned items. */
  accountId: string | null;
  items: OwnerCell;
  openMandatory: OwnerCell;
  /** Points (points model) or open items (met model); `issueKeys` are the open items. */
  atStake: OwnerCell;
  pendingReview: OwnerCell;
}

const cell = (): OwnerCell => ({ count: 0, issueKeys: [] });
const add = (target: OwnerCell, amount: number, issueKey: string | undefined) => {
  target.count += amount;
  if (issueKey !== undefined) target.issueKeys.push(issueKey);
};

/**
 * @example
 * ownerRows([{ itemId: '1.1', …, assignee: 'u1', mandatory: true, result: 'not_met', points: 10, cost: 200, pendingReview: 0 }], 'points');
 * // [{ accountId: 'u1', items: { count: 1 }, openMandatory: { count: 1 }, atStake: { count: 210 }, pendingReview: { count: 0 } }]
 */
export function ownerRows(items: readonly OwnerItem[], model: 'points' | 'met'): OwnerRowData[] {
  const rows = new Map<string | null, OwnerRowData>();
  for (const item of items) {
    const owner = item.assignee ?? null;
    let row = rows.get(owner);
    if (!row) {
      row = { accountId: owner, items: cell(), openMandatory: cell(), atStake: cell(), pendingReview: cell() };
      rows.set(owner, row);
    }
    add(row.items, 1, item.issueKey);
    const open = isOpen(item.result) && item.excluded !== true;
    if (open && item.mandatory) add(row.openMandatory, 1, item.issueKey);
    if (open) add(row.atStake, model === 'points' ? item.points + item.cost : 1, item.issueKey);
    if (item.pendingReview > 0) add(row.pendingReview, 1, item.issueKey);
  }
  return [...rows.values()].sort((a, b) => {
    if ((a.accountId === null) !== (b.accountId === null)) return a.accountId === null ? 1 : -1;
    return b.openMandatory.count - a.openMandatory.count || b.atStake.count - a.atStake.count || b.items.count - a.items.count || String(a.accountId).localeCompare(String(b.accountId));
  });
}

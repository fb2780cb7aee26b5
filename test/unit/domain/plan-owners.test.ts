import { ownerRows, type OwnerItem } from '../../../src/domain/plan-owners';

const item = (itemId: string, overrides: Partial<OwnerItem> = {}): OwnerItem => ({
  itemId,
  chapterId: 'c',
  title: itemId,
  issueKey: `MSP-${itemId}`,
  mandatory: false,
  result: 'not_met',
  points: 10,
  cost: 0,
  pendingReview: 0,
  ...overrides,
});

const items: OwnerItem[] = [
  item('1', { assignee: 'alice', mandatory: true, cost: 200 }),
  item('2', { assignee: 'alice', result: 'met' }),
  item('3', { assignee: 'alice', result: 'not_assessed', pendingReview: 2 }),
  item('4', { assignee: 'bob', mandatory: true, result: 'met', pendingReview: 1 }),
  item('5', { assignee: null, mandatory: true, result: 'not_assessed', cost: 200 }),
  item('6', { mandatory: false, result: 'na' }),
  item('7', { assignee: 'carol', mandatory: true, cost: 200, issueKey: undefined }),
  item('8', { assignee: 'carol', result: 'not_met', excluded: true }),
];

describe('ownerRows', () => {
  it('points model: items, open mandatory, points at stake and pending review per owner, unassigned last', () => {
    const rows = ownerRows(items, 'points');
    expect(rows.map((row) => [row.accountId, row.items.count, row.openMandatory.count, row.atStake.count, row.pendingReview.count])).toEqual([
      ['alice', 3, 1, 220, 1],
      ['carol', 2, 1, 210, 0],
      ['bob', 1, 0, 0, 1],
      [null, 2, 1, 210, 0],
    ]);
    const alice = rows[0]!;
    expect(alice.items.issueKeys).toEqual(['MSP-1', 'MSP-2', 'MSP-3']);
    expect(alice.openMandatory.issueKeys).toEqual(['MSP-1']);
    expect(alice.atStake.issueKeys).toEqual(['MSP-1', 'MSP-3']);
    expect(alice.pendingReview.issueKeys).toEqual(['MSP-3']);
    // An item whose issue the caller cannot see is counted but lists no key.
    expect(rows[1]!.openMandatory).toEqual({ count: 1, issueKeys: [] });
  });

  it('met model: at stake counts open items, one each', () => {
    const rows = ownerRows(items, 'met');
    expect(rows.map((row) => [row.accountId, row.atStake.count])).toEqual([
      ['alice', 2],
      ['carol', 1],
      ['bob', 0],
      [null, 1],
    ]);
  });

  it('every item lands in exactly one row', () => {
    const rows = ownerRows(items, 'points');
    expect(rows.reduce((sum, row) => sum + row.items.count, 0)).toBe(items.length);
    expect(ownerRows([], 'points')).toEqual([]);
  });
});

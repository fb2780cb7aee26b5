/**
 * Sorting the long tables: the pure order (numbers as numbers, "10.1" after "9.9", ties kept) and
 * the item explanation sorted by its column headers, with aria-sort saying how, through the filter.
 */
import { fireEvent, screen, within } from '@testing-library/react';
import { sortRows } from '../../static/app/src/components/SortHeader';
import AuditPage from '../../static/app/src/views/audit/AuditPage';
import { FakeAuditApi, renderWithServices } from './fake-services';
import { pointsNotYet } from './fixtures';

describe('sortRows', () => {
  const rows = [
    { id: '9.9', earned: 5 },
    { id: '10.1', earned: 0 },
    { id: '1.1', earned: 20 },
    { id: '8.3', earned: 0 },
  ];
  it('orders text as a person reads it and numbers as numbers, both ways, keeping ties in order', () => {
    expect(sortRows(rows, (row) => row.id, 'ascending').map((row) => row.id)).toEqual(['1.1', '8.3', '9.9', '10.1']);
    expect(sortRows(rows, (row) => row.id, 'descending').map((row) => row.id)).toEqual(['10.1', '9.9', '8.3', '1.1']);
    expect(sortRows(rows, (row) => row.earned, 'ascending').map((row) => row.id)).toEqual(['10.1', '8.3', '9.9', '1.1']);
    expect(sortRows(rows, (row) => row.earned, 'descending').map((row) => row.id)).toEqual(['1.1', '9.9', '10.1', '8.3']);
  });
  it('leaves the rows it is given alone', () => {
    const before = rows.map((row) => row.id);
    sortRows(rows, (row) => row.id, 'descending');
    expect(rows.map((row) => row.id)).toEqual(before);
  });
});

describe('the item explanation table', () => {
  async function openExplanation() {
    const api = new FakeAuditApi();
    api.rollups = [pointsNotYet];
    renderWithServices(<AuditPage pollMs={1} />, api, '/chapters');
    fireEvent.click(await screen.findByRole('button', { name: 'Explain this score' }));
    const region = screen.getByRole('region', { name: 'Score explanation' });
    const table = within(region).getByRole('table', { name: 'Item contributions' });
    const ids = () => within(table).getAllByRole('rowheader').map((cell) => cell.querySelector('strong')?.textContent);
    const header = (name: RegExp) => within(table).getByRole('columnheader', { name });
    return { region, ids, header };
  }

  it('keeps the checklist order until a header is pressed, then sorts by it both ways', async () => {
    const { ids, header } = await openExplanation();
    expect(ids()).toEqual(['1.1', '8.3', '10.1', '9.9']);
    expect(header(/Earned/)).toHaveAttribute('aria-sort', 'none');
    fireEvent.click(within(header(/Earned/)).getByRole('button'));
    expect(header(/Earned/)).toHaveAttribute('aria-sort', 'ascending');
    expect(ids()).toEqual(['8.3', '10.1', '9.9', '1.1']);
    fireEvent.click(within(header(/Earned/)).getByRole('button'));
    expect(header(/Earned/)).toHaveAttribute('aria-sort', 'descending');
    expect(ids()).toEqual(['1.1', '9.9', '8.3', '10.1']);
    // Another column takes over: only one column says it is sorted.
    fireEvent.click(within(header(/Issue/)).getByRole('button'));
    expect(header(/Earned/)).toHaveAttribute('aria-sort', 'none');
    expect(header(/Issue/)).toHaveAttribute('aria-sort', 'ascending');
    // No issue (9.9) first, then MSP-1, MSP-12, MSP-20 in number order.
    expect(ids()).toEqual(['9.9', '1.1', '8.3', '10.1']);
  });

  it('sorts what the filter leaves', async () => {
    const { region, ids, header } = await openExplanation();
    fireEvent.change(within(region).getByLabelText('Filter items'), { target: { value: 'management' } });
    fireEvent.click(within(header(/Penalty/)).getByRole('button'));
    fireEvent.click(within(header(/Penalty/)).getByRole('button'));
    expect(ids()).toEqual(['8.3']);
    fireEvent.change(within(region).getByLabelText('Filter items'), { target: { value: '' } });
    expect(ids()).toEqual(['8.3', '10.1', '1.1', '9.9']);
  });
});

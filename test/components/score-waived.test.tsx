/**
 * Waived and N/A are results of their own on the Audit page: the counts line, the explanation
 * table and the mandatory list never call a waived item "Met" (issue 22.3).
 */
import { chooseOption } from './atlaskit-select';
import { fireEvent, screen, within } from '@testing-library/react';
import AuditPage from '../../static/app/src/views/audit/AuditPage';
import type { Rollup } from '../../common/contract';
import { countsLine } from '../../static/app/src/views/audit/score/result-view';
import { FakeAuditApi, renderWithServices } from './fake-services';
import { metNotYet, pointsNotYet } from './fixtures';

const waivedMandatory = {
  id: '6.1',
  chapterId: 'ch-08',
  title: 'Deployment pipeline',
  issueKey: 'MSP-30',
  result: 'met' as const,
  reason: 'Waived: Group SOC — the group audit covers it',
  points: 0,
  mandatory: true,
  earned: 0,
  cost: 0,
  inProgress: false,
  waivedBy: 'Group SOC',
  waiverAppliedBy: 'acc-ana',
  waiverAppliedAt: '2026-03-02T10:00:00.000Z',
};
const naMandatory = {
  ...waivedMandatory,
  id: '6.2',
  title: 'Windows patching',
  issueKey: 'MSP-31',
  result: 'na' as const,
  reason: 'Assessed N/A on the issue',
  waivedBy: undefined,
  waiverAppliedBy: undefined,
  waiverAppliedAt: undefined,
  justification: 'We run no Windows hosts',
};

const rollup: Rollup = {
  ...metNotYet,
  items: [...metNotYet.items, waivedMandatory, naMandatory],
  counts: { met: 49, waived: 2, na: 1, notMet: 1, notAssessed: 8, total: 61 },
};

/** `path`: the tab opened (the item explanation is under Chapters). */
function renderPage(value: Rollup, path = '/') {
  const api = new FakeAuditApi();
  api.rollups = [value];
  return renderWithServices(<AuditPage pollMs={1} />, api, path);
}

describe('the Audit page with waived and N/A items', () => {
  it('counts waived items apart from met, while the headline still says "met, N/A or waived"', async () => {
    renderPage(rollup);
    const region = await screen.findByRole('region', { name: 'Audit score' });
    expect(within(region).getByTestId('counts-line')).toHaveTextContent('49 met · 2 waived · 1 N/A · 1 not met · 8 not assessed · 61 items');
    expect(within(region).getByTestId('score-line')).toHaveTextContent('52 of 61 met, N/A or waived');
  });

  it('shows a waived item as Waived with the waiver, who applied it and when, and an N/A item with its justification', async () => {
    renderPage(rollup, '/chapters');
    fireEvent.click(await screen.findByRole('button', { name: 'Explain this score' }));
    const table = screen.getByRole('table', { name: 'Item contributions' });
    const waivedRow = within(table).getByRole('row', { name: /6\.1 Deployment pipeline/ });
    expect(within(waivedRow).getByText('Waived')).toBeInTheDocument();
    expect(within(waivedRow).queryByText('Met')).not.toBeInTheDocument();
    expect(waivedRow).toHaveTextContent('Waived: Group SOC, by acc-ana, on 2026-03-02');
    expect(within(table).getByRole('row', { name: /6\.2 Windows patching/ })).toHaveTextContent('N/A: We run no Windows hosts');
  });

  it('filters "Met" without waived items and "Waived" to them alone', async () => {
    renderPage(rollup, '/chapters');
    fireEvent.click(await screen.findByRole('button', { name: 'Explain this score' }));
    const region = screen.getByRole('region', { name: 'Score explanation' });
    const table = within(region).getByRole('table', { name: 'Item contributions' });
    chooseOption(within(region), 'Show', 'Waived');
    expect(within(table).getAllByRole('rowheader').map((cell) => cell.querySelector('strong')?.textContent)).toEqual(['6.1']);
    chooseOption(within(region), 'Show', 'Met');
    expect(within(table).queryByRole('row', { name: /6\.1 Deployment pipeline/ })).not.toBeInTheDocument();
  });

  it('lists the mandatory items that count toward the pass without being met, with their words', async () => {
    renderPage(rollup);
    const region = await screen.findByRole('region', { name: 'Open mandatory items' });
    const list = within(region).getByTestId('mandatory-not-met');
    expect(list).toHaveTextContent('2 mandatory items count toward the pass without being met: 1 waived, 1 N/A');
    expect(list).toHaveTextContent('6.1 Deployment pipeline');
    expect(list).toHaveTextContent('Waived: Group SOC, by acc-ana, on 2026-03-02');
    expect(list).toHaveTextContent('N/A: We run no Windows hosts');
  });

  it('shows no such list when every satisfied mandatory item is met', async () => {
    renderPage(pointsNotYet);
    const region = await screen.findByRole('region', { name: 'Open mandatory items' });
    expect(within(region).queryByTestId('mandatory-not-met')).not.toBeInTheDocument();
  });
});

describe('countsLine', () => {
  it('says "met or waived" for a rollup cached before waived was counted apart', () => {
    expect(countsLine({ met: 50, notMet: 1, na: 0, notAssessed: 10, total: 61 })).toBe('50 met or waived · 0 N/A · 1 not met · 10 not assessed · 61 items');
  });
});

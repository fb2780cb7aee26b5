/** The Audit page's "Audit risks" region and its strict mode switch, against fakes. */
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import AuditPage from '../../static/app/src/views/audit/AuditPage';
import type { Rollup } from '../../common/contract';
import { renderIssueModule } from './evidence-fakes';
import { FakeAuditApi } from './fake-services';
import { pointsNotYet } from './fixtures';

const withRisks: Rollup = {
  ...pointsNotYet,
  risks: [
    { itemId: '1.1', issueKey: 'MSP-1', kind: 'met-without-evidence', detail: 'Met but has no evidence; add what an auditor will ask to see.' },
    { itemId: '8.3', issueKey: 'MSP-12', kind: 'evidence-expiring', detail: '"Patch policy" expires in 12 days (2025-12-04); renew it before the audit.', date: '2025-12-04' },
  ],
};

function renderPage(...rollups: Rollup[]) {
  const api = new FakeAuditApi();
  api.rollups = rollups;
  return { ...renderIssueModule(<AuditPage pollMs={1} />, { api, path: '/evidence' }), api };
}

describe('Audit risks on the Audit page', () => {
  it('lists each risk with its item, what to do, and a link to its issue', async () => {
    const { opened } = renderPage(withRisks);
    const region = await screen.findByRole('region', { name: 'Audit risks' });
    expect(region).toHaveTextContent('2 risks an auditor would ask about.');
    const table = within(region).getByRole('table', { name: 'Audit risks' });
    const rows = within(table).getAllByRole('row').slice(1);
    const cells = (row: HTMLElement) => [...row.querySelectorAll('th, td')].map((cell) => cell.textContent);
    expect(cells(rows[0]!)).toEqual(['1.1 Financial plan', 'No evidence', 'Met but has no evidence; add what an auditor will ask to see.', 'MSP-1']);
    expect(cells(rows[1]!).slice(0, 2)).toEqual(['8.3 Vulnerability management', 'Expiring soon']);
    fireEvent.click(within(rows[1]!).getByRole('link', { name: 'MSP-12' }));
    expect(opened).toEqual(['/browse/MSP-12']);
  });

  it('sorts the risks by a column (aria-sort says how) and narrows them with the filter', async () => {
    renderPage(withRisks);
    const region = await screen.findByRole('region', { name: 'Audit risks' });
    const table = within(region).getByRole('table', { name: 'Audit risks' });
    const itemsInOrder = () => within(table).getAllByRole('rowheader').map((cell) => cell.textContent);
    expect(itemsInOrder()).toEqual(['1.1 Financial plan', '8.3 Vulnerability management']);
    const riskHeader = within(table).getByRole('columnheader', { name: /Risk/ });
    expect(riskHeader).toHaveAttribute('aria-sort', 'none');
    fireEvent.click(within(riskHeader).getByRole('button'));
    // "Expiring soon" before "No evidence".
    expect(riskHeader).toHaveAttribute('aria-sort', 'ascending');
    expect(itemsInOrder()).toEqual(['8.3 Vulnerability management', '1.1 Financial plan']);
    fireEvent.click(within(riskHeader).getByRole('button'));
    expect(riskHeader).toHaveAttribute('aria-sort', 'descending');
    expect(itemsInOrder()).toEqual(['1.1 Financial plan', '8.3 Vulnerability management']);
    fireEvent.change(within(region).getByLabelText('Filter risks'), { target: { value: 'vulnerab' } });
    expect(itemsInOrder()).toEqual(['8.3 Vulnerability management']);
    expect(region).toHaveTextContent('1 of 2 risks shown');
  });

  it('says when there is nothing to worry about', async () => {
    renderPage(pointsNotYet);
    const region = await screen.findByRole('region', { name: 'Audit risks' });
    expect(region).toHaveTextContent('No audit risks: every item met has evidence, and none expires within 30 days.');
  });

  it('switches strict mode on, then reloads the figures', async () => {
    const { evidence, api } = renderPage(withRisks, { ...withRisks, strictMode: true });
    const toggle = await screen.findByRole('checkbox', { name: 'Strict mode: count an item as met only with accepted evidence in force' });
    expect(toggle).not.toBeChecked();
    fireEvent.click(toggle);
    await waitFor(() => expect(screen.getByRole('checkbox', { name: /Strict mode/ })).toBeChecked());
    expect(evidence.callsOf('setProjectSettings')).toEqual([[{ strictMode: true }]]);
    expect(api.callsOf('getRollup').at(-1)).toEqual([{ checklistId: 'aws-msp-4.1', refresh: true }]);
  });

  it('turns four eyes off (on by default), then reloads the figures', async () => {
    const { evidence } = renderPage(withRisks, { ...withRisks, fourEyes: false });
    const toggle = await screen.findByRole('checkbox', { name: 'Four eyes: evidence is accepted or rejected by someone other than the person who added it' });
    expect(toggle).toBeChecked();
    fireEvent.click(toggle);
    await waitFor(() => expect(screen.getByRole('checkbox', { name: /Four eyes/ })).not.toBeChecked());
    expect(evidence.callsOf('setProjectSettings')).toEqual([[{ fourEyes: false }]]);
  });

  it('shows why strict mode was not changed', async () => {
    const { evidence } = renderPage(withRisks);
    evidence.settingsAnswer = new Error('You need the Administer Projects permission in project MSP to change its audit settings.');
    fireEvent.click(await screen.findByRole('checkbox', { name: /Strict mode/ }));
    const region = screen.getByRole('region', { name: 'Audit risks' });
    expect(await within(region).findByRole('alert')).toHaveTextContent('You need the Administer Projects permission in project MSP to change its audit settings.');
    expect(screen.getByRole('checkbox', { name: /Strict mode/ })).not.toBeChecked();
  });
});

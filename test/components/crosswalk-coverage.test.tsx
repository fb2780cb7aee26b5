import { screen, within } from '@testing-library/react';
import AuditPage from '../../static/app/src/views/audit/AuditPage';
import { FakeAuditApi, renderWithServices } from './fake-services';
import { pointsNotYet } from './fixtures';
import type { Rollup } from '../../common/contract';

const firstItem = pointsNotYet.items[0]!;
const covered: Rollup = {
  ...pointsNotYet,
  strictMode: true,
  crosswalk: {
    covered: [{ itemId: firstItem.id, by: [{ checklistId: 'mspalliance-code-of-ethics', checklistName: 'MSPAlliance Code of Ethics & Conduct', itemId: '4.1', issueKey: 'MSP-7', titles: ['NDA policy'] }] }],
    mapped: 3,
    wouldClose: [firstItem.id],
    countsInStrictMode: false,
    retired: 1,
  },
};
const section = () => screen.findByRole('region', { name: 'Evidence from other checklists' });

describe('evidence from other checklists on the Audit page', () => {
  it('lists the covered items with a link to the source issue, what it would close, and what strict mode does', async () => {
    const api = new FakeAuditApi();
    api.rollups = [covered];
    renderWithServices(<AuditPage pollMs={1} />, api, '/evidence');
    const region = await section();
    expect(within(region).getByText(/1 item of 3 mapped items covered by accepted evidence on another checklist/)).toBeInTheDocument();
    expect(within(region).getByText(/Strict mode does not count it/)).toBeInTheDocument();
    expect(within(region).getByText(`Open mandatory items that work would close: ${firstItem.id}.`)).toBeInTheDocument();
    expect(within(region).getByText(/1 mapping name an item a version update retired/)).toBeInTheDocument();
    expect(within(region).getByText(/evidence from MSPAlliance Code of Ethics & Conduct 4\.1/)).toBeInTheDocument();
    expect(within(region).getByRole('link', { name: 'MSP-7' })).toBeInTheDocument();
  });

  it('is absent when no mapping applies to the checklist', async () => {
    const api = new FakeAuditApi();
    api.rollups = [pointsNotYet];
    renderWithServices(<AuditPage pollMs={1} />, api, '/evidence');
    await screen.findByRole('heading', { name: 'Audit risks' });
    expect(screen.queryByRole('region', { name: 'Evidence from other checklists' })).not.toBeInTheDocument();
  });
});

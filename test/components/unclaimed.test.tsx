import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import AuditPage from '../../static/app/src/views/audit/AuditPage';
import { FakeAuditApi, renderWithServices } from './fake-services';
import { pointsNotYet } from './fixtures';
import type { AdoptIssueResult, Rollup } from '../../common/contract';

class AdoptingApi extends FakeAuditApi {
  adoptAnswer: AdoptIssueResult | Error = { issueKey: 'MSP-99', checklistId: 'aws-msp-4.x', itemId: '1.1', keptIssueKey: 'MSP-99', closedIssueKey: 'MSP-1' };
  adoptIssue(issueKey: string): Promise<AdoptIssueResult> {
    this.calls.push({ method: 'adoptIssue', args: [issueKey] });
    return this.adoptAnswer instanceof Error ? Promise.reject(this.adoptAnswer) : Promise.resolve(this.adoptAnswer);
  }
}

const claimed: Rollup = { ...pointsNotYet, unclaimed: [{ issueKey: 'MSP-99', itemId: '1.1' }], can: { createIssues: true, editIssues: true, administerProjects: true } };
const section = async () => screen.findByRole('region', { name: 'Issues not created by the app' });

describe('issues that claim an item without the app having made them', () => {
  it('are listed, and a project admin adopts one; the figures are read again', async () => {
    const api = new AdoptingApi();
    api.rollups = [claimed, { ...claimed, unclaimed: undefined }];
    renderWithServices(<AuditPage pollMs={1} />, api);
    const list = await section();
    expect(within(list).getByText(/claims item 1\.1, not created by the app/)).toBeInTheDocument();
    fireEvent.click(within(list).getByRole('button', { name: 'Adopt MSP-99' }));
    await waitFor(() => expect(api.calls.filter((call) => call.method === 'adoptIssue')).toEqual([{ method: 'adoptIssue', args: ['MSP-99'] }]));
    await waitFor(() => expect(screen.queryByRole('region', { name: 'Issues not created by the app' })).not.toBeInTheDocument());
  });

  it('offers no adoption to someone who is not a project admin, and says why', async () => {
    const api = new AdoptingApi();
    api.rollups = [{ ...claimed, can: { createIssues: true, editIssues: true, administerProjects: false } }];
    renderWithServices(<AuditPage pollMs={1} />, api);
    const list = await section();
    expect(within(list).getByRole('button', { name: 'Adopt MSP-99' })).toBeDisabled();
    expect(within(list).getByText(/needs the Administer projects permission/)).toBeInTheDocument();
  });

  it('shows the refusal when adoption fails and keeps the list', async () => {
    const api = new AdoptingApi();
    api.rollups = [claimed];
    api.adoptAnswer = new Error('Another import or version update of AWS MSP is running in this project; try again when it finishes.');
    renderWithServices(<AuditPage pollMs={1} />, api);
    const list = await section();
    fireEvent.click(within(list).getByRole('button', { name: 'Adopt MSP-99' }));
    expect(await within(list).findByText(/try again when it finishes/)).toBeInTheDocument();
  });
});

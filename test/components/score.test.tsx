import { chooseOption } from './atlaskit-select';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { StrictMode } from 'react';
import AuditPage from '../../static/app/src/views/audit/AuditPage';
import { FakeAuditApi, renderWithServices } from './fake-services';
import { metNotYet, pointsNotYet, pointsPass } from './fixtures';
import type { Rollup } from '../../common/contract';

function renderPage(...rollups: (Rollup | Error)[]) {
  const api = new FakeAuditApi();
  api.rollups = rollups;
  return renderWithServices(<AuditPage pollMs={1} />, api);
}

/** The page opened on its Chapters tab (a deep link). */
function renderChapters(rollup: Rollup) {
  const api = new FakeAuditApi();
  api.rollups = [rollup];
  return renderWithServices(<AuditPage pollMs={1} />, api, '/chapters');
}

const scoreRegion = async () => screen.findByRole('region', { name: 'Audit score' });

describe('AuditPage after an import', () => {
  describe('score headline', () => {
    it('says "not yet" for a points score under the pass mark', async () => {
      renderPage(pointsNotYet);
      const region = await scoreRegion();
      expect(within(region).getByTestId('score-line')).toHaveTextContent('845 / 1000 — pass mark 900 — not yet');
      expect(within(region).getByText('Not yet')).toBeInTheDocument();
      expect(within(region).getByText('AWS MSP Partner Program 4.1')).toBeInTheDocument();
    });

    it('says "would pass" for a points score at or over the pass mark', async () => {
      renderPage(pointsPass);
      const region = await scoreRegion();
      expect(within(region).getByTestId('score-line')).toHaveTextContent('925 / 1000 — pass mark 900 — would pass');
      expect(within(region).getByText('Would pass')).toBeInTheDocument();
    });

    it('counts met items and open mandatory items under the met model', async () => {
      renderPage(metNotYet);
      const region = await scoreRegion();
      expect(within(region).getByTestId('score-line')).toHaveTextContent('52 of 61 met, N/A or waived — 3 mandatory open — not yet');
      expect(within(region).getByTestId('projection-line')).toHaveTextContent('53 of 61 met, N/A or waived — 2 mandatory open — not yet');
    });

    it('shows the projection if every item in progress is met', async () => {
      renderPage(pointsNotYet);
      const region = await scoreRegion();
      expect(region).toHaveTextContent('If every item in progress is met: 935 / 1000 — pass mark 900 — would pass');
      expect(within(region).getByTestId('projection-line')).toHaveTextContent('935 / 1000 — pass mark 900 — would pass');
    });
  });

  describe('open mandatory items', () => {
    it('lists each with what it costs, most expensive first, linked to its issue', async () => {
      const { opened } = renderPage(pointsNotYet);
      const region = await screen.findByRole('region', { name: 'Open mandatory items' });
      const rows = within(region).getAllByRole('listitem');
      expect(rows).toHaveLength(2);
      expect(rows[0]).toHaveTextContent('8.3 Vulnerability management');
      expect(rows[0]).toHaveTextContent('Costs 90 points (40 not earned + 50 penalty)');
      expect(rows[1]).toHaveTextContent('Costs 65 points (15 not earned + 50 penalty)');

      const link = within(region).getByRole('link', { name: 'Open MSP-12: 8.3 Vulnerability management' });
      expect(link).toHaveAttribute('href', '/browse/MSP-12');
      fireEvent.click(link);
      expect(opened).toEqual(['/browse/MSP-12']);
    });

    it('says what blocks the pass under the met model, and when an item has no issue', async () => {
      renderPage(metNotYet);
      const region = await screen.findByRole('region', { name: 'Open mandatory items' });
      expect(within(region).getAllByText('Blocks the pass until it is met, N/A or waived')).toHaveLength(3);
      expect(within(region).getByText('no issue yet')).toBeInTheDocument();
    });

    it('says so when no mandatory item is open', async () => {
      renderPage(pointsPass);
      const region = await screen.findByRole('region', { name: 'Open mandatory items' });
      expect(within(region).getByText('No mandatory item is open.')).toBeInTheDocument();
    });
  });

  describe('chapter table', () => {
    it('shows earned / max and met / total with a bar that has a text alternative', async () => {
      renderChapters(pointsNotYet);
      const region = await screen.findByRole('region', { name: 'Chapters' });
      const row = within(region).getByRole('row', { name: /Security & compliance/ });
      expect(within(row).getByText('645 / 700')).toBeInTheDocument();
      expect(within(row).getByText('40 / 51')).toBeInTheDocument();
      expect(within(row).getByRole('img', { name: 'Security & compliance: 645 of 700 points earned (92 %)' })).toBeInTheDocument();
    });

    it('opens a chapter’s items in the issue navigator with its JQL encoded', async () => {
      const { opened } = renderChapters(pointsNotYet);
      const region = await screen.findByRole('region', { name: 'Chapters' });
      fireEvent.click(within(region).getByRole('link', { name: 'Open in Jira: the issues of Business health' }));
      expect(opened).toEqual([`/issues/?jql=${encodeURIComponent('project = MSP AND auditChapter = "ch-01"')}`]);
    });

    it('drops the points column under the met model and draws bars from met items', async () => {
      renderChapters(metNotYet);
      const region = await screen.findByRole('region', { name: 'Chapters' });
      expect(within(region).queryByRole('columnheader', { name: 'Earned / max' })).not.toBeInTheDocument();
      expect(within(region).getByRole('img', { name: 'Governance: 52 of 61 items met, N/A or waived (85 %)' })).toBeInTheDocument();
    });
  });

  describe('explain this score', () => {
    it('lists each item’s contribution and reason, filterable', async () => {
      renderChapters(pointsNotYet);
      const button = await screen.findByRole('button', { name: 'Explain this score' });
      expect(button).toHaveAttribute('aria-expanded', 'false');
      fireEvent.click(button);
      const region = screen.getByRole('region', { name: 'Score explanation' });
      const table = within(region).getByRole('table', { name: 'Item contributions' });
      expect(within(table).getAllByRole('row')).toHaveLength(5); // header + 4 items
      expect(within(table).getByRole('row', { name: /8\.3 Vulnerability management/ })).toHaveTextContent('Issue MSP-12 is In Progress');

      chooseOption(within(region), 'Show', 'Items that cost a penalty');
      expect(within(table).getAllByRole('row')).toHaveLength(3);
      expect(within(region).getByText('2 matching items.')).toBeInTheDocument();

      chooseOption(within(region), 'Show', 'All items');
      fireEvent.change(within(region).getByLabelText('Filter items'), { target: { value: 'devops' } });
      expect(within(table).getAllByRole('row')).toHaveLength(2);
      expect(within(table).getByText('Waived: DevOps Competency — covered by the competency')).toBeInTheDocument();
    });
  });

  describe('freshness', () => {
    it('says how old the figures are and recomputes them on Refresh', async () => {
      const fresh: Rollup = { ...pointsPass, computedAt: '2025-11-22T10:02:00.000Z', from: 'jira' };
      const { api } = renderPage(pointsNotYet, fresh);
      const region = await scoreRegion();
      expect(within(region).getByText('Figures from 2 minutes ago')).toBeInTheDocument();

      fireEvent.click(within(region).getByRole('button', { name: 'Refresh' }));
      await within(region).findByText('Figures from just now');
      expect(within(region).getByTestId('score-line')).toHaveTextContent('925 / 1000 — pass mark 900 — would pass');
      expect(api.callsOf('getRollup')).toEqual([[{ checklistId: undefined, refresh: false }], [{ checklistId: 'aws-msp-4.1', refresh: true }]]);
    });

    it('keeps the old figures and says why when a refresh fails', async () => {
      renderPage(pointsNotYet, new Error('Jira did not answer in time. Try again in a minute.'));
      const region = await scoreRegion();
      fireEvent.click(within(region).getByRole('button', { name: 'Refresh' }));
      expect(await screen.findByText(/Jira did not answer in time\. Try again in a minute\./)).toBeInTheDocument();
      expect(within(region).getByText('845 / 1000 — pass mark 900 — not yet')).toBeInTheDocument();
    });
  });

  it('offers to import another checklist and to go back to the score', async () => {
    const api = new FakeAuditApi();
    api.rollups = [pointsNotYet];
    renderWithServices(<AuditPage pollMs={1} />, api);
    fireEvent.click(await screen.findByRole('button', { name: 'Import another checklist' }));
    expect(await screen.findByRole('heading', { name: 'Import a checklist' })).toBeInTheDocument();
    expect(screen.queryByText('No checklist imported yet')).not.toBeInTheDocument();
    fireEvent.click(screen.getByRole('button', { name: 'Back to the score' }));
    await waitFor(() => expect(screen.getByRole('region', { name: 'Audit score' })).toBeInTheDocument());
  });

  it('shows the score under StrictMode, as main.tsx renders it (effects run twice)', async () => {
    const api = new FakeAuditApi();
    api.rollups = [pointsNotYet];
    renderWithServices(
      <StrictMode>
        <AuditPage pollMs={1} />
      </StrictMode>,
      api,
    );
    expect(await scoreRegion()).toHaveTextContent('845 / 1000');
  });

  it('says why the score could not load and retries', async () => {
    renderPage(new Error('You need the Browse projects permission in this project. Ask a Jira admin.'), pointsPass);
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'Could not load the audit scoreYou need the Browse projects permission in this project. Ask a Jira admin.',
    );
    fireEvent.click(screen.getByRole('button', { name: 'Try again' }));
    expect(await scoreRegion()).toHaveTextContent('925 / 1000');
  });
});

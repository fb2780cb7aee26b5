/**
 * QA findings on the Audit page and the issue modules: the checklist switcher, hidden items, controls
 * a viewer cannot use, the long mandatory list, the met-model headline and the item panel's words.
 */
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import AuditPage from '../../static/app/src/views/audit/AuditPage';
import EvidenceTab from '../../static/app/src/views/audit/tabs/EvidenceTab';
import { ScoreDashboard } from '../../static/app/src/views/audit/score/ScoreDashboard';
import { ImportFlow } from '../../static/app/src/views/audit/import/ImportFlow';
import ItemPanelView from '../../static/app/src/views/item/ItemPanelView';
import EvidenceField from '../../static/app/src/views/evidence/EvidenceField';
import type { Rollup, RollupItem } from '../../common/contract';
import { openSelect } from './atlaskit-select';
import { FakeAuditApi, renderWithServices } from './fake-services';
import { awsSummary, metNotYet, pointsNotYet } from './fixtures';
import { emptyPanel, renderIssueModule } from './evidence-fakes';

const VIEWER = { createIssues: false, editIssues: false, administerProjects: false };
const ADMIN = { createIssues: true, editIssues: true, administerProjects: true };
const CHECKLISTS = [
  { id: 'aws-msp-4.1', name: 'AWS MSP Partner Program', version: '4.1', last: false },
  { id: 'ucs-23', name: 'MSPAlliance UCS', version: 'v.23', last: true },
];
const noop = () => undefined;

describe('checklist switcher', () => {
  it('lists the project checklists by the headline and scores the one picked', async () => {
    const api = new FakeAuditApi();
    api.rollups = [metNotYet, pointsNotYet];
    api.projectChecklists = CHECKLISTS;
    renderWithServices(<AuditPage pollMs={1} />, api);
    const region = await screen.findByRole('region', { name: 'Audit score' });
    await within(region).findByRole('combobox', { name: 'Checklist' });
    expect(within(region).getByTestId('checklist-switcher')).toHaveTextContent('MSPAlliance UCS v.23');
    openSelect(within(region), 'Checklist');
    expect(screen.getAllByRole('option').map((option) => option.textContent)).toEqual(['AWS MSP Partner Program 4.1', 'MSPAlliance UCS v.23']);

    fireEvent.click(screen.getByRole('option', { name: 'AWS MSP Partner Program 4.1' }));
    const after = await screen.findByRole('region', { name: 'Audit score' });
    await waitFor(() => expect(within(after).getByTestId('score-line')).toHaveTextContent('845 / 1000 — pass mark 900 — not yet'));
    expect(within(after).getByTestId('checklist-switcher')).toHaveTextContent('AWS MSP Partner Program 4.1');
    expect(api.callsOf('getRollup')).toEqual([[{ checklistId: undefined, refresh: false }], [{ checklistId: 'aws-msp-4.1', refresh: false }]]);
    // Both are listed already: switching does not ask for the list again.
    expect(api.callsOf('listProjectChecklists')).toHaveLength(1);
  });

  it('shows the checklist name instead when the project holds only one', async () => {
    const api = new FakeAuditApi();
    api.rollups = [metNotYet];
    api.projectChecklists = [CHECKLISTS[1]!];
    renderWithServices(<AuditPage pollMs={1} />, api);
    const region = await screen.findByRole('region', { name: 'Audit score' });
    await waitFor(() => expect(api.callsOf('listProjectChecklists')).toHaveLength(1));
    expect(within(region).queryByRole('combobox', { name: 'Checklist' })).toBeNull();
    expect(within(region).getByText('MSPAlliance UCS v.23')).toBeInTheDocument();
  });

  it('keeps the score when the list cannot be read', async () => {
    const warn = jest.spyOn(console, 'warn').mockImplementation(noop);
    const api = new FakeAuditApi();
    api.rollups = [metNotYet];
    api.projectChecklists = new Error('Jira is down');
    renderWithServices(<AuditPage pollMs={1} />, api);
    const region = await screen.findByRole('region', { name: 'Audit score' });
    await waitFor(() => expect(warn).toHaveBeenCalled());
    expect(within(region).getByTestId('score-line')).toHaveTextContent('52 of 61 met, N/A or waived');
    warn.mockRestore();
  });
});

describe('headline', () => {
  it('says "met, N/A or waived" under the met model', async () => {
    renderWithServices(<ScoreDashboard rollup={metNotYet} refreshing={false} onRefresh={noop} onImportAnother={noop} />);
    expect(screen.getByTestId('score-line')).toHaveTextContent('52 of 61 met, N/A or waived — 3 mandatory open — not yet');
  });

  it.each([
    [3, '3 items are on issues you cannot see.'],
    [1, '1 item is on an issue you cannot see.'],
  ])('says when %i items are on issues the user cannot see', (hiddenItems, words) => {
    renderWithServices(<ScoreDashboard rollup={{ ...metNotYet, hiddenItems }} refreshing={false} onRefresh={noop} onImportAnother={noop} />);
    expect(within(screen.getByRole('region', { name: 'Audit score' })).getByTestId('hidden-items-line')).toHaveTextContent(words);
  });

  it.each([[0], [undefined]])('says nothing about hidden items when there are %s', (hiddenItems) => {
    const rollup: Rollup = { ...metNotYet, ...(hiddenItems !== undefined ? { hiddenItems } : {}) };
    renderWithServices(<ScoreDashboard rollup={rollup} refreshing={false} onRefresh={noop} onImportAnother={noop} />);
    expect(screen.queryByTestId('hidden-items-line')).toBeNull();
    expect(screen.queryByText(/cannot see/)).toBeNull();
  });
});

describe('controls a viewer cannot use', () => {
  // Strict mode sits in the "Evidence and risks" tab, "Import another checklist" in the overview.
  const renderDashboard = (rollup: Rollup) =>
    renderIssueModule(
      <>
        <ScoreDashboard rollup={rollup} refreshing={false} onRefresh={noop} onImportAnother={noop} />
        <EvidenceTab rollup={rollup} onChanged={noop} />
      </>,
    );

  it('disables strict mode and "Import another checklist" with the reason for a viewer', () => {
    renderDashboard({ ...pointsNotYet, can: VIEWER });
    const strict = screen.getByRole('checkbox', { name: /Strict mode/ });
    expect(strict).toBeDisabled();
    expect(strict).toHaveAccessibleDescription('Only a project admin can change strict mode: it needs the Administer projects permission.');
    const importAnother = screen.getByRole('button', { name: 'Import another checklist' });
    expect(importAnother).toBeDisabled();
    expect(importAnother).toHaveAccessibleDescription('You need the Create issues permission in this project to import a checklist.');
  });

  it('enables both for a project admin', () => {
    renderDashboard({ ...pointsNotYet, can: ADMIN });
    expect(screen.getByRole('checkbox', { name: /Strict mode/ })).toBeEnabled();
    expect(screen.getByRole('button', { name: 'Import another checklist' })).toBeEnabled();
    expect(screen.queryByText(/You need the Create issues permission/)).toBeNull();
  });

  it('keeps today\'s behaviour (enabled; the server checks) when the rollup does not say', () => {
    renderDashboard(pointsNotYet);
    expect(screen.getByRole('checkbox', { name: /Strict mode/ })).toBeEnabled();
    expect(screen.getByRole('button', { name: 'Import another checklist' })).toBeEnabled();
  });

  it('disables "Bring your own checklist" and Import without Create issues, saying why', async () => {
    const api = new FakeAuditApi();
    api.checklists = [awsSummary];
    renderWithServices(<ImportFlow firstImport={false} onShowScore={noop} onCancel={noop} canCreateIssues={false} />, api);
    const own = await screen.findByRole('button', { name: 'Bring your own checklist' });
    expect(own).toBeDisabled();
    expect(own).toHaveAccessibleDescription('You need the Create issues permission in this project to import a checklist.');
    expect(screen.getByRole('button', { name: 'Import' })).toBeDisabled();
  });

  it('leaves "Bring your own checklist" usable when the permission is unknown', async () => {
    const api = new FakeAuditApi();
    api.checklists = [awsSummary];
    renderWithServices(<ImportFlow firstImport onShowScore={noop} />, api);
    expect(await screen.findByRole('button', { name: 'Bring your own checklist' })).toBeEnabled();
  });
});

describe('open mandatory items', () => {
  const many: RollupItem[] = Array.from({ length: 14 }, (_, i) => ({
    id: `M${i + 1}`,
    chapterId: 'ch-01',
    title: `Mandatory ${i + 1}`,
    issueKey: `MSP-${i + 1}`,
    result: 'not_met',
    reason: 'Assessed not met',
    points: 10 * (i + 1),
    mandatory: true,
    earned: 0,
    cost: 50,
    inProgress: false,
  }));
  const rollup: Rollup = { ...pointsNotYet, items: many, mandatoryOpen: many.map((item) => item.id) };

  it('shows the 10 most expensive, then "Show all 14" reveals the rest', () => {
    renderWithServices(<ScoreDashboard rollup={rollup} refreshing={false} onRefresh={noop} onImportAnother={noop} />);
    const region = screen.getByRole('region', { name: 'Open mandatory items' });
    const ids = () => within(region).getAllByRole('listitem').map((li) => li.querySelector('strong')?.textContent);
    expect(ids()).toEqual(['M14', 'M13', 'M12', 'M11', 'M10', 'M9', 'M8', 'M7', 'M6', 'M5']);
    const more = within(region).getByRole('button', { name: 'Show all 14' });
    expect(more).toHaveAttribute('aria-expanded', 'false');
    more.focus();
    expect(more).toHaveFocus();
    fireEvent.click(more);
    expect(ids()).toHaveLength(14);
    expect(within(region).getByRole('button', { name: 'Show the 10 most expensive' })).toHaveAttribute('aria-expanded', 'true');
  });

  it('has no button when 10 or fewer are open', () => {
    renderWithServices(<ScoreDashboard rollup={metNotYet} refreshing={false} onRefresh={noop} onImportAnother={noop} />);
    expect(within(screen.getByRole('region', { name: 'Open mandatory items' })).queryByRole('button')).toBeNull();
  });
});

describe('item panel wording', () => {
  it('names the chapter by its title only', async () => {
    renderIssueModule(<ItemPanelView />, { panel: { ...emptyPanel, item: { ...emptyPanel.item!, chapterId: 'prereq', chapterTitle: 'Prerequisites' } } });
    const item = await screen.findByRole('region', { name: 'Checklist item' });
    expect(item).toHaveTextContent('AWS MSP Partner Program 4.1 · Prerequisites · 40 points');
    expect(item).not.toHaveTextContent('prereq ');
    expect(item).not.toHaveTextContent('chapter');
  });

  it('shows no points for a met-model checklist', async () => {
    renderIssueModule(<ItemPanelView />, { panel: { ...emptyPanel, item: { ...emptyPanel.item!, model: 'met', points: 0, penalty: 0 } } });
    const item = await screen.findByRole('region', { name: 'Checklist item' });
    expect(item).toHaveTextContent('AWS MSP Partner Program 4.1 · Security & compliance · mandatory');
    expect(screen.queryByText(/points/i)).toBeNull();
  });

  it('says "No evidence" once when there is none', async () => {
    renderIssueModule(<ItemPanelView />, { panel: emptyPanel });
    const region = await screen.findByRole('region', { name: 'Evidence' });
    expect(within(region).getByTestId('evidence-summary')).toHaveTextContent('No evidence');
    expect(within(region).queryByText('No evidence yet.')).toBeNull();
  });

  it('does not tell a viewer of the evidence field to use Edit', async () => {
    renderIssueModule(<EvidenceField />, { field: { entryPoint: 'view', value: null } });
    expect(await screen.findByText('No evidence yet.')).toBeInTheDocument();
    expect(screen.queryByText(/Use Edit/)).toBeNull();
  });
});

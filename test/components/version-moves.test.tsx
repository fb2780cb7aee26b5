/**
 * Honest moves between versions on the Audit page: the preview says what carries over and what work
 * would be retired, lists the proposed moves to confirm one by one or all, and applySync receives
 * exactly the confirmed ones; a retired checklist shows in the switcher as history, not selectable.
 */
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import AuditPage from '../../static/app/src/views/audit/AuditPage';
import type { ChecklistSummary, Rollup, SyncPreview } from '../../common/contract';
import type { ProjectChecklist } from '../../common/project-checklists';
import { openSelect } from './atlaskit-select';
import { FakeAuditApi, renderWithServices } from './fake-services';
import { pointsNotYet } from './fixtures';

const teamSummary: ChecklistSummary = {
  id: 'team-list-1',
  framework: 'team-list',
  name: 'Team list',
  version: '1',
  description: 'Imported from team-list.csv.',
  model: 'points',
  itemCount: 2,
  chapterCount: 2,
  mandatoryCount: 1,
  maxScore: 100,
  passMark: 60,
  source: 'custom',
};

const oldRollup: Rollup = { ...pointsNotYet, checklistId: 'team-list-1', checklistName: 'Team list', version: '1' };
const plan: SyncPreview = {
  checklistId: 'team-list-2',
  framework: 'team-list',
  version: '2',
  fromChecklistIds: ['team-list-1'],
  summary: { create: 5, update: 1, renamed: 0, restored: 0, changed: 0, versionOnly: 1, retire: 4, unchanged: 1, duplicates: 0, carriedOver: 2, activeBefore: 6, retiredWithWork: 3, proposals: 2 },
  proposals: [
    { fromItemId: '8.3', toItemId: 'SEC-008', reason: 'Same title: “Vulnerability Management”', withWork: true, issueKey: 'MSP-80' },
    { fromItemId: '2.2', toItemId: 'BUS-003', reason: 'Same title: “Financial Planning and Reporting”', withWork: false, issueKey: 'MSP-20' },
  ],
  create: [],
  update: [],
  retire: [],
  duplicates: [],
};

describe('moving to another version', () => {
  it('says what carries over, counts each confirmed proposal and applies exactly the confirmed ones', async () => {
    const api = new FakeAuditApi();
    api.rollups = [oldRollup, { ...oldRollup, checklistId: 'team-list-2', version: '2' }];
    api.checklists = [teamSummary, { ...teamSummary, id: 'team-list-2', version: '2' }];
    api.syncPreview = plan;
    api.syncResults = [{ checklistId: 'team-list-2', created: 5, updated: 2, retired: 3, unchanged: 1, complete: true }];
    renderWithServices(<AuditPage pollMs={1} />, api);

    const region = await screen.findByRole('region', { name: 'Version 2 of Team list is available' });
    expect(region).toHaveTextContent('only issues that stand for an item of version 2 keep their status, owners and evidence');
    expect(region).not.toHaveTextContent('status, owners and evidence are kept');
    fireEvent.click(within(region).getByRole('button', { name: 'Update to version 2' }));
    const line = await within(region).findByTestId('carry-line');
    expect(line).toHaveTextContent('2 of 6 items carry over (their issues keep status, owner, evidence and history); 3 issues with work would be retired');

    const moves = within(region).getByRole('group', { name: 'Proposed moves (2)' });
    fireEvent.click(within(moves).getByRole('checkbox', { name: /^8\.3 \(MSP-80\) → SEC-008/ }));
    expect(line).toHaveTextContent('3 of 6 items carry over (their issues keep status, owner, evidence and history); 2 issues with work would be retired');
    fireEvent.click(within(moves).getByRole('button', { name: 'Confirm all proposals' }));
    expect(line).toHaveTextContent('4 of 6 items carry over');
    fireEvent.click(within(moves).getByRole('checkbox', { name: /^2\.2 \(MSP-20\) → BUS-003/ }));
    expect(line).toHaveTextContent('3 of 6 items carry over');
    expect(within(region).getByRole('list', { name: 'Changes in the update' })).toHaveTextContent('1 confirmed move keeping the old issue for the new item4 new items created');

    fireEvent.click(within(region).getByRole('button', { name: 'Apply the update' }));
    await waitFor(() => expect(api.callsOf('applySync')).toEqual([['team-list-2', [{ fromItemId: '8.3', toItemId: 'SEC-008' }]]]));
  });

  it('lists a retired checklist as history: not selectable, with its replacement and last score', async () => {
    const api = new FakeAuditApi();
    const current: Rollup = { ...oldRollup, checklistId: 'team-list-2', version: '2' };
    api.rollups = [current];
    api.checklists = [teamSummary, { ...teamSummary, id: 'team-list-2', version: '2' }];
    const listed: ProjectChecklist[] = [
      {
        id: 'team-list-1',
        name: 'Team list',
        version: '1',
        last: false,
        retired: { at: '2026-12-07T00:40:00.000Z', replacedBy: 'team-list-2', replacedByVersion: '2', lastScore: { score: 412, maxScore: 1000, passed: false, at: '2026-12-06T10:00:00.000Z' } },
      },
      { id: 'team-list-2', name: 'Team list', version: '2', last: true },
    ];
    api.projectChecklists = listed;
    renderWithServices(<AuditPage pollMs={1} />, api);
    await screen.findByRole('combobox', { name: 'Checklist' });
    expect(screen.getByTestId('checklist-switcher')).toHaveTextContent('Team list 2');
    openSelect(screen, 'Checklist');
    const options = screen.getAllByRole('option');
    expect(options.map((option) => [option.textContent, option.getAttribute('aria-disabled') === 'true'])).toEqual([
      ['Team list 1 (retired, replaced by 2)', true],
      ['Team list 2', false],
    ]);
    expect(screen.getByRole('list', { name: 'Retired checklists' })).toHaveTextContent(
      'Team list 1: retired 7 Dec 2026, replaced by version 2; last score 412 / 1000 (not passed) on 6 Dec 2026. Read only',
    );
    expect(screen.queryByRole('button', { name: /Update to version/ })).not.toBeInTheDocument();
  });
});

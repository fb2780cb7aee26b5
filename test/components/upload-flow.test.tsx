/**
 * The team's own checklist on the Audit page: "Bring your own checklist" opens the upload view,
 * a save lands back on the picker with the new checklist chosen for the same Import button, an
 * AWS self-assessment workbook needs no mapping, and "Update to version" previews before applying.
 */
import { TextDecoder, TextEncoder } from 'node:util';
import { act, configure, fireEvent, screen, waitFor, within } from '@testing-library/react';
import AuditPage from '../../static/app/src/views/audit/AuditPage';
import type { ChecklistSummary, ChecklistView, Rollup, SyncPreview } from '../../common/contract';
import { buildAwsWorkbook } from '../fixtures/sheets/build-aws-workbook';
import { FakeAuditApi, renderWithServices } from './fake-services';
import { awsSummary, importStatus, pointsNotYet } from './fixtures';

Object.assign(globalThis, { TextDecoder, TextEncoder });
// Reading a file and rebuilding the preview takes a moment on a loaded machine (the full suite runs in parallel).
configure({ asyncUtilTimeout: 5000 });

const CSV = ['ID,Title,Chapter,Points,Mandatory', 'G-1,Service catalogue,Governance,60,yes', 'O-1,Incident management,Operations,40,no'].join('\n');

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

const teamView: ChecklistView = {
  ...teamSummary,
  passRule: { kind: 'points', passMark: 60 },
  naPolicy: 'award',
  chapters: [
    { id: 'governance', title: 'Governance', order: 1 },
    { id: 'operations', title: 'Operations', order: 2 },
  ],
  items: [
    { id: 'G-1', chapterId: 'governance', title: 'Service catalogue', requirement: 'Service catalogue', evidence: [], points: 60, mandatory: true, penalty: 200 },
    { id: 'O-1', chapterId: 'operations', title: 'Incident management', requirement: 'Incident management', evidence: [], points: 40, mandatory: false, penalty: 0 },
  ],
  waivers: [],
};

/** Opens the upload view; its module loads lazily (slow the first time jest compiles it). */
async function openUpload(): Promise<void> {
  fireEvent.click(await screen.findByRole('button', { name: 'Bring your own checklist' }));
  await screen.findByRole('heading', { name: 'Bring your own checklist' }, { timeout: 15_000 });
}

async function choose(file: File): Promise<void> {
  await act(async () => {
    fireEvent.change(screen.getByLabelText(/^Checklist file/), { target: { files: [file] } });
  });
  await waitFor(() => expect(screen.queryByRole('region', { name: /^Preview:/ }) ?? screen.queryByRole('alert')).not.toBeNull(), { timeout: 10_000 });
}

describe('Bring your own checklist on the Audit page', () => {
  it('opens the upload view, saves, and comes back to the picker with the new checklist ready to import', async () => {
    const api = new FakeAuditApi();
    api.rollups = [null];
    api.checklists = [awsSummary];
    api.checklistById = { [teamSummary.id]: teamView };
    api.saveResult = { checklist: teamSummary, unchanged: false, initialResults: 0 };
    api.importStatuses = [importStatus({ checklistId: teamSummary.id, state: 'queued' })];
    renderWithServices(<AuditPage pollMs={1} />, api);

    await openUpload();
    await choose(new File([CSV], 'team-list.csv'));
    fireEvent.change(screen.getByLabelText('Pass mark'), { target: { value: '60' } });
    await screen.findByText('No problems found');

    // The list answers with the new checklist once it is saved.
    api.checklists = [awsSummary, teamSummary];
    fireEvent.click(screen.getByRole('button', { name: 'Save checklist' }));

    const radio = await screen.findByRole('radio', { name: /Team list version 1/ });
    expect(radio).toBeChecked();
    expect(screen.getByText('Saved Team list 1')).toBeInTheDocument();
    await screen.findByRole('region', { name: 'Preview: Team list 1' });
    fireEvent.click(screen.getByRole('button', { name: 'Import' }));
    await waitFor(() => expect(api.callsOf('startImport')).toEqual([['team-list-1']]));
    expect(api.callsOf('listChecklists')).toHaveLength(2);
  });

  it('goes back to the picker without saving', async () => {
    const api = new FakeAuditApi();
    api.checklists = [awsSummary];
    renderWithServices(<AuditPage pollMs={1} />, api);
    await openUpload();
    fireEvent.click(screen.getByRole('button', { name: 'Back to the checklists' }));
    expect(await screen.findByRole('group', { name: 'Checklist' })).toBeInTheDocument();
    expect(api.callsOf('saveCustomChecklist')).toEqual([]);
  });

  it('reads the AWS self-assessment workbook with no mapping step, Met? answers included', async () => {
    const api = new FakeAuditApi();
    api.checklists = [awsSummary, { ...awsSummary, id: 'aws-msp-7.1', version: '7.1', model: 'met', name: 'AWS MSP Validation Checklist' }];
    const bytes = await buildAwsWorkbook();
    renderWithServices(<AuditPage pollMs={1} />, api);
    await openUpload();
    await choose(new File([bytes.slice().buffer as ArrayBuffer], 'MSP self-assessment.xlsx'));

    expect(screen.getByText('AWS MSP self-assessment workbook recognised')).toBeInTheDocument();
    expect(screen.queryByRole('table', { name: 'Column mapping' })).not.toBeInTheDocument();
    // This workbook's Introduction names no version: the team gives one. The built-in's framework
    // is not the team's to extend (its projects would be offered the file as an update).
    expect(screen.getByLabelText('Version')).toHaveValue('');
    expect(screen.getByLabelText('Framework')).toHaveValue('aws-msp-team');
    fireEvent.change(screen.getByLabelText('Framework'), { target: { value: 'aws-msp' } });
    fireEvent.change(screen.getByLabelText('Version'), { target: { value: '7.1' } });
    expect(await screen.findByText(/"aws-msp" is the framework of a built-in checklist \(aws-msp-4\.1\); pick another framework name, e\.g\. aws-msp-team/)).toBeInTheDocument();
    fireEvent.change(screen.getByLabelText('Framework'), { target: { value: 'aws-msp-team' } });
    expect(screen.getByLabelText('Checklist id')).toHaveValue('aws-msp-team-7.1');
    await screen.findByText('No problems found');
    const preview = screen.getByRole('region', { name: /^Preview:/ });
    expect(within(preview).getByRole('table', { name: 'Chapters in the file' })).toHaveTextContent('Prerequisites');
    expect(preview).toHaveTextContent(/\d+ met, \d+ not met, 0 N\/A — set on each new issue when imported/);

    fireEvent.click(screen.getByRole('button', { name: 'Map the columns myself' }));
    expect(await screen.findByRole('table', { name: 'Column mapping' })).toBeInTheDocument();
  }, 20_000);
});

describe('Update to version', () => {
  const teamRollup: Rollup = { ...pointsNotYet, checklistId: 'team-list-1', checklistName: 'Team list', version: '1' };
  const plan: SyncPreview = {
    checklistId: 'team-list-2',
    framework: 'team-list',
    version: '2',
    fromChecklistIds: ['team-list-1'],
    summary: { create: 3, update: 5, renamed: 1, restored: 0, changed: 2, versionOnly: 2, retire: 1, unchanged: 0, duplicates: 0, carriedOver: 5, activeBefore: 6, retiredWithWork: 0, proposals: 0 },
    proposals: [],
    create: [],
    update: [],
    retire: [],
    duplicates: [],
  };

  it('offers the newer version, previews its changes, applies it until complete and shows its score', async () => {
    const api = new FakeAuditApi();
    api.rollups = [teamRollup, { ...teamRollup, checklistId: 'team-list-2', version: '2' }];
    api.checklists = [awsSummary, teamSummary, { ...teamSummary, id: 'team-list-2', version: '2' }, { ...teamSummary, id: 'team-list-0', version: '0' }];
    api.syncPreview = plan;
    api.syncResults = [
      { checklistId: 'team-list-2', created: 2, updated: 5, retired: 0, unchanged: 0, complete: false },
      { checklistId: 'team-list-2', created: 1, updated: 0, retired: 1, unchanged: 0, complete: true },
    ];
    renderWithServices(<AuditPage pollMs={1} />, api);

    const region = await screen.findByRole('region', { name: 'Version 2 of Team list is available' });
    fireEvent.click(within(region).getByRole('button', { name: 'Update to version 2' }));
    const changes = await within(region).findByRole('list', { name: 'Changes in the update' });
    expect(within(changes).getAllByRole('listitem').map((li) => li.textContent)).toEqual([
      '3 new items created',
      '2 changed items updated (text, points or chapter)',
      '1 renamed item moved to the new id',
      '1 retired item labelled retired, leaving the score',
      '2 items only moved to the new version',
    ]);
    expect(api.callsOf('applySync')).toEqual([]);

    fireEvent.click(within(region).getByRole('button', { name: 'Apply the update' }));
    await waitFor(() => expect(api.callsOf('getRollup').at(-1)).toEqual([{ checklistId: 'team-list-2', refresh: true }]));
    expect(api.callsOf('planSync')).toEqual([['team-list-2']]);
    expect(api.callsOf('applySync')).toEqual([['team-list-2'], ['team-list-2']]);
  });

  it('says a version is a team\'s own and lists which items are new, changed, renamed and retired before Apply', async () => {
    const api = new FakeAuditApi();
    api.rollups = [teamRollup];
    api.checklists = [teamSummary, { ...teamSummary, id: 'team-list-2', version: '2', source: 'custom', savedAt: '2025-05-03T10:00:00.000Z', savedBy: 'admin' }];
    api.syncPreview = {
      ...plan,
      summary: { ...plan.summary, create: 1, changed: 1, renamed: 1, retire: 1, versionOnly: 1 },
      create: [{ itemId: '11.1', chapterId: 'ch-11', title: 'Capacity planning' }],
      update: [
        { issueKey: 'MSP-1', itemId: '1.1', changes: ['points', 'identity'] },
        { issueKey: 'MSP-12', itemId: '8.4', previousItemId: '8.3', changes: ['identity'] },
        { issueKey: 'MSP-5', itemId: '9.9', changes: ['identity'] },
      ],
      retire: [{ issueKey: 'MSP-20', itemId: '10.1' }],
    };
    renderWithServices(<AuditPage pollMs={1} />, api);

    const region = await screen.findByRole('region', { name: 'Version 2 of Team list is available' });
    expect(region).toHaveTextContent('Version 2 is a checklist a team saved on this site, saved 3 May 2025, not one that ships with the app.');
    fireEvent.click(within(region).getByRole('button', { name: 'Update to version 2' }));
    await within(region).findByRole('list', { name: 'Changes in the update' });
    const listed = (name: string) => within(within(region).getByRole('region', { name })).getAllByRole('listitem').map((li) => li.textContent);
    expect(listed('New items')).toEqual(['11.1 — Capacity planning']);
    expect(listed('Changed items')).toEqual(['1.1 — Financial plan (points)']);
    expect(listed('Renamed items')).toEqual(['8.3 → 8.4 — Vulnerability management']);
    expect(listed('Retired items')).toEqual(['10.1 — Incident response (MSP-20)']);
    expect(api.callsOf('applySync')).toEqual([]);
  });

  it('offers nothing when the project already has the newest version', async () => {
    const api = new FakeAuditApi();
    api.rollups = [teamRollup];
    api.checklists = [teamSummary];
    renderWithServices(<AuditPage pollMs={1} />, api);
    await screen.findByRole('region', { name: 'Audit score' });
    await waitFor(() => expect(api.callsOf('listChecklists')).toHaveLength(1));
    expect(screen.queryByRole('button', { name: /Update to version/ })).not.toBeInTheDocument();
  });
});

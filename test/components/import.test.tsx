import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import AuditPage from '../../static/app/src/views/audit/AuditPage';
import { UNKNOWN_FAILURE } from '../../static/app/src/api/errors';
import { FakeAuditApi, renderWithServices } from './fake-services';
import { awsChecklist, awsSummary, importStatus, pointsNotYet, ucsSummary } from './fixtures';
import type { ImportStatus } from '../../common/contract';

function deferred<T>() {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((settle) => (resolve = settle));
  return { promise, resolve };
}

/** A project with nothing imported yet and two checklists to choose from. */
function emptyProject(): FakeAuditApi {
  const api = new FakeAuditApi();
  api.rollups = [null];
  api.checklists = [awsSummary, ucsSummary];
  api.checklistById = { [awsChecklist.id]: awsChecklist };
  return api;
}

async function pickAwsAndWaitForPreview() {
  fireEvent.click(await screen.findByRole('radio', { name: /AWS MSP Partner Program/ }));
  return screen.findByRole('region', { name: 'Preview: AWS MSP Partner Program 4.1' });
}

describe('AuditPage before an import', () => {
  it('shows the empty state and the checklists to choose from', async () => {
    renderWithServices(<AuditPage pollMs={1} />, emptyProject());
    expect(await screen.findByText('No checklist imported yet')).toBeInTheDocument();
    const group = await screen.findByRole('group', { name: 'Checklist' });
    expect(within(group).getAllByRole('radio')).toHaveLength(2);
    expect(within(group).getByRole('radio', { name: /MSPAlliance UCS version v\.23.*met \/ not met/ })).toBeInTheDocument();
    // The recommended checklist is preselected; Import waits for its preview only.
    // (set by an effect once the list has loaded, so wait for it rather than read it at once)
    await waitFor(() => expect(within(group).getByRole('radio', { name: /AWS MSP Partner Program/ })).toBeChecked());
  });

  it('previews the chosen checklist: figures, chapters in order, and the item list on request', async () => {
    renderWithServices(<AuditPage pollMs={1} />, emptyProject());
    const preview = await pickAwsAndWaitForPreview();
    expect(preview).toHaveTextContent('3 items in 2 chapters');
    expect(preview).toHaveTextContent('2 mandatory items');
    expect(preview).toHaveTextContent('Points: max 100, pass mark 90');
    const chapters = within(within(preview).getByRole('table', { name: 'Chapters in this checklist' })).getAllByRole('row');
    expect(chapters.map((row) => row.textContent)).toEqual(['ChapterItems', 'Business health1', 'Security2']);

    expect(within(preview).queryByRole('list', { name: 'Checklist items' })).not.toBeInTheDocument();
    const toggle = within(preview).getByRole('button', { name: 'Show all 3 items' });
    fireEvent.click(toggle);
    expect(toggle).toHaveAttribute('aria-expanded', 'true');
    const items = within(within(preview).getByRole('list', { name: 'Checklist items' })).getAllByRole('listitem');
    expect(items[1]).toHaveTextContent('8.3 Vulnerability management · 40 points · mandatory');
  });

  it('imports with one click and follows the job from queued through running to done', async () => {
    const api = emptyProject();
    // The last answer waits for the test, so the running state can be inspected before it ends.
    const finish = deferred<ImportStatus>();
    api.importStatuses = [
      importStatus({ state: 'queued' }),
      importStatus({ state: 'running', total: 3, created: 1 }),
      () => finish.promise,
    ];
    renderWithServices(<AuditPage pollMs={1} />, api);
    await pickAwsAndWaitForPreview();
    fireEvent.click(screen.getByRole('button', { name: 'Import' }));

    const progress = await screen.findByRole('region', { name: 'Import progress' });
    await within(progress).findByText('Import queued — waiting to start.');
    await within(progress).findByText('Importing: 1 of 3 items — 1 created, 0 already there, 0 failed.');
    expect(within(progress).getByRole('progressbar', { name: 'Import progress' })).toHaveAttribute('aria-valuenow', '0.3333333333333333');
    expect(screen.getByRole('radio', { name: /AWS MSP Partner Program/ })).toBeDisabled();
    await act(async () => finish.resolve(importStatus({ state: 'done', total: 3, created: 2, existing: 1 })));
    await within(progress).findByText('Import finished: 2 created, 1 already there, 0 failed, of 3 items.');
    expect(within(progress).getByText(/Every item of the checklist has an issue/)).toBeInTheDocument();
    // Once done, the page no longer says nothing is imported, marks the checklist, and does not offer it again.
    expect(screen.queryByText('No checklist imported yet')).not.toBeInTheDocument();
    expect(screen.getByRole('radio', { name: /AWS MSP Partner Program.*already in this project/ })).toBeChecked();
    expect(screen.getByRole('button', { name: 'Import again (adds only missing items)' })).toBeDisabled();
    expect(api.callsOf('startImport')).toEqual([['aws-msp-4.1']]);
    expect(api.callsOf('getImport')).toEqual([['job-1'], ['job-1'], ['job-1']]);

    // "See the score" recomputes: the stored rollup predates the issues just created.
    api.rollups = [pointsNotYet];
    fireEvent.click(within(progress).getByRole('button', { name: 'See the score' }));
    expect(await screen.findByRole('region', { name: 'Audit score' })).toBeInTheDocument();
    expect(api.callsOf('getRollup').at(-1)).toEqual([{ checklistId: 'aws-msp-4.1', refresh: true }]);
  });

  it('shows the resolver’s words when the user lacks the permission, and lets them try again', async () => {
    const api = emptyProject();
    api.startResult = new Error('You need the Create issues permission in this project. Ask a Jira admin.');
    renderWithServices(<AuditPage pollMs={1} />, api);
    await pickAwsAndWaitForPreview();
    fireEvent.click(screen.getByRole('button', { name: 'Import' }));

    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('The import could not start');
    expect(alert).toHaveTextContent('You need the Create issues permission in this project. Ask a Jira admin.');
    api.startResult = { jobId: 'job-2' };
    api.importStatuses = [importStatus({ jobId: 'job-2', state: 'done', total: 3, created: 3 })];
    fireEvent.click(within(alert).getByRole('button', { name: 'Try again' }));
    expect(await screen.findByText('Import finished: 3 created, 0 already there, 0 failed, of 3 items.')).toBeInTheDocument();
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });

  it('strips Forge’s wrapping from a resolver error', async () => {
    const api = emptyProject();
    api.startResult = new Error('There was an error invoking the function - Error: Pick a project first.');
    renderWithServices(<AuditPage pollMs={1} />, api);
    await pickAwsAndWaitForPreview();
    fireEvent.click(screen.getByRole('button', { name: 'Import' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('The import could not startPick a project first.Try again');
  });

  it('says something plain when the failure has no message', async () => {
    const api = emptyProject();
    api.startResult = () => Promise.reject(new Error(''));
    renderWithServices(<AuditPage pollMs={1} />, api);
    await pickAwsAndWaitForPreview();
    fireEvent.click(screen.getByRole('button', { name: 'Import' }));
    expect(await screen.findByRole('alert')).toHaveTextContent(UNKNOWN_FAILURE);
  });

  it('reports a job that failed on the server with its error and a safe retry', async () => {
    const api = emptyProject();
    api.importStatuses = [importStatus({ state: 'failed', total: 3, created: 1, error: 'Jira refused the issue type Task. Ask a Jira admin to add it to the project.' })];
    renderWithServices(<AuditPage pollMs={1} />, api);
    await pickAwsAndWaitForPreview();
    fireEvent.click(screen.getByRole('button', { name: 'Import' }));
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('The import stopped');
    expect(alert).toHaveTextContent('Jira refused the issue type Task. Ask a Jira admin to add it to the project.');
    expect(within(alert).getByRole('button', { name: 'Try again' })).toBeInTheDocument();
  });

  it('keeps the job when a poll fails, and resumes it on "Check again"', async () => {
    const api = emptyProject();
    api.importStatuses = [new Error('Network error. Check your connection.'), importStatus({ state: 'done', total: 3, created: 3 })];
    renderWithServices(<AuditPage pollMs={1} />, api);
    await pickAwsAndWaitForPreview();
    fireEvent.click(screen.getByRole('button', { name: 'Import' }));
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Lost track of the importNetwork error. Check your connection.');
    fireEvent.click(within(alert).getByRole('button', { name: 'Check again' }));
    expect(await screen.findByText('Import finished: 3 created, 0 already there, 0 failed, of 3 items.')).toBeInTheDocument();
    expect(api.callsOf('startImport')).toHaveLength(1);
  });

  it('says what to do when the checklists cannot be listed', async () => {
    const api = emptyProject();
    api.checklists = new Error('The app is not allowed to read this project. Ask a Jira admin.');
    renderWithServices(<AuditPage pollMs={1} />, api);
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'Could not load the checklistsThe app is not allowed to read this project. Ask a Jira admin.',
    );
  });
});

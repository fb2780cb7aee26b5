/**
 * The findings section and the dashboard gadget against fakes: open findings with days left, a
 * recording that failed sent again with the same request id (so the server makes one issue), the
 * gadget's edit view refusing a configuration the server refuses (nothing submitted), and its view.
 */
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import type { FindingsView, GadgetView, GetGadgetPayload, RecordFindingPayload, RecordFindingResult } from '../../common/contract-findings';
import { Gadget, scoreWords } from '../../static/app/src/views/gadget/GadgetView';
import { readConfig, type GadgetConfig, type GadgetHost } from '../../static/app/src/views/gadget/gadget-config';
import { dueWords, FindingsSection } from '../../static/app/src/views/plan/FindingsSection';
import type { FindingsApi } from '../../static/app/src/views/plan/plan-api';
import { chooseOption } from './atlaskit-select';
import { renderWithServices } from './fake-services';

const VIEW: FindingsView = {
  checklistId: 'aws-msp-7.1',
  checklistName: 'AWS MSP Validation Checklist 7.1',
  aws: true,
  today: '2026-03-16',
  validationDate: '2026-03-05',
  dueDate: '2026-03-19',
  canRecord: true,
  findings: [
    { id: 'f1', itemId: 'OPS-001', itemTitle: 'Patching', itemIssueKey: 'MSP-9', summary: 'No DR test', state: 'open', issueKey: 'MSP-70', tie: 'sub-task', dueDate: '2026-03-19', daysLeft: 3, recordedBy: 'lead', recordedAt: '2026-03-06T10:00:00.000Z' },
    { id: 'f0', itemId: 'SEC-001', itemTitle: 'Policies', itemIssueKey: 'MSP-20', summary: 'Old policy', state: 'closed', issueKey: 'MSP-69', tie: 'sub-task', dueDate: '2026-03-19', daysLeft: 3, recordedBy: 'lead', recordedAt: '2026-03-05T10:00:00.000Z' },
  ],
  jql: 'project = "MSP" AND labels = "msp-finding" ORDER BY key ASC',
  items: [
    { itemId: 'OPS-001', title: 'Patching', issueKey: 'MSP-9' },
    { itemId: 'OPS-002', title: 'Backups', issueKey: 'MSP-10' },
  ],
  people: { lead: 'Lee Lead' },
};

class FakeFindingsApi implements FindingsApi {
  sent: RecordFindingPayload[] = [];
  failures = 1;
  listFindings = () => Promise.resolve(VIEW);
  recordFinding = (payload: RecordFindingPayload): Promise<RecordFindingResult> => {
    this.sent.push(payload);
    if (this.failures-- > 0) return Promise.reject(new Error('Jira is not answering right now.'));
    const finding = { ...VIEW.findings[0]!, id: payload.requestId!, itemId: payload.itemId, summary: payload.summary, issueKey: 'MSP-71' };
    return Promise.resolve({ finding, created: true, list: { ...VIEW, findings: [finding, ...VIEW.findings] } });
  };
}

describe('findings section', () => {
  it('lists open findings with days left and names, the closed ones folded, and a link to them in Jira', async () => {
    const { opened } = renderWithServices(<FindingsSection api={new FakeFindingsApi()} checklistId="aws-msp-7.1" />);
    const open = await screen.findByRole('table', { name: 'Open findings' });
    const cells = within(open).getAllByRole('cell').map((cell) => cell.textContent);
    expect(cells).toEqual(['2026-03-193 days left', 'open MSP-70 No DR test', 'OPS-001 Patching', 'Lee Lead, 2026-03-06']);
    expect(screen.queryByRole('table', { name: 'Closed findings' })).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Show 1 closed finding' }));
    expect(screen.getByRole('table', { name: 'Closed findings' })).toHaveTextContent('MSP-69 Old policy');
    fireEvent.click(screen.getByRole('link', { name: 'All findings in Jira' }));
    expect(opened).toEqual([`/issues/?jql=${encodeURIComponent(VIEW.jql)}`]);
  });

  it('says there are no open findings in one sentence with one full stop', async () => {
    const api = new FakeFindingsApi();
    api.listFindings = () => Promise.resolve({ ...VIEW, aws: false, dueDate: null, findings: [] });
    renderWithServices(<FindingsSection api={api} checklistId="aws-msp-7.1" />);
    const section = await screen.findByTestId('findings');
    expect(within(section).getByText(/^No open findings/)).toHaveTextContent(/^No open findings\.$/);
  });

  it('sends a failed recording again with the same request id, and a new id after it is recorded', async () => {
    const api = new FakeFindingsApi();
    renderWithServices(<FindingsSection api={api} checklistId="aws-msp-7.1" />);
    const form = await screen.findByRole('form', { name: 'Record a finding' });
    chooseOption(within(form), 'Item', 'OPS-002 Backups');
    fireEvent.change(within(form).getByLabelText('What the auditor found'), { target: { value: 'No restore test' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Record the finding' }));
    expect(await within(form).findByText(/Jira is not answering right now\. Sending it again will not make a second issue\./)).toBeInTheDocument();
    fireEvent.click(within(form).getByRole('button', { name: 'Record the finding' }));
    // The Select has a live region of its own: the form's status is the one that says what was recorded.
    expect(await within(form).findByText('Recorded as MSP-71, due 2026-03-19.')).toHaveAttribute('role', 'status');
    expect(api.sent).toHaveLength(2);
    expect(api.sent[0]).toMatchObject({ checklistId: 'aws-msp-7.1', itemId: 'OPS-002', summary: 'No restore test' });
    expect(api.sent[1]!.requestId).toBe(api.sent[0]!.requestId);
    expect(api.sent[0]!.requestId).toMatch(/^[A-Za-z0-9_-]{8,64}$/);
    await waitFor(() => expect(screen.getByRole('table', { name: 'Open findings' })).toHaveTextContent('MSP-71 No restore test'));
  });

  it('words the days left', () => {
    expect(dueWords(3)).toBe('3 days left');
    expect(dueWords(1)).toBe('1 day left');
    expect(dueWords(0)).toBe('due today');
    expect(dueWords(-2)).toBe('2 days overdue (2 days ago)');
  });
});

const GADGET: GadgetView = {
  projectKey: 'MSP',
  projectName: 'MSP Audit',
  checklistId: 'aws-msp-4.x',
  checklistName: 'AWS MSP Partner Program Validation Checklist',
  checklistVersion: '4.x',
  model: 'points',
  score: 850,
  maxScore: 1000,
  passMark: 900,
  passing: false,
  verdict: 'Would not pass today: below the pass mark, 1 mandatory item open',
  openMandatory: 1,
  daysToAudit: 12,
  validationDate: '2026-03-28',
  openFindings: 0,
  checklists: [{ id: 'aws-msp-4.x', name: 'AWS MSP Partner Program Validation Checklist', version: '4.x' }],
  auditPageModuleKey: 'audit-page',
};

class FakeGadgetHost implements GadgetHost {
  submitted: GadgetConfig[] = [];
  asked: GetGadgetPayload[] = [];
  opened: string[] = [];
  constructor(private readonly state: { config: GadgetConfig | null; editing: boolean }) {}
  context = () => Promise.resolve(this.state);
  getGadget = (payload: GetGadgetPayload) => {
    this.asked.push(payload);
    return payload.projectKey === 'MSP' ? Promise.resolve(GADGET) : Promise.reject(new Error(`No project ${payload.projectKey} that you can see.`));
  };
  submit = (config: GadgetConfig) => {
    this.submitted.push(config);
    return Promise.resolve();
  };
  openAuditPage = (projectKey: string, moduleKey: string) => {
    this.opened.push(`${projectKey}/${moduleKey}`);
    return Promise.resolve();
  };
}

describe('dashboard gadget', () => {
  it('edit view: a project the server refuses is not saved; a good one is saved as the server named it', async () => {
    const host = new FakeGadgetHost({ config: null, editing: true });
    render(<Gadget host={host} />);
    const form = await screen.findByRole('form', { name: 'Gadget settings' });
    fireEvent.change(within(form).getByLabelText('Project key'), { target: { value: 'nope' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Save' }));
    expect(await within(form).findByText('No project NOPE that you can see.')).toBeInTheDocument();
    expect(host.submitted).toEqual([]);
    fireEvent.change(within(form).getByLabelText('Project key'), { target: { value: 'msp' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(host.submitted).toEqual([{ projectKey: 'MSP', checklistId: 'aws-msp-4.x' }]));
  });

  it('view: the score against the pass mark, days to the audit, open mandatory items, and the Audit page', async () => {
    const host = new FakeGadgetHost({ config: { projectKey: 'MSP', checklistId: 'aws-msp-4.x' }, editing: false });
    render(<Gadget host={host} />);
    const gadget = await screen.findByTestId('gadget');
    expect(gadget).toHaveTextContent('850 of 1000 points (pass mark 900)');
    expect(within(gadget).getByTestId('gadget-days')).toHaveTextContent('12');
    expect(gadget).toHaveTextContent('12 days to the audit (2026-03-28)');
    expect(within(gadget).getByTestId('gadget-verdict')).toHaveTextContent(GADGET.verdict);
    fireEvent.click(within(gadget).getByRole('button', { name: 'Open the Audit page of MSP' }));
    expect(host.opened).toEqual(['MSP/audit-page']);
    expect(host.asked).toEqual([{ projectKey: 'MSP', checklistId: 'aws-msp-4.x' }]);
  });

  it('reads only a configuration it could have saved', () => {
    expect(readConfig({ projectKey: 'MSP', checklistId: 'aws-msp-7.1' })).toEqual({ projectKey: 'MSP', checklistId: 'aws-msp-7.1' });
    expect(readConfig({ projectKey: 'MSP', checklistId: 7 })).toEqual({ projectKey: 'MSP' });
    expect(readConfig({})).toBeNull();
    expect(readConfig('MSP')).toBeNull();
    expect(scoreWords({ model: 'met', score: 12, maxScore: 61, passMark: null })).toBe('12 of 61 items met');
  });
});

/**
 * The road-to-audit-day section against a fake PlanApi: the countdown, the forecast sentence, the
 * owners table (names, links to the JQL behind each figure), the save payload (revision included),
 * a refused save's message, a viewer's read-only view, and the bridge adapter's payloads.
 */
import { typeDate } from './atlaskit-select';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { RemindersView, RoadToAudit, SetAuditPlanPayload } from '../../common/contract';
import type { PlanApi } from '../../static/app/src/views/plan/plan-api';
import PlanSection from '../../static/app/src/views/plan/PlanSection';
import { countdownLine, daysWords, personName } from '../../static/app/src/views/plan/words';
import { renderWithServices } from './fake-services';

const ROAD: RoadToAudit = {
  checklistId: 'aws-msp-7.1',
  checklistName: 'AWS MSP Validation Checklist',
  model: 'met',
  aws: true,
  today: '2025-11-22',
  canEdit: true,
  plan: { validationDate: '2026-01-21', revision: 3, updatedBy: 'lead', updatedAt: '2025-11-20T09:00:00.000Z' },
  warnings: [],
  daysToAudit: 60,
  deadlines: { prerequisiteEvidence: '2025-12-22', actionItems: '2026-02-04' },
  due: [
    { date: '2025-12-22', daysLeft: 30, kind: 'prerequisite-deadline', title: 'Prerequisite evidence due to AWS', detail: 'AWS reviews…' },
    { date: '2025-12-22', daysLeft: 30, kind: 'prerequisite-open', title: 'BUSP-001 Web Presence', detail: 'Mandatory prerequisite not met yet.', itemId: 'BUSP-001', issueKey: 'MSP-1', owner: 'lead' },
    { date: '2026-01-21', daysLeft: 60, kind: 'mandatory-open', title: 'OPS-001 Patching', detail: 'Mandatory item not met yet.', itemId: 'OPS-001', issueKey: 'MSP-9', owner: null },
  ],
  dueMore: 0,
  owners: [
    { accountId: 'lead', items: { count: 2, jql: 'assignee = "lead"' }, openMandatory: { count: 1, jql: 'key in ("MSP-1")' }, atStake: { count: 1, jql: 'key in ("MSP-1")' }, pendingReview: { count: 0 } },
    { accountId: null, items: { count: 5, jql: 'assignee is EMPTY' }, openMandatory: { count: 1, jql: 'key in ("MSP-9")' }, atStake: { count: 3, jql: 'key in ("MSP-9")' }, pendingReview: { count: 0 } },
  ],
  atStakeUnit: 'open-items',
  forecast: { state: 'at-risk', daysLate: 12, points: 5, sentence: 'Open mandatory items went from 9 to 2 in the last 20 days (0.4 items a day); at that pace the last mandatory item is met on 2026-02-02, 12 days after the validation audit on 2026-01-21: at risk by 12 days.' },
  people: { lead: 'Lee Lead' },
};

class FakePlanApi implements PlanApi {
  saved: SetAuditPlanPayload[] = [];
  road: RoadToAudit = ROAD;
  refuse?: Error;
  getAuditPlan = () => Promise.resolve(this.road);
  setAuditPlan = (payload: SetAuditPlanPayload) => {
    this.saved.push(payload);
    return this.refuse ? Promise.reject(this.refuse) : Promise.resolve({ ...this.road, plan: { ...this.road.plan!, validationDate: payload.validationDate, revision: 4 } });
  };
  getPeople = () => Promise.resolve({});
  getReminders = (): Promise<RemindersView> => Promise.resolve({ enabled: true, next: [{ issueKey: 'MSP-1', itemId: 'BUSP-001', kind: 'mandatory-open', to: 'lead', subject: 's' }] });
  setReminders = (_checklistId: string, enabled: boolean): Promise<RemindersView> => Promise.resolve({ enabled, next: [] });
}

describe('road to audit day section', () => {
  it('shows the countdown, the forecast sentence, what is due with owners, and the owners table with links', async () => {
    const { opened } = renderWithServices(<PlanSection api={new FakePlanApi()} checklistId="aws-msp-7.1" />);
    const section = await screen.findByRole('region', { name: 'Road to audit day' });
    expect(await within(section).findByTestId('plan-countdown')).toHaveTextContent('60 days to the validation audit on 2026-01-21');
    expect(within(section).getByTestId('plan-saved-by')).toHaveTextContent('Plan saved by Lee Lead on 2025-11-20.');
    expect(within(section).getByTestId('plan-forecast')).toHaveTextContent(`At risk by 12 days ${ROAD.forecast.sentence}`);
    const due = within(section).getByRole('table', { name: 'What is due when' });
    expect(within(due).getAllByRole('row').slice(1).map((row) => row.lastChild?.textContent)).toEqual(['', 'Lee Lead', 'Unassigned']);
    const owners = within(section).getByRole('table', { name: 'Items by owner' });
    expect(within(owners).getAllByRole('columnheader').map((cell) => cell.textContent)).toEqual(['Owner', 'Items', 'Open mandatory', 'Open items', 'Evidence pending review']);
    fireEvent.click(within(owners).getByRole('link', { name: 'Unassigned, open items: 3, open in Jira search' }));
    expect(opened).toEqual([`/issues/?jql=${encodeURIComponent('key in ("MSP-9")')}`]);
    expect(await within(section).findByRole('list', { name: 'Next reminders' })).toHaveTextContent('To Lee Lead: MSP-1 BUSP-001, mandatory item not met');
  });

  it('saves the dates with the revision shown, and shows a refusal in the server’s words', async () => {
    const api = new FakePlanApi();
    renderWithServices(<PlanSection api={api} checklistId="aws-msp-7.1" />);
    await screen.findByLabelText('Validation audit');
    typeDate(screen, 'Validation audit', '2026-02-10');
    fireEvent.click(screen.getByRole('button', { name: 'Save the plan' }));
    await waitFor(() => expect(screen.getByTestId('plan-countdown')).toHaveTextContent('2026-02-10'));
    expect(api.saved).toEqual([{ checklistId: 'aws-msp-7.1', validationDate: '2026-02-10', revision: 3 }]);

    api.refuse = new Error('BadRequestError: The pre-audit (2026-03-01) is after the validation audit (2026-02-10); a pre-audit comes before it: move it earlier or leave it empty.');
    typeDate(screen, 'Pre-audit (optional)', '2026-03-01');
    fireEvent.click(screen.getByRole('button', { name: 'Save the plan' }));
    expect(await screen.findByText(/The pre-audit \(2026-03-01\) is after the validation audit/)).toBeInTheDocument();
  });

  it('shows a viewer the road read-only, without the form or the reminders', async () => {
    const api = new FakePlanApi();
    api.road = { ...ROAD, canEdit: false };
    renderWithServices(<PlanSection api={api} checklistId="aws-msp-7.1" />);
    expect(await screen.findByText('Setting the audit plan needs the Edit issues permission in this project.')).toBeInTheDocument();
    expect(screen.queryByRole('form', { name: 'Audit plan' })).toBeNull();
    expect(screen.queryByTestId('plan-reminders')).toBeNull();
  });

  it('words: countdown, days and names', () => {
    expect(countdownLine({ plan: null, daysToAudit: null })).toBe('No validation date yet: set one to see what is due when.');
    expect(countdownLine({ plan: { ...ROAD.plan!, validationDate: '2025-11-19' }, daysToAudit: -3 })).toBe('The validation audit was 3 days ago (2025-11-19)');
    expect([daysWords(0), daysWords(1), daysWords(-1), daysWords(5), daysWords(-5)]).toEqual(['today', 'tomorrow', 'yesterday', 'in 5 days', '5 days ago']);
    expect([personName({ a: 'Ann' }, 'a'), personName({ b: null }, 'b'), personName({}, null)]).toEqual(['Ann', 'b', 'Unassigned']);
  });

  it('the bridge adapter sends the payloads the resolvers parse', async () => {
    // @forge/bridge reads the host's bridge when it is first imported; the invoke here is injected.
    (globalThis as { __bridge?: unknown }).__bridge = { callBridge: () => Promise.resolve({}) };
    const { createBridgePlanApi } = await import('../../static/app/src/views/plan/plan-api');
    const calls: [string, unknown][] = [];
    const api = createBridgePlanApi(<T,>(key: string, payload?: Record<string, unknown>) => {
      calls.push([key, payload]);
      return Promise.resolve({} as T);
    });
    await api.getAuditPlan('c');
    await api.setAuditPlan({ checklistId: 'c', validationDate: '2026-01-01', revision: 0 });
    await api.setReminders('c', false);
    expect(calls).toEqual([
      ['getAuditPlan', { checklistId: 'c' }],
      ['setAuditPlan', { checklistId: 'c', validationDate: '2026-01-01', revision: 0 }],
      ['setReminders', { checklistId: 'c', enabled: false }],
    ]);
  });
});

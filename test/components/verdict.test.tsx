/**
 * The Audit page says what the verdict is and what it stands on: readiness against the checklist
 * (not the program's decision), what an unmet mandatory item costs, N/A answers the checklist does
 * not allow, a checklist version past its validity with what to do, and the "before you apply"
 * conditions the team ticks.
 */
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import type { ChecklistView, Prerequisites, Rollup } from '../../common/contract';
import { checklistPenaltyWords, validityWords } from '../../static/app/src/views/audit/import/ChecklistPreview';
import AuditPage from '../../static/app/src/views/audit/AuditPage';
import { BeforeYouApply } from '../../static/app/src/views/audit/verdict/BeforeYouApply';
import { naRefusedSentence, penaltySentence, verdictSentence } from '../../static/app/src/views/audit/verdict/verdict-words';
import PrintView from '../../static/app/src/views/audit-day/PrintView';
import { FakeAuditDayApi, reportFixture } from './audit-day-fakes';
import { FakeAuditApi, renderWithServices } from './fake-services';
import { metNotYet, pointsNotYet } from './fixtures';

const UPDATE_ADVICE = 'Get the current checklist from AWS Partner Central, import it with “Bring your own checklist” (the AWS workbook is read with no mapping), then use “Update to version”.';

function renderPage(rollup: Rollup) {
  const api = new FakeAuditApi();
  api.rollups = [rollup];
  return renderWithServices(<AuditPage pollMs={1} />, api);
}

describe('verdict words', () => {
  it.each<[Pick<Rollup, 'checklistId' | 'checklistName' | 'version'>, string]>([
    [{ checklistId: 'aws-msp-7.1', checklistName: 'AWS MSP Validation Checklist', version: '7.1' }, 'It is not AWS’s decision: AWS decides after its own review and the third-party audit.'],
    [{ checklistId: 'mspalliance-ucs-23', checklistName: 'MSPAlliance Unified Certification Standard (UCS)', version: '23' }, 'It is not the examiner’s decision'],
    [{ checklistId: 'team-1', checklistName: 'Team list', version: '1' }, 'It is not the certifying body’s decision.'],
  ])('says the verdict is readiness, not the decision, for %j', (rollup, decision) => {
    expect(verdictSentence(rollup)).toMatch(new RegExp(`^The verdict is readiness against ${rollup.checklistName.replace(/[()]/g, '\\$&')} ${rollup.version}: whether you would pass if the audit were today`));
    expect(verdictSentence(rollup)).toContain(decision);
  });

  it.each<[Pick<Rollup, 'model' | 'mandatoryPenalty'>, string | undefined]>([
    [{ model: 'met' }, undefined],
    [{ model: 'points', mandatoryPenalty: { min: 0, max: 0 } }, 'An unmet mandatory item costs no points on this checklist: it only shows as open.'],
    [{ model: 'points', mandatoryPenalty: { min: 200, max: 200 } }, 'Each unmet mandatory item costs 200 points off the score (the checklist’s penalty).'],
    [{ model: 'points', mandatoryPenalty: { min: 50, max: 200 } }, 'Each unmet mandatory item costs between 50 and 200 points off the score (the checklist’s penalties).'],
  ])('says what an unmet mandatory item costs: %j', (rollup, words) => {
    expect(penaltySentence(rollup)).toBe(words);
  });

  it('lists refused N/A answers and what to do', () => {
    expect(naRefusedSentence([])).toBeUndefined();
    expect(naRefusedSentence(['GOV-001'])).toBe(
      'Item GOV-001 is answered N/A in a way this checklist does not allow (no exemption covers it, or the justification is missing), so it counts as not met. Answer met or not met, give the justification, or apply the exemption that covers it.',
    );
    expect(naRefusedSentence(['A', 'B'])).toMatch(/^Items A, B are answered N\/A .* so they count as not met\./);
  });
});

describe('the Audit page', () => {
  it('says plainly what the verdict is, and the penalty under points', async () => {
    renderPage({ ...pointsNotYet, mandatoryPenalty: { min: 200, max: 200 } });
    const note = await screen.findByRole('region', { name: 'What this verdict means' });
    expect(within(note).getByTestId('verdict-sentence')).toHaveTextContent(/^The verdict is readiness against AWS MSP Partner Program 4\.1: .* It is not AWS’s decision/);
    expect(within(note).getByTestId('penalty-sentence')).toHaveTextContent('Each unmet mandatory item costs 200 points off the score');
    expect(within(note).queryByTestId('na-refused')).not.toBeInTheDocument();
  });

  it('lists N/A answers counted as not met', async () => {
    renderPage({ ...metNotYet, naRefused: ['SEC-001'] });
    expect(await screen.findByTestId('na-refused')).toHaveTextContent('Item SEC-001 is answered N/A in a way this checklist does not allow');
  });

  it.each<[NonNullable<Rollup['validity']>['state'], string, 'status' | 'alert']>([
    ['past-valid', 'This checklist version is past its validity', 'status'],
    ['past-usable', 'This checklist version is no longer accepted', 'alert'],
    ['historical', 'This checklist version is history', 'alert'],
  ])('says when the version is %s and what to do', async (state, title, role) => {
    const message = `AWS MSP Validation Checklist 7.1 was valid until 2026-02-28. ${UPDATE_ADVICE}`;
    renderPage({ ...metNotYet, validity: { validUntil: '2026-02-28', state, message } });
    const notice = await screen.findByText(title);
    expect(notice.closest(`[role="${role}"]`)).not.toBeNull();
    expect(screen.getByTestId('validity-message')).toHaveTextContent(UPDATE_ADVICE);
  });

  it('says nothing about validity while the version is current', async () => {
    renderPage({ ...metNotYet, validity: { validFrom: '2025-08-29', validUntil: '2026-02-28', state: 'current' } });
    await screen.findByRole('region', { name: 'What this verdict means' });
    expect(screen.queryByTestId('validity-message')).not.toBeInTheDocument();
  });
});

describe('BeforeYouApply', () => {
  const list = (overrides: Partial<Prerequisites> = {}): Prerequisites => ({
    checklistId: 'aws-msp-7.1',
    canEdit: true,
    conditions: [
      { id: 'aws-tier', text: 'Your company is at the Advanced or Premier tier of the AWS Services Path.', done: false },
      { id: 'aws-partner-central', text: 'Your AWS Partner Central account is linked to an AWS account.', done: true, by: 'ana', at: '2026-03-02T10:00:00.000Z' },
    ],
    ...overrides,
  });

  it('lists the conditions with who ticked them, and saves a tick', async () => {
    const calls: unknown[][] = [];
    const api = {
      getPrerequisites: async () => list(),
      setPrerequisite: async (...args: [string, string, boolean]) => {
        calls.push(args);
        return list({ conditions: list().conditions.map((condition) => ({ ...condition, done: true, by: 'ana', at: '2026-03-03T10:00:00.000Z' })) });
      },
    };
    render(<BeforeYouApply api={api} checklistId="aws-msp-7.1" />);
    const region = await screen.findByRole('region', { name: 'Before you apply' });
    expect(region).toHaveTextContent('1 of 2 ticked.');
    expect(region).toHaveTextContent('Ticked by ana on 2026-03-02');
    fireEvent.click(within(region).getByRole('checkbox', { name: /Advanced or Premier tier/ }));
    await waitFor(() => expect(region).toHaveTextContent('2 of 2 ticked.'));
    expect(calls).toEqual([['aws-msp-7.1', 'aws-tier', true]]);
  });

  it('shows a viewer the list read-only, and shows nothing for a checklist without conditions', async () => {
    const { unmount } = render(<BeforeYouApply api={{ getPrerequisites: async () => list({ canEdit: false }) }} checklistId="aws-msp-7.1" />);
    const region = await screen.findByRole('region', { name: 'Before you apply' });
    expect(within(region).getAllByRole('checkbox').every((box) => (box as HTMLInputElement).disabled)).toBe(true);
    expect(region).toHaveTextContent('Ticking needs the Edit issues permission in this project.');
    unmount();
    const { container } = render(<BeforeYouApply api={{ getPrerequisites: async () => list({ conditions: [] }) }} checklistId="team-1" />);
    await waitFor(() => expect(container).toBeEmptyDOMElement());
  });

  it('says when a tick was not saved', async () => {
    const api = { getPrerequisites: async () => list(), setPrerequisite: async () => Promise.reject(new Error('Someone else is ticking this list right now.')) };
    render(<BeforeYouApply api={api} checklistId="aws-msp-7.1" />);
    fireEvent.click(await screen.findByRole('checkbox', { name: /Advanced or Premier tier/ }));
    expect(await screen.findByRole('alert')).toHaveTextContent('That tick was not saved: Someone else is ticking this list right now.');
  });
});

describe('the printable report', () => {
  it('says the verdict is readiness, the version past its validity and the N/A answers counted as not met', async () => {
    window.print = jest.fn();
    const dayApi = new FakeAuditDayApi();
    dayApi.report = { ...reportFixture(), report: { ...reportFixture().report, naRefused: ['8.3'], validityMessage: `AWS MSP Validation Checklist 7.1 was valid until 2026-02-28. ${UPDATE_ADVICE}` } };
    renderWithServices(<PrintView api={dayApi} checklistId="aws-msp-4.1" onBack={() => undefined} />);
    const summary = within(await screen.findByRole('article', { name: 'Audit report' })).getByTestId('report-summary');
    expect(summary).toHaveTextContent('Readiness against the checklist, judged from the project’s issues: not the program’s own decision.');
    expect(summary).toHaveTextContent(`Checklist versionAWS MSP Validation Checklist 7.1 was valid until 2026-02-28. ${UPDATE_ADVICE}`);
    expect(summary).toHaveTextContent('N/A not allowed8.3: answered N/A where the checklist does not allow it, counted as not met');
  });
});

describe('the import preview words', () => {
  it.each<[ChecklistView['validity'], string | undefined]>([
    [undefined, undefined],
    [{ validFrom: '2025-08-29', validUntil: '2026-02-28', usableUntil: '2026-05-31' }, 'Valid from 2025-08-29 until 2026-02-28; accepted until 2026-05-31'],
    [{ validFrom: '2023-09-01' }, 'Valid from 2023-09-01'],
    [{ usableUntil: '2026-05-31' }, 'Accepted until 2026-05-31'],
    [{ validFrom: '2019-02-01', historical: true }, 'Historical: a superseded version, kept for teams still working from it. Prepare against the current version instead.'],
  ])('says the validity %j as %j', (validity, words) => {
    expect(validityWords(validity === undefined ? {} : { validity })).toBe(words);
  });

  it.each<[ChecklistView['model'], number[], string | undefined]>([
    ['met', [0], undefined],
    ['points', [], undefined],
    ['points', [0, 0], 'An unmet mandatory item costs no points: it only shows as open.'],
    ['points', [200, 200], 'Each unmet mandatory item costs 200 points off the score.'],
    ['points', [50, 200], 'Each unmet mandatory item costs 50 to 200 points off the score.'],
  ])('says the penalty under %s for mandatory penalties %j', (model, penalties, words) => {
    const item = (id: string, mandatory: boolean, penalty: number) => ({ id, chapterId: 'c', title: 't', requirement: 'r', evidence: [], points: 10, mandatory, penalty });
    // An optional item's penalty never counts (the format refuses one; the words must not read it either).
    const items = [...penalties.map((penalty, index) => item(`${index}`, true, penalty)), item('optional', false, 999)];
    expect(checklistPenaltyWords({ model, items })).toBe(words);
  });
});

/**
 * The Audit page's structure (issue 16 parts 2 and 3): tabs whose address is a deep link, each
 * loaded when opened; the chapter table sortable and filterable; the score at a glance with its
 * sentence for screen readers, the trend from the score history and the plan's next deadline.
 */
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import type { AppServices } from '../../static/app/src/api/audit-api';
import { memoryPageHistory } from '../../static/app/src/api/page-history';
import { ServicesProvider } from '../../static/app/src/api/services';
import AuditPage from '../../static/app/src/views/audit/AuditPage';
import { daysBefore, glanceBar, glanceSentence, nextDeadline, trendSince, trendWords } from '../../static/app/src/views/audit/score/glance';
import { ScoreGlance } from '../../static/app/src/views/audit/score/ScoreGlance';
import { filterChapters } from '../../static/app/src/views/audit/score/ChapterTable';
import { tabForPath } from '../../static/app/src/views/audit/tabs/tab-routes';
import { FakeAuditDayApi, dayFixture } from './audit-day-fakes';
import { FakeAuditApi, FROZEN_NOW } from './fake-services';
import { metNotYet, pointsNotYet } from './fixtures';
import type { PlanDueEntry, ScoreHistoryPoint } from '../../common/contract';

const point = (date: string, score: number, mandatoryOpen = 2): ScoreHistoryPoint => ({ date, score, maxScore: 1000, passMark: 900, passed: false, mandatoryOpen, percent: score / 10 });

function renderPage(path: string) {
  const api = new FakeAuditApi();
  api.rollups = [pointsNotYet];
  const day = new FakeAuditDayApi();
  day.day = dayFixture({ history: [point('2025-10-20', 600, 5), point('2025-11-14', 800, 3), point('2025-11-22', 845)] });
  const history = memoryPageHistory(path);
  const services: AppServices = { api, auditDay: day, history, host: { open: async () => undefined }, now: () => FROZEN_NOW };
  return { ...render(<ServicesProvider services={services}>{<AuditPage pollMs={1} />}</ServicesProvider>), history, api, day };
}

describe('the Audit page in tabs', () => {
  it('opens on the overview and puts each tab opened in the address', async () => {
    const { history, day } = renderPage('/');
    expect(await screen.findByRole('region', { name: 'Audit score' })).toBeInTheDocument();
    expect(screen.getAllByRole('tab').map((tab) => tab.textContent)).toEqual(['Overview', 'Chapters', 'Evidence and risks', 'Audit day']);
    // Lazily: the chapters are not drawn before their tab is opened.
    expect(screen.queryByRole('region', { name: 'Chapters' })).not.toBeInTheDocument();
    fireEvent.click(screen.getByRole('tab', { name: 'Chapters' }));
    expect(await screen.findByRole('region', { name: 'Chapters' })).toBeInTheDocument();
    expect(history.paths).toEqual(['/chapters']);
    fireEvent.click(screen.getByRole('tab', { name: 'Audit day' }));
    expect(await screen.findByRole('region', { name: 'Audit day' })).toBeInTheDocument();
    expect(history.paths).toEqual(['/chapters', '/audit-day']);
    expect(day.calls.filter((c) => c.method === 'getAuditDay').length).toBeGreaterThan(0);
  });

  it('opens the tab a deep link names (a reload keeps the tab)', async () => {
    renderPage('/evidence');
    expect(await screen.findByRole('region', { name: 'Audit risks' })).toBeInTheDocument();
    expect(screen.getByRole('tab', { name: 'Evidence and risks' })).toHaveAttribute('aria-selected', 'true');
    expect(screen.queryByRole('region', { name: 'Audit score' })).not.toBeInTheDocument();
  });

  it('follows the address when it changes (back and forward)', async () => {
    const { history } = renderPage('/chapters');
    expect(await screen.findByRole('region', { name: 'Chapters' })).toBeInTheDocument();
    history.push('/');
    expect(await screen.findByRole('region', { name: 'Audit score' })).toBeInTheDocument();
  });

  it('reads an unknown or trailing-slash path as a tab or the overview', () => {
    expect(tabForPath('/chapters/')).toBe('chapters');
    expect(tabForPath('/audit-day?x=1')).toBe('audit-day');
    expect(tabForPath('/nope')).toBe('overview');
    expect(tabForPath('')).toBe('overview');
  });
});

describe('the chapter table', () => {
  it('filters by title and sorts by a figure', async () => {
    renderPage('/chapters');
    const region = await screen.findByRole('region', { name: 'Chapters' });
    const titles = () => within(region).getAllByRole('row').slice(1).map((row) => row.textContent?.split(/\d/)[0]);
    expect(titles()).toEqual(['Business health', 'Security & compliance']);
    // Sorting by progress ascending puts the chapter furthest from done first.
    fireEvent.click(within(region).getByRole('button', { name: /Progress/ }));
    await waitFor(() => expect(titles()).toEqual(['Security & compliance', 'Business health']));
    fireEvent.change(within(region).getByLabelText('Filter chapters'), { target: { value: 'secur' } });
    expect(titles()).toEqual(['Security & compliance']);
    expect(within(region).getByText('1 of 2 chapters shown')).toBeInTheDocument();
  });

  it('matches id, title or waiver, any case', () => {
    const chapters = [
      { id: 'ch-01', title: 'Business health' },
      { id: 'ch-08', title: 'Security', waivedBy: 'MSSP Competency' },
    ];
    expect(filterChapters(chapters, 'mssp').map((c) => c.id)).toEqual(['ch-08']);
    expect(filterChapters(chapters, 'CH-01').map((c) => c.id)).toEqual(['ch-01']);
    expect(filterChapters(chapters, '  ')).toHaveLength(2);
  });
});

describe('the score at a glance', () => {
  const due = (title: string, date: string, daysLeft: number): PlanDueEntry => ({ date, daysLeft, kind: 'pre-audit', title, detail: '' });

  it('measures the points model against the pass mark and the met model by mandatory items', () => {
    expect(glanceBar(pointsNotYet)).toMatchObject({ value: 845, max: 1000, target: 900, words: '845 of 1000 points' });
    const mandatory = metNotYet.items.filter((item) => item.mandatory).length;
    expect(glanceBar(metNotYet)).toMatchObject({ max: mandatory, target: mandatory, value: mandatory - metNotYet.mandatoryOpen.length });
  });

  it('takes the change since 7 and 30 days from the last history point on or before that day', () => {
    const history = [point('2025-10-20', 600, 5), point('2025-11-14', 800, 3), point('2025-11-22', 845)];
    expect(daysBefore('2025-11-22', 7)).toBe('2025-11-15');
    expect(trendSince(pointsNotYet, history, '2025-11-22', 7)).toEqual({ days: 7, change: 45 });
    expect(trendSince(pointsNotYet, history, '2025-11-22', 30)).toEqual({ days: 30, change: 245 });
    expect(trendSince(pointsNotYet, history, '2025-11-22', 60)).toEqual({ days: 60, change: null });
    expect(trendWords({ days: 7, change: -20 }, 'points')).toBe('−20 points in 7 days');
    expect(trendWords({ days: 30, change: 1 }, 'met')).toBe('+1 mandatory item in 30 days');
  });

  it('picks the next deadline from today on', () => {
    expect(nextDeadline([due('Validation audit', '2026-01-20', 59), due('Old', '2025-11-01', -21), due('Pre-audit', '2025-12-10', 18)])?.title).toBe('Pre-audit');
    expect(nextDeadline([due('Old', '2025-11-01', -21)])).toBeUndefined();
  });

  it('says everything the drawing shows in one sentence', () => {
    const sentence = glanceSentence(pointsNotYet, [{ days: 7, change: 45 }, { days: 30, change: null }], due('Pre-audit', '2025-12-10', 18));
    expect(sentence).toBe(
      'Would not pass yet: 845 of 1000 points, 55 points below the pass mark of 900. Change: +45 points in 7 days; no history 30 days back yet. Next deadline: Pre-audit, 2025-12-10 (in 18 days).',
    );
  });

  it('describes the drawing with the sentence, and shows trend and deadline', () => {
    render(<ScoreGlance rollup={pointsNotYet} trends={[{ days: 7, change: 45 }]} deadline={due('Pre-audit', '2025-12-10', 18)} />);
    const glance = screen.getByRole('group', { name: 'Score at a glance' });
    expect(glance).toHaveAccessibleDescription(/^Would not pass yet: 845 of 1000 points/);
    expect(screen.getByTestId('glance-trends')).toHaveTextContent('+45 points in 7 days');
    expect(screen.getByTestId('glance-deadline')).toHaveTextContent('Next deadline: Pre-audit, 2025-12-10 (in 18 days)');
  });

  it('shows the trend from the score history on the overview (asked for, from a server whose rollup does not carry it)', async () => {
    const { day } = renderPage('/');
    expect(await screen.findByTestId('glance-trends')).toHaveTextContent('+45 points in 7 days · +245 points in 30 days');
    expect(day.calls.filter((c) => c.method === 'getScoreHistory')).toHaveLength(1);
  });

  it('takes the score history the rollup carries, without asking for it again', async () => {
    const api = new FakeAuditApi();
    api.rollups = [{ ...pointsNotYet, history: { checklistId: pointsNotYet.checklistId, today: '2025-11-22', history: [point('2025-11-01', 700), point('2025-11-22', 845)] } }];
    const day = new FakeAuditDayApi();
    const services: AppServices = { api, auditDay: day, history: memoryPageHistory('/'), host: { open: async () => undefined }, now: () => FROZEN_NOW };
    render(<ServicesProvider services={services}>{<AuditPage pollMs={1} />}</ServicesProvider>);
    expect(await screen.findByTestId('glance-trends')).toHaveTextContent('+145 points in 7 days');
    expect(day.calls.filter((c) => c.method === 'getScoreHistory')).toHaveLength(0);
  });
});

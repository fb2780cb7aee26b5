/**
 * The decision trail's views against a fake TrailApi: the Audit page section (latest entries, older
 * ones, verify, CSV), the item panel's history, and the bridge adapter's payloads.
 */
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import type { ExportTrailPayload, GetTrailPayload, ItemHistory as History, TrailEntryView, TrailExportPage, TrailPage, TrailVerification, VerifyTrailPayload } from '../../common/contract';
import type { AppServices } from '../../static/app/src/api/audit-api';
import { ServicesProvider } from '../../static/app/src/api/services';
import type { TrailApi } from '../../static/app/src/api/trail-api';
import { trailCsv } from '../../static/app/src/views/trail/export';
import { ItemHistory } from '../../static/app/src/views/trail/ItemHistory';
import TrailSection from '../../static/app/src/views/trail/TrailSection';
import { valueWords, whenWords } from '../../static/app/src/views/trail/words';
import { FakeAuditApi, FROZEN_NOW } from './fake-services';

const entry = (seq: number, extra: Partial<TrailEntryView> = {}): TrailEntryView => ({
  seq,
  at: `2026-03-02T10:${String(seq % 60).padStart(2, '0')}:00.000Z`,
  actor: 'ana-account-id',
  action: 'assessment.set',
  itemId: '8.3',
  issueKey: 'MSP-12',
  before: { result: 'not_met' },
  after: { result: 'met' },
  reason: `because ${seq}`,
  hash: `h${seq}`,
  ...extra,
});

class FakeTrailApi implements TrailApi {
  calls: { method: string; args: unknown[] }[] = [];
  pages: Record<string, TrailPage> = {};
  verdict: TrailVerification | Error = { intact: true, entries: 0, lastHash: '', breaks: [], breakCount: 0, checkedAt: FROZEN_NOW.toISOString() };
  exportPages: Record<string, TrailExportPage> = {};
  history: History = { issueKey: 'MSP-12', itemId: '8.3', entries: [], total: 0 };

  getTrail(payload: GetTrailPayload) {
    this.calls.push({ method: 'getTrail', args: [payload] });
    return Promise.resolve(this.pages[payload.cursor ?? 'first']!);
  }
  getItemHistory() {
    this.calls.push({ method: 'getItemHistory', args: [] });
    return Promise.resolve(this.history);
  }
  /** Answers before `verdict`, one a call (slices of a long trail). */
  slices: TrailVerification[] = [];
  verifyTrail(payload?: VerifyTrailPayload) {
    this.calls.push({ method: 'verifyTrail', args: [payload] });
    const slice = this.slices.shift();
    if (slice) return Promise.resolve(slice);
    return this.verdict instanceof Error ? Promise.reject(this.verdict) : Promise.resolve(this.verdict);
  }
  exportTrail(payload: ExportTrailPayload) {
    this.calls.push({ method: 'exportTrail', args: [payload] });
    return Promise.resolve(this.exportPages[payload.cursor ?? 'first']!);
  }
}

describe('TrailSection', () => {
  it('shows the latest decisions with who, when, what, before → after and why, then older ones on demand', async () => {
    const api = new FakeTrailApi();
    api.pages.first = { entries: [entry(30), entry(29, { action: 'chapter.review', itemId: undefined, issueKey: undefined, before: undefined, after: { chapterId: 'security' } })], total: 30, nextCursor: '29' };
    api.pages['29'] = { entries: [entry(28)], total: 30 };
    render(<TrailSection api={api} />);
    const section = await screen.findByRole('region', { name: 'Decision trail' });
    await waitFor(() => expect(within(section).getAllByTestId('trail-entry')).toHaveLength(2));
    const [first, second] = within(section).getAllByTestId('trail-entry');
    expect(first).toHaveTextContent('Assessment set8.3 · MSP-12#30 · 2026-03-02 10:30 UTC · by ana-account-idresult: not_met → result: metWhy: because 30');
    expect(second).toHaveTextContent('Chapter reviewed#29');
    expect(second).toHaveTextContent('— → chapterId: security');
    expect(section).toHaveTextContent('Showing the latest 2 of 30 entries.');
    fireEvent.click(within(section).getByRole('button', { name: 'Show older entries' }));
    await waitFor(() => expect(within(section).getAllByTestId('trail-entry')).toHaveLength(3));
    expect(within(section).queryByRole('button', { name: 'Show older entries' })).toBeNull();
    expect(api.calls.filter((call) => call.method === 'getTrail').map((call) => call.args[0])).toEqual([{ limit: 25 }, { cursor: '29', limit: 25 }]);
  });

  it('marks an entry recorded late with when it was recorded, and only that one', async () => {
    const api = new FakeTrailApi();
    api.pages.first = { entries: [entry(31), entry(30, { recordedAt: '2026-03-02T10:45:10.000Z', decisionId: 'd-30' })], total: 31 };
    render(<TrailSection api={api} />);
    const section = await screen.findByRole('region', { name: 'Decision trail' });
    await waitFor(() => expect(within(section).getAllByTestId('trail-entry')).toHaveLength(2));
    const [newer, late] = within(section).getAllByTestId('trail-entry');
    expect(within(late!).getByTestId('trail-recorded-late')).toHaveTextContent('(recorded late, 2026-03-02 10:45 UTC: its trail entry could not be written at the time)');
    expect(late).toHaveTextContent('#30 · 2026-03-02 10:30 UTC · by ana-account-id');
    expect(within(newer!).queryByTestId('trail-recorded-late')).toBeNull();
  });

  it('says the trail is intact with its count, or where it breaks and why', async () => {
    const api = new FakeTrailApi();
    api.pages.first = { entries: [entry(1)], total: 1 };
    api.verdict = { intact: true, entries: 1, lastHash: 'abcdef0123456789abcdef', breaks: [], breakCount: 0, checkedAt: FROZEN_NOW.toISOString() };
    render(<TrailSection api={api} />);
    fireEvent.click(await screen.findByRole('button', { name: 'Verify the trail' }));
    expect(await screen.findByText('Intact: 1 entry')).toBeInTheDocument();

    api.verdict = {
      intact: false,
      entries: 12,
      lastHash: 'x',
      breaks: [
        { seq: 7, problem: 'altered', message: 'Entry 7 was altered: its content no longer matches its hash.' },
        { seq: 9, problem: 'missing', message: 'Entry 9 is missing: it was removed.' },
      ],
      breakCount: 2,
      checkedAt: FROZEN_NOW.toISOString(),
    };
    api.slices = [{ intact: true, entries: 20_000, lastHash: 'h', breaks: [], breakCount: 0, checkedAt: FROZEN_NOW.toISOString(), nextCursor: '500.h' }];
    fireEvent.click(screen.getByRole('button', { name: 'Verify the trail' }));
    expect(await screen.findByText('The trail breaks at entry 7')).toBeInTheDocument();
    expect(api.calls.filter((call) => call.method === 'verifyTrail').map((call) => call.args[0])).toEqual([{}, {}, { cursor: '500.h' }]);
    expect(screen.getByTestId('trail-break')).toHaveTextContent('Entry 7 was altered: its content no longer matches its hash.');
    expect(screen.getByText('Entry 9 is missing: it was removed.')).toBeInTheDocument();
  });

  it('downloads the whole trail as one CSV joined from its pages', async () => {
    const api = new FakeTrailApi();
    api.pages.first = { entries: [entry(2), entry(1)], total: 2 };
    api.exportPages.first = { csv: '\uFEFFSeq\r\n1\r\n', rows: 1, total: 2, fileName: 'MSP-decision-trail.csv', nextCursor: '20' };
    api.exportPages['20'] = { csv: '2\r\n', rows: 1, total: 2, fileName: 'MSP-decision-trail.csv' };
    const blobs: Blob[] = [];
    URL.createObjectURL = (blob: Blob) => {
      blobs.push(blob);
      return 'blob:trail';
    };
    URL.revokeObjectURL = () => undefined;
    render(<TrailSection api={api} />);
    fireEvent.click(await screen.findByRole('button', { name: 'Download the trail (CSV)' }));
    expect(await screen.findByRole('link', { name: 'save MSP-decision-trail.csv' })).toHaveAttribute('href', 'blob:trail');
    expect(screen.getByText(/2 entries exported/)).toBeInTheDocument();
    expect(blobs).toHaveLength(1);
    expect(api.calls.filter((call) => call.method === 'exportTrail').map((call) => call.args[0])).toEqual([{}, { cursor: '20' }]);
    await expect(trailCsv(api)).resolves.toEqual({ csv: '\uFEFFSeq\r\n1\r\n2\r\n', rows: 2, fileName: 'MSP-decision-trail.csv' });
  });
});

describe('ItemHistory', () => {
  const renderHistory = (trail: TrailApi) => {
    const services: AppServices = { api: new FakeAuditApi(), trail, host: { open: async () => undefined }, now: () => FROZEN_NOW };
    return render(
      <ServicesProvider services={services}>
        <ItemHistory />
      </ServicesProvider>,
    );
  };

  it("lists the item's decisions newest first, and says when there are more than it shows", async () => {
    const api = new FakeTrailApi();
    api.history = { issueKey: 'MSP-12', itemId: '8.3', entries: [entry(9, { action: 'evidence.review', after: { state: 'accepted' } }), entry(4)], total: 60 };
    renderHistory(api);
    const region = await screen.findByRole('region', { name: 'History' });
    await waitFor(() => expect(within(region).getAllByTestId('trail-entry')).toHaveLength(2));
    expect(within(region).getAllByTestId('trail-entry')[0]).toHaveTextContent('Evidence reviewed#9');
    expect(within(region).getAllByTestId('trail-entry')[0]).not.toHaveTextContent('MSP-12');
    expect(region).toHaveTextContent('The latest 2 of 60');
  });

  it('says when nothing was decided yet', async () => {
    renderHistory(new FakeTrailApi());
    expect(await screen.findByText('No decisions recorded for this item yet.')).toBeInTheDocument();
  });
});

describe('words', () => {
  it.each([
    [undefined, '—'],
    ['text', 'text'],
    [{ result: 'met', complexity: null }, 'result: met, complexity: none'],
    [{ trailSummary: 'x', bytes: 9000, sha256: 'f' }, '(a large value of 9000 bytes; its sha256 is in the export)'],
  ])('valueWords(%p) is %p', (value, words) => {
    expect(valueWords(value)).toBe(words);
  });

  it('shows instants in UTC to the minute', () => {
    expect(whenWords('2026-03-02T10:04:59.123Z')).toBe('2026-03-02 10:04 UTC');
  });
});

describe('createBridgeTrailApi', () => {
  it('sends only what each resolver takes', async () => {
    // @forge/bridge reads the host's bridge when it is first imported; the invoke here is injected.
    (globalThis as { __bridge?: unknown }).__bridge = { callBridge: () => Promise.resolve({}) };
    const { createBridgeTrailApi } = await import('../../static/app/src/api/trail-api');
    const sent: [string, unknown][] = [];
    const api = createBridgeTrailApi(async <T,>(key: string, payload?: Record<string, unknown>) => {
      sent.push([key, payload]);
      return {} as T;
    });
    await api.getTrail({ cursor: '5', limit: 10 });
    await api.getItemHistory();
    await api.verifyTrail();
    await api.verifyTrail({ cursor: '3.abc' });
    await api.exportTrail({});
    expect(sent).toEqual([
      ['getTrail', { cursor: '5', limit: 10 }],
      ['getItemHistory', {}],
      ['verifyTrail', {}],
      ['verifyTrail', { cursor: '3.abc' }],
      ['exportTrail', {}],
    ]);
  });
});

/**
 * Score history through the real app: the daily scheduled trigger (idempotent when Forge runs it
 * twice, within its time limit), snapshots on significant change, and retention that keeps two
 * years of daily points inside one KVS value.
 */
import type { AuditDay, Rollup, ScoreHistoryView } from '../../common/contract';
import { recordDailyScores } from '../../src/audit-day/daily';
import { decodeHistory, encodeHistory, historyByteSize, type EncodedHistory } from '../../src/domain/history-codec';
import { DAILY_RETENTION_DAYS, type ScorePoint } from '../../src/domain/history';
import { createJiraClient } from '../../src/jira';
import { scoreHistoryKey } from '../../src/storage/keys';
import { writeValue } from '../../src/storage/kvs';
import { syncV1 } from '../fixtures/sync-v1-v2';
import { registerChecklist } from './checklists';
import { startHarness, type Harness, type OutsideIssue } from './harness';

const TRIGGER = 'score-history-daily';
const DAY_MS = 86_400_000;
const today = (): string => new Date().toISOString().slice(0, 10);
const dayBefore = (days: number): string => new Date(Date.now() - days * DAY_MS).toISOString().slice(0, 10);
const itemIdOf = (issue: OutsideIssue): string | undefined => {
  const identity = issue.properties['msp-audit-item'] as { kind?: string; itemId?: string } | undefined;
  return identity?.kind === 'item' ? identity.itemId : undefined;
};

describe('score history', () => {
  let h: Harness;
  let keys: Map<string, string>;
  const stored = () => decodeHistory(h.runtime.kvs.get(scoreHistoryKey('MSP', syncV1.id)));

  beforeEach(async () => {
    h = startHarness();
    await registerChecklist(syncV1);
    await h.importChecklist(syncV1.id);
    keys = new Map((await h.issues()).flatMap((issue) => (itemIdOf(issue) ? [[itemIdOf(issue)!, issue.key]] : [])));
    h.emulator.clearRequests();
  });
  afterEach(async () => {
    await h.close();
  });

  it('answers the overview its score history alone: the audit day’s series, one permission call, no search', async () => {
    await h.runtime.runScheduled(TRIGGER);
    const day = await h.invoke<AuditDay>('getAuditDay', { checklistId: syncV1.id });
    h.emulator.clearRequests();
    const view = await h.invoke<ScoreHistoryView>('getScoreHistory', { checklistId: syncV1.id });
    expect(view).toEqual({ checklistId: syncV1.id, today: day.today, history: day.history });
    expect(view.history.length).toBeGreaterThan(0);
    expect(h.appRequests().map((request) => `${request.method} ${request.path}`)).toEqual(['GET /rest/api/3/mypermissions']);
    await expect(h.invoke('getScoreHistory', {}, { accountId: 'outsider' })).rejects.toThrow('see its score history');
  });

  it('records one point a day however often the scheduled trigger runs that day', async () => {
    const first = await h.runtime.runScheduled(TRIGGER);
    expect(first).toMatchObject({ day: today(), recorded: 1, alreadyToday: 0, failed: 0, complete: true });
    const searches = h.appRequests().filter((request) => request.path === '/rest/api/3/search/jql').length;
    expect(searches).toBe(1);

    h.emulator.clearRequests();
    const second = await h.runtime.runScheduled(TRIGGER);
    expect(second).toMatchObject({ recorded: 0, alreadyToday: 1, complete: true });
    // A duplicate run reads KVS only.
    expect(h.appRequests()).toEqual([]);

    const history = stored();
    expect(history).toHaveLength(1);
    // Nothing met; three mandatory items open cost 200 + 150 + 200.
    expect(history[0]).toMatchObject({ date: today(), score: -550, maxScore: 900, passMark: 800, passed: false, met: 0, total: 8, mandatoryOpen: 3 });
    const records = h.runtime.invocations().filter((record) => record.kind === 'scheduled');
    expect(records.map((record) => record.outcome)).toEqual(['ok', 'ok']);
  });

  it('keeps the day’s first point (the import score) and adds the significant change beside it with its time, shown on the audit day chart', async () => {
    const first = await h.invoke<Rollup>('getRollup', {});
    expect(stored()).toHaveLength(1);

    // 1.1 done: +100 points and its 200 penalty gone, and one mandatory item fewer open: significant.
    await h.transition(keys.get('1.1')!, 'Done');
    await h.runtime.idle();
    const moved = await h.invoke<Rollup>('getRollup', {});
    expect(moved.from).toBe('jira');
    const history = stored();
    expect(history).toHaveLength(2);
    expect(history[0]).toMatchObject({ date: today(), score: first.score, mandatoryOpen: 3 });
    expect(history[1]).toMatchObject({ date: today(), score: moved.score, mandatoryOpen: moved.mandatoryOpen.length });
    expect(history[0]!.at < history[1]!.at).toBe(true);

    // The daily run the same day adds nothing: the day has its points.
    expect(await h.runtime.runScheduled(TRIGGER)).toMatchObject({ recorded: 0, alreadyToday: 1 });
    const chart = await h.invoke<AuditDay>('getAuditDay', {});
    expect(chart.history).toEqual([
      { date: today(), at: history[0]!.at, score: first.score, maxScore: 900, passMark: 800, passed: false, mandatoryOpen: 3, percent: Math.round((first.score * 1000) / 900) / 10 },
      { date: today(), at: history[1]!.at, score: moved.score, maxScore: 900, passMark: 800, passed: false, mandatoryOpen: 2, percent: Math.round((moved.score * 1000) / 900) / 10 },
    ]);
  });

  it('keeps every daily point of the last two years, thins older ones to a point a week, within one KVS value', async () => {
    const seeded: ScorePoint[] = Array.from({ length: 1200 }, (_, index) => {
      const date = dayBefore(1200 - index);
      return { date, at: `${date}T02:00:00.000Z`, score: -550 + (index % 50), maxScore: 900, passMark: 800, passed: false, met: 3, total: 8, mandatoryOpen: 2 };
    });
    await writeValue(scoreHistoryKey('MSP', syncV1.id), encodeHistory(seeded));

    await h.runtime.runScheduled(TRIGGER);
    const history = stored();
    const dates = new Set(history.map((point) => point.date));
    expect(history[history.length - 1]!.date).toBe(today());
    for (let age = 0; age < DAILY_RETENTION_DAYS; age += 1) expect(dates.has(dayBefore(age))).toBe(true);
    const older = history.filter((point) => point.date < dayBefore(DAILY_RETENTION_DAYS - 1));
    // 1200 − 731 = 469 older days thinned to a point a week (67 or 68 weeks).
    expect(older.length).toBeGreaterThanOrEqual(67);
    expect(older.length).toBeLessThanOrEqual(69);
    const size = historyByteSize(h.runtime.kvs.get(scoreHistoryKey('MSP', syncV1.id)) as EncodedHistory);
    expect(size).toBeLessThan(240 * 1024);

    const chart = await h.invoke<AuditDay>('getAuditDay', {});
    expect(chart.history).toHaveLength(history.length);
    expect(chart.history[0]!.date < chart.history[chart.history.length - 1]!.date).toBe(true);
  });

  it('records a point when a waiver moves the score, even from the cached states', async () => {
    await h.invoke<Rollup>('getRollup', {});
    await h.invoke('addCustomWaiver', { checklistId: syncV1.id, reason: 'Covered by the group audit', chapters: ['2'] });
    const history = stored();
    expect(history).toHaveLength(2);
    expect(history[0]!.score).toBe(-550);
    // Chapter 2 waived: 2.1, 2.2, 2.3 met (150 + 100 + 50 points) and 2.1's 150 penalty gone.
    expect(history[1]!.score).toBe(-550 + 300 + 150);
  });

  it('stops starting checklists when its time is nearly up, and says the run is incomplete', async () => {
    // In-process (no invocation): with no time left it makes no call at all, Jira or KVS write.
    const summary = await recordDailyScores(createJiraClient(), { remainingMs: () => 1_000 });
    expect(summary).toMatchObject({ recorded: 0, complete: false });
    expect(h.runtime.kvs.get(scoreHistoryKey('MSP', syncV1.id))).toBeUndefined();
  });

  it('honours MSP_HISTORY_TIME_BUDGET_MS in the scheduled function', async () => {
    process.env.MSP_HISTORY_TIME_BUDGET_MS = '1';
    try {
      await expect(h.runtime.runScheduled(TRIGGER)).resolves.toMatchObject({ recorded: 0, complete: false });
    } finally {
      delete process.env.MSP_HISTORY_TIME_BUDGET_MS;
    }
    expect(h.appRequests()).toEqual([]);
    await expect(h.runtime.runScheduled(TRIGGER)).resolves.toMatchObject({ recorded: 1, complete: true });
  });

  it('starts where a cut-short run stopped, so projects late in key order are not starved day after day', async () => {
    for (const projectKey of ['AAA', 'ZZZ']) {
      h.emulator.addProject({ key: projectKey });
      await expect(h.importChecklist(syncV1.id, { projectKey })).resolves.toMatchObject({ state: 'done' });
    }
    /** Time for one checklist a run, then the run must stop: far less than three projects need. */
    const oneChecklist = (): (() => number) => {
      let left = 1;
      return () => (left-- > 0 ? Number.POSITIVE_INFINITY : 0);
    };
    const recordedOn = (date: string): string[] =>
      ['AAA', 'MSP', 'ZZZ'].filter((projectKey) => {
        const value = h.runtime.kvs.get(scoreHistoryKey(projectKey, syncV1.id));
        return value !== undefined && decodeHistory(value).some((point) => point.date === date);
      });
    const start = Date.now();
    const days: string[] = [];
    for (let n = 0; n < 4; n++) {
      const at = start + n * DAY_MS;
      const summary = await recordDailyScores(createJiraClient(), { now: () => at, remainingMs: oneChecklist() });
      expect(summary).toMatchObject({ recorded: 1, complete: false });
      days.push(recordedOn(new Date(at).toISOString().slice(0, 10)).join());
    }
    // Key order alone would record AAA every day and ZZZ never.
    expect(days).toEqual(['AAA', 'MSP', 'ZZZ', 'AAA']);
  });
});

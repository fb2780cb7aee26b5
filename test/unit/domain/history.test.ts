import { dateOfEpochDay, epochDay, weekOfEpochDay } from '../../../src/domain/history-calendar';
import {
  DAILY_RETENTION_DAYS,
  historySeries,
  HistoryInputError,
  pruneHistory,
  recordSnapshot,
  scorePointFromReport,
  significantChanges,
  TOTAL_RETENTION_DAYS,
  type ChangeReason,
  type ScoreHistory,
  type ScorePoint,
} from '../../../src/domain/history';
import { scoreChecklist } from '../../../src/domain/scoring';
import { done, item, pointsChecklist, toDo } from './fixtures';

const TODAY = '2026-03-02'; // a Monday

// Functions take days and times as arguments; a different frozen system clock proves they never read it.
beforeAll(() => jest.useFakeTimers({ now: new Date('2030-01-01T00:00:00Z') }));
afterAll(() => jest.useRealTimers());

const point = (date: string, overrides: Partial<ScorePoint> = {}): ScorePoint => ({
  date,
  at: `${date}T02:00:00.000Z`,
  score: 700,
  maxScore: 1000,
  passMark: 900,
  passed: false,
  met: 70,
  total: 100,
  mandatoryOpen: 3,
  ...overrides,
});

/** Daily points for `days` days ending on `last`, oldest first. */
const daily = (last: string, days: number): ScoreHistory =>
  Array.from({ length: days }, (_, index) => point(dateOfEpochDay(epochDay(last) - (days - 1 - index))));

describe('scorePointFromReport', () => {
  describe('when given a report', () => {
    it('returns the figures of the report for the given day and time', () => {
      const def = pointsChecklist([item('1.1', { mandatory: true, points: 50 }), item('1.2', { points: 50 }), item('1.3', { points: 20 })], { passMark: 60 });
      const report = scoreChecklist(def, [done('1.2'), toDo('1.1'), done('1.3', { assessment: 'na' })]);
      expect(scorePointFromReport(report, { date: TODAY, at: new Date('2026-03-02T02:00:00Z') })).toEqual({
        date: TODAY,
        at: '2026-03-02T02:00:00.000Z',
        score: -130,
        maxScore: 120,
        passMark: 60,
        passed: false,
        met: 2,
        total: 3,
        mandatoryOpen: 1,
      });
    });
  });

  describe('when the time is invalid', () => {
    it('throws a HistoryInputError', () => {
      const report = scoreChecklist(pointsChecklist([]), []);
      expect(() => scorePointFromReport(report, { date: TODAY, at: new Date('nope') })).toThrow(HistoryInputError);
    });
  });
});

describe('significantChanges', () => {
  const before = point(TODAY);
  describe('when compared with an earlier point', () => {
    it.each<[string, Partial<ScorePoint>, ChangeReason[]]>([
      ['nothing changed', {}, []],
      ['the score moved less than the delta', { score: 719 }, []],
      ['the score rose by exactly the delta', { score: 720 }, ['score']],
      ['the score fell by the delta', { score: 680 }, ['score']],
      ['the pass flipped on a small move', { score: 701, passed: true }, ['pass']],
      ['one more mandatory item is open', { mandatoryOpen: 4 }, ['mandatory']],
      ['the max score changed (a new checklist version)', { maxScore: 1100 }, ['scale']],
      ['the pass mark changed', { passMark: null }, ['scale']],
      ['several things changed', { score: 950, passed: true, mandatoryOpen: 0 }, ['score', 'pass', 'mandatory']],
    ])('returns the reasons when %s', (_label, change, reasons) => {
      expect(significantChanges(before, { ...before, ...change }, 20)).toEqual(reasons);
    });
  });

  describe('when there is no earlier point', () => {
    it('returns first', () => {
      expect(significantChanges(undefined, before, 20)).toEqual(['first']);
    });
  });

  describe('when the delta is invalid', () => {
    it.each([0, -5, Number.NaN, Number.POSITIVE_INFINITY])('throws a HistoryInputError for %p', (delta) => {
      expect(() => significantChanges(before, before, delta)).toThrow('significantDelta must be a number above 0');
    });
  });
});

describe('recordSnapshot', () => {
  const options = { significantDelta: 20 };

  describe('when the daily run records', () => {
    it('returns a first point in an empty history', () => {
      expect(recordSnapshot([], point(TODAY), options)).toEqual({ history: [point(TODAY)], recorded: true });
    });

    it.each<[string, ScoreHistory, ScorePoint, ScoreHistory, boolean]>([
      ['a new day after the last', [point('2026-03-01')], point(TODAY), [point('2026-03-01'), point(TODAY)], true],
      ['a later snapshot of the same day (replaces it)', [point(TODAY)], point(TODAY, { at: '2026-03-02T09:00:00.000Z', score: 705 }), [point(TODAY, { at: '2026-03-02T09:00:00.000Z', score: 705 })], true],
      ['a snapshot at the same instant (replaces it)', [point(TODAY)], point(TODAY, { score: 701 }), [point(TODAY, { score: 701 })], true],
      ['an older snapshot of the same day (ignored)', [point(TODAY, { at: '2026-03-02T09:00:00.000Z' })], point(TODAY, { score: 1 }), [point(TODAY, { at: '2026-03-02T09:00:00.000Z' })], false],
      ['a late point for a missing earlier day (inserted in order)', [point('2026-02-27'), point(TODAY)], point('2026-02-28'), [point('2026-02-27'), point('2026-02-28'), point(TODAY)], true],
    ])('returns the history with %s', (_label, history, next, expected, recorded) => {
      expect(recordSnapshot(history, next, options)).toEqual({ history: expected, recorded });
    });

    it('returns the point with its time normalised, and leaves the input history alone', () => {
      const history = [point('2026-03-01')];
      const { history: updated } = recordSnapshot(history, point(TODAY, { at: '2026-03-02T03:00:00+01:00' }), options);
      expect(updated[1]?.at).toBe('2026-03-02T02:00:00.000Z');
      expect(history).toEqual([point('2026-03-01')]);
    });

    it('returns the history with retention applied from the newest day', () => {
      const history = daily('2026-03-01', DAILY_RETENTION_DAYS + 13);
      const { history: updated } = recordSnapshot(history, point(TODAY), options);
      expect(updated).toEqual(pruneHistory([...history, point(TODAY)], TODAY));
      expect(updated.length).toBeLessThan(history.length + 1);
    });
  });

  describe('when a change outside the daily run records', () => {
    const change = { significantDelta: 20, trigger: 'change' as const };
    const history = [point('2026-03-01'), point(TODAY)];

    it.each<[string, Partial<ScorePoint>]>([
      ['the score moved less than the delta', { score: 710 }],
      ['nothing changed', {}],
    ])('returns the same history, not recorded, when %s', (_label, update) => {
      const result = recordSnapshot(history, point(TODAY, { at: '2026-03-02T11:00:00.000Z', ...update }), change);
      expect(result.recorded).toBe(false);
      expect(result.history).toBe(history);
    });

    it.each<[string, Partial<ScorePoint>]>([
      ['the score moved by the delta', { score: 680 }],
      ['the pass flipped', { passed: true }],
      ['a mandatory item closed', { mandatoryOpen: 2 }],
    ])('returns today replaced by the new point when %s', (_label, update) => {
      const next = point(TODAY, { at: '2026-03-02T11:00:00.000Z', ...update });
      expect(recordSnapshot(history, next, change)).toEqual({ history: [point('2026-03-01'), next], recorded: true });
    });

    it('returns a first point in an empty history', () => {
      expect(recordSnapshot([], point(TODAY), change).recorded).toBe(true);
    });
  });

  describe('when the input is invalid', () => {
    it.each<[string, Partial<ScorePoint>, string]>([
      ['a date that does not exist', { date: '2026-02-30' }, 'Score point field date must be a calendar day written YYYY-MM-DD; got "2026-02-30".'],
      ['a date with a time', { date: '2026-03-02T00:00' }, 'field date must be a calendar day'],
      ['an unreadable time', { at: 'noon' }, 'Score point field at must be an ISO 8601 date and time; got "noon".'],
      ['a fractional score', { score: 700.5 }, 'Score point field score must be a whole number; got 700.5.'],
      ['a negative total', { total: -1 }, 'Score point field total must be a whole number ≥ 0; got -1.'],
      ['a fractional pass mark', { passMark: 899.5 }, 'Score point field passMark must be a whole number ≥ 0 or null; got 899.5.'],
      ['a non-boolean pass', { passed: 'yes' as unknown as boolean }, 'Score point field passed must be true or false; got "yes".'],
      ['more met than total', { met: 101 }, 'Score point field met must be at most total (100); got 101.'],
      ['more mandatory open than total', { mandatoryOpen: 101 }, 'Score point field mandatoryOpen must be at most total (100); got 101.'],
    ])('throws a HistoryInputError for %s', (_label, change, message) => {
      const attempt = () => recordSnapshot([], { ...point(TODAY), ...change }, options);
      expect(attempt).toThrow(HistoryInputError);
      expect(attempt).toThrow(message);
    });

    it('throws a HistoryInputError for a delta of 0', () => {
      expect(() => recordSnapshot([], point(TODAY), { significantDelta: 0 })).toThrow(HistoryInputError);
    });
  });
});

describe('pruneHistory', () => {
  // Six years of daily points up to TODAY: enough to cross both retention boundaries.
  const sixYears = daily(TODAY, 6 * 366);
  const ageOf = (date: string) => epochDay(TODAY) - epochDay(date);

  describe('when the history spans more than five years', () => {
    const pruned = pruneHistory(sixYears, TODAY);

    it('returns every daily point of the last 731 days', () => {
      const recent = pruned.filter((entry) => ageOf(entry.date) < DAILY_RETENTION_DAYS);
      expect(recent).toHaveLength(DAILY_RETENTION_DAYS);
      expect(recent[0]?.date).toBe('2024-03-02'); // exactly two years back: 731 days, today included
    });

    it('returns one point per week between two and five years, the last of each week', () => {
      const thinned = pruned.filter((entry) => ageOf(entry.date) >= DAILY_RETENTION_DAYS);
      const weeks = thinned.map((entry) => weekOfEpochDay(epochDay(entry.date)));
      expect(new Set(weeks).size).toBe(thinned.length);
      for (const entry of thinned) {
        const isSunday = new Date(`${entry.date}T00:00:00Z`).getUTCDay() === 0;
        expect(isSunday || ageOf(entry.date) === DAILY_RETENTION_DAYS).toBe(true);
      }
      expect(thinned[0]?.date).toBe('2021-03-07'); // first Sunday not older than 1,826 days
      expect(thinned).toHaveLength(157);
    });

    it('returns nothing older than five years, and ~890 points in all', () => {
      expect(Math.max(...pruned.map((entry) => ageOf(entry.date)))).toBeLessThan(TOTAL_RETENTION_DAYS);
      expect(pruned).toHaveLength(DAILY_RETENTION_DAYS + 157);
    });

    it('returns the same history when pruned again, or pruned later as if never pruned', () => {
      expect(pruneHistory(pruned, TODAY)).toEqual(pruned);
      const later = '2026-04-15';
      expect(pruneHistory(pruned, later)).toEqual(pruneHistory(sixYears, later));
    });
  });

  describe('when the history is short or in the future', () => {
    it('returns it unchanged', () => {
      const history = [...daily(TODAY, 30), point('2026-03-05')];
      expect(pruneHistory(history, TODAY)).toEqual(history);
    });
  });

  describe('when today is invalid', () => {
    it('throws a HistoryInputError', () => {
      expect(() => pruneHistory([], '02/03/2026')).toThrow('today must be a calendar day written YYYY-MM-DD; got "02/03/2026".');
    });
  });
});

describe('historySeries', () => {
  const history = [point('2026-02-27', { score: 600 }), point('2026-02-28', { score: 650 }), point('2026-03-01', { score: 905, passed: true }), point(TODAY, { maxScore: 0, score: 0 })];

  describe('when the range holds points', () => {
    it('returns the points in range, both ends included, shaped for a chart', () => {
      expect(historySeries(history, '2026-02-28', '2026-03-01')).toEqual([
        { date: '2026-02-28', score: 650, maxScore: 1000, passMark: 900, passed: false, mandatoryOpen: 3, percent: 65 },
        { date: '2026-03-01', score: 905, maxScore: 1000, passMark: 900, passed: true, mandatoryOpen: 3, percent: 90.5 },
      ]);
    });

    it('returns the points oldest first whatever the stored order, and 0 % when max is 0', () => {
      const series = historySeries([...history].reverse(), '2026-01-01', TODAY);
      expect(series.map((entry) => [entry.date, entry.percent])).toEqual([
        ['2026-02-27', 60],
        ['2026-02-28', 65],
        ['2026-03-01', 90.5],
        [TODAY, 0],
      ]);
    });
  });

  describe('when the range holds no point', () => {
    it.each([
      ['before the history', '2025-01-01', '2025-12-31'],
      ['a single day without a point', '2026-02-26', '2026-02-26'],
    ])('returns an empty series %s', (_label, from, to) => {
      expect(historySeries(history, from, to)).toEqual([]);
    });
  });

  describe('when the range is invalid', () => {
    it.each([
      ['from after to', TODAY, '2026-03-01', 'from (2026-03-02) is after to (2026-03-01); swap them.'],
      ['an invalid from', '2026-13-01', TODAY, 'from must be a calendar day written YYYY-MM-DD; got "2026-13-01".'],
      ['an invalid to', TODAY, '', 'to must be a calendar day written YYYY-MM-DD; got "".'],
    ])('throws a HistoryInputError for %s', (_label, from, to, message) => {
      expect(() => historySeries(history, from, to)).toThrow(message);
    });
  });
});

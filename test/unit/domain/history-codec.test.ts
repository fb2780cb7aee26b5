import { dateOfEpochDay, epochDay } from '../../../src/domain/history-calendar';
import { HistoryInputError, MAX_HISTORY_POINTS, pruneHistory, TOTAL_RETENTION_DAYS, type ScoreHistory, type ScorePoint } from '../../../src/domain/history';
import {
  decodeHistory,
  encodeHistory,
  HISTORY_VALUE_MAX_BYTES,
  HistoryDecodeError,
  historyByteSize,
  HistoryTooLargeError,
} from '../../../src/domain/history-codec';

const TODAY = '2026-03-02';

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

/** A small deterministic generator (LCG), so the "random" history and its size are the same every run. */
function generator(seed: number): (max: number) => number {
  let state = seed;
  return (max) => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state % (max + 1);
  };
}

/**
 * `days` daily points ending on TODAY. `realistic`: a score creeping up with the odd setback, the
 * daily run at about the same time. `worst`: every figure jumps anywhere every day, at a random
 * millisecond, the pass mark flipping between a number and null — the largest this encoding gets.
 */
function dailyHistory(days: number, kind: 'realistic' | 'worst'): ScoreHistory {
  const next = generator(42);
  const last = epochDay(TODAY);
  let score = 200;
  return Array.from({ length: days }, (_, index) => {
    const date = dateOfEpochDay(last - (days - 1 - index));
    if (kind === 'realistic') {
      score = Math.min(1000, Math.max(-400, score + next(30) - 12));
      const met = Math.min(130, Math.max(0, Math.round((score + 400) / 11)));
      return point(date, { at: `${date}T02:00:${String(next(59)).padStart(2, '0')}.${String(next(999)).padStart(3, '0')}Z`, score, passed: score >= 900, met, total: 130, mandatoryOpen: Math.max(0, 12 - Math.floor(met / 10)) });
    }
    const total = 5000 + next(5000);
    return point(date, {
      at: new Date(epochDay(date) * 86_400_000 + next(86_399_999)).toISOString(),
      score: next(20000) - 10000,
      maxScore: next(10000),
      passMark: next(1) === 0 ? null : next(10000),
      passed: next(1) === 1,
      met: next(total),
      total,
      mandatoryOpen: next(total),
    });
  });
}

describe('encodeHistory', () => {
  describe('when the history is five years of daily points', () => {
    it.each<['realistic' | 'worst', number]>([
      ['realistic', 40 * 1024],
      ['worst', 120 * 1024],
    ])('returns a value that fits in one KVS value (%s case)', (kind, budget) => {
      const history = dailyHistory(TOTAL_RETENTION_DAYS, kind);
      const encoded = encodeHistory(history);
      const bytes = historyByteSize(encoded);
      const rawBytes = new TextEncoder().encode(JSON.stringify(history)).length;
      console.log(`score history, ${history.length} daily points (${kind}): ${bytes} bytes encoded (${(bytes / 1024).toFixed(1)} KiB; plain JSON would be ${(rawBytes / 1024).toFixed(1)} KiB; limit ${HISTORY_VALUE_MAX_BYTES / 1024} KiB)`);
      expect(bytes).toBe(new TextEncoder().encode(JSON.stringify(encoded)).length);
      expect(bytes).toBeLessThan(HISTORY_VALUE_MAX_BYTES);
      expect(bytes).toBeLessThan(budget);
      expect(decodeHistory(encoded)).toEqual(history);
    });

    it('returns a much smaller value once retention is applied', () => {
      const pruned = pruneHistory(dailyHistory(TOTAL_RETENTION_DAYS, 'worst'), TODAY);
      const bytes = historyByteSize(encodeHistory(pruned));
      console.log(`score history after retention, ${pruned.length} points (worst case): ${bytes} bytes`);
      expect(bytes).toBeLessThan(60 * 1024);
    });
  });

  describe('when every day of six years holds 30 significant changes (the most retention keeps)', () => {
    it('returns at most MAX_HISTORY_POINTS points in well under one KVS value, in the worst case', () => {
      const next = generator(7);
      const last = epochDay(TODAY);
      const crowded: ScoreHistory = [];
      for (let day = last - 6 * 366; day <= last; day += 1) {
        const date = dateOfEpochDay(day);
        const times = Array.from({ length: 30 }, () => next(86_399_999)).sort((a, b) => a - b);
        for (const ms of times) {
          const total = 5000 + next(5000);
          crowded.push(
            point(date, {
              at: new Date(day * 86_400_000 + ms).toISOString(),
              score: next(20000) - 10000,
              maxScore: next(10000),
              passMark: next(1) === 0 ? null : next(10000),
              passed: next(1) === 1,
              met: next(total),
              total,
              mandatoryOpen: next(total),
            }),
          );
        }
      }
      const pruned = pruneHistory(crowded, TODAY);
      const bytes = historyByteSize(encodeHistory(pruned));
      console.log(`score history at the retention bound, ${pruned.length} points (worst case): ${bytes} bytes (${(bytes / 1024).toFixed(1)} KiB)`);
      expect(pruned.length).toBeLessThanOrEqual(MAX_HISTORY_POINTS);
      // The bound the module comments state: 3,005 points, ~113 KiB in the worst case, against 240 KiB.
      expect(bytes).toBeLessThan(128 * 1024);
      expect(decodeHistory(encodeHistory(pruned))).toEqual(pruned);
    });
  });

  describe('when the history is empty', () => {
    it('returns an empty value of a few bytes', () => {
      expect(encodeHistory([])).toEqual({ v: 1, d: [], t: [], s: [], x: [], p: [], k: '', m: [], n: [], o: [] });
      expect(historyByteSize(encodeHistory([]))).toBe(70);
    });
  });

  describe('when points repeat from day to day', () => {
    it('returns small deltas and one pass-mark run', () => {
      const history = [point('2026-02-28'), point('2026-03-01', { score: 710 }), point(TODAY, { score: 690, passed: true })];
      expect(encodeHistory(history)).toEqual({
        v: 1,
        d: [epochDay('2026-02-28'), 1, 1],
        t: [7_200_000, 7_200_000, 7_200_000],
        s: [700, 10, -20],
        x: [1000, 0, 0],
        p: [900, 3],
        k: '001',
        m: [70, 0, 0],
        n: [100, 0, 0],
        o: [3, 0, 0],
      });
    });
  });

  describe('when the history would not fit', () => {
    it('throws a HistoryTooLargeError that says to prune', () => {
      const huge = dailyHistory(20_000, 'worst');
      expect(() => encodeHistory(huge)).toThrow(HistoryTooLargeError);
      expect(() => encodeHistory(huge)).toThrow(/over the 245760-byte storage limit; apply pruneHistory/);
    });
  });

  describe('when a point is invalid', () => {
    it('throws a HistoryInputError', () => {
      expect(() => encodeHistory([point(TODAY, { score: 1.5 })])).toThrow(HistoryInputError);
    });
  });
});

describe('decodeHistory', () => {
  describe('when the value was written by encodeHistory', () => {
    it.each<[string, ScoreHistory]>([
      ['an empty history', []],
      ['one point', [point(TODAY)]],
      ['met-model points (no pass mark) after points-model ones', [point('2026-02-27'), point('2026-02-28', { passMark: null, maxScore: 130, score: 120 }), point(TODAY, { passMark: null })]],
      ['negative scores and gaps of several days', [point('2025-12-01', { score: -400 }), point('2026-01-15', { score: -180 }), point(TODAY, { score: 20 })]],
      ['a time before the UTC midnight of the day (project east of UTC)', [point(TODAY, { at: '2026-03-01T23:30:00.000Z' })]],
      ['a time after the next UTC midnight (project west of UTC)', [point(TODAY, { at: '2026-03-03T04:59:59.999Z' })]],
      ['dates far in the past', [point('1999-12-31'), point('2000-02-29')]],
    ])('returns the same points for %s', (_label, history) => {
      expect(decodeHistory(encodeHistory(history))).toEqual(history);
    });

    it('returns the same points after a trip through JSON, as KVS stores them', () => {
      const history = dailyHistory(60, 'realistic');
      expect(decodeHistory(JSON.parse(JSON.stringify(encodeHistory(history))))).toEqual(history);
    });

    it('returns times in toISOString form', () => {
      expect(decodeHistory(encodeHistory([point(TODAY, { at: '2026-03-02T03:00:00+01:00' })]))[0]?.at).toBe('2026-03-02T02:00:00.000Z');
    });
  });

  describe('when the value is not a readable history', () => {
    const good = encodeHistory([point('2026-03-01'), point(TODAY)]);
    it.each<[string, unknown, string]>([
      ['nothing', undefined, 'it is not an object'],
      ['a string', 'history', 'it is not an object'],
      ['an unknown format', { ...good, v: 0 }, 'format 0 is unknown'],
      ['a missing column', { ...good, s: undefined }, 'column s is not a list of whole numbers'],
      ['a fractional entry', { ...good, t: [1.5, 2] }, 'column t is not a list of whole numbers'],
      ['a short column', { ...good, o: [3] }, 'column o has 1 entries, not 2'],
      ['a bad pass column', { ...good, k: '0x' }, 'column k is not 2 characters of 1 or 0'],
      ['pass-mark runs that do not cover every point', { ...good, p: [900, 1] }, 'pass marks cover 1 points, not 2'],
      ['a pass-mark run without a length', { ...good, p: [900] }, 'pass mark run 0 has no valid length'],
      ['a fractional pass mark', { ...good, p: [9.5, 2] }, 'pass mark run 0 is not a whole number'],
    ])('throws a HistoryDecodeError for %s', (_label, value, why) => {
      const attempt = () => decodeHistory(value);
      expect(attempt).toThrow(HistoryDecodeError);
      expect(attempt).toThrow(`The stored score history cannot be read: ${why}. Start a new history from the next snapshot.`);
    });

    it('throws a HistoryDecodeError that says to update the app for a newer format', () => {
      expect(() => decodeHistory({ ...good, v: 2 })).toThrow('written by a newer version of the app (format 2); update the app to read it.');
    });
  });
});

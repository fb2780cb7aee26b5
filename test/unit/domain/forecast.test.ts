import { forecast } from '../../../src/domain/forecast';
import type { ScorePoint } from '../../../src/domain/history';

/** The frozen "today" of every case. */
const TODAY = '2026-03-21';

const point = (date: string, score: number, overrides: Partial<ScorePoint> = {}): ScorePoint => ({
  date,
  at: `${date}T02:00:00.000Z`,
  score,
  maxScore: 1000,
  passMark: 900,
  passed: score >= 900,
  met: 0,
  total: 100,
  mandatoryOpen: 5,
  ...overrides,
});
const met = (date: string, mandatoryOpen: number): ScorePoint => point(date, 50, { maxScore: 100, passMark: null, mandatoryOpen, passed: mandatoryOpen === 0 });

describe('forecast', () => {
  it.each([
    ['no history', []],
    ['one point', [point('2026-03-20', 700)]],
    ['two points', [point('2026-03-01', 600), point('2026-03-20', 700)]],
  ])('gives no forecast from %s, and says so', (_name, history) => {
    const result = forecast({ history, model: 'points', today: TODAY, validationDate: '2026-04-30' });
    expect(result.state).toBe('not-enough-history');
    expect(result.sentence).toBe(
      `No forecast yet: it needs at least 3 points of score history and there ${history.length === 1 ? 'is' : 'are'} ${history.length} so far (a point a day, and one with every significant change).`,
    );
  });

  it('points model, on track: the pace of the window, the reach date and the days to spare', () => {
    const history = [point('2026-03-01', 640), point('2026-03-11', 720), point('2026-03-21', 800)];
    expect(forecast({ history, model: 'points', today: TODAY, validationDate: '2026-04-30' })).toEqual({
      state: 'on-track',
      points: 3,
      perDay: 8,
      reachDate: '2026-04-03',
      daysEarly: 27,
      sentence:
        'The score went from 640 to 800 in the last 20 days (8 points a day); at that pace it reaches the pass mark of 900 on 2026-04-03, 27 days before the validation audit on 2026-04-30: on track.',
    });
  });

  it('points model, at risk by N days', () => {
    const history = [point('2026-03-01', 700), point('2026-03-11', 720), point('2026-03-21', 740)];
    const result = forecast({ history, model: 'points', today: TODAY, validationDate: '2026-04-30' });
    expect(result).toMatchObject({ state: 'at-risk', perDay: 2, reachDate: '2026-06-09', daysLate: 40 });
    expect(result.sentence).toBe(
      'The score went from 700 to 740 in the last 20 days (2 points a day); at that pace it reaches the pass mark of 900 on 2026-06-09, 40 days after the validation audit on 2026-04-30: at risk by 40 days.',
    );
  });

  it('reaching the pass mark on the audit day itself is on track', () => {
    const history = [point('2026-03-01', 700), point('2026-03-11', 750), point('2026-03-21', 800)];
    const result = forecast({ history, model: 'points', today: TODAY, validationDate: '2026-04-10' });
    expect(result).toMatchObject({ state: 'on-track', reachDate: '2026-04-10', daysEarly: 0 });
    expect(result.sentence).toContain('on 2026-04-10, on the day of the validation audit: on track.');
  });

  it('uses only the last 28 days and the current scale', () => {
    const history = [
      point('2025-12-01', 100), // long ago: outside the window
      point('2026-02-20', 300, { maxScore: 900, passMark: 800 }), // an older version's scale
      point('2026-02-25', 780), // 24 days before the latest: 20 points in 24 days, 100 to go → 120 days
      point('2026-03-11', 790),
      point('2026-03-21', 800),
    ];
    expect(forecast({ history, model: 'points', today: TODAY, validationDate: '2026-12-31' })).toMatchObject({ perDay: 0.8, reachDate: '2026-07-19', state: 'on-track' });
  });

  it('says when there is no progress', () => {
    const history = [point('2026-03-01', 800), point('2026-03-11', 790), point('2026-03-21', 780)];
    expect(forecast({ history, model: 'points', today: TODAY, validationDate: '2026-04-30' })).toEqual({
      state: 'no-progress',
      points: 3,
      perDay: -1,
      sentence: 'The score went from 800 to 780 in the last 20 days: no progress, so at this pace the pass mark of 900 is never reached before the validation audit on 2026-04-30.',
    });
  });

  it('says when the pass mark is reached already', () => {
    const history = [point('2026-03-01', 800), point('2026-03-11', 890), point('2026-03-21', 905)];
    expect(forecast({ history, model: 'points', today: TODAY })).toEqual({ state: 'reached', points: 3, sentence: 'Already at the pass mark: the score is 905 of the 900 needed.' });
  });

  it('gives the date without a verdict when there is no validation date', () => {
    const history = [point('2026-03-01', 640), point('2026-03-11', 720), point('2026-03-21', 800)];
    expect(forecast({ history, model: 'points', today: TODAY })).toMatchObject({
      state: 'no-date',
      sentence: 'The score went from 640 to 800 in the last 20 days (8 points a day); at that pace it reaches the pass mark of 900 on 2026-04-03. Set the validation date to see whether that is in time.',
    });
  });

  it('met model: forecasts the day every mandatory item is met', () => {
    const history = [met('2026-03-01', 12), met('2026-03-11', 10), met('2026-03-21', 8)];
    const result = forecast({ history, model: 'met', today: TODAY, validationDate: '2026-04-30' });
    expect(result).toMatchObject({ state: 'on-track', perDay: 0.2, reachDate: '2026-04-30', daysEarly: 0 });
    expect(result.sentence).toBe(
      'Open mandatory items went from 12 to 8 in the last 20 days (0.2 items a day); at that pace the last mandatory item is met on 2026-04-30, on the day of the validation audit: on track.',
    );
    expect(forecast({ history: [...history.slice(0, 2), met('2026-03-21', 0)], model: 'met', today: TODAY }).sentence).toBe('Every mandatory item is met already.');
  });

  it('needs the comparable history to span a day', () => {
    const sameDay = [point('2026-03-21', 700, { at: '2026-03-21T01:00:00.000Z' }), point('2026-03-21', 750, { at: '2026-03-21T02:00:00.000Z' }), point('2026-03-21', 800, { at: '2026-03-21T03:00:00.000Z' })];
    expect(forecast({ history: sameDay, model: 'points', today: TODAY }).state).toBe('not-enough-history');
  });

  it('counts from today when the latest point is old, never from the past', () => {
    const history = [point('2026-01-01', 700), point('2026-01-11', 800), point('2026-01-21', 890)];
    expect(forecast({ history, model: 'points', today: TODAY, validationDate: '2026-04-30' })).toMatchObject({ reachDate: TODAY, state: 'on-track' });
  });
});

import { dateOfEpochDay, epochDay, instantInDay, isCalendarDate, msIntoDay, weekOfEpochDay } from '../../../src/domain/history-calendar';

describe('isCalendarDate', () => {
  describe('when the text is a real day', () => {
    it.each(['1970-01-01', '2028-02-29', '2026-12-31'])('returns true for %s', (text) => {
      expect(isCalendarDate(text)).toBe(true);
    });
  });

  describe('when the text is not a real day', () => {
    it.each<unknown>(['2026-02-29', '2026-02-30', '2026-13-01', '2026-00-10', '2026-3-2', '2026-03-02T00:00:00Z', '', 20260302, null])(
      'returns false for %p',
      (text) => {
        expect(isCalendarDate(text)).toBe(false);
      },
    );
  });
});

describe('epochDay', () => {
  describe('when given a day', () => {
    it.each([
      ['1970-01-01', 0],
      ['1970-01-02', 1],
      ['1969-12-31', -1],
      ['2026-03-02', 20514],
    ])('returns the days since 1970-01-01 for %s, and back', (date, day) => {
      expect(epochDay(date)).toBe(day);
      expect(dateOfEpochDay(day)).toBe(date);
    });
  });
});

describe('weekOfEpochDay', () => {
  describe('when two days are in the same Monday–Sunday week', () => {
    it('returns the same week, and the next week from the Monday after', () => {
      const monday = weekOfEpochDay(epochDay('2026-03-02'));
      expect(weekOfEpochDay(epochDay('2026-03-08'))).toBe(monday);
      expect(weekOfEpochDay(epochDay('2026-03-01'))).toBe(monday - 1);
      expect(weekOfEpochDay(epochDay('2026-03-09'))).toBe(monday + 1);
    });
  });
});

describe('msIntoDay', () => {
  describe('when the instant is around the day', () => {
    it.each([
      ['2026-03-02T02:00:00Z', 7_200_000],
      ['2026-03-01T23:30:00Z', -1_800_000],
      ['2026-03-03T00:00:00.001Z', 86_400_001],
    ])('returns the milliseconds after the UTC midnight for %s, and back', (at, ms) => {
      expect(msIntoDay('2026-03-02', at)).toBe(ms);
      expect(instantInDay('2026-03-02', ms)).toBe(new Date(at).toISOString());
    });
  });
});

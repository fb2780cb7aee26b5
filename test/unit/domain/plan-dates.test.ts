import { addBusinessDays, addDays, businessDaysBetween, daysFrom, isBusinessDay, weekday } from '../../../src/domain/plan-dates';

describe('plan dates', () => {
  it.each([
    ['2026-03-01', 30, '2026-03-31'],
    ['2026-03-01', -1, '2026-02-28'],
    ['2028-02-28', 1, '2028-02-29'],
    ['2026-12-31', 1, '2027-01-01'],
    ['2026-03-29', 1, '2026-03-30'], // a daylight-saving Sunday in Europe changes nothing
  ])('addDays(%s, %i) is %s', (date, days, expected) => {
    expect(addDays(date, days)).toBe(expected);
    expect(daysFrom(date, expected)).toBe(days);
  });

  it.each([
    ['1970-01-01', 4],
    ['2026-12-07', 1],
    ['2026-12-12', 6],
    ['2026-12-13', 0],
  ])('weekday(%s) is %i', (date, day) => {
    expect(weekday(date)).toBe(day);
    expect(isBusinessDay(date)).toBe(day !== 0 && day !== 6);
  });

  it.each([
    ['Thursday + 10 is the Thursday two weeks later', '2026-03-05', 10, '2026-03-19'],
    ['Friday + 1 is Monday', '2026-03-06', 1, '2026-03-09'],
    ['Saturday + 1 is Monday', '2026-03-07', 1, '2026-03-09'],
    ['Sunday + 10 is the Friday after next', '2026-03-08', 10, '2026-03-20'],
    ['0 on a Saturday is the next Monday', '2026-03-07', 0, '2026-03-09'],
    ['0 on a Wednesday is that day', '2026-03-04', 0, '2026-03-04'],
    ['Monday − 1 is Friday', '2026-03-09', -1, '2026-03-06'],
    ['across the year end', '2026-12-30', 3, '2027-01-04'],
  ])('addBusinessDays: %s', (_name, date, count, expected) => {
    expect(addBusinessDays(date, count)).toBe(expected);
  });

  it.each([
    ['2026-03-06', '2026-03-09', 1],
    ['2026-03-05', '2026-03-19', 10],
    ['2026-03-09', '2026-03-06', -1],
    ['2026-03-07', '2026-03-08', 0],
    ['2026-03-04', '2026-03-04', 0],
  ])('businessDaysBetween(%s, %s) is %i', (from, to, expected) => {
    expect(businessDaysBetween(from, to)).toBe(expected);
  });

  it('counts back what addBusinessDays counted forward, for any start day', () => {
    for (let offset = 0; offset < 14; offset++) {
      const start = addDays('2026-03-01', offset);
      for (const count of [1, 5, 10, 23]) {
        const end = addBusinessDays(start, count);
        expect(isBusinessDay(end)).toBe(true);
        expect(businessDaysBetween(start, end)).toBe(count);
      }
    }
  });

  it('refuses a fractional count', () => {
    expect(() => addBusinessDays('2026-03-01', 1.5)).toThrow('count must be a whole number of business days, not 1.5.');
  });
});

import fc from 'fast-check';
import {
  checkFindingText,
  compareFindings,
  findingDaysLeft,
  findingDueDate,
  findingIssueSummary,
  findingState,
  FindingInputError,
  FINDING_SUMMARY_MAX,
} from '../../../src/domain/findings';
import { addDays, businessDaysBetween, isBusinessDay } from '../../../src/domain/plan-dates';

describe('finding due dates (AWS: 10 business days after the validation date)', () => {
  it.each([
    ['a Thursday audit: the Thursday two weeks later', '2026-03-05', '2026-03-19'],
    ['a Friday audit: the Friday two weeks later', '2026-03-06', '2026-03-20'],
    ['a Monday audit: the Monday two weeks later', '2026-03-09', '2026-03-23'],
    ['an audit on a Saturday: the Friday after next', '2026-03-07', '2026-03-20'],
    ['across the year end', '2026-12-24', '2027-01-07'],
  ])('%s', (_, validationDate, due) => {
    expect(findingDueDate({ aws: true, validationDate })).toBe(due);
  });

  it('sets no due date for other checklists, without a plan, or for a day that does not exist', () => {
    expect(findingDueDate({ aws: false, validationDate: '2026-03-05' })).toBeUndefined();
    expect(findingDueDate({ aws: true })).toBeUndefined();
    expect(findingDueDate({ aws: true, validationDate: '2026-02-30' })).toBeUndefined();
  });

  it('is always a business day exactly 10 business days after the audit', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 20_000 }), (offset) => {
        const validationDate = addDays('2000-01-01', offset);
        const due = findingDueDate({ aws: true, validationDate })!;
        expect(isBusinessDay(due)).toBe(true);
        expect(businessDaysBetween(validationDate, due)).toBe(10);
      }),
    );
  });
});

describe('days left on a frozen clock', () => {
  const today = '2026-03-16'; // a Monday, the day the clock stands still

  it('counts calendar days to the due date, negative when overdue, null without one', () => {
    expect(findingDaysLeft(today, '2026-03-19')).toBe(3);
    expect(findingDaysLeft(today, '2026-03-16')).toBe(0);
    expect(findingDaysLeft(today, '2026-03-10')).toBe(-6);
    expect(findingDaysLeft(today, undefined)).toBeNull();
  });

  it('lists open findings first, the most urgent first, then the ones without a date, then closed', () => {
    const rows = [
      { id: 'closed', state: 'closed' as const, daysLeft: -9, recordedAt: '2026-03-01' },
      { id: 'no-date', state: 'open' as const, daysLeft: null, recordedAt: '2026-03-01' },
      { id: 'later', state: 'open' as const, daysLeft: 5, recordedAt: '2026-03-01' },
      { id: 'overdue', state: 'open' as const, daysLeft: -2, recordedAt: '2026-03-02' },
      { id: 'recording', state: 'recording' as const, daysLeft: 1, recordedAt: '2026-03-03' },
    ];
    expect([...rows].sort(compareFindings).map((row) => row.id)).toEqual(['overdue', 'recording', 'later', 'no-date', 'closed']);
  });
});

describe('finding text and state', () => {
  it('trims the text and keeps an empty detail out', () => {
    expect(checkFindingText({ summary: '  No DR test record  ', detail: '  ' })).toEqual({ summary: 'No DR test record' });
    expect(checkFindingText({ summary: 'No DR test', detail: 'Last test 2024.\nAsked for 2025.' })).toEqual({ summary: 'No DR test', detail: 'Last test 2024.\nAsked for 2025.' });
  });

  it.each([
    ['an empty summary', { summary: '   ' }, /Write what the auditor found/],
    ['a summary on two lines', { summary: 'a\nb' }, /one line/],
    ['a summary too long', { summary: 'x'.repeat(FINDING_SUMMARY_MAX + 1) }, /keep it to 200/],
    ['a bidi override', { summary: 'ok\u202Egnp.exe' }, /U\+202E/],
    ['a control character in the detail', { summary: 'ok', detail: 'a\u0007b' }, /The finding detail contains U\+0007/],
  ])('refuses %s with a message that says what to fix', (_, input, message) => {
    expect(() => checkFindingText(input)).toThrow(FindingInputError);
    expect(() => checkFindingText(input)).toThrow(message);
  });

  it('names the item in the issue summary, within 255 characters', () => {
    expect(findingIssueSummary('OPS-001', 'No DR test record')).toBe('Audit finding OPS-001: No DR test record');
    expect(findingIssueSummary('OPS-001', 'x'.repeat(300))).toHaveLength(255);
  });

  it('is closed only when the issue is in the done category, recording while it has no issue', () => {
    expect(findingState({})).toBe('recording');
    expect(findingState({ issueKey: 'MSP-9', statusCategory: 'indeterminate' })).toBe('open');
    expect(findingState({ issueKey: 'MSP-9', statusCategory: 'done' })).toBe('closed');
  });
});

import { dueReminders, pruneLog, type ReminderItem } from '../../../src/domain/plan-reminders';

/** The frozen "today" of every case. */
const TODAY = '2026-06-10';
const AUDIT = '2026-06-30';

const item = (itemId: string, overrides: Partial<ReminderItem> = {}): ReminderItem => ({
  itemId,
  title: `Item ${itemId}`,
  issueKey: `MSP-${itemId}`,
  mandatory: false,
  result: 'met',
  assignee: 'alice',
  entries: [],
  ...overrides,
});
const entry = (overrides: Partial<ReminderItem['entries'][number]> = {}) => ({ title: 'Doc', reviewState: 'accepted' as const, addedAt: '2026-06-01T09:00:00.000Z', ...overrides });
const kinds = (items: ReminderItem[], today = TODAY, audit = AUDIT, log = {}) => dueReminders(items, audit, today, log).map((r) => [r.issueKey, r.kind, r.to]);

describe('dueReminders', () => {
  it.each([
    ['expires before the audit', { expiryDate: '2026-06-29' }, true],
    ['expires on the audit day but within 14 days', { expiryDate: '2026-06-24' }, true],
    ['expires after the audit, in 14 days', { expiryDate: '2026-06-24' }, true],
    ['expires after the audit, in 25 days', { expiryDate: '2026-07-05' }, false],
    ['has expired already', { expiryDate: '2026-06-09' }, false],
    ['is rejected', { expiryDate: '2026-06-20', reviewState: 'rejected' as const }, false],
  ])('evidence that %s', (_name, overrides, expected) => {
    expect(kinds([item('1', { entries: [entry(overrides)] })]).length).toBe(expected ? 1 : 0);
  });

  it.each([
    ['pending 8 days', { reviewState: 'pending' as const, addedAt: '2026-06-02T10:00:00.000Z' }, true],
    ['pending exactly 7 days', { reviewState: 'pending' as const, addedAt: '2026-06-03T10:00:00.000Z' }, false],
    ['edited 2 days ago', { reviewState: 'pending' as const, addedAt: '2026-05-01T10:00:00.000Z', updatedAt: '2026-06-08T10:00:00.000Z' }, false],
    ['accepted long ago', { addedAt: '2026-05-01T10:00:00.000Z' }, false],
  ])('review: an entry %s', (_name, overrides, expected) => {
    expect(kinds([item('1', { entries: [entry(overrides)] })])).toEqual(expected ? [['MSP-1', 'review-pending', 'alice']] : []);
  });

  it.each([
    ['20 days before the audit', '2026-06-10', true],
    ['exactly 30 days before', '2026-05-31', true],
    ['31 days before', '2026-05-30', false],
    ['on the audit day', '2026-06-30', true],
    ['after the audit', '2026-07-01', false],
  ])('a mandatory item not met %s', (_name, today, expected) => {
    expect(kinds([item('1', { mandatory: true, result: 'not_met' })], today)).toEqual(expected ? [['MSP-1', 'mandatory-open', 'alice']] : []);
  });

  it('reminds nobody of an unassigned item, of a met mandatory item, or of N/A evidence', () => {
    expect(kinds([item('1', { mandatory: true, result: 'not_assessed', assignee: null }), item('2', { mandatory: true }), item('3', { result: 'na', entries: [entry({ expiryDate: '2026-06-12' })] })])).toEqual([]);
  });

  it('sends one reminder per issue and kind every 7 days: a second run the same day sends nothing', () => {
    const items = [item('1', { mandatory: true, result: 'not_met', entries: [entry({ expiryDate: '2026-06-12' })] })];
    const first = dueReminders(items, AUDIT, TODAY, {});
    expect(first.map((r) => r.kind)).toEqual(['evidence-expiring', 'mandatory-open']);
    const log = Object.fromEntries(first.map((r) => [`${r.issueKey}|${r.kind}`, TODAY]));
    expect(dueReminders(items, AUDIT, TODAY, log)).toEqual([]);
    expect(dueReminders(items, AUDIT, '2026-06-16', log)).toEqual([]);
    expect(dueReminders(items, AUDIT, '2026-06-17', log).map((r) => r.kind)).toEqual(['mandatory-open']);
    // The other kind of the same issue is not held back.
    expect(dueReminders(items, AUDIT, TODAY, { 'MSP-1|mandatory-open': TODAY }).map((r) => r.kind)).toEqual(['evidence-expiring']);
  });

  it('says what to do, in the subject and the text', () => {
    const [reminder] = dueReminders([item('OPS-1', { title: 'Patching', mandatory: true, result: 'not_met' })], AUDIT, TODAY, {});
    expect(reminder).toEqual({
      issueKey: 'MSP-OPS-1',
      itemId: 'OPS-1',
      kind: 'mandatory-open',
      to: 'alice',
      subject: 'OPS-1 Patching is not met, 20 days before the audit',
      text: 'This mandatory item is not met and the validation audit is on 2026-06-30 (20 days). Meet it, or record why it does not apply.',
    });
  });

  it('prunes log entries older than the throttle', () => {
    expect(pruneLog({ a: '2026-06-03', b: '2026-06-04', c: TODAY }, TODAY)).toEqual({ b: '2026-06-04', c: TODAY });
  });
});

import { awsDeadlines, checkPlanDates, dueList, PlanInputError, type PlanItem } from '../../../src/domain/plan';

/** The frozen "today" of every case. */
const TODAY = '2026-05-01';
const AWS = { framework: 'aws-msp', chapters: [{ id: 'prereq', title: 'Prerequisites', order: 0 }, { id: 'ops', title: 'Operations', order: 1 }] };
const OTHER = { framework: 'mspalliance-ucs', chapters: [{ id: 'c1', title: 'Governance', order: 0 }] };

const item = (itemId: string, overrides: Partial<PlanItem> = {}): PlanItem => ({
  itemId,
  chapterId: 'ops',
  title: `Item ${itemId}`,
  issueKey: `MSP-${itemId.replace(/\D/g, '')}`,
  mandatory: true,
  result: 'not_met',
  ...overrides,
});

describe('checkPlanDates', () => {
  it.each([
    [{ validationDate: '2026-02-30' }, 'The validation date "2026-02-30" is not a day on the calendar; write it YYYY-MM-DD, e.g. 2026-05-31.'],
    [{ validationDate: '2026-6-30' }, 'The validation date "2026-6-30" is not a day on the calendar'],
    [{ validationDate: '2026-06-30', preAuditDate: '2026-13-01' }, 'The pre-audit date "2026-13-01" is not a day on the calendar'],
    [{ validationDate: '2026-06-30', selfAssessmentSentDate: '2027-02-29' }, 'The self-assessment sent date "2027-02-29" is not a day on the calendar'],
    [{ validationDate: '2026-06-30', preAuditDate: '2026-07-01' }, 'The pre-audit (2026-07-01) is after the validation audit (2026-06-30); a pre-audit comes before it: move it earlier or leave it empty.'],
    [{ validationDate: '2026-06-30', selfAssessmentSentDate: '2026-07-02' }, 'The self-assessment was sent (2026-07-02) after the validation audit (2026-06-30)'],
  ])('refuses %j', (input, message) => {
    expect(() => checkPlanDates(input, TODAY)).toThrow(PlanInputError);
    expect(() => checkPlanDates(input, TODAY)).toThrow(message);
  });

  it.each([
    ['a future date, no warning', { validationDate: '2026-06-30', preAuditDate: '2026-06-30' }, []],
    ['today, no warning', { validationDate: TODAY }, []],
    ['yesterday, with a warning', { validationDate: '2026-04-30' }, ['The validation date 2026-04-30 is 1 day in the past; kept, as the record of a finished audit.']],
    ['a leap day in the past', { validationDate: '2024-02-29' }, ['The validation date 2024-02-29 is 792 days in the past; kept, as the record of a finished audit.']],
  ])('accepts %s', (_name, input, warnings) => {
    expect(checkPlanDates(input, TODAY)).toEqual({ dates: input, warnings });
  });

  it('keeps only the dates given', () => {
    expect(checkPlanDates({ validationDate: '2026-06-30', preAuditDate: undefined } as never, TODAY).dates).toEqual({ validationDate: '2026-06-30' });
  });
});

describe('AWS deadlines', () => {
  it.each([
    // Tuesday: prerequisites 30 days before; action items 10 business days after.
    ['2026-06-30', '2026-05-31', '2026-07-14'],
    // Friday.
    ['2026-07-03', '2026-06-03', '2026-07-17'],
    // Across a year end.
    ['2026-12-28', '2026-11-28', '2027-01-11'],
  ])('validation %s: prerequisite evidence %s, action items %s', (validationDate, prerequisiteEvidence, actionItems) => {
    expect(awsDeadlines(validationDate)).toEqual({ prerequisiteEvidence, actionItems });
  });
});

describe('dueList', () => {
  const plan = { validationDate: '2026-06-30', preAuditDate: '2026-06-10', selfAssessmentSentDate: '2026-04-20' };

  it('lists milestones, AWS deadlines, expiring evidence and open mandatory items with owners, by date', () => {
    const items = [
      item('BUSP-1', { chapterId: 'prereq', assignee: 'alice' }),
      item('OPS-2', { assignee: null }),
      item('OPS-3', { result: 'met', assignee: 'bob' }),
      item('OPS-4', { mandatory: false }),
      item('OPS-5', { result: 'not_assessed', assignee: 'bob' }),
      item('OPS-6', { result: 'na' }),
    ];
    const expiring = [{ itemId: 'OPS-3', issueKey: 'MSP-3', date: '2026-06-15', detail: '"Runbook" expires on 2026-06-15, before the audit on 2026-06-30; renew it in time.' }];
    const { entries, more } = dueList(AWS, plan, items, expiring, TODAY);
    expect(more).toBe(0);
    expect(entries.map((entry) => [entry.date, entry.daysLeft, entry.kind, entry.itemId ?? '', entry.owner])).toEqual([
      ['2026-04-20', -11, 'self-assessment', '', undefined],
      ['2026-05-31', 30, 'prerequisite-deadline', '', undefined],
      ['2026-05-31', 30, 'prerequisite-open', 'BUSP-1', 'alice'],
      ['2026-06-10', 40, 'pre-audit', '', undefined],
      ['2026-06-15', 45, 'evidence-expires', 'OPS-3', undefined],
      ['2026-06-30', 60, 'validation', '', undefined],
      ['2026-06-30', 60, 'mandatory-open', 'OPS-2', null],
      ['2026-06-30', 60, 'mandatory-open', 'OPS-5', 'bob'],
      ['2026-07-14', 74, 'action-items', '', undefined],
    ]);
    expect(entries.find((entry) => entry.itemId === 'BUSP-1')).toMatchObject({ title: 'BUSP-1 Item BUSP-1', issueKey: 'MSP-1', detail: 'Mandatory prerequisite not met yet: its evidence is due to AWS.' });
  });

  it('has no AWS deadlines for another framework: its prerequisites-like items are due on the validation date', () => {
    const { entries } = dueList(OTHER, { validationDate: '2026-06-30' }, [item('G-1', { chapterId: 'c1' })], [], TODAY);
    expect(entries.map((entry) => entry.kind)).toEqual(['validation', 'mandatory-open']);
  });

  it('bounds the list and counts the rest', () => {
    const many = Array.from({ length: 350 }, (_, index) => item(`OPS-${index + 1}`));
    const { entries, more } = dueList(OTHER, { validationDate: '2026-06-30' }, many, [], TODAY);
    expect(entries).toHaveLength(300);
    expect(more).toBe(51);
  });
});

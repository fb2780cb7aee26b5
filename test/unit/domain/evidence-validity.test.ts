/** Evidence that renews on a cycle: the checklist field `evidenceValidMonths` and the expiry it gives new evidence. */
import { ChecklistValidationError, parseChecklist } from '../../../src/domain/checklist-schema';
import { expiryAfterMonths, withDefaultExpiry } from '../../../src/domain/evidence-validity';

const FILE = 'demo.yaml';
const file = (header: string, itemExtra = '') => `id: demo-7
framework: demo
name: Demo
version: "7"
model: met
${header}chapters:
  - { id: gov, title: Governance }
items:
  - { id: GOV-001, chapter: gov, title: Risks, requirement: Track risks., mandatory: true${itemExtra} }
  - { id: GOV-002, chapter: gov, title: Board, requirement: Meet., mandatory: true }
`;

function problems(text: string): string[] {
  try {
    parseChecklist(text, FILE);
  } catch (error) {
    if (error instanceof ChecklistValidationError) return error.problems.map((problem) => `${problem.field}: ${problem.message}`);
    throw error;
  }
  return [];
}

describe('parseChecklist: evidenceValidMonths', () => {
  it('gives every item the checklist-wide cycle', () => {
    const def = parseChecklist(file('evidenceValidMonths: 12\n'), FILE);
    expect(def.evidenceValidMonths).toBe(12);
    expect(def.items.map((item) => item.evidenceValidMonths)).toEqual([12, 12]);
  });

  it('lets an item override the checklist-wide cycle', () => {
    const def = parseChecklist(file('evidenceValidMonths: 12\n', ', evidenceValidMonths: 3'), FILE);
    expect(def.items.map((item) => item.evidenceValidMonths)).toEqual([3, 12]);
  });

  it('leaves the field out when the file states no cycle (evidence then has no default expiry)', () => {
    const def = parseChecklist(file(''), FILE);
    expect(def).not.toHaveProperty('evidenceValidMonths');
    expect(def.items[0]).not.toHaveProperty('evidenceValidMonths');
  });

  it.each<[string, string, string, string]>([
    ['zero months', 'evidenceValidMonths: 0\n', '', 'evidenceValidMonths: must be a whole number of months from 1 to 120, e.g. 12'],
    ['a fraction', 'evidenceValidMonths: 1.5\n', '', 'evidenceValidMonths: must be a whole number of months from 1 to 120, e.g. 12'],
    ['ten years and more', 'evidenceValidMonths: 121\n', '', 'evidenceValidMonths: must be a whole number of months from 1 to 120, e.g. 12'],
    ['text', 'evidenceValidMonths: yearly\n', '', 'evidenceValidMonths: must be a whole number of months from 1 to 120, e.g. 12'],
    ['a bad item cycle', '', ', evidenceValidMonths: -1', 'evidenceValidMonths: must be a whole number of months from 1 to 120, e.g. 12'],
  ])('refuses %s', (_label, header, itemExtra, problem) => {
    expect(problems(file(header, itemExtra))).toEqual([problem]);
  });
});

describe('expiryAfterMonths', () => {
  it.each([
    ['2026-03-15', 12, '2027-03-14'],
    ['2026-03-01', 12, '2027-02-28'],
    ['2026-01-31', 1, '2026-02-28'],
    ['2027-12-31', 2, '2028-02-29'],
    ['2028-02-29', 12, '2029-02-28'],
    ['2026-12-07', 1, '2027-01-06'],
  ])('evidence effective %s for %i months is valid through %s', (from, months, expiry) => {
    expect(expiryAfterMonths(from, months)).toBe(expiry);
  });
});

describe('withDefaultExpiry', () => {
  const now = new Date('2026-12-07T23:30:00Z');

  it('fills in the expiry from today when the input gives neither date', () => {
    expect(withDefaultExpiry({ kind: 'document', title: 'Signed code' }, 12, now)).toEqual({ kind: 'document', title: 'Signed code', expiryDate: '2027-12-06' });
  });

  it('counts from the effective date when the input gives one', () => {
    expect(withDefaultExpiry({ title: 'x', effectiveDate: '2026-06-01' }, 12, now)).toEqual({ title: 'x', effectiveDate: '2026-06-01', expiryDate: '2027-05-31' });
  });

  it('counts from today when the effective date is not a real date (validation reports it later)', () => {
    expect(withDefaultExpiry({ title: 'x', effectiveDate: '2026-02-30', expiryDate: '' }, 1, now)).toMatchObject({ expiryDate: '2027-01-06' });
  });

  it.each<[string, unknown, number | undefined]>([
    ['an expiry the person gave', { title: 'x', expiryDate: '2026-12-31' }, 12],
    ['no cycle', { title: 'x' }, undefined],
    ['input that is not a mapping', ['x'], 12],
    ['no input', null, 12],
  ])('leaves %s alone', (_label, input, months) => {
    expect(withDefaultExpiry(input, months, now)).toBe(input);
  });
});

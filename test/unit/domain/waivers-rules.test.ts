import {
  addCustomWaiver,
  mandatoryItemsCovered,
  MAX_WAIVERS,
  MAX_WAIVERS_BYTES,
  waiverLimitProblem,
  WaiverValidationError,
  type WaiverRecord,
} from '../../../src/domain/waivers';
import { item, metChecklist } from './fixtures';

const def = metChecklist([item('1.1', { mandatory: true }), item('1.2'), item('2.1', { mandatory: true }), item('2.2')]);
const ctx = { accountId: 'ana', now: new Date('2026-03-02T10:00:00Z') };

describe('mandatoryItemsCovered', () => {
  it.each<[string, { items: string[]; chapters: string[] }, string[]]>([
    ['an optional item', { items: ['1.2'], chapters: [] }, []],
    ['a mandatory item', { items: ['1.1'], chapters: [] }, ['1.1']],
    ['a chapter holding one', { items: [], chapters: ['2'] }, ['2.1']],
    ['items and chapters, in checklist order', { items: ['2.1', '1.2'], chapters: ['1'] }, ['1.1', '2.1']],
    ['ids the checklist does not have', { items: ['9.9'], chapters: ['9'] }, []],
  ])('returns for %s: %j', (_label, targets, expected) => {
    expect(mandatoryItemsCovered(def, targets)).toEqual(expected);
  });
});

describe('addCustomWaiver: the free-text rule', () => {
  it.each<[string, { name?: string; reason: string }, string]>([
    ['a BEL in the reason', { reason: 'Covered\u0007 elsewhere' }, 'The reason contains U+0007 at character 8'],
    ['a right-to-left override in the name', { name: 'SOC\u202E2', reason: 'Covered' }, 'The name contains U+202E at character 4'],
    ['a bidi isolate in the reason', { reason: 'ok \u2066x\u2069' }, 'The reason contains U+2066 at character 4'],
  ])('refuses %s, saying where', (_label, input, message) => {
    expect(() => addCustomWaiver([], def, { ...input, items: ['1.2'] }, ctx)).toThrow(WaiverValidationError);
    expect(() => addCustomWaiver([], def, { ...input, items: ['1.2'] }, ctx)).toThrow(message);
  });

  it('keeps line breaks and tabs, which people type', () => {
    const [record] = addCustomWaiver([], def, { reason: 'Line one\n\tline two', items: ['1.2'] }, ctx);
    expect(record?.reason).toBe('Line one\n\tline two');
  });
});

describe('waiverLimitProblem', () => {
  const record = (id: string, items: string[] = ['1.2'], reason = 'Covered'): WaiverRecord => ({
    id,
    source: 'custom',
    name: `Waiver ${id}`,
    reason,
    items,
    chapters: [],
    appliedBy: 'ana',
    appliedAt: '2026-03-02T10:00:00.000Z',
  });
  const named = { name: 'Team list', version: '1' };

  it.each<[string, WaiverRecord[]]>([
    ['none', []],
    [`exactly ${MAX_WAIVERS}`, Array.from({ length: MAX_WAIVERS }, (_, index) => record(`w${index}`))],
  ])('accepts %s', (_label, records) => {
    expect(waiverLimitProblem(records, named)).toBeUndefined();
  });

  it(`refuses waiver number ${MAX_WAIVERS + 1}, saying what to do`, () => {
    const records = Array.from({ length: MAX_WAIVERS + 1 }, (_, index) => record(`w${index}`));
    expect(waiverLimitProblem(records, named)).toBe(
      `Team list 1 already has ${MAX_WAIVERS} waivers in force, the most one checklist may have. Nothing was added: remove waivers no longer needed, or cover a whole chapter with one waiver instead of items one by one.`,
    );
  });

  it('keeps the byte bound true with proofs stored on the waivers: 50 with the longest proofs are refused, not written', () => {
    const proof = {
      kind: 'document' as const,
      title: 't'.repeat(255),
      url: `https://example.com/${'p'.repeat(1970)}`,
      note: 'n'.repeat(2000),
      effectiveDate: '2025-01-01',
      expiryDate: '2027-01-01',
    };
    const records = Array.from({ length: MAX_WAIVERS }, (_, index) => ({ ...record(`w${index}`), proof }));
    expect(waiverLimitProblem(records, named)).toMatch(/^The waivers of Team list 1 would take \d+ KB, more than the 200 KB they may use/);
    expect(waiverLimitProblem(records.slice(0, 40), named)).toBeUndefined();
  });

  it('refuses a list larger than one stored value, however few waivers it holds', () => {
    const items = Array.from({ length: 2000 }, (_, index) => `ITEM-${String(index).padStart(4, '0')}-${'x'.repeat(100)}`);
    const problem = waiverLimitProblem([record('big', items)], named);
    expect(problem).toMatch(new RegExp(`^The waivers of Team list 1 would take \\d+ KB, more than the ${MAX_WAIVERS_BYTES / 1024} KB they may use\\. Nothing was added: cover whole chapters`));
  });
});

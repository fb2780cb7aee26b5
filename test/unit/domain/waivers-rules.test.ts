import { addCustomWaiver, mandatoryItemsCovered, WaiverValidationError } from '../../../src/domain/waivers';
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

import { chapterLabel, itemDescription, legacyChapterLabel } from '../../../src/jira/layout';
import type { ChecklistDefinition, ChecklistItem } from '../../../src/domain/types';

describe('chapter labels', () => {
  it.each([
    ['ch-08', 'msp-ch-08'],
    ['CH-08', 'msp-ch-08'],
    ['08', 'msp-ch-08'],
    ['prereq', 'msp-ch-prereq'],
    ['Chapter 8', 'msp-ch-Chapter_8'],
    ['ch-ch-1', 'msp-ch-ch-1'],
  ])('chapter %s is labelled %s', (chapterId, label) => {
    expect(chapterLabel(chapterId)).toBe(label);
  });

  it('names the label older imports wrote only where it differs from today’s', () => {
    expect(legacyChapterLabel('ch-08')).toBe('msp-ch-ch-08');
    expect(legacyChapterLabel('08')).toBeUndefined();
    expect(legacyChapterLabel('prereq')).toBeUndefined();
  });
});

describe('the issue description of a mandatory met-model item', () => {
  const item: ChecklistItem = { id: '1.1', chapterId: 'c1', title: 'Plan', requirement: 'Have a plan.', evidence: [], points: 0, mandatory: true, penalty: 0, replaces: [] };
  const def = (naRule?: ChecklistDefinition['naRule']): ChecklistDefinition => ({
    id: 'x-1',
    framework: 'x',
    name: 'X',
    version: '1',
    description: '',
    model: 'met',
    passRule: { kind: 'met' },
    maxScore: 1,
    naPolicy: 'award',
    chapters: [{ id: 'c1', title: 'C', order: 1 }],
    items: [item],
    waivers: [],
    source: 'custom',
    ...(naRule !== undefined ? { naRule } : {}),
  });
  const scoring = (d: ChecklistDefinition): string => JSON.stringify(itemDescription(d, item));

  it('says N/A needs a published exemption where the publisher lists exemptions', () => {
    expect(scoring(def('exemptions'))).toContain("N/A only under an exemption the checklist's publisher lists");
    expect(scoring(def('exemptions'))).not.toContain('met, N/A or waived');
  });
  it('says N/A needs a justification by default', () => {
    expect(scoring(def())).toContain('N/A only with a written justification');
  });
  it('keeps the short sentence where N/A is free', () => {
    expect(scoring(def('free'))).toContain('must be met, N/A or waived (by a project admin) to pass');
  });
});

/** Strict mode and the audit risks agree: an item strict mode counts as not met is never called "met" in a risk. */
import { evidenceValue, type EvidenceEntry } from '../../../src/domain/evidence';
import type { ChecklistDefinition, ItemState } from '../../../src/domain/types';
import { scoreWithEvidence } from '../../../src/domain/evidence-scoring';

const TODAY = '2026-03-01';
const entry = (overrides: Partial<EvidenceEntry>): EvidenceEntry => ({
  id: 'ev-1',
  kind: 'link',
  title: 'Patch policy',
  url: 'https://intranet.example/patching',
  addedAt: '2026-01-10T09:00:00.000Z',
  addedBy: 'admin',
  reviewState: 'pending',
  ...overrides,
});

const def: ChecklistDefinition = {
  id: 'tiny-1.0',
  framework: 'tiny',
  name: 'Tiny',
  version: '1.0',
  description: '',
  model: 'points',
  passRule: { kind: 'points', passMark: 150 },
  maxScore: 300,
  naPolicy: 'award',
  chapters: [{ id: '1', title: 'One', order: 1 }],
  items: ['1.1', '1.2', '1.3'].map((id) => ({ id, chapterId: '1', title: id, requirement: '', evidence: [], points: 100, mandatory: false, penalty: 0, replaces: [] })),
  waivers: [],
  source: 'custom',
};
const states: ItemState[] = ['1.1', '1.2', '1.3'].map((itemId, i) => ({ itemId, issueKey: `T-${i + 1}`, statusCategory: 'done', statusName: 'Done' }));
// 1.1 accepted evidence (met either way); 1.2 none; 1.3 only rejected evidence.
const evidence = new Map([
  ['1.1', evidenceValue([entry({ reviewState: 'accepted' })])],
  ['1.3', evidenceValue([entry({ reviewState: 'rejected' })])],
]);

describe('audit risk wording under strict mode', () => {
  it('says "Met but …" without strict mode', () => {
    const { risks } = scoreWithEvidence(def, states, evidence, { strictMode: false, today: TODAY });
    expect(risks.map((r) => [r.itemId, r.kind, r.detail.startsWith('Met but')])).toEqual([
      ['1.2', 'met-without-evidence', true],
      ['1.3', 'only-rejected-evidence', true],
    ]);
  });

  it('says the item is counted as not met with strict mode on, consistently with its result', () => {
    const { report, risks } = scoreWithEvidence(def, states, evidence, { strictMode: true, today: TODAY });
    expect(report.items.map((item) => [item.id, item.result])).toEqual([
      ['1.1', 'met'],
      ['1.2', 'not_met'],
      ['1.3', 'not_met'],
    ]);
    expect(risks).toEqual([
      expect.objectContaining({ itemId: '1.2', kind: 'met-without-evidence', detail: 'Counted as not met (strict mode): no accepted evidence in force; add what an auditor will ask to see.' }),
      expect.objectContaining({
        itemId: '1.3',
        kind: 'only-rejected-evidence',
        detail: 'Counted as not met (strict mode): no accepted evidence in force, only rejected evidence; add evidence a reviewer can accept.',
      }),
    ]);
    expect(risks.some((r) => r.detail.includes('Met but'))).toBe(false);
  });
});

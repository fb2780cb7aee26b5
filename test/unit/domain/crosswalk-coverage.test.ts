/** The crosswalk in a project: following version updates (renames, retirements) and what evidence covers. */
import { validateChecklist } from '../../../src/domain/checklist-schema';
import type { CrosswalkMapping } from '../../../src/domain/crosswalk';
import { coverageSummary, crosswalkCoverage, mappingsOfItem, refKey, type HeldEvidence } from '../../../src/domain/crosswalk-coverage';
import { heldVersions, resolveMappings, retiredMappings } from '../../../src/domain/crosswalk-resolve';
import type { EvidenceEntry, EvidenceFieldValue } from '../../../src/domain/evidence-types';
import type { ChecklistDefinition } from '../../../src/domain/types';

function checklist(id: string, framework: string, items: { id: string; replaces?: string[] }[]): ChecklistDefinition {
  return validateChecklist(
    {
      id,
      framework,
      name: id,
      version: id.split('-').pop(),
      model: 'met',
      chapters: [{ id: 'c', title: 'Chapter' }],
      items: items.map((item) => ({ ...item, chapter: 'c', title: `Item ${item.id}`, requirement: 'Do it.', mandatory: true })),
    },
    `${id}.yaml`,
    { source: 'custom' },
  );
}

const alpha1 = checklist('alpha-1', 'alpha', [{ id: 'A-1' }, { id: 'A-2' }, { id: 'A-3' }]);
// Version 2 renames, splits A-3 into, and drops nothing else.
const alpha2 = checklist('alpha-2', 'alpha', [{ id: 'A-1' }, { id: 'A-20', replaces: ['A-2'] }, { id: 'A-31', replaces: ['A-3'] }, { id: 'A-32', replaces: ['A-3'] }]);
// Version 3 drops A-1.
const alpha3 = checklist('alpha-3', 'alpha', [{ id: 'A-20' }]);
const beta = checklist('beta-1', 'beta', [{ id: 'B-1' }, { id: 'B-2' }, { id: 'B-3' }]);
const gamma = checklist('gamma-1', 'gamma', [{ id: 'G-1' }]);
const KNOWN = [alpha1, alpha2, alpha3, beta, gamma];

const map = (from: string, to: string, coverage: 'full' | 'partial' = 'full', note?: string): CrosswalkMapping => {
  const [fc, fi] = from.split(' ') as [string, string];
  const [tc, ti] = to.split(' ') as [string, string];
  return { from: { checklistId: fc, itemId: fi }, to: { checklistId: tc, itemId: ti }, coverage, ...(note ? { note } : {}) };
};

const TODAY = '2026-12-07';
function evidence(...entries: Partial<EvidenceEntry>[]): EvidenceFieldValue {
  const full = entries.map((e, i) => ({ id: `e${i}`, kind: 'document' as const, title: `Doc ${i}`, addedAt: '2026-01-01T00:00:00Z', addedBy: 'u1', reviewState: 'accepted' as const, ...e }));
  return { entries: full, count: full.length, accepted: full.filter((e) => e.reviewState === 'accepted').length, pending: 0, rejected: 0 } as unknown as EvidenceFieldValue;
}

describe('resolveMappings', () => {
  it('keeps a mapping between the versions the project holds as it is', () => {
    const [resolved] = resolveMappings([map('alpha-1 A-1', 'beta-1 B-1')], KNOWN, [alpha1, beta]);
    expect(resolved).toMatchObject({ from: { state: 'held', ref: { checklistId: 'alpha-1', itemId: 'A-1' } }, to: { state: 'held', ref: { checklistId: 'beta-1', itemId: 'B-1' } } });
  });

  it('follows a version update: a kept id, a rename and a split', () => {
    const resolved = resolveMappings([map('alpha-1 A-1', 'beta-1 B-1'), map('alpha-1 A-2', 'beta-1 B-2'), map('beta-1 B-3', 'alpha-1 A-3', 'partial')], KNOWN, [alpha2, beta]);
    expect(resolved.map((r) => [r.from, r.to])).toEqual([
      [{ state: 'held', ref: { checklistId: 'alpha-2', itemId: 'A-1' } }, { state: 'held', ref: { checklistId: 'beta-1', itemId: 'B-1' } }],
      [{ state: 'held', ref: { checklistId: 'alpha-2', itemId: 'A-20' }, renamedFrom: 'A-2' }, { state: 'held', ref: { checklistId: 'beta-1', itemId: 'B-2' } }],
      [{ state: 'held', ref: { checklistId: 'beta-1', itemId: 'B-3' } }, { state: 'held', ref: { checklistId: 'alpha-2', itemId: 'A-31' }, renamedFrom: 'A-3' }],
      [{ state: 'held', ref: { checklistId: 'beta-1', itemId: 'B-3' } }, { state: 'held', ref: { checklistId: 'alpha-2', itemId: 'A-32' }, renamedFrom: 'A-3' }],
    ]);
  });

  it('flags a mapping whose item a version update retired, and one whose checklist the project does not hold', () => {
    const resolved = resolveMappings([map('alpha-1 A-1', 'beta-1 B-1'), map('gamma-1 G-1', 'beta-1 B-2')], KNOWN, [alpha3, beta]);
    expect(resolved.map((r) => r.from)).toEqual([{ state: 'retired', heldChecklistId: 'alpha-3' }, { state: 'not-held' }]);
    expect(retiredMappings(resolved).map((r) => r.mapping.from.itemId)).toEqual(['A-1']);
  });
});

describe('resolveMappings over several version updates', () => {
  // Version 4 renames A-20 again and keeps nothing else; alpha-3 sits between.
  const alpha4 = checklist('alpha-4', 'alpha', [{ id: 'A-200', replaces: ['A-20'] }]);
  const known = [...KNOWN, alpha4];

  it('follows a rename through the versions between: A-2 (v1) → A-20 (v2) → A-200 (v4)', () => {
    const [resolved] = resolveMappings([map('alpha-1 A-2', 'beta-1 B-1')], known, [alpha4, beta]);
    expect(resolved?.from).toEqual({ state: 'held', ref: { checklistId: 'alpha-4', itemId: 'A-200' }, renamedFrom: 'A-2' });
  });

  it('stops at the first held id on the way (A-2 held as A-20 in v3, not followed further)', () => {
    const [resolved] = resolveMappings([map('alpha-1 A-2', 'beta-1 B-1')], known, [alpha3, beta]);
    expect(resolved?.from).toEqual({ state: 'held', ref: { checklistId: 'alpha-3', itemId: 'A-20' }, renamedFrom: 'A-2' });
  });

  it('follows a mapping written against a newer version back to the version the project still holds', () => {
    const resolved = resolveMappings([map('beta-1 B-1', 'alpha-2 A-20'), map('beta-1 B-2', 'alpha-2 A-32')], known, [alpha1, beta]);
    expect(resolved.map((r) => r.to)).toEqual([
      { state: 'held', ref: { checklistId: 'alpha-1', itemId: 'A-2' }, renamedFrom: 'A-20' },
      { state: 'held', ref: { checklistId: 'alpha-1', itemId: 'A-3' }, renamedFrom: 'A-32' },
    ]);
  });

  it('flags an item that was split and whose parts a later version dropped as retired', () => {
    const resolved = resolveMappings([map('alpha-1 A-3', 'beta-1 B-1')], known, [alpha4, beta]);
    expect(resolved.map((r) => r.from)).toEqual([{ state: 'retired', heldChecklistId: 'alpha-4' }]);
    expect(retiredMappings(resolved)).toHaveLength(1);
  });

  it('flags an item a team re-saved its own checklist without (same id, same version)', () => {
    const resaved = checklist('beta-1', 'beta', [{ id: 'B-1' }, { id: 'B-2' }]);
    const resolved = resolveMappings([map('alpha-1 A-1', 'beta-1 B-3'), map('alpha-1 A-1', 'beta-1 B-2')], [alpha1, resaved], [alpha1, resaved]);
    expect(resolved.map((r) => r.to.state)).toEqual(['retired', 'held']);
  });

  it('takes the newest version of each framework a project ever held as the one it works now', () => {
    expect(heldVersions([alpha1, beta, alpha3, alpha2]).map((def) => def.id)).toEqual(['alpha-3', 'beta-1']);
    // The checklist being read stands for its framework, whatever else the project held.
    expect(heldVersions([alpha3, beta], alpha2).map((def) => def.id)).toEqual(['alpha-2', 'beta-1']);
  });

  it('does not loop on renames that go round (R-1 → R-9 → R-1) and flags the item retired', () => {
    const round1 = checklist('round-1', 'round', [{ id: 'R-1', replaces: ['R-9'] }]);
    const round2 = checklist('round-2', 'round', [{ id: 'R-9', replaces: ['R-1'] }]);
    const round3 = checklist('round-3', 'round', [{ id: 'R-5' }]);
    const resolved = resolveMappings([map('round-1 R-1', 'beta-1 B-1')], [round1, round2, round3, beta], [round3, beta]);
    expect(resolved.map((r) => r.from)).toEqual([{ state: 'retired', heldChecklistId: 'round-3' }]);
  });
});

describe('crosswalkCoverage', () => {
  const held = (values: Record<string, HeldEvidence>) => (ref: { checklistId: string; itemId: string }) => values[`${ref.checklistId} ${ref.itemId}`];
  const resolved = resolveMappings(
    [map('alpha-1 A-1', 'beta-1 B-1'), map('alpha-1 A-2', 'beta-1 B-1'), map('alpha-1 A-3', 'beta-1 B-2', 'partial'), map('beta-1 B-1', 'gamma-1 G-1')],
    KNOWN,
    [alpha1, beta, gamma],
  );

  it('covers an item with accepted evidence in force on an item that fully covers it, naming the source and the evidence', () => {
    const coverage = crosswalkCoverage(resolved, held({ 'alpha-1 A-1': { issueKey: 'MSP-1', evidence: evidence({ title: 'Access review' }, { title: 'Draft', reviewState: 'pending' }) } }), TODAY);
    expect(coverage.get(refKey({ checklistId: 'beta-1', itemId: 'B-1' }))).toEqual({
      target: { checklistId: 'beta-1', itemId: 'B-1' },
      coveredBy: [{ checklistId: 'alpha-1', itemId: 'A-1', issueKey: 'MSP-1', titles: ['Access review'] }],
    });
  });

  it.each<[string, Partial<EvidenceEntry>]>([
    ['pending', { reviewState: 'pending' }],
    ['rejected', { reviewState: 'rejected' }],
    ['expired', { expiryDate: '2026-12-06' }],
    ['not yet in effect', { effectiveDate: '2026-12-08' }],
  ])('does not cover with evidence that is %s', (_label, entry) => {
    const coverage = crosswalkCoverage(resolved, held({ 'alpha-1 A-1': { evidence: evidence(entry) } }), TODAY);
    expect(coverage.get(refKey({ checklistId: 'beta-1', itemId: 'B-1' }))?.coveredBy).toEqual([]);
  });

  it('counts evidence that expires today, its last valid day', () => {
    const coverage = crosswalkCoverage(resolved, held({ 'alpha-1 A-2': { evidence: evidence({ expiryDate: TODAY }) } }), TODAY);
    expect(coverage.get(refKey({ checklistId: 'beta-1', itemId: 'B-1' }))?.coveredBy.map((s) => s.itemId)).toEqual(['A-2']);
  });

  it('never covers through a partial mapping, and never along a chain', () => {
    const coverage = crosswalkCoverage(resolved, held({ 'alpha-1 A-1': { evidence: evidence({}) }, 'alpha-1 A-3': { evidence: evidence({}) } }), TODAY);
    expect(coverage.has(refKey({ checklistId: 'beta-1', itemId: 'B-2' }))).toBe(false);
    expect(coverage.get(refKey({ checklistId: 'gamma-1', itemId: 'G-1' }))?.coveredBy).toEqual([]);
  });

  it('uncovers the item when the source evidence is gone', () => {
    const before = crosswalkCoverage(resolved, held({ 'alpha-1 A-1': { evidence: evidence({}) } }), TODAY);
    const after = crosswalkCoverage(resolved, held({ 'alpha-1 A-1': { evidence: evidence() } }), TODAY);
    expect([before, after].map((c) => c.get(refKey({ checklistId: 'beta-1', itemId: 'B-1' }))?.coveredBy.length)).toEqual([1, 0]);
  });

  it('follows a rename: evidence on the renamed item covers what the old id was mapped to', () => {
    const renamed = resolveMappings([map('alpha-1 A-2', 'beta-1 B-1')], KNOWN, [alpha2, beta]);
    const coverage = crosswalkCoverage(renamed, held({ 'alpha-2 A-20': { evidence: evidence({}) } }), TODAY);
    expect(coverage.get(refKey({ checklistId: 'beta-1', itemId: 'B-1' }))?.coveredBy.map((s) => `${s.checklistId} ${s.itemId}`)).toEqual(['alpha-2 A-20']);
  });

  it('sums up per checklist: mapped, covered, and the open mandatory items other work would close', () => {
    const coverage = crosswalkCoverage(resolved, held({ 'alpha-1 A-1': { evidence: evidence({}) } }), TODAY);
    expect(coverageSummary('beta-1', coverage, ['B-1', 'B-2', 'B-3'])).toEqual({ checklistId: 'beta-1', mapped: 1, covered: 1, wouldClose: ['B-1'] });
    expect(coverageSummary('gamma-1', coverage, ['G-1'])).toEqual({ checklistId: 'gamma-1', mapped: 1, covered: 0, wouldClose: [] });
  });
});

describe('mappingsOfItem', () => {
  it('lists an item’s mappings both ways, with the other end as the project holds it', () => {
    const resolved = resolveMappings([map('alpha-1 A-2', 'beta-1 B-1', 'full', 'Same review'), map('beta-1 B-1', 'gamma-1 G-1', 'partial')], KNOWN, [alpha2, beta]);
    expect(mappingsOfItem(resolved, { checklistId: 'beta-1', itemId: 'B-1' })).toEqual([
      { direction: 'covered-by', coverage: 'full', other: { checklistId: 'alpha-2', itemId: 'A-20' }, otherState: 'held', renamedFrom: 'A-2', note: 'Same review', earlierVersion: true },
      { direction: 'covers', coverage: 'partial', other: { checklistId: 'gamma-1', itemId: 'G-1' }, otherState: 'not-held' },
    ]);
  });

  it('marks a mapping the crosswalk names by this item’s earlier version, so the panel offers no Remove that would find nothing', () => {
    const resolved = resolveMappings([map('alpha-1 A-2', 'beta-1 B-1', 'full'), map('beta-1 B-2', 'alpha-2 A-20', 'partial')], KNOWN, [alpha2, beta]);
    expect(mappingsOfItem(resolved, { checklistId: 'alpha-2', itemId: 'A-20' })).toEqual([
      { direction: 'covers', coverage: 'full', other: { checklistId: 'beta-1', itemId: 'B-1' }, otherState: 'held', earlierVersion: true },
      { direction: 'covered-by', coverage: 'partial', other: { checklistId: 'beta-1', itemId: 'B-2' }, otherState: 'held' },
    ]);
  });
});

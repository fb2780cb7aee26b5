/**
 * What a version move offers to carry over: same-title proposals (one to one only), confirmed
 * mappings taken like renames, forged mappings refused, and issues with work that would be retired.
 */
import fc from 'fast-check';
import { mappingProblem, normaliseTitle, planSync, summarizePlan, SyncMappingError } from '../../../src/domain/sync-plan';
import type { ChecklistDefinition, ChecklistItem } from '../../../src/domain/types';
import { existingFor, item, pointsChecklist } from './fixtures';

const old = pointsChecklist(
  [
    item('1.1', { title: 'Vulnerability Management' }),
    item('1.2', { title: 'Incident  management!' }),
    item('1.3', { title: 'Customer references' }),
    item('2.1', { title: 'Backups' }),
    item('2.2', { title: 'Backups' }),
  ],
  { id: 'demo-1.0', framework: 'demo', version: '1.0' },
);
const next = (items: ChecklistItem[]): ChecklistDefinition => ({ ...old, id: 'demo-2.0', version: '2.0', items });
const v2 = next([
  item('SEC-1', { chapterId: '1', title: 'vulnerability management' }),
  item('OPS-1', { chapterId: '1', title: 'Incident Management' }),
  item('OPS-2', { chapterId: '2', title: 'Backups' }),
  item('NEW-1', { chapterId: '2', title: 'Something new' }),
]);
const existing = old.items.map((entry, index) => existingFor(old, entry, `MSP-${index + 1}`, { work: index !== 1 }));

describe('planSync proposals', () => {
  describe('when new items share a normalised title with exactly one retiring item', () => {
    it('proposes each such pair and nothing else (two old "Backups" make that title ambiguous)', () => {
      const plan = planSync(v2, existing);
      expect(plan.proposals).toEqual([
        { fromItemId: '1.1', toItemId: 'SEC-1', issueKey: 'MSP-1', reason: 'Same title: “vulnerability management”', withWork: true },
        { fromItemId: '1.2', toItemId: 'OPS-1', issueKey: 'MSP-2', reason: 'Same title: “Incident Management”', withWork: false },
      ]);
      expect(plan.create.map((entry) => entry.id)).toEqual(['SEC-1', 'OPS-1', 'OPS-2', 'NEW-1']);
    });

    it('counts the retiring issues with work and what carries over', () => {
      expect(summarizePlan(planSync(v2, existing))).toMatchObject({ retire: 5, retiredWithWork: 4, carriedOver: 0, activeBefore: 5, proposals: 2 });
    });
  });

  describe('when a proposal is confirmed', () => {
    it('moves the old issue to the new item like a rename and retires the rest', () => {
      const plan = planSync(v2, existing, { mappings: [{ fromItemId: '1.1', toItemId: 'SEC-1' }] });
      expect(plan.update).toEqual([{ issueKey: 'MSP-1', itemId: 'SEC-1', previousItemId: '1.1', changes: ['summary', 'description', 'identity'], mapped: true }]);
      expect(plan.create.map((entry) => entry.id)).toEqual(['OPS-1', 'OPS-2', 'NEW-1']);
      expect(plan.retire.map((ref) => ref.itemId)).toEqual(['1.2', '1.3', '2.1', '2.2']);
      expect(plan.proposals.map((proposal) => proposal.toItemId)).toEqual(['OPS-1']);
      expect(summarizePlan(plan)).toMatchObject({ carriedOver: 1, activeBefore: 5, retiredWithWork: 3, renamed: 1 });
    });
  });

  describe('when a mapping is not a proposal', () => {
    it.each([
      [{ fromItemId: '1.3', toItemId: 'NEW-1' }, 'does not propose moving item 1.3 to NEW-1'],
      [{ fromItemId: '1.1', toItemId: 'OPS-1' }, 'does not propose moving item 1.1 to OPS-1'],
      [{ fromItemId: '2.1', toItemId: 'OPS-2' }, 'does not propose moving item 2.1 to OPS-2'],
    ])('refuses %j with a message naming it', (mapping, message) => {
      expect(() => planSync(v2, existing, { mappings: [mapping] })).toThrow(SyncMappingError);
      expect(() => planSync(v2, existing, { mappings: [mapping] })).toThrow(message);
    });

    it('refuses the same proposal confirmed twice', () => {
      const twice = [
        { fromItemId: '1.1', toItemId: 'SEC-1' },
        { fromItemId: '1.1', toItemId: 'SEC-1' },
      ];
      expect(() => planSync(v2, existing, { mappings: twice })).toThrow('appears in two mappings');
    });
  });

  describe('when a new item already has its own issue or a declared rename', () => {
    it('proposes nothing for it', () => {
      const renamed = next([item('1.1', { title: 'Vulnerability Management' }), item('OPS-1', { chapterId: '1', title: 'Incident Management', replaces: ['1.2'] })]);
      const plan = planSync(renamed, existing);
      expect(plan.proposals).toEqual([]);
      expect(plan.update.filter((update) => update.previousItemId !== undefined).map((update) => [update.itemId, update.previousItemId, update.mapped])).toEqual([['OPS-1', '1.2', undefined]]);
    });
  });

  describe('for any set of mappings', () => {
    it('applies exactly those that are proposals and refuses the rest', () => {
      const pairs = [
        { fromItemId: '1.1', toItemId: 'SEC-1' },
        { fromItemId: '1.2', toItemId: 'OPS-1' },
        { fromItemId: '1.3', toItemId: 'NEW-1' },
        { fromItemId: '2.1', toItemId: 'OPS-2' },
      ];
      const offered = planSync(v2, existing).proposals;
      fc.assert(
        fc.property(fc.subarray(pairs), (mappings) => {
          const problem = mappingProblem(offered, mappings);
          if (problem !== undefined) {
            expect(() => planSync(v2, existing, { mappings })).toThrow(problem);
            return;
          }
          const plan = planSync(v2, existing, { mappings });
          expect(plan.update.map((update) => update.previousItemId)).toEqual(mappings.map((mapping) => mapping.fromItemId));
          expect(plan.update.length + plan.retire.length).toBe(existing.length);
        }),
      );
    });
  });
});

describe('normaliseTitle', () => {
  it.each([
    ['  Identity & Access  Management ', 'identity access management'],
    ['Multi-Factor Authentication', 'multi factor authentication'],
    ['ＡＢＣ', 'abc'],
  ])('reads %j as %j', (title, expected) => {
    expect(normaliseTitle(title)).toBe(expected);
  });
});

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseChecklist } from '../../../src/domain/checklist-schema';
import { canonicalJson, fnv1a64 } from '../../../src/domain/hash';
import {
  compareIssueKeys,
  itemContentHash,
  itemTextHash,
  planSync,
  summarizePlan,
  SyncPlanError,
  type ExistingItem,
  type SyncPlan,
} from '../../../src/domain/sync-plan';
import type { ChecklistDefinition, ChecklistItem } from '../../../src/domain/types';
import { syncV1, syncV2 } from '../../fixtures/sync-v1-v2';
import { existingFor, importedAll, item, pointsChecklist } from './fixtures';

const v1 = pointsChecklist([item('1.1', { mandatory: true }), item('1.2'), item('2.1')], {
  id: 'demo-1.0',
  framework: 'demo',
  version: '1.0',
});
const v2 = (items: ChecklistItem[]): ChecklistDefinition => ({ ...v1, id: 'demo-2.0', version: '2.0', items });
const emptyPlan = (checklistId: string, activeBefore = 0): SyncPlan => ({ checklistId, create: [], update: [], retire: [], unchanged: [], duplicates: [], proposals: [], retiredWithWork: 0, activeBefore });

describe('fnv1a64', () => {
  describe('when given the published test vectors', () => {
    it.each([
      ['', 'cbf29ce484222325'],
      ['a', 'af63dc4c8601ec8c'],
      ['foobar', '85944171f73967e8'],
    ])('returns the FNV-1a 64 of %j', (text, hash) => {
      expect(fnv1a64(text)).toBe(hash);
    });
  });

  describe('when the text is not ASCII', () => {
    it('returns the hash of its UTF-8 bytes', () => {
      // 'é' is C3 A9 in UTF-8, so it must differ from the two Latin-1 characters Ã and ©.
      expect(fnv1a64('é')).not.toBe(fnv1a64('\u00c3\u00a9'));
      expect(fnv1a64('😀')).toMatch(/^[0-9a-f]{16}$/);
    });
  });
});

describe('canonicalJson', () => {
  describe('when objects hold the same data in another key order', () => {
    it('returns the same text, keys sorted at every level, undefined left out', () => {
      expect(canonicalJson({ b: 1, a: { d: [true, null], c: 'x' }, e: undefined })).toBe('{"a":{"c":"x","d":[true,null]},"b":1}');
      expect(canonicalJson({ a: { c: 'x', d: [true, null] }, b: 1 })).toBe(canonicalJson({ b: 1, a: { d: [true, null], c: 'x' } }));
    });
  });
});

describe('itemContentHash', () => {
  const base = item('8.3', { mandatory: true, complexity: 'low' });

  describe('when the same content is hashed twice', () => {
    it('returns the same 16 hex digits, whatever the key order', () => {
      const reordered = Object.fromEntries(Object.entries(base).reverse()) as unknown as ChecklistItem;
      expect(itemContentHash(base)).toMatch(/^[0-9a-f]{16}$/);
      expect(itemContentHash(reordered)).toBe(itemContentHash(base));
    });

    it('returns a value fixed across releases (stored hashes must stay valid)', () => {
      const pinned: ChecklistItem = {
        id: '8.3',
        chapterId: '8',
        title: 'Vulnerability management',
        requirement: 'Find and fix known vulnerabilities.',
        evidence: ['process', 'demo'],
        points: 50,
        mandatory: true,
        penalty: 200,
        replaces: [],
      };
      // FNV-1a 64 of {"chapterId":"8","evidence":["process","demo"],"mandatory":true,…}, checked by hand.
      expect(itemContentHash(pinned)).toBe('406be475409205b8');
    });
  });

  describe('when compared with the canonical JSON it stands for', () => {
    it.each<[string, ChecklistItem]>([
      ['a plain item', item('1.1')],
      ['text with quotes, accents and emoji', item('1.2', { title: 'Müller "quoted" — ✅ 😀', requirement: 'Line\nbreak \\ tab\t' })],
      ['no evidence and a negative penalty', item('1.3', { evidence: [], penalty: -1 })],
    ])('returns FNV-1a 64 of canonicalJson of the shown fields for %s', (_label, entry) => {
      const { title, requirement, evidence, points, mandatory, penalty, chapterId } = entry;
      expect(itemContentHash(entry)).toBe(fnv1a64(canonicalJson({ title, requirement, evidence, points, mandatory, penalty, chapterId })));
    });
  });

  describe('when a field that shows in Jira changes', () => {
    it.each<[string, Partial<ChecklistItem>]>([
      ['title', { title: 'Vulnerability management' }],
      ['requirement', { requirement: 'Something else.' }],
      ['evidence', { evidence: ['document', 'demo'] }],
      ['evidence removed', { evidence: [] }],
      ['points', { points: 11 }],
      ['mandatory', { mandatory: false }],
      ['penalty', { penalty: 150 }],
      ['chapter', { chapterId: '9' }],
    ])('returns a different hash for %s', (_field, change) => {
      expect(itemContentHash({ ...base, ...change })).not.toBe(itemContentHash(base));
    });
  });

  describe('when a field that does not show in Jira changes', () => {
    it.each<[string, Partial<ChecklistItem>]>([
      ['complexity', { complexity: 'high' }],
      ['replaces', { replaces: ['8.2'] }],
      ['id', { id: '8.4' }],
    ])('returns the same hash for %s', (_field, change) => {
      expect(itemContentHash({ ...base, ...change })).toBe(itemContentHash(base));
    });
  });
});

describe('itemTextHash', () => {
  describe('when only the title or points change', () => {
    it('returns the same hash', () => {
      const base = item('1.1');
      expect(itemTextHash({ ...base, title: 'Other', points: 99 })).toBe(itemTextHash(base));
      expect(itemTextHash({ ...base, requirement: 'Other' })).not.toBe(itemTextHash(base));
    });
  });
});

describe('planSync', () => {
  describe('when Jira holds no item issues', () => {
    it('returns every item to create, in checklist order', () => {
      expect(planSync(v1, [])).toEqual({ ...emptyPlan('demo-1.0'), create: v1.items });
    });
  });

  describe('when Jira holds every item as imported', () => {
    it('returns every item unchanged (a re-run is a no-op)', () => {
      expect(planSync(v1, importedAll(v1))).toEqual({
        ...emptyPlan('demo-1.0', 3),
        unchanged: [
          { issueKey: 'MSP-1', itemId: '1.1' },
          { issueKey: 'MSP-2', itemId: '1.2' },
          { issueKey: 'MSP-3', itemId: '2.1' },
        ],
      });
    });
  });

  describe('when an item changed in the same version', () => {
    it.each<[string, Partial<ChecklistItem>, string[]]>([
      ['title', { title: 'New title' }, ['summary']],
      ['requirement', { requirement: 'New text.' }, ['description']],
      ['evidence', { evidence: ['demo'] }, ['description']],
      ['points', { points: 25 }, ['points']],
      ['penalty', { penalty: 100 }, ['points']],
      ['mandatory flag', { mandatory: false, penalty: 0 }, ['points']],
      ['chapter', { chapterId: '2' }, ['chapter']],
      ['title and points', { title: 'New title', points: 25 }, ['summary', 'points']],
    ])('returns an update naming the %s change', (_label, change, changes) => {
      const def = { ...v1, items: v1.items.map((entry) => (entry.id === '1.1' ? { ...entry, ...change } : entry)) };
      const plan = planSync(def, importedAll(v1));
      expect(plan.update).toEqual([{ issueKey: 'MSP-1', itemId: '1.1', changes }]);
      expect(plan.unchanged.map((ref) => ref.itemId)).toEqual(['1.2', '2.1']);
    });

    it('returns every field it cannot rule out when the issue stored only hash, title and chapter', () => {
      const def = { ...v1, items: v1.items.map((entry) => (entry.id === '1.1' ? { ...entry, points: 25 } : entry)) };
      const bare: ExistingItem = { issueKey: 'MSP-1', checklistId: 'demo-1.0', itemId: '1.1', chapterId: '1', hash: itemContentHash(item('1.1', { mandatory: true })), retired: false, title: 'Item 1.1' };
      expect(planSync(def, [bare]).update).toEqual([{ issueKey: 'MSP-1', itemId: '1.1', changes: ['description', 'points'] }]);
    });

    it('returns all text rewritten when the hash differs but every stored field matches', () => {
      const stale = existingFor(v1, item('1.1', { mandatory: true }), 'MSP-1', { hash: '0000000000000000' });
      expect(planSync(v1, [stale]).update).toEqual([
        { issueKey: 'MSP-1', itemId: '1.1', changes: ['summary', 'description', 'points'] },
      ]);
    });
  });

  describe('when the definition is a newer version of the same framework', () => {
    it('returns an identity update for every item, with content changes where there are any', () => {
      const plan = planSync(v2([...v1.items.slice(0, 2), { ...item('2.1'), title: 'Renamed title' }]), importedAll(v1));
      expect(plan.update).toEqual([
        { issueKey: 'MSP-1', itemId: '1.1', changes: ['identity'] },
        { issueKey: 'MSP-2', itemId: '1.2', changes: ['identity'] },
        { issueKey: 'MSP-3', itemId: '2.1', changes: ['summary', 'identity'] },
      ]);
      expect(plan.unchanged).toEqual([]);
    });
  });

  describe('when an item left the definition', () => {
    it('returns its issue to retire', () => {
      const plan = planSync(v2(v1.items.slice(0, 2)), importedAll(v1));
      expect(plan.retire).toEqual([{ issueKey: 'MSP-3', itemId: '2.1' }]);
      expect(plan.create).toEqual([]);
    });

    it('returns nothing for an issue already retired', () => {
      const existing = importedAll(v1).map((issue) => (issue.itemId === '2.1' ? { ...issue, retired: true } : issue));
      const plan = planSync({ ...v1, items: v1.items.slice(0, 2) }, existing);
      expect(plan.retire).toEqual([]);
      expect(plan.unchanged.map((ref) => ref.itemId)).toEqual(['1.1', '1.2']);
    });

    it('returns retirements in issue key order', () => {
      const existing = importedAll(v1, 9).reverse();
      expect(planSync(v2([]), existing).retire.map((ref) => ref.issueKey)).toEqual(['MSP-9', 'MSP-10', 'MSP-11']);
    });
  });

  describe('when a retired item comes back', () => {
    it('returns an identity update that restores the issue', () => {
      const existing = importedAll(v1).map((issue) => (issue.itemId === '1.2' ? { ...issue, retired: true } : issue));
      expect(planSync(v1, existing).update).toEqual([{ issueKey: 'MSP-2', itemId: '1.2', changes: ['identity'], restored: true }]);
    });
  });

  describe('when an item replaces an old id (rename)', () => {
    const renamed: ChecklistItem = { ...item('2.1'), id: '2.5', replaces: ['2.1'] };

    it('returns an update taking over the old issue, not a create', () => {
      const plan = planSync(v2([...v1.items.slice(0, 2), renamed]), importedAll(v1));
      expect(plan.create).toEqual([]);
      expect(plan.retire).toEqual([]);
      expect(plan.update).toContainEqual({ issueKey: 'MSP-3', itemId: '2.5', previousItemId: '2.1', changes: ['summary', 'identity'] });
    });

    it('returns a create when the old id is not in Jira', () => {
      const plan = planSync(v2([{ ...renamed, replaces: ['7.7'] }]), []);
      expect(plan.create.map((entry) => entry.id)).toEqual(['2.5']);
    });

    it('returns the old issue to its own item when that item is still in the checklist', () => {
      const plan = planSync(v2([...v1.items, renamed]), importedAll(v1));
      expect(plan.create.map((entry) => entry.id)).toEqual(['2.5']);
      expect(plan.update.find((update) => update.itemId === '2.1')).toEqual({ issueKey: 'MSP-3', itemId: '2.1', changes: ['identity'] });
    });

    it('returns the first claimant in checklist order when two items replace one id', () => {
      const plan = planSync(v2([{ ...renamed, id: '2.6' }, renamed]), importedAll(v1).slice(2));
      expect(plan.update.map((update) => [update.itemId, update.previousItemId])).toEqual([['2.6', '2.1']]);
      expect(plan.create.map((entry) => entry.id)).toEqual(['2.5']);
    });

    it('returns the second old issue of a merge to retire', () => {
      const merged: ChecklistItem = { ...item('1.1', { mandatory: true }), id: '1.9', replaces: ['1.1', '1.2'] };
      const plan = planSync(v2([merged, v1.items[2] as ChecklistItem]), importedAll(v1));
      expect(plan.update[0]).toEqual({ issueKey: 'MSP-1', itemId: '1.9', previousItemId: '1.1', changes: ['summary', 'identity'] });
      expect(plan.retire).toEqual([{ issueKey: 'MSP-2', itemId: '1.2' }]);
    });

    it('returns a retired old issue restored by the rename', () => {
      const existing = importedAll(v1).map((issue) => (issue.itemId === '2.1' ? { ...issue, retired: true } : issue));
      const plan = planSync(v2([renamed]), existing);
      expect(plan.update).toContainEqual({ issueKey: 'MSP-3', itemId: '2.5', previousItemId: '2.1', changes: ['summary', 'identity'], restored: true });
    });
  });

  describe('when Jira holds two issues for one item', () => {
    const existing = [...importedAll(v1, 9), existingFor(v1, v1.items[0] as ChecklistItem, 'MSP-100'), existingFor(v1, v1.items[0] as ChecklistItem, 'MSP-20')];

    it('returns the lowest key as the item issue and the rest as duplicates, never a create', () => {
      const plan = planSync(v1, existing);
      expect(plan.create).toEqual([]);
      expect(plan.unchanged[0]).toEqual({ issueKey: 'MSP-9', itemId: '1.1' });
      expect(plan.duplicates).toEqual([{ itemId: '1.1', keptIssueKey: 'MSP-9', issueKeys: ['MSP-20', 'MSP-100'] }]);
    });

    it('returns duplicates of a removed item after the others, and retires only the kept issue', () => {
      const removed = existingFor(v1, v1.items[2] as ChecklistItem, 'MSP-30');
      const plan = planSync({ ...v1, items: v1.items.slice(0, 2) }, [...existing, removed]);
      expect(plan.duplicates.map((duplicate) => [duplicate.itemId, duplicate.issueKeys])).toEqual([
        ['1.1', ['MSP-20', 'MSP-100']],
        ['2.1', ['MSP-30']],
      ]);
      expect(plan.retire).toEqual([{ issueKey: 'MSP-11', itemId: '2.1' }]);
    });
  });

  describe('when Jira holds issues of another framework', () => {
    const ucs = pointsChecklist([item('1.1'), item('1.2')], { id: 'ucs-2024', framework: 'ucs' });

    it.each<[string, ExistingItem[]]>([
      ['named by the framework field', importedAll(ucs)],
      ['known only by checklist id', importedAll(ucs).map(({ framework: _framework, ...issue }) => issue)],
    ])('returns them ignored when %s', (_label, existing) => {
      expect(planSync(v1, existing)).toEqual({ ...emptyPlan('demo-1.0'), create: v1.items });
    });

    it('returns issues of an older version matched by checklist id prefix', () => {
      const older = importedAll(v1).map(({ framework: _framework, ...issue }) => issue);
      expect(planSync(v2(v1.items), older).update).toHaveLength(3);
    });
  });

  describe('when the existing issues come in any order', () => {
    it('returns the same plan', () => {
      const existing = importedAll(syncV1);
      const shuffled = [existing[5], existing[0], existing[7], existing[2], existing[1], existing[6], existing[4], existing[3]];
      expect(planSync(syncV2, shuffled as ExistingItem[])).toEqual(planSync(syncV2, existing));
    });
  });

  describe('when the definition lists an item id twice', () => {
    it('throws a SyncPlanError naming the item', () => {
      expect(() => planSync({ ...v1, items: [item('1.1'), item('1.1')] }, [])).toThrow(SyncPlanError);
      expect(() => planSync({ ...v1, items: [item('1.1'), item('1.1')] }, [])).toThrow(/item 1\.1 twice/);
    });
  });

  describe('when version 1 is synced to version 2 (sync-v1-v2 fixture)', () => {
    const plan = planSync(syncV2, importedAll(syncV1));

    it('returns 3 created, 2 changed, 1 renamed, 1 retired and 4 moved to the new version', () => {
      expect(summarizePlan(plan)).toEqual({
        create: 3,
        update: 7,
        renamed: 1,
        restored: 0,
        changed: 2,
        versionOnly: 4,
        retire: 1,
        unchanged: 0,
        duplicates: 0,
        carriedOver: 7,
        activeBefore: 8,
        retiredWithWork: 0,
        proposals: 0,
      });
    });

    it('returns the exact plan, in checklist order', () => {
      expect(plan.create.map((entry) => entry.id)).toEqual(['1.4', '2.4', '3.3']);
      expect(plan.update).toEqual([
        { issueKey: 'MSP-1', itemId: '1.1', changes: ['identity'] },
        { issueKey: 'MSP-2', itemId: '1.2', changes: ['identity'] },
        { issueKey: 'MSP-3', itemId: '1.3', changes: ['points', 'identity'] },
        { issueKey: 'MSP-4', itemId: '2.1', changes: ['identity'] },
        { issueKey: 'MSP-5', itemId: '2.2', changes: ['description', 'identity'] },
        { issueKey: 'MSP-8', itemId: '3.2', changes: ['identity'] },
        { issueKey: 'MSP-7', itemId: '3.4', previousItemId: '3.1', changes: ['summary', 'identity'] },
      ]);
      expect(plan.retire).toEqual([{ issueKey: 'MSP-6', itemId: '2.3' }]);
      expect(plan.duplicates).toEqual([]);
    });

    it('returns every item unchanged once the plan is applied', () => {
      const applied = [...importedAll(syncV2)];
      expect(summarizePlan(planSync(syncV2, applied))).toMatchObject({ create: 0, update: 0, retire: 0, unchanged: 10 });
    });
  });
});

describe('summarizePlan', () => {
  describe('when the plan is empty', () => {
    it('returns zeros', () => {
      expect(summarizePlan(emptyPlan('x'))).toEqual({
        create: 0, update: 0, renamed: 0, restored: 0, changed: 0, versionOnly: 0, retire: 0, unchanged: 0, duplicates: 0,
        carriedOver: 0, activeBefore: 0, retiredWithWork: 0, proposals: 0,
      });
    });
  });

  describe('when updates are of every kind', () => {
    it('returns each update counted once: renamed, then restored, then changed, then version only', () => {
      const plan: SyncPlan = {
        ...emptyPlan('x'),
        update: [
          { issueKey: 'A-1', itemId: '1', previousItemId: '0', changes: ['summary', 'identity'], restored: true },
          { issueKey: 'A-2', itemId: '2', changes: ['points', 'identity'], restored: true },
          { issueKey: 'A-3', itemId: '3', changes: ['chapter'] },
          { issueKey: 'A-4', itemId: '4', changes: ['identity'] },
        ],
        duplicates: [{ itemId: '5', keptIssueKey: 'A-5', issueKeys: ['A-6', 'A-7'] }],
      };
      expect(summarizePlan(plan)).toMatchObject({ update: 4, renamed: 1, restored: 1, changed: 1, versionOnly: 1, duplicates: 2 });
    });
  });
});

describe('compareIssueKeys', () => {
  describe('when keys differ', () => {
    it.each<[string, string, number]>([
      ['MSP-9', 'MSP-10', -1],
      ['MSP-10', 'MSP-9', 1],
      ['ABC-100', 'MSP-1', -1],
      ['MSP-7', 'MSP-7', 0],
      ['odd', 'MSP-1', 1],
    ])('returns the sign for %s vs %s', (a, b, sign) => {
      expect(Math.sign(compareIssueKeys(a, b))).toBe(sign);
    });
  });
});

describe('sync-v1.yaml and sync-v2.yaml', () => {
  describe('when loaded through the checklist loader', () => {
    it.each([
      ['sync-v1.yaml', syncV1],
      ['sync-v2.yaml', syncV2],
    ])('returns the same definition as the TypeScript fixture for %s', (file, expected) => {
      const text = readFileSync(join(__dirname, '../../fixtures', file), 'utf8');
      expect(parseChecklist(text, file, { source: 'custom' })).toEqual(expected);
    });
  });
});

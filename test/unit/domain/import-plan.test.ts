import {
  blankEvidenceIssues,
  chaptersToCreate,
  importCounts,
  itemsToCreate,
  knownChapterKeys,
  mappedItemCount,
  pointsFieldChanges,
} from '../../../src/domain/import-plan';
import { item, metChecklist, pointsChecklist } from './fixtures';

const def = pointsChecklist([item('A.1', { points: 5 }), item('A.2'), item('B.1', { points: 0 })]);

describe('knownChapterKeys', () => {
  describe('when the job and the item map both know chapters', () => {
    it('keeps the job key and adds the map key of the others', () => {
      expect({ ...knownChapterKeys({ A: 'AUD-1' }, [['A', 'AUD-9'], ['B', 'AUD-2']]) }).toEqual({ A: 'AUD-1', B: 'AUD-2' });
    });
  });
  describe('when a chapter id is an Object.prototype name', () => {
    it('holds it as a plain key', () => {
      const keys = knownChapterKeys(undefined, [['constructor', 'AUD-3']]);
      expect(keys['constructor']).toBe('AUD-3');
      expect(keys['toString']).toBeUndefined();
    });
  });
});

describe('chaptersToCreate', () => {
  describe('when one used chapter has a key', () => {
    it('returns the other used chapters only', () => {
      expect(chaptersToCreate(def, { A: 'AUD-1' }).map((chapter) => chapter.id)).toEqual(['B']);
    });
  });
  describe('when a chapter holds no item', () => {
    it('never creates it', () => {
      const withEmpty = { ...def, chapters: [...def.chapters, { id: 'Z', title: 'Empty', order: 9 }] };
      expect(chaptersToCreate(withEmpty, {}).map((chapter) => chapter.id)).toEqual(['A', 'B']);
    });
  });
});

describe('itemsToCreate and mappedItemCount', () => {
  describe('when the map holds one item', () => {
    it('creates the others, in checklist order, and counts one', () => {
      const mapped = new Set(['A.2']);
      expect(itemsToCreate(def, mapped).map((entry) => entry.id)).toEqual(['A.1', 'B.1']);
      expect(mappedItemCount(def, mapped)).toBe(1);
    });
  });
  describe('when the map holds everything', () => {
    it('creates nothing', () => {
      expect(itemsToCreate(def, new Set(['A.1', 'A.2', 'B.1']))).toEqual([]);
    });
  });
});

describe('pointsFieldChanges', () => {
  const issues = new Map([
    ['A.1', { id: '10', fields: { cf: 5 } }],
    ['A.2', { id: '11', fields: { cf: 3 } }],
    ['B.1', { id: '12', fields: {} }],
  ]);
  describe('when a points checklist has stale and missing values', () => {
    it('writes only the values that differ (0 included)', () => {
      expect(pointsFieldChanges(def, issues, 'cf')).toEqual([
        { issueId: '11', value: 10 },
        { issueId: '12', value: 0 },
      ]);
    });
  });
  describe('when the checklist is met-model', () => {
    it('clears every value, never writes points', () => {
      const met = metChecklist([item('A.1'), item('A.2'), item('B.1')]);
      expect(pointsFieldChanges(met, issues, 'cf')).toEqual([
        { issueId: '10', value: null },
        { issueId: '11', value: null },
      ]);
    });
  });
  describe('when an item has no issue', () => {
    it('skips it', () => {
      expect(pointsFieldChanges(def, new Map(), 'cf')).toEqual([]);
    });
  });
});

describe('blankEvidenceIssues', () => {
  it('keeps the issues whose field is null or absent', () => {
    const issues = new Map([
      ['A.1', { id: '10', fields: { ev: null } }],
      ['A.2', { id: '11', fields: { ev: { entries: [] } } }],
      ['B.1', { id: '12' }],
    ]);
    expect([...blankEvidenceIssues(issues, 'ev').keys()]).toEqual(['A.1', 'B.1']);
  });
});

describe('importCounts', () => {
  it('counts the items already there and the ones created', () => {
    expect(importCounts(def, 1)).toEqual({ existing: 1, created: 2, failed: 0 });
    expect(importCounts(def, undefined)).toEqual({ existing: 0, created: 3, failed: 0 });
  });
});

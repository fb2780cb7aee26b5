import { scoreChecklist, ScoringRuleError } from '../../../src/domain/scoring';
import type { ItemResult, ItemState, ResultSource, ScoringOptions } from '../../../src/domain/types';
import { done, inProgress, item, metChecklist, pointsChecklist, toDo, waiver } from './fixtures';

const one = (state: ItemState | undefined, options?: ScoringOptions) => {
  const report = scoreChecklist(pointsChecklist([item('8.3', { mandatory: true })]), state ? [state] : [], options);
  const [scored] = report.items;
  if (!scored) throw new Error('expected one item');
  return scored;
};

describe('scoreChecklist', () => {
  describe('when the checklist is empty', () => {
    it('returns a zero points score that does not reach a positive pass mark', () => {
      const report = scoreChecklist(pointsChecklist([], { passMark: 900 }), []);
      expect(report).toMatchObject({ score: 0, maxScore: 0, passMark: 900, passed: false, mandatoryOpen: [], chapters: [], items: [] });
      expect(report.counts).toEqual({ met: 0, notMet: 0, na: 0, notAssessed: 0, total: 0 });
      expect(report.projection).toEqual({ score: 0, passed: false, mandatoryOpen: [] });
    });

    it('returns a passed met report, since no mandatory item is open', () => {
      expect(scoreChecklist(metChecklist([]), [])).toMatchObject({ score: 0, maxScore: 0, passMark: null, passed: true });
    });
  });

  describe('when an item has no issue', () => {
    it.each<[string, ItemState | undefined]>([
      ['no state at all', undefined],
      ['a state without issue or status', { itemId: '8.3' }],
    ])('returns not_assessed from no-issue for %s', (_label, state) => {
      expect(one(state)).toMatchObject({
        result: 'not_assessed',
        source: 'no-issue',
        reason: 'No issue for this item yet',
        cost: 200,
        inProgress: false,
      });
      expect(one(state).issueKey).toBeUndefined();
    });
  });

  describe('when the result comes from the issue', () => {
    const wontDo: ScoringOptions = { statusMapping: { resolutions: { "won't do": 'na' } } };
    const statusMap: ScoringOptions = {
      statusMapping: { statuses: { 'ready for audit': 'met', rejected: 'not_met' }, resolutions: { Duplicate: 'not_met' } },
    };
    it.each<[string, ItemState, ScoringOptions | undefined, ItemResult, ResultSource, string]>([
      ['a Done issue', done('8.3', { issueKey: 'MSP-12' }), undefined, 'met', 'status', 'Issue MSP-12 is Done'],
      ['an issue in progress', inProgress('8.3', { issueKey: 'MSP-12' }), undefined, 'not_assessed', 'status', 'Issue MSP-12 is In Progress'],
      ['an issue to do', toDo('8.3', { issueKey: 'MSP-12' }), undefined, 'not_assessed', 'status', 'Issue MSP-12 is To Do'],
      ['a done category without a status name', { itemId: '8.3', issueKey: 'MSP-3', statusCategory: 'done' }, undefined, 'met', 'status', 'Issue MSP-3 is Done'],
      ['a status without an issue key', { itemId: '8.3', statusCategory: 'done', statusName: 'Closed' }, undefined, 'met', 'status', 'The issue is Closed'],
      ['an issue with no status yet', { itemId: '8.3', issueKey: 'MSP-4' }, undefined, 'not_assessed', 'status', 'Issue MSP-4 has no status yet'],
      ['an explicit N/A on a Done issue', done('8.3', { assessment: 'na' }), undefined, 'na', 'assessment', 'Assessed N/A on the issue'],
      ['an explicit not met on a Done issue', done('8.3', { assessment: 'not_met' }), undefined, 'not_met', 'assessment', 'Assessed not met on the issue'],
      ['an explicit met on an issue to do', toDo('8.3', { assessment: 'met' }), undefined, 'met', 'assessment', 'Assessed met on the issue'],
      ['an explicit not assessed on a Done issue', done('8.3', { assessment: 'not_assessed' }), undefined, 'not_assessed', 'assessment', 'Marked not assessed on the issue'],
      ['a null assessment', done('8.3', { issueKey: 'MSP-12', assessment: null }), undefined, 'met', 'status', 'Issue MSP-12 is Done'],
      ['a mapped resolution, any case', done('8.3', { resolution: "Won't Do" }), wontDo, 'na', 'resolution-map', "Resolution Won't Do counts as N/A"],
      ['an unmapped resolution', done('8.3', { issueKey: 'MSP-12', resolution: 'Fixed' }), wontDo, 'met', 'status', 'Issue MSP-12 is Done'],
      ['a mapped status, any case', inProgress('8.3', { statusName: 'Ready For Audit' }), statusMap, 'met', 'status-map', 'Status Ready For Audit counts as met'],
      ['a status mapped against its category', done('8.3', { statusName: 'Rejected' }), statusMap, 'not_met', 'status-map', 'Status Rejected counts as not met'],
      ['a mapped resolution and a mapped status', done('8.3', { statusName: 'Ready for audit', resolution: 'Duplicate' }), statusMap, 'not_met', 'resolution-map', 'Resolution Duplicate counts as not met'],
      ['an assessment and a mapped resolution', done('8.3', { resolution: "Won't Do", assessment: 'met' }), wontDo, 'met', 'assessment', 'Assessed met on the issue'],
    ])('returns the result of %s', (_label, state, options, result, source, reason) => {
      expect(one(state, options)).toMatchObject({ result, source, reason });
    });

    it('returns the issue key and whether the issue is in progress', () => {
      expect(one(inProgress('8.3', { issueKey: 'MSP-7' }))).toMatchObject({ issueKey: 'MSP-7', inProgress: true });
      expect(one(done('8.3', { issueKey: 'MSP-7' }))).toMatchObject({ issueKey: 'MSP-7', inProgress: false });
    });
  });

  describe('when a waiver is in force', () => {
    const devops = waiver('AWS DevOps Competency', { chapters: ['6'] }, 'Holds the competency');
    const def = pointsChecklist([item('6.1', { mandatory: true }), item('6.2'), item('7.1', { mandatory: true })], { passMark: 0 });

    it('returns met from the waiver for every item of a waived chapter, and the chapter waived', () => {
      const report = scoreChecklist(def, [toDo('6.1'), toDo('7.1')], { waivers: [devops] });
      expect(report.items.map((entry) => [entry.id, entry.result, entry.source, entry.waivedBy])).toEqual([
        ['6.1', 'met', 'waiver', 'AWS DevOps Competency'],
        ['6.2', 'met', 'waiver', 'AWS DevOps Competency'],
        ['7.1', 'not_assessed', 'status', undefined],
      ]);
      expect(report.items[0]?.reason).toBe('Waived: AWS DevOps Competency — Holds the competency');
      expect(report.chapters.map((chapter) => [chapter.id, chapter.waivedBy, chapter.met, chapter.earned])).toEqual([
        ['6', 'AWS DevOps Competency', 2, 20],
        ['7', undefined, 0, 0],
      ]);
      expect(report.mandatoryOpen).toEqual(['7.1']);
    });

    it('returns met from a waiver on a single item, and leaves its chapter unwaived', () => {
      const report = scoreChecklist(def, [], { waivers: [waiver('MSSP Competency', { items: ['7.1'] })] });
      expect(report.items[2]).toMatchObject({ result: 'met', source: 'waiver', reason: 'Waived: MSSP Competency — Covered elsewhere', cost: 0 });
      expect(report.chapters.every((chapter) => chapter.waivedBy === undefined)).toBe(true);
    });

    it('returns the explicit assessment over the waiver', () => {
      const report = scoreChecklist(def, [done('6.1', { assessment: 'not_met' })], { waivers: [devops] });
      expect(report.items[0]).toMatchObject({ result: 'not_met', source: 'assessment', cost: 200 });
      expect(report.items[0]?.waivedBy).toBeUndefined();
      expect(report.mandatoryOpen).toEqual(['6.1', '7.1']);
    });

    it('returns the waiver over a status or resolution mapping', () => {
      const options: ScoringOptions = {
        waivers: [devops],
        statusMapping: { statuses: { blocked: 'not_met' }, resolutions: { "Won't Do": 'na' } },
      };
      const report = scoreChecklist(def, [inProgress('6.1', { statusName: 'Blocked' }), done('6.2', { resolution: "Won't Do" })], options);
      expect(report.items.slice(0, 2).map((entry) => entry.source)).toEqual(['waiver', 'waiver']);
    });

    it('returns the item waiver over a chapter waiver, and the first of two waivers', () => {
      const waivers = [devops, waiver('Second', { chapters: ['6'] }), waiver('Item level', { items: ['6.2'] })];
      const report = scoreChecklist(def, [], { waivers });
      expect(report.items.map((entry) => entry.waivedBy)).toEqual(['AWS DevOps Competency', 'Item level', undefined]);
      expect(report.chapters[0]?.waivedBy).toBe('AWS DevOps Competency');
    });
  });

  describe('when the model is points', () => {
    const def = pointsChecklist(
      [
        item('1.1', { points: 300, mandatory: true }),
        item('1.2', { points: 200, mandatory: true, penalty: 50 }),
        item('2.1', { points: 400 }),
        item('2.2', { points: 100 }),
      ],
      { passMark: 900 },
    );

    it.each<[string, ItemState[], number, boolean, string[]]>([
      ['all met', [done('1.1'), done('1.2'), done('2.1'), done('2.2')], 1000, true, []],
      ['one optional open, exactly at the pass mark', [done('1.1'), done('1.2'), done('2.1'), toDo('2.2')], 900, true, []],
      ['a mandatory item open: default penalty 200', [toDo('1.1'), done('1.2'), done('2.1'), done('2.2')], 500, false, ['1.1']],
      ['a mandatory item open: its own penalty 50', [done('1.1'), toDo('1.2'), done('2.1'), done('2.2')], 750, false, ['1.2']],
      ['a mandatory item assessed not met', [done('1.1'), done('1.2', { assessment: 'not_met' }), done('2.1'), done('2.2')], 750, false, ['1.2']],
      ['nothing started', [], -250, false, ['1.1', '1.2']],
    ])('returns the score for %s', (_label, states, score, passed, mandatoryOpen) => {
      expect(scoreChecklist(def, states)).toMatchObject({ score, maxScore: 1000, passMark: 900, passed, mandatoryOpen });
    });

    it('returns what each item earns and costs', () => {
      const report = scoreChecklist(def, [toDo('1.1'), done('1.2'), toDo('2.1'), done('2.2')]);
      expect(report.items.map((entry) => [entry.id, entry.earned, entry.cost])).toEqual([
        ['1.1', 0, 200],
        ['1.2', 200, 0],
        ['2.1', 0, 0],
        ['2.2', 100, 0],
      ]);
    });

    describe('and N/A is awarded', () => {
      it('returns N/A items earning their points, max unchanged', () => {
        const report = scoreChecklist(def, [done('1.1'), done('1.2', { assessment: 'na' }), done('2.1'), toDo('2.2')]);
        expect(report).toMatchObject({ score: 900, maxScore: 1000, passMark: 900, passed: true });
        expect(report.items[1]).toMatchObject({ result: 'na', earned: 200, cost: 0, excluded: false });
      });
    });

    describe('and N/A is excluded', () => {
      const excluding = (points: number[], passMark: number) =>
        pointsChecklist(points.map((value, index) => item(`1.${index + 1}`, { points: value })), { passMark, naPolicy: 'exclude' });

      it.each<[string, number[], ItemState[], number, number]>([
        ['none N/A: the published pass mark', [500, 485, 15], [], 1000, 900],
        ['150 of 1000 N/A: 900 × 850/1000', [500, 350, 150], [done('1.3', { assessment: 'na' })], 850, 765],
        ['15 of 1000 N/A: 886.5 rounded up', [500, 485, 15], [done('1.3', { assessment: 'na' })], 985, 887],
        ['every item N/A: nothing left to earn', [500, 500], [done('1.1', { assessment: 'na' }), done('1.2', { assessment: 'na' })], 0, 0],
      ])('returns the scaled pass mark when %s', (_label, points, states, maxScore, passMark) => {
        expect(scoreChecklist(excluding(points, 900), states)).toMatchObject({ maxScore, passMark });
      });

      it('returns N/A items excluded from score, max and chapter max', () => {
        const report = scoreChecklist(
          pointsChecklist([item('1.1', { points: 600 }), item('1.2', { points: 400 })], { passMark: 540, naPolicy: 'exclude' }),
          [done('1.1'), done('1.2', { assessment: 'na' })],
        );
        expect(report).toMatchObject({ score: 600, maxScore: 600, passMark: 324, passed: true });
        expect(report.items[1]).toMatchObject({ earned: 0, excluded: true });
        expect(report.chapters[0]).toMatchObject({ earned: 600, max: 600, met: 2, total: 2 });
      });
    });

    it('throws a ScoringRuleError when the pass rule has no pass mark', () => {
      const broken = pointsChecklist([item('1.1')], { passRule: { kind: 'met' } });
      expect(() => scoreChecklist(broken, [])).toThrow(ScoringRuleError);
      expect(() => scoreChecklist(broken, [])).toThrow(/set passRule.passMark/);
    });
  });

  describe('when the model is met', () => {
    const items = [item('1.1', { mandatory: true }), item('1.2', { mandatory: true }), item('2.1'), item('2.2'), item('2.3')];

    it.each<[string, number | undefined, ItemState[], number, boolean, string[]]>([
      ['every mandatory met, no optional rule', undefined, [done('1.1'), done('1.2')], 2, true, []],
      ['a mandatory N/A counts as met', undefined, [done('1.1'), done('1.2', { assessment: 'na' })], 2, true, []],
      ['a mandatory open', undefined, [done('1.1'), inProgress('1.2'), done('2.1'), done('2.2'), done('2.3')], 4, false, ['1.2']],
      ['2 of 3 optional met against 66 %', 66, [done('1.1'), done('1.2'), done('2.1'), done('2.2', { assessment: 'na' })], 4, true, []],
      ['2 of 3 optional met against 67 %', 67, [done('1.1'), done('1.2'), done('2.1'), done('2.2')], 4, false, []],
      ['none optional met against 0 %', 0, [done('1.1'), done('1.2')], 2, true, []],
    ])('returns the result when %s', (_label, minOptionalPercent, states, score, passed, mandatoryOpen) => {
      const report = scoreChecklist(metChecklist(items, { minOptionalPercent }), states);
      expect(report).toMatchObject({ score, maxScore: 5, passMark: null, passed, mandatoryOpen });
    });

    it('returns no points: nothing earned, nothing cost, nothing excluded', () => {
      const report = scoreChecklist(metChecklist(items), [done('1.1', { assessment: 'na' })]);
      expect(report.items.every((entry) => entry.earned === 0 && entry.cost === 0 && !entry.excluded)).toBe(true);
      expect(report.chapters.map((chapter) => [chapter.earned, chapter.max, chapter.met, chapter.total])).toEqual([
        [0, 0, 1, 2],
        [0, 0, 0, 3],
      ]);
    });

    it('returns a pass when there are no optional items to count', () => {
      const def = metChecklist([item('1.1', { mandatory: true })], { minOptionalPercent: 100 });
      expect(scoreChecklist(def, [done('1.1')]).passed).toBe(true);
    });

    it('returns waived items as met', () => {
      const report = scoreChecklist(metChecklist(items), [done('1.1')], { waivers: [waiver('UCS', { items: ['1.2'] })] });
      expect(report).toMatchObject({ score: 2, passed: true, mandatoryOpen: [] });
    });

    it('throws a ScoringRuleError when the pass rule is a pass mark', () => {
      expect(() => scoreChecklist(metChecklist(items, { passRule: { kind: 'points', passMark: 3 } }), [])).toThrow(ScoringRuleError);
    });
  });

  describe('when the report is summed up', () => {
    const def = pointsChecklist([item('2.1', { mandatory: true }), item('1.1', { mandatory: true }), item('1.2'), item('2.2', { mandatory: true })], {
      chapters: [
        { id: '2', title: 'Second', order: 2 },
        { id: '1', title: 'First', order: 1 },
      ],
    });
    const report = scoreChecklist(def, [
      done('1.1', { assessment: 'not_met' }),
      done('1.2', { assessment: 'na' }),
      done('2.1'),
      inProgress('2.2'),
      done('9.9'),
    ]);

    it('returns mandatory open items in checklist order', () => {
      expect(report.mandatoryOpen).toEqual(['1.1', '2.2']);
    });

    it('returns items in checklist order and chapters in chapter order', () => {
      expect(report.items.map((entry) => entry.id)).toEqual(['2.1', '1.1', '1.2', '2.2']);
      expect(report.chapters).toEqual([
        { id: '1', title: 'First', earned: 10, max: 20, met: 1, total: 2 },
        { id: '2', title: 'Second', earned: 10, max: 20, met: 1, total: 2 },
      ]);
    });

    it('returns counts per result, ignoring states of unknown items', () => {
      expect(report.counts).toEqual({ met: 1, notMet: 1, na: 1, notAssessed: 1, total: 4 });
    });

    it('returns the first state when an item has two', () => {
      const twice = scoreChecklist(def, [done('2.1', { issueKey: 'MSP-1' }), toDo('2.1', { issueKey: 'MSP-2' })]);
      expect(twice.items[0]).toMatchObject({ issueKey: 'MSP-1', result: 'met' });
    });
  });

  describe('when items are in progress (projection)', () => {
    const def = pointsChecklist(
      [item('1.1', { points: 400, mandatory: true }), item('1.2', { points: 300, mandatory: true }), item('1.3', { points: 300 })],
      { passMark: 700 },
    );

    it('returns in-progress items as met, their penalties lifted', () => {
      const report = scoreChecklist(def, [done('1.1'), inProgress('1.2'), toDo('1.3')]);
      expect(report).toMatchObject({ score: 200, passed: false, mandatoryOpen: ['1.2'] });
      expect(report.projection).toEqual({ score: 700, passed: true, mandatoryOpen: [] });
    });

    it('returns items to do, and items without an issue, unchanged', () => {
      const report = scoreChecklist(def, [inProgress('1.1'), toDo('1.2')]);
      expect(report.projection).toEqual({ score: 400 - 200, passed: false, mandatoryOpen: ['1.2'] });
    });

    it('returns an explicit not met on an in-progress issue still not met', () => {
      const report = scoreChecklist(def, [done('1.1'), inProgress('1.2', { assessment: 'not_met' }), inProgress('1.3')]);
      expect(report.projection).toEqual({ score: 400 - 200 + 300, passed: false, mandatoryOpen: ['1.2'] });
    });

    it('returns a status mapped to not met on an in-progress issue as met: it is still being worked', () => {
      const options: ScoringOptions = { statusMapping: { statuses: { 'changes requested': 'not_met' } } };
      const report = scoreChecklist(def, [done('1.1'), inProgress('1.2', { statusName: 'Changes requested' })], options);
      expect(report.items[1]).toMatchObject({ result: 'not_met', source: 'status-map' });
      expect(report.projection).toMatchObject({ score: 700, passed: true });
    });

    it('returns the met model projection with optional items counted', () => {
      const met = metChecklist([item('1.1', { mandatory: true }), item('1.2'), item('1.3')], { minOptionalPercent: 50 });
      const report = scoreChecklist(met, [inProgress('1.1'), inProgress('1.2')]);
      expect(report).toMatchObject({ score: 0, passed: false, mandatoryOpen: ['1.1'] });
      expect(report.projection).toEqual({ score: 2, passed: true, mandatoryOpen: [] });
    });
  });
});

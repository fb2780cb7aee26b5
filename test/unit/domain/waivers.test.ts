import { scoreChecklist } from '../../../src/domain/scoring';
import type { ChecklistDefinition, NamedWaiver } from '../../../src/domain/types';
import {
  addCustomWaiver,
  applyNamedWaiver,
  customWaiverId,
  DEFAULT_CUSTOM_WAIVER_NAME,
  removeWaiver,
  toAppliedWaivers,
  WAIVER_REASON_MAX,
  WaiverValidationError,
  type CustomWaiverInput,
  type WaiverContext,
  type WaiverRecord,
} from '../../../src/domain/waivers';
import { done, inProgress, item, metChecklist, pointsChecklist, toDo, waiverProof } from './fixtures';

const PROOF = waiverProof();

const NOW = new Date('2026-03-02T10:00:00.000Z');
const CTX: WaiverContext = { accountId: 'ana', now: NOW };

// The functions take the time as an argument; a different frozen system clock proves they never read it.
beforeAll(() => jest.useFakeTimers({ now: new Date('2030-01-01T00:00:00Z') }));
afterAll(() => jest.useRealTimers());

const devops: NamedWaiver = { id: 'devops', name: 'AWS DevOps Competency', reason: 'Holds the AWS DevOps Competency', items: [], chapters: ['6'] };
const mssp: NamedWaiver = { id: 'mssp', name: 'MSSP Competency', reason: 'Holds the MSSP Competency', items: ['7.1'], chapters: [] };

const pointsDef = pointsChecklist(
  [item('6.1', { mandatory: true, points: 50 }), item('6.2', { points: 30 }), item('7.1', { mandatory: true, points: 100 }), item('7.2', { points: 20 })],
  { passMark: 150, waivers: [devops, mssp] },
);
const metDef = metChecklist([item('6.1', { mandatory: true }), item('6.2'), item('7.1', { mandatory: true }), item('7.2')], { waivers: [devops, mssp] });

const expectProblems = (attempt: () => unknown, problems: string[]) => {
  expect(attempt).toThrow(WaiverValidationError);
  try {
    attempt();
  } catch (error) {
    expect((error as WaiverValidationError).problems).toEqual(problems);
  }
};

describe('applyNamedWaiver', () => {
  describe('when the checklist has the waiver', () => {
    it('returns a new list with the named waiver stamped with who and when', () => {
      const records: WaiverRecord[] = [];
      expect(applyNamedWaiver(records, pointsDef, 'devops', CTX, PROOF)).toEqual([
        {
          id: 'devops',
          source: 'named',
          name: 'AWS DevOps Competency',
          reason: 'Holds the AWS DevOps Competency',
          items: [],
          chapters: ['6'],
          appliedBy: 'ana',
          appliedAt: '2026-03-02T10:00:00.000Z',
          proof: PROOF,
        },
      ]);
      expect(records).toEqual([]);
    });

    it('returns the waivers in the order applied', () => {
      const records = applyNamedWaiver(applyNamedWaiver([], pointsDef, 'mssp', CTX, PROOF), pointsDef, 'devops', CTX, PROOF);
      expect(records.map((record) => record.id)).toEqual(['mssp', 'devops']);
    });
  });

  describe('when the waiver cannot be applied', () => {
    const applied = applyNamedWaiver([], pointsDef, 'devops', CTX, PROOF);
    it.each<[string, WaiverRecord[], ChecklistDefinition, string, WaiverContext, string[]]>([
      ['an unknown waiver id', [], pointsDef, 'soc2', CTX, ['Test points checklist 1.0 has no waiver "soc2"; pick one of: devops, mssp.']],
      ['a checklist without waivers', [], { ...pointsDef, waivers: [] }, 'devops', CTX, ['Test points checklist 1.0 has no named waivers; add a custom waiver with a reason instead.']],
      ['a waiver already in force', applied, pointsDef, 'devops', CTX, ['AWS DevOps Competency is already in force; nothing to do.']],
      [
        'a custom waiver on the same targets',
        addCustomWaiver([], pointsDef, { name: 'Ours', reason: 'x', chapters: ['6'] }, CTX),
        pointsDef,
        'devops',
        CTX,
        ['Ours already waives exactly these items and chapters; remove it first if this one should replace it.'],
      ],
      ['no account id', [], pointsDef, 'devops', { accountId: '', now: NOW }, ['Who is applying the waiver is unknown (no account id); sign in and try again.']],
      ['an invalid time', [], pointsDef, 'devops', { accountId: 'ana', now: new Date('x') }, ['The time the waiver is applied is not a valid date.']],
    ])('throws a WaiverValidationError for %s', (_label, records, def, id, ctx, problems) => {
      expectProblems(() => applyNamedWaiver(records, def, id, ctx, PROOF), problems);
    });
  });
});

describe('addCustomWaiver', () => {
  describe('when the input is valid', () => {
    it('returns a new list with the custom waiver, text trimmed and ids de-duplicated', () => {
      const [record] = addCustomWaiver([], pointsDef, { name: ' Group SOC ', reason: ' Covered by the group audit\n', items: [' 7.2', '7.2', ''], chapters: ['6'] }, CTX);
      expect(record).toEqual({
        id: customWaiverId(['7.2'], ['6']),
        source: 'custom',
        name: 'Group SOC',
        reason: 'Covered by the group audit',
        items: ['7.2'],
        chapters: ['6'],
        appliedBy: 'ana',
        appliedAt: '2026-03-02T10:00:00.000Z',
      });
      expect(record?.id).toMatch(/^custom-[0-9a-f]{16}$/);
    });

    it.each<[string, CustomWaiverInput]>([
      ['no name', { reason: 'r', items: ['7.2'] }],
      ['a blank name', { name: '  ', reason: 'r', items: ['7.2'] }],
    ])('returns the default name for %s', (_label, input) => {
      expect(addCustomWaiver([], pointsDef, input, CTX)[0]?.name).toBe(DEFAULT_CUSTOM_WAIVER_NAME);
    });

    it('returns a reason of exactly the limit, counted in characters', () => {
      const reason = '✅'.repeat(WAIVER_REASON_MAX);
      expect(addCustomWaiver([], pointsDef, { reason, items: ['7.2'] }, CTX)[0]?.reason).toBe(reason);
    });

    it('returns the same id for the same targets in any order', () => {
      expect(customWaiverId(['7.2', '6.1'], ['6'])).toBe(customWaiverId(['6.1', '7.2'], ['6']));
      expect(customWaiverId(['6'], [])).not.toBe(customWaiverId([], ['6']));
    });

    it('returns a waiver that overlaps another without covering exactly the same targets', () => {
      const first = addCustomWaiver([], pointsDef, { reason: 'a', chapters: ['6'] }, CTX);
      expect(addCustomWaiver(first, pointsDef, { reason: 'b', chapters: ['6'], items: ['7.2'] }, CTX)).toHaveLength(2);
    });
  });

  describe('when the input is invalid', () => {
    const existing = addCustomWaiver([], pointsDef, { name: 'First', reason: 'a', items: ['6.1', '7.2'] }, CTX);
    it.each<[string, WaiverRecord[], CustomWaiverInput, string[]]>([
      ['no reason', [], { reason: '   ', items: ['7.2'] }, ['Give a reason: an auditor will ask why these items are waived.']],
      ['a reason that is not text', [], { reason: undefined as unknown as string, items: ['7.2'] }, ['Give a reason: an auditor will ask why these items are waived.']],
      ['a reason one character too long', [], { reason: 'r'.repeat(WAIVER_REASON_MAX + 1), items: ['7.2'] }, ['The reason is 501 characters; shorten it to at most 500.']],
      ['a name too long', [], { name: 'n'.repeat(121), reason: 'r', items: ['7.2'] }, ['The name is 121 characters; shorten it to at most 120.']],
      ['no targets', [], { reason: 'r', items: [], chapters: [' '] }, ['Pick at least one item or chapter to waive.']],
      ['an unknown item', [], { reason: 'r', items: ['9.9'] }, ['Item 9.9 is not in Test points checklist 1.0.']],
      ['unknown items and chapters', [], { reason: 'r', items: ['9.9', '6.1', '9.8'], chapters: ['12'] }, ['Items 9.9, 9.8 are not in Test points checklist 1.0.', 'Chapter 12 is not in Test points checklist 1.0.']],
      ['the same target set in another order', existing, { reason: 'b', items: ['7.2', '6.1'] }, ['First already waives exactly these items and chapters; remove it first if this one should replace it.']],
      [
        'the target set of a named waiver',
        applyNamedWaiver([], pointsDef, 'mssp', CTX, PROOF),
        { reason: 'ours', items: ['7.1'] },
        ['MSSP Competency already waives exactly these items and chapters; remove it first if this one should replace it.'],
      ],
      [
        'no reason and no targets',
        [],
        { reason: '' },
        ['Give a reason: an auditor will ask why these items are waived.', 'Pick at least one item or chapter to waive.'],
      ],
    ])('throws every problem for %s', (_label, records, input, problems) => {
      expectProblems(() => addCustomWaiver(records, pointsDef, input, CTX), problems);
    });
  });
});

describe('removeWaiver', () => {
  const records = applyNamedWaiver(applyNamedWaiver([], pointsDef, 'devops', CTX, PROOF), pointsDef, 'mssp', CTX, PROOF);

  describe('when the waiver is in force', () => {
    it('returns a new list without it, the input unchanged', () => {
      expect(removeWaiver(records, 'devops').map((record) => record.id)).toEqual(['mssp']);
      expect(records).toHaveLength(2);
    });
  });

  describe('when the waiver is not in force', () => {
    it('returns an equal list, so a retried removal is harmless', () => {
      expect(removeWaiver(records, 'nope')).toEqual(records);
    });
  });
});

describe('toAppliedWaivers', () => {
  describe('when waivers are in force', () => {
    it('returns the scoring shape, in the order applied, without who and when', () => {
      const records = addCustomWaiver(applyNamedWaiver([], pointsDef, 'devops', CTX, PROOF), pointsDef, { name: 'Ours', reason: 'r', items: ['7.2'] }, CTX);
      expect(toAppliedWaivers(records)).toEqual([
        { id: 'devops', name: 'AWS DevOps Competency', reason: 'Holds the AWS DevOps Competency', items: [], chapters: ['6'] },
        { id: customWaiverId(['7.2'], []), name: 'Ours', reason: 'r', items: ['7.2'], chapters: [] },
      ]);
    });
  });

  describe('when no waiver is in force', () => {
    it('returns an empty list', () => {
      expect(toAppliedWaivers([])).toEqual([]);
    });
  });
});

describe('scoreChecklist with toAppliedWaivers', () => {
  const states = [toDo('6.1'), inProgress('6.2'), done('7.1'), done('7.2')];
  const score = (def: ChecklistDefinition, records: WaiverRecord[]) => scoreChecklist(def, states, { waivers: toAppliedWaivers(records) });

  describe('when a chapter is waived', () => {
    it.each([
      ['points', pointsDef, { score: -80, passed: false }, { score: 200, passed: true }],
      ['met', metDef, { score: 2, passed: false }, { score: 4, passed: true }],
    ])('returns the chapter as met with the reason shown (%s model)', (_model, def, before, after) => {
      expect(score(def, [])).toMatchObject({ ...before, mandatoryOpen: ['6.1'] });
      const report = score(def, applyNamedWaiver([], def, 'devops', CTX, PROOF));
      expect(report).toMatchObject({ ...after, mandatoryOpen: [] });
      expect(report.chapters[0]).toMatchObject({ id: '6', waivedBy: 'AWS DevOps Competency', met: 2, total: 2 });
      expect(report.items.slice(0, 2).map((entry) => [entry.result, entry.source, entry.reason])).toEqual([
        ['met', 'waiver', 'Waived: AWS DevOps Competency — Holds the AWS DevOps Competency'],
        ['met', 'waiver', 'Waived: AWS DevOps Competency — Holds the AWS DevOps Competency'],
      ]);
    });
  });

  describe('when a mandatory item is waived', () => {
    it('returns the score without its penalty and with its points (points model)', () => {
      const report = score(pointsDef, addCustomWaiver([], pointsDef, { name: 'Group SOC', reason: 'Group audit', items: ['6.1'] }, CTX));
      expect(report.items[0]).toMatchObject({ id: '6.1', result: 'met', cost: 0, earned: 50, reason: 'Waived: Group SOC — Group audit' });
      expect(report).toMatchObject({ score: 170, passed: true, mandatoryOpen: [] });
    });

    it('returns a pass no longer blocked by the item (met model)', () => {
      const report = score(metDef, addCustomWaiver([], metDef, { name: 'Group SOC', reason: 'Group audit', items: ['6.1'] }, CTX));
      expect(report).toMatchObject({ score: 3, passed: true, mandatoryOpen: [] });
      expect(report.items[0]).toMatchObject({ result: 'met', waivedBy: 'Group SOC' });
    });
  });

  describe('when a waiver is removed', () => {
    it.each([
      ['points', pointsDef],
      ['met', metDef],
    ])('returns exactly the report there was before it was applied (%s model)', (_model, def) => {
      const before = score(def, []);
      const withTwo = addCustomWaiver(applyNamedWaiver([], def, 'devops', CTX, PROOF), def, { reason: 'r', items: ['7.1'] }, CTX);
      expect(score(def, withTwo)).not.toEqual(before);
      const withOne = removeWaiver(withTwo, 'devops');
      expect(score(def, removeWaiver(withOne, customWaiverId(['7.1'], [])))).toEqual(before);
      expect(score(def, withOne)).toEqual(score(def, addCustomWaiver([], def, { reason: 'r', items: ['7.1'] }, CTX)));
    });
  });
});

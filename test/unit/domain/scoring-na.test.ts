/** Scoring re-checks every N/A answer against the checklist's N/A rule: a refused one counts as not met and is listed. */
import { scoreChecklist } from '../../../src/domain/scoring';
import type { ChecklistDefinition, ItemState, NamedWaiver } from '../../../src/domain/types';
import type { NaRule } from '../../../src/domain/na-rule';
import { done, item, metChecklist, pointsChecklist, toDo, waiver } from './fixtures';

const devops: NamedWaiver = { id: 'devops', name: 'AWS DevOps Competency', reason: 'Covers pipelines.', items: ['OPS-009'], chapters: [] };
const metItems = [item('OPS-009', { mandatory: true }), item('GOV-001', { mandatory: true }), item('GOV-002')];
/** The fixtures answer N/A freely; `undefined` here means a checklist that states no rule. */
const met = (naRule?: NaRule): ChecklistDefinition => {
  const { naRule: _fixtureRule, ...def } = metChecklist(metItems, { name: 'AWS MSP', version: '7.1', waivers: [devops] });
  return naRule === undefined ? def : { ...def, naRule };
};
const na = (itemId: string, assessmentJustification?: string): ItemState =>
  toDo(itemId, { assessment: 'na', ...(assessmentJustification !== undefined ? { assessmentJustification } : {}) });

describe('scoreChecklist: N/A answers and the checklist N/A rule', () => {
  describe('when the rule allows the answer', () => {
    it.each<[string, NaRule | undefined, ItemState]>([
      ['justified with a reason', 'justified', na('GOV-001', 'No such service offered')],
      ['no rule stated, with a reason', undefined, na('GOV-001', 'No such service offered')],
      ['free without a reason', 'free', na('GOV-001')],
    ])('keeps N/A (%s) and lists nothing', (_label, rule, state) => {
      const report = scoreChecklist(met(rule), [done('OPS-009'), state]);
      expect(report.items[1]).toMatchObject({ id: 'GOV-001', result: 'na', source: 'assessment' });
      expect(report.naRefused).toEqual([]);
      expect(report.passed).toBe(true);
    });
  });

  describe('when the rule refuses the answer', () => {
    it.each<[string, NaRule | undefined, ItemState, RegExp]>([
      ['N/A on an exemptions checklist (e.g. kept after a version update)', 'exemptions', na('GOV-001', 'Not relevant'), /allows only met or not met here: no published exemption covers this item/],
      ['N/A without the justification the rule asks for', 'justified', na('GOV-001'), /needs a justification/],
      ['N/A with a blank justification and no rule stated', undefined, na('GOV-001', '   '), /needs a justification/],
    ])('counts %s as not met, says why and lists it', (_label, rule, state, why) => {
      const report = scoreChecklist(met(rule), [done('OPS-009'), state]);
      const scored = report.items[1];
      expect(scored).toMatchObject({ id: 'GOV-001', result: 'not_met', source: 'assessment' });
      expect(scored?.reason).toMatch(/^Counted as not met: the N\/A answer on the issue is refused\. N\/A/);
      expect(scored?.reason).toMatch(why);
      expect(report.naRefused).toEqual(['GOV-001']);
      expect(report.mandatoryOpen).toEqual(['GOV-001']);
      expect(report.passed).toBe(false);
      expect(report.counts).toMatchObject({ met: 1, notMet: 1, na: 0 });
    });

    it('lets an exemption in force decide instead: the waiver is the lawful way to N/A', () => {
      const report = scoreChecklist(met('exemptions'), [na('OPS-009', 'We hold the competency'), done('GOV-001')], { waivers: [waiver('AWS DevOps Competency', { items: ['OPS-009'] })] });
      expect(report.items[0]).toMatchObject({ result: 'met', source: 'waiver', waivedBy: 'AWS DevOps Competency' });
      expect(report.naRefused).toEqual([]);
      expect(report.passed).toBe(true);
    });

    it('costs the penalty of an unmet mandatory item under the points model', () => {
      const def = pointsChecklist([item('1.1', { mandatory: true, points: 50 }), item('1.2', { points: 50 })], { passMark: 50, naRule: 'justified' });
      const report = scoreChecklist(def, [na('1.1'), done('1.2')]);
      expect(report.items[0]).toMatchObject({ result: 'not_met', earned: 0, cost: 200 });
      expect(report).toMatchObject({ score: -150, passed: false, naRefused: ['1.1'] });
    });

    it('is not projected as met when its issue is in progress: it is a person\'s answer, not unfinished work', () => {
      const def = met('exemptions');
      const report = scoreChecklist(def, [done('OPS-009'), { ...na('GOV-001'), statusCategory: 'indeterminate', statusName: 'In Progress' }]);
      expect(report.projection).toEqual({ score: 1, passed: false, mandatoryOpen: ['GOV-001'] });
    });
  });
});

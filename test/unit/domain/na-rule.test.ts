import { checkNaAnswer, NA_JUSTIFICATION_MAX, naChoices, naRuleOf, type NaRule } from '../../../src/domain/na-rule';
import type { ChecklistDefinition, NamedWaiver } from '../../../src/domain/types';
import { item, metChecklist } from './fixtures';

const devops: NamedWaiver = { id: 'devops', name: 'AWS DevOps Competency', reason: 'Covers pipelines.', items: ['OPS-009'], chapters: [] };
const mssp: NamedWaiver = { id: 'mssp', name: 'AWS Level 1 MSSP Competency', reason: 'Covers security.', items: [], chapters: ['SEC'] };
const items = [item('OPS-009', { mandatory: true }), item('SEC-001', { mandatory: true }), item('GOV-001', { mandatory: true })];
/** The fixtures answer N/A freely; `undefined` here means a checklist that states no rule. */
const checklist = (naRule: NaRule | undefined): ChecklistDefinition => {
  const { naRule: _fixtureRule, ...def } = metChecklist(items, { name: 'AWS MSP', version: '7.1', waivers: [devops, mssp] });
  return naRule === undefined ? def : { ...def, naRule };
};
const pick = (id: string) => {
  const found = items.find((entry) => entry.id === id);
  if (!found) throw new Error(`no item ${id}`);
  return found;
};

describe('naRuleOf', () => {
  it.each<[NaRule | undefined, NaRule]>([
    ['exemptions', 'exemptions'],
    ['justified', 'justified'],
    ['free', 'free'],
    [undefined, 'justified'],
  ])('returns %s as %s', (rule, expected) => {
    expect(naRuleOf(checklist(rule))).toBe(expected);
  });
});

describe('naChoices', () => {
  describe('when the checklist allows N/A only through its exemptions', () => {
    it.each<[string, boolean, string[]]>([
      ['OPS-009', false, ['AWS DevOps Competency']],
      ['SEC-001', false, ['AWS Level 1 MSSP Competency']],
      ['GOV-001', false, []],
    ])('returns for %s: N/A offered %s, exemptions %j', (id, allowed, names) => {
      const choices = naChoices(checklist('exemptions'), pick(id));
      expect(choices).toMatchObject({ rule: 'exemptions', allowed, needsJustification: false });
      expect(choices.exemptions.map((entry) => entry.name)).toEqual(names);
    });

    it('names the exemption to apply when one covers the item', () => {
      expect(naChoices(checklist('exemptions'), pick('OPS-009')).explanation).toBe(
        'AWS MSP 7.1 allows N/A only through its exemptions; this item is covered by: AWS DevOps Competency (apply it as a waiver on the Audit page).',
      );
    });

    it('says only met or not met is possible when none covers it', () => {
      expect(naChoices(checklist('exemptions'), pick('GOV-001')).explanation).toBe(
        'AWS MSP 7.1 allows only met or not met here: no published exemption covers this item.',
      );
    });
  });

  describe('when the checklist asks for a justification or allows N/A freely', () => {
    it.each<[NaRule | undefined, boolean]>([
      ['justified', true],
      [undefined, true],
      ['free', false],
    ])('returns for rule %s: N/A offered, justification needed %s', (rule, needsJustification) => {
      expect(naChoices(checklist(rule), pick('GOV-001'))).toMatchObject({ allowed: true, needsJustification });
    });
  });
});

describe('checkNaAnswer', () => {
  describe('when the answer is allowed', () => {
    it.each<[NaRule, string | null | undefined, { ok: true; justification?: string }]>([
      ['justified', 'We host no customer workloads.', { ok: true, justification: 'We host no customer workloads.' }],
      ['justified', '  trimmed  ', { ok: true, justification: 'trimmed' }],
      ['free', undefined, { ok: true }],
      ['free', '', { ok: true }],
      ['free', 'Out of scope', { ok: true, justification: 'Out of scope' }],
    ])('returns ok under %s for %j', (rule, justification, expected) => {
      expect(checkNaAnswer(checklist(rule), pick('GOV-001'), justification)).toEqual(expected);
    });

    it('accepts a justification of exactly the maximum length', () => {
      expect(checkNaAnswer(checklist('justified'), pick('GOV-001'), 'x'.repeat(NA_JUSTIFICATION_MAX)).ok).toBe(true);
    });
  });

  describe('when the answer is refused', () => {
    it.each<[string, NaRule, string, string | null | undefined, string]>([
      ['N/A under exemptions, even with a reason', 'exemptions', 'OPS-009', 'We hold the competency', 'N/A is not allowed on OPS-009 Item OPS-009. AWS MSP 7.1 allows N/A only through its exemptions; this item is covered by: AWS DevOps Competency'],
      ['N/A under exemptions on an item no exemption covers', 'exemptions', 'GOV-001', 'n/a', 'no published exemption covers this item'],
      ['no justification where one is asked', 'justified', 'GOV-001', undefined, 'N/A on GOV-001 needs a justification: say why this item does not apply to you.'],
      ['a blank justification', 'justified', 'GOV-001', '   ', 'needs a justification'],
      ['a null justification', 'justified', 'GOV-001', null, 'needs a justification'],
      ['a justification over the limit', 'free', 'GOV-001', 'x'.repeat(NA_JUSTIFICATION_MAX + 1), `The N/A justification is ${NA_JUSTIFICATION_MAX + 1} characters; keep it to ${NA_JUSTIFICATION_MAX}.`],
    ])('refuses %s with a message saying what is allowed', (_label, rule, id, justification, message) => {
      const check = checkNaAnswer(checklist(rule), pick(id), justification);
      expect(check.ok).toBe(false);
      if (!check.ok) expect(check.message).toContain(message);
    });
  });
});

import fc from 'fast-check';
import { DEFAULT_GATE_CONFIG, doneGate, readGateConfig, type DoneGateConfig, type DoneGateInput, type GateWaiver } from '../../../src/domain/done-gate';
import type { EvidenceEntry } from '../../../src/domain/evidence-types';
import type { NaRule } from '../../../src/domain/na-rule';
import { item, metChecklist } from './fixtures';

const TODAY = '2026-03-10';
const mandatory = item('8.3', { mandatory: true, title: 'Vulnerability Management' });
const optional = item('8.4', { title: 'Patch cadence' });

function entry(overrides: Partial<EvidenceEntry> = {}): EvidenceEntry {
  return { id: `e${Math.random().toString(36).slice(2, 8)}`, kind: 'document', title: 'Scan report', addedAt: '2026-03-01T10:00:00Z', addedBy: 'ana', reviewState: 'pending', ...overrides };
}
const accepted = (overrides: Partial<EvidenceEntry> = {}): EvidenceEntry =>
  entry({ reviewState: 'accepted', reviewer: 'bo', reviewedAt: '2026-03-02T10:00:00Z', ...overrides });

function input(overrides: Partial<DoneGateInput> & { naRule?: NaRule } = {}): DoneGateInput {
  const { naRule = 'justified', ...rest } = overrides;
  const target = rest.item ?? mandatory;
  return {
    def: metChecklist([mandatory, optional], { naRule, name: 'AWS MSP', version: '7.1' }),
    item: target,
    evidence: [],
    assessment: undefined,
    waivers: [],
    fourEyes: true,
    today: TODAY,
    config: DEFAULT_GATE_CONFIG,
    ...rest,
  };
}

const all: DoneGateConfig = { scope: 'all', naCounts: true };
const noNa: DoneGateConfig = { scope: 'mandatory', naCounts: false };
const chapter8: GateWaiver = { name: 'Group SOC', items: [], chapters: ['8'] };
const item83: GateWaiver = { name: 'Team waiver', items: ['8.3'], chapters: [] };

describe('doneGate: evidence', () => {
  it.each<[string, EvidenceEntry[], boolean, boolean]>([
    // label, evidence, four eyes, allowed
    ['no evidence', [], true, false],
    ['one pending', [entry()], true, false],
    ['one rejected', [entry({ reviewState: 'rejected', reviewer: 'bo' })], true, false],
    ['accepted by another person', [accepted()], true, true],
    ['accepted by another person, four eyes off', [accepted()], false, true],
    ['accepted by who added it, four eyes on', [accepted({ reviewer: 'ana', selfReviewed: true })], true, false],
    ['accepted by who added it, four eyes off', [accepted({ reviewer: 'ana', selfReviewed: true })], false, true],
    ['accepted with no reviewer recorded, four eyes on', [accepted({ reviewer: undefined })], true, false],
    ['accepted, expires today (last valid day)', [accepted({ expiryDate: TODAY })], true, true],
    ['accepted, expired yesterday', [accepted({ expiryDate: '2026-03-09' })], true, false],
    ['accepted, expired, four eyes off', [accepted({ expiryDate: '2026-03-09' })], false, false],
    ['accepted, effective from tomorrow', [accepted({ effectiveDate: '2026-03-11' })], true, false],
    ['accepted, effective today', [accepted({ effectiveDate: TODAY })], true, true],
    ['one expired and one in force', [accepted({ expiryDate: '2026-01-01' }), accepted()], true, true],
    ['one pending and one accepted', [entry(), accepted()], true, true],
  ])('%s → allowed %s', (_label, evidence, fourEyes, allowed) => {
    expect(doneGate(input({ evidence, fourEyes })).allowed).toBe(allowed);
  });
});

describe('doneGate: messages name the item and what is missing', () => {
  it.each<[string, EvidenceEntry[], string]>([
    ['two pending', [entry(), entry()], "8.3 Vulnerability Management can't be Done yet: its 2 evidence entries are pending review."],
    ['one pending', [entry()], "8.3 Vulnerability Management can't be Done yet: its evidence entry is pending review."],
    ['none', [], "8.3 Vulnerability Management can't be Done yet: it has no evidence."],
    [
      'mixed',
      [entry(), entry({ reviewState: 'rejected', reviewer: 'bo' }), accepted({ expiryDate: '2026-03-01' })],
      "8.3 Vulnerability Management can't be Done yet: of its 3 evidence entries, 1 pending review, 1 rejected, 1 accepted but expired.",
    ],
    [
      'self-reviewed',
      [accepted({ reviewer: 'ana', selfReviewed: true })],
      "8.3 Vulnerability Management can't be Done yet: of its 1 evidence entry, 1 accepted only by who added it (four eyes: someone else must review it).",
    ],
  ])('%s', (_label, evidence, start) => {
    const decision = doneGate(input({ evidence }));
    if (decision.allowed) throw new Error('expected a refusal');
    expect(decision.message.startsWith(start)).toBe(true);
    expect(decision.message).toContain('It needs accepted evidence in force, a justified N/A or a waiver.');
  });

  it('does not offer N/A when the configuration does not count it', () => {
    const decision = doneGate(input({ config: noNa }));
    expect(decision).toEqual({ allowed: false, message: "8.3 Vulnerability Management can't be Done yet: it has no evidence. It needs accepted evidence in force or a waiver." });
  });
});

describe('doneGate: N/A', () => {
  it.each<[string, NaRule, DoneGateInput['assessment'], DoneGateConfig, boolean]>([
    ['justified N/A, rule justified', 'justified', { result: 'na', justification: 'No servers of our own.' }, DEFAULT_GATE_CONFIG, true],
    ['N/A without justification, rule justified', 'justified', { result: 'na' }, DEFAULT_GATE_CONFIG, false],
    ['N/A without justification, rule free', 'free', { result: 'na' }, DEFAULT_GATE_CONFIG, true],
    ['justified N/A, rule exemptions (needs a waiver)', 'exemptions', { result: 'na', justification: 'No servers.' }, DEFAULT_GATE_CONFIG, false],
    ['justified N/A, N/A does not count', 'justified', { result: 'na', justification: 'No servers.' }, noNa, false],
    ['assessed met without evidence', 'justified', { result: 'met' }, DEFAULT_GATE_CONFIG, false],
    ['assessed not met', 'justified', { result: 'not_met' }, DEFAULT_GATE_CONFIG, false],
    ['no assessment', 'justified', { result: null }, DEFAULT_GATE_CONFIG, false],
  ])('%s → allowed %s', (_label, naRule, assessment, config, allowed) => {
    expect(doneGate(input({ naRule, assessment, config })).allowed).toBe(allowed);
  });

  it('says why a recorded N/A does not count', () => {
    const unjustified = doneGate(input({ assessment: { result: 'na' } }));
    expect(unjustified.allowed ? '' : unjustified.message).toContain('N/A on 8.3 needs a justification');
    const off = doneGate(input({ assessment: { result: 'na', justification: 'x' }, config: noNa }));
    expect(off.allowed ? '' : off.message).toContain("N/A does not count toward Done under this validator's configuration.");
  });
});

describe('doneGate: waivers', () => {
  it.each<[string, GateWaiver[], boolean]>([
    ['waiver of the item', [item83], true],
    ['waiver of its chapter', [chapter8], true],
    ['waiver of another item', [{ name: 'Other', items: ['8.4'], chapters: [] }], false],
    ['waiver of another chapter', [{ name: 'Other', items: [], chapters: ['6'] }], false],
    ['no waiver', [], false],
  ])('%s → allowed %s', (_label, waivers, allowed) => {
    expect(doneGate(input({ waivers })).allowed).toBe(allowed);
  });

  it('a waiver lets the item be Done whatever its evidence says', () => {
    expect(doneGate(input({ waivers: [item83], evidence: [entry({ reviewState: 'rejected', reviewer: 'bo' })] }))).toEqual({ allowed: true, because: 'waiver' });
  });
});

describe('doneGate: which items the configuration covers', () => {
  it.each<[string, typeof mandatory, DoneGateConfig, boolean, string]>([
    ['mandatory item, mandatory only', mandatory, DEFAULT_GATE_CONFIG, false, ''],
    ['optional item, mandatory only', optional, DEFAULT_GATE_CONFIG, true, 'not-gated'],
    ['mandatory item, every item', mandatory, all, false, ''],
    ['optional item, every item', optional, all, false, ''],
  ])('%s, no evidence', (_label, target, config, allowed, because) => {
    const decision = doneGate(input({ item: target, config }));
    expect(decision.allowed).toBe(allowed);
    if (decision.allowed) expect(decision.because).toBe(because);
  });

  it('an optional item under "every item" passes with accepted evidence', () => {
    expect(doneGate(input({ item: optional, config: all, evidence: [accepted()] }))).toEqual({ allowed: true, because: 'evidence' });
  });
});

describe('readGateConfig', () => {
  it.each<[string, unknown, DoneGateConfig]>([
    ['nothing', undefined, DEFAULT_GATE_CONFIG],
    ['null', null, DEFAULT_GATE_CONFIG],
    ['an empty object', {}, DEFAULT_GATE_CONFIG],
    ['an empty string', '', DEFAULT_GATE_CONFIG],
    ['every item', { scope: 'all' }, { scope: 'all', naCounts: true }],
    ['JSON text', '{"scope":"all","naCounts":false}', { scope: 'all', naCounts: false }],
  ])('reads %s', (_label, raw, config) => {
    expect(readGateConfig(raw)).toEqual({ ok: true, config });
  });

  it.each<[string, unknown, string]>([
    ['text that is not JSON', '{scope:', 'not valid JSON'],
    ['an unknown option', { scope: 'all', strict: true }, 'unknown option "strict"'],
    ['an unknown scope', { scope: 'optional' }, '"scope" must be "mandatory" or "all"'],
    ['naCounts as text', { naCounts: 'yes' }, '"naCounts" must be true or false'],
    ['an array', [], 'must be an object'],
  ])('refuses %s', (_label, raw, says) => {
    const reading = readGateConfig(raw);
    expect(reading.ok).toBe(false);
    if (!reading.ok) expect(reading.message).toContain(says);
  });
});

describe('doneGate: properties', () => {
  const day = fc.integer({ min: 1, max: 28 }).map((d) => `2026-03-${String(d).padStart(2, '0')}`);
  const entryArb = fc.record({
    reviewState: fc.constantFrom('pending', 'accepted', 'rejected' as const),
    reviewer: fc.option(fc.constantFrom('ana', 'bo'), { nil: undefined }),
    expiryDate: fc.option(day, { nil: undefined }),
    effectiveDate: fc.option(day, { nil: undefined }),
  }).map((e) => entry({ ...e, reviewState: e.reviewState as EvidenceEntry['reviewState'], ...(e.reviewer ? { reviewer: e.reviewer } : {}) }));
  const arb = fc.record({
    evidence: fc.array(entryArb, { maxLength: 5 }),
    fourEyes: fc.boolean(),
    scope: fc.constantFrom('mandatory', 'all' as const),
    naCounts: fc.boolean(),
    na: fc.constantFrom(undefined, { result: 'na' }, { result: 'na', justification: 'Not ours.' }, { result: 'met' }),
    waived: fc.boolean(),
    optionalItem: fc.boolean(),
  });

  it('allows exactly when the item is not gated, waived, has counted evidence or a counted N/A; a refusal always names the item', () => {
    fc.assert(
      fc.property(arb, (c) => {
        const target = c.optionalItem ? optional : mandatory;
        const config: DoneGateConfig = { scope: c.scope as DoneGateConfig['scope'], naCounts: c.naCounts };
        const decision = doneGate(input({ item: target, evidence: c.evidence, fourEyes: c.fourEyes, config, assessment: c.na, waivers: c.waived ? [chapter8] : [] }));
        const counted = c.evidence.some(
          (e) => e.reviewState === 'accepted' && (e.expiryDate ?? '9999') >= TODAY && (e.effectiveDate ?? '0000') <= TODAY && (!c.fourEyes || (e.reviewer !== undefined && e.reviewer !== e.addedBy)),
        );
        const naCounted = c.naCounts && c.na?.result === 'na' && c.na.justification !== undefined;
        const expected = (c.scope === 'mandatory' && c.optionalItem) || c.waived || counted || naCounted;
        if (decision.allowed !== expected) return false;
        return decision.allowed || decision.message.startsWith(`${target.id} ${target.title} can't be Done yet: `);
      }),
      { numRuns: 500 },
    );
  });
});

/**
 * The Done gate's backlog: items in a done-category status the gate would refuse today, found with
 * the gate's own rule from the states and evidence the rollup read (and its cache's digest).
 */
import { doneWithoutEvidence, type BacklogInput } from '../../../src/domain/done-gate-backlog';
import { DEFAULT_GATE_CONFIG } from '../../../src/domain/done-gate';
import { evidenceValue } from '../../../src/domain/evidence';
import type { EvidenceEntry } from '../../../src/domain/evidence-types';
import type { ItemState } from '../../../src/domain/types';
import { fromDigest, toDigest } from '../../../src/domain/evidence-digest';
import { item, metChecklist } from './fixtures';

const TODAY = '2026-03-10';
const items = [item('1.1', { mandatory: true, title: 'Catalogue' }), item('1.2', { title: 'Evangelism' }), item('8.3', { mandatory: true, title: 'Vulnerability Management' })];
const def = metChecklist(items, { naRule: 'justified' });
const done = (itemId: string, extra: Partial<ItemState> = {}): ItemState => ({ itemId, issueKey: `MSP-${itemId.replace('.', '')}`, statusCategory: 'done', statusName: 'Done', ...extra });
const accepted = (reviewer: string, extra: Partial<EvidenceEntry> = {}): EvidenceEntry => ({
  id: `e-${reviewer}`,
  kind: 'document',
  title: 'Report',
  addedAt: '2026-03-01T10:00:00Z',
  addedBy: 'ana',
  reviewState: 'accepted',
  reviewer,
  ...extra,
});

function input(overrides: Partial<BacklogInput>): BacklogInput {
  return { def, states: [], evidence: new Map(), waivers: [], fourEyes: true, today: TODAY, config: DEFAULT_GATE_CONFIG, ...overrides };
}

describe('doneWithoutEvidence', () => {
  it('lists done mandatory items the gate would refuse, in checklist order, with what is missing', () => {
    const states = [done('8.3'), done('1.1'), done('1.2'), { itemId: '1.1x', statusCategory: 'indeterminate' as const }];
    expect(doneWithoutEvidence(input({ states }))).toEqual([
      { itemId: '1.1', title: 'Catalogue', issueKey: 'MSP-11', mandatory: true, statusName: 'Done', missing: 'it has no evidence. It needs accepted evidence in force, a justified N/A or a waiver.' },
      { itemId: '8.3', title: 'Vulnerability Management', issueKey: 'MSP-83', mandatory: true, statusName: 'Done', missing: 'it has no evidence. It needs accepted evidence in force, a justified N/A or a waiver.' },
    ]);
  });

  it('skips items not in Done, items with evidence accepted by another, a waiver, a justified N/A; lists optional ones under "every item"', () => {
    const states = [done('1.1'), done('8.3', { assessment: 'na', assessmentJustification: 'Not offered' }), { itemId: '1.2', issueKey: 'MSP-12', statusCategory: 'new' as const }];
    const evidence = new Map([['1.1', evidenceValue([accepted('bo')])]]);
    expect(doneWithoutEvidence(input({ states, evidence }))).toEqual([]);
    expect(doneWithoutEvidence(input({ states: [done('8.3')], waivers: [{ name: 'SOC', items: [], chapters: ['8'] }] }))).toEqual([]);
    expect(doneWithoutEvidence(input({ states: [done('1.2')], config: { scope: 'all', naCounts: true } })).map((row) => row.itemId)).toEqual(['1.2']);
    expect(doneWithoutEvidence(input({ states: [done('8.3', { assessment: 'na', assessmentJustification: 'Not offered' })], config: { scope: 'mandatory', naCounts: false } })).map((row) => row.itemId)).toEqual(['8.3']);
  });

  it('judges four eyes the same from the rollup cache\'s digest as from the evidence itself', () => {
    const states = [done('1.1'), done('8.3')];
    const evidence = new Map([
      ['1.1', evidenceValue([accepted('bo')])],
      ['8.3', evidenceValue([accepted('ana', { selfReviewed: true })])],
    ]);
    const digested = new Map([...evidence].map(([id, value]) => [id, fromDigest(toDigest(value))]));
    const direct = doneWithoutEvidence(input({ states, evidence }));
    expect(direct.map((row) => row.itemId)).toEqual(['8.3']);
    expect(doneWithoutEvidence(input({ states, evidence: digested }))).toEqual(direct);
    // An expiry passed since it reached Done lists it again.
    const lapsed = new Map([['1.1', evidenceValue([accepted('bo', { expiryDate: '2026-03-01' })])]]);
    expect(doneWithoutEvidence(input({ states: [done('1.1')], evidence: lapsed }))[0]?.missing).toMatch(/^of its 1 evidence entry, 1 accepted but expired\./);
  });
});

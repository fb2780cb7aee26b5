/**
 * The cold read (src/rollup/cold-read.ts) with evidence on every item, as in a project near its
 * audit: accepted and in force, accepted with an expiry far off, expired, expiring within 30 days,
 * expiring before the audit date, taking effect next week, two windows with a gap, pending, only
 * rejected, N/A with and without the justification the checklist asks for, assessed met and not met,
 * values written before the in-force summary existed (the app's format 2 without it, and legacy
 * values from before the app owned the field); strict mode on and off. Cold and full give the same
 * figures and risks, and the cold read costs ≤ 8 Jira calls per getRollup at 1,000 items (the five
 * bit searches, one search with fields for the few whose figures the summary cannot give). And the
 * crosswalk: coverage, titles and strict mode from a source checklist read cold.
 */
import type { ItemPanel, Rollup } from '../../common/contract';
import { readCrosswalkText } from '../../common/crosswalk';
import { evidenceValue, type EvidenceEntry } from '../../src/domain/evidence';
import { verdictValue, type AssessmentRecord } from '../../src/domain/evidence-verdict';
import { generatedChecklist } from './checklists';
import { figures, importProject, readWithout, searchesOf, storeValues, type Project } from './cold-read';
import { startHarness, type Harness } from './harness';

const day = (n: number): string => new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10);
const entry = (id: string, reviewState: EvidenceEntry['reviewState'], dates: { effectiveDate?: string; expiryDate?: string } = {}): EvidenceEntry => ({
  id,
  kind: 'link',
  title: `Proof ${id}`,
  url: `https://intranet.example/proof/${id}`,
  addedAt: '2026-01-01T00:00:00.000Z',
  addedBy: 'admin',
  ...dates,
  reviewState,
  ...(reviewState === 'pending' ? {} : { reviewer: 'lead', reviewedAt: '2026-01-02T00:00:00.000Z' }),
});
const assessed = (result: AssessmentRecord['result'], justification?: string): AssessmentRecord => ({
  ...(result !== undefined ? { result } : {}),
  ...(justification !== undefined ? { justification } : {}),
  assessedBy: 'admin',
  assessedAt: '2026-02-01T09:00:00.000Z',
});
const withoutSummary = (value: Record<string, unknown>) => {
  const { inForceFormat: _f, acceptedSpans: _s, acceptedFrom: _a, acceptedUntil: _u, ...old } = value;
  return old;
};

/** The stored value of item number i (of 1,000): a few of every kind, most accepted and in force. */
function valueOf(i: number): unknown {
  const kinds: (() => unknown)[] = [
    () => verdictValue(evidenceValue([entry('a', 'accepted')]), undefined),
    () => verdictValue(evidenceValue([entry('a', 'accepted', { expiryDate: day(400) }), entry('r', 'rejected', { expiryDate: day(3) })]), undefined),
    () => verdictValue(evidenceValue([entry('a', 'accepted', { effectiveDate: day(-400), expiryDate: day(-5) })]), undefined),
    () => verdictValue(evidenceValue([entry('a', 'accepted', { expiryDate: day(10) })]), undefined),
    () => verdictValue(evidenceValue([entry('a', 'accepted', { expiryDate: day(60) })]), undefined),
    () => verdictValue(evidenceValue([entry('a', 'accepted', { effectiveDate: day(5) })]), undefined),
    () => verdictValue(evidenceValue([entry('a', 'accepted', { effectiveDate: day(-300), expiryDate: day(-100) }), entry('b', 'accepted', { effectiveDate: day(-2) })]), undefined),
    () => verdictValue(evidenceValue([entry('a', 'accepted', { effectiveDate: day(-300), expiryDate: day(-100) }), entry('b', 'accepted', { effectiveDate: day(30) })]), undefined),
    () => verdictValue(evidenceValue([entry('p', 'pending')]), undefined),
    () => verdictValue(evidenceValue([entry('r', 'rejected'), entry('s', 'rejected')]), undefined),
    () => verdictValue(evidenceValue([entry('a', 'accepted')]), assessed('na', 'No such workloads here.')),
    () => verdictValue(evidenceValue([]), assessed('na')),
    () => verdictValue(evidenceValue([entry('a', 'accepted', { expiryDate: day(200) })]), assessed('met')),
    () => verdictValue(evidenceValue([entry('p', 'pending')]), assessed('not_met')),
    () => verdictValue(evidenceValue([]), assessed('met')),
    // Written before the in-force summary: the app's format 2, and a legacy value (reviews not trusted).
    () => withoutSummary(verdictValue(evidenceValue([entry('a', 'accepted', { expiryDate: day(300) })]), assessed('met')) as unknown as Record<string, unknown>),
    () => withoutSummary(evidenceValue([entry('a', 'accepted')]) as unknown as Record<string, unknown>),
  ];
  // Every 10th item one of the kinds above in turn; the rest accepted evidence in force for a year.
  return i % 10 === 0 ? kinds[(i / 10) % kinds.length]!() : verdictValue(evidenceValue([entry('a', 'accepted', { effectiveDate: day(-30), expiryDate: day(335) })]), undefined);
}

beforeAll(() => {
  process.env.MSP_ROLLUP_REFRESH_MIN_AGE_MS = '0';
});
afterAll(() => {
  delete process.env.MSP_ROLLUP_REFRESH_MIN_AGE_MS;
  delete process.env.MSP_ROLLUP_COLD_MIN_ITEMS;
});

describe('rollup: a cold read of 1,000 items with evidence on every one', () => {
  let p: Project;
  beforeAll(async () => {
    p = await importProject({ ...generatedChecklist({ id: 'cold-evidence-1000', items: 1000, chapters: 10 }), naRule: 'justified' }, true);
    const itemIds = [...p.keys.keys()];
    await storeValues(p.h, new Map(itemIds.map((itemId, i) => [p.keys.get(itemId)!, valueOf(i)])));
    // Most items Done (met by status), some In Progress, the rest To Do.
    for (const [i, itemId] of itemIds.entries()) {
      if (i % 10 === 0 || i % 7 === 0) await p.h.transition(p.keys.get(itemId)!, 'Done');
      else if (i % 11 === 0) await p.h.transition(p.keys.get(itemId)!, 'In Progress');
    }
    await p.h.invoke('setAuditPlan', { validationDate: day(90) });
    await p.h.runtime.idle();
  }, 300_000);
  afterAll(async () => {
    await p.h.close();
  });

  it.each([
    ['strict mode on', true],
    ['strict mode off', false],
  ])('%s: costs ≤ 8 Jira calls and gives the full read\'s figures and risks', async (_name, strictMode) => {
    await p.h.runtime.invoke({ functionKey: 'setProjectSettings', payload: { strictMode }, context: { moduleKey: 'audit-page', accountId: 'admin', projectKey: 'MSP' } });
    const cold = await readWithout(p, undefined);
    expect(cold.calls.length).toBeLessThanOrEqual(8);
    // 1 in 10 items is of a special kind; of those, the ones the summary cannot give (N/A, an expiry
    // within the horizon, only rejected, two windows, no summary) are read with their fields: one page.
    expect(searchesOf(cold.calls)).toEqual({ idsOnly: 5, withFields: 1, bulk: 0 });
    const full = await readWithout(p, 'Infinity');
    expect(figures(cold.rollup)).toEqual(figures(full.rollup));
    // The kinds really are in the figures.
    const kinds = new Set(full.rollup.risks.map((risk) => risk.kind));
    expect([...kinds].sort()).toEqual(['evidence-expired', 'evidence-expires-before-audit', 'evidence-expiring', 'met-without-evidence', 'only-rejected-evidence']);
    expect(full.rollup.naRefused?.length).toBeGreaterThan(0);
    const strictNotMet = full.rollup.items.filter((item) => item.reason.startsWith('Strict mode')).length;
    if (strictMode) expect(strictNotMet).toBeGreaterThan(10);
    else expect(strictNotMet).toBe(0);
  });

  it('serves the cached cold read while its stand-ins hold, and the Done gate reads the entries (the same backlog as after a full read)', async () => {
    await readWithout(p, undefined);
    p.h.emulator.clearRequests();
    expect((await p.h.invoke<Rollup>('getRollup', { checklistId: p.def.id })).from).toBe('cache');
    const gate = await p.h.invoke<{ doneWithoutEvidence: unknown[] }>('getGateStatus', { checklistId: p.def.id });
    delete process.env.MSP_ROLLUP_COLD_MIN_ITEMS;
    const fullGate = await (async () => {
      process.env.MSP_ROLLUP_COLD_MIN_ITEMS = 'Infinity';
      try {
        return await p.h.invoke<{ doneWithoutEvidence: unknown[] }>('getGateStatus', { checklistId: p.def.id });
      } finally {
        delete process.env.MSP_ROLLUP_COLD_MIN_ITEMS;
      }
    })();
    expect(gate.doneWithoutEvidence).toEqual(fullGate.doneWithoutEvidence);
    expect(gate.doneWithoutEvidence.length).toBeGreaterThan(0);
  });
});

describe('rollup: the crosswalk from a checklist read cold', () => {
  const ETHICS = 'mspalliance-code-of-ethics';
  const UCS = 'mspalliance-ucs-23';
  let h: Harness;
  let keys: Map<string, string>;
  beforeAll(async () => {
    h = startHarness();
    await h.importChecklist(ETHICS);
    await h.importChecklist(UCS);
    keys = new Map(
      (await h.issues()).flatMap((issue) => {
        const identity = issue.properties['msp-audit-item'] as { kind?: string; checklistId?: string; itemId?: string } | undefined;
        return identity?.kind === 'item' ? [[`${identity.checklistId} ${identity.itemId}`, issue.key] as [string, string]] : [];
      }),
    );
    await h.invoke('saveCrosswalk', { rows: readCrosswalkText(`from checklist,from item,to checklist,to item,coverage\n${ETHICS},4.1,${UCS},03.01,full\n`, 'map.csv'), fileName: 'map.csv' });
    await h.invoke('setCrosswalkSettings', { countsInStrictMode: true });
    const on = (issueKey: string, functionKey: string, payload: unknown, accountId = 'admin') => h.runtime.invoke({ functionKey, payload, context: { moduleKey: 'audit-item-panel', accountId, issueKey } });
    const source = keys.get(`${ETHICS} 4.1`)!;
    const added = (await on(source, 'addEvidence', { evidence: { kind: 'document', title: 'NDA policy', note: 'Policy wiki' } })) as ItemPanel;
    await on(source, 'reviewEvidence', { id: added.evidence.entries[0]!.id, state: 'accepted' }, 'lead');
    await h.transition(keys.get(`${UCS} 03.01`)!, 'Done');
    await h.runtime.invoke({ functionKey: 'setProjectSettings', payload: { strictMode: true }, context: { moduleKey: 'audit-page', accountId: 'admin', projectKey: 'MSP' } });
    await h.runtime.idle();
  }, 120_000);
  afterAll(async () => {
    await h.close();
  });

  it('gives the full read\'s coverage, titles and strict-mode figures', async () => {
    const read = async (minItems: string) => {
      for (const id of [ETHICS, UCS]) await readWithout({ h, def: { id } as Project['def'] }, minItems, 'admin', id);
      return (await readWithout({ h, def: { id: UCS } as Project['def'] }, minItems, 'admin', UCS)).rollup;
    };
    const cold = await read('0');
    const full = await read('Infinity');
    expect(figures(cold)).toEqual(figures(full));
    expect(full.crosswalk?.covered).toEqual([expect.objectContaining({ itemId: '03.01', by: [expect.objectContaining({ itemId: '4.1', titles: ['NDA policy'] })] })]);
  });
});

/**
 * The built-in MSPAlliance Code of Ethics & Conduct through the real app, the local Forge runtime and
 * the Jira emulator (issue 18): it imports one issue per commitment, scores under the met model with
 * N/A only when justified, gives new evidence a yearly expiry, exports, and syncs like every built-in.
 */
import Papa from 'papaparse';
import type { AuditExportCsv, ItemPanel, Rollup, SyncPreview } from '../../common/contract';
import { findBuiltinChecklist } from '../../src/checklists';
import { startHarness, type Harness, type OutsideIssue } from './harness';

const CHECKLIST = 'mspalliance-code-of-ethics';
const def = findBuiltinChecklist(CHECKLIST)!;

const itemIdOf = (issue: OutsideIssue): string | undefined => {
  const identity = issue.properties['msp-audit-item'] as { kind?: string; itemId?: string } | undefined;
  return identity?.kind === 'item' ? identity.itemId : undefined;
};

describe('the Code of Ethics as a checklist', () => {
  let h: Harness;
  let keys: Map<string, string>;
  const onIssue = <T>(functionKey: string, itemId: string, payload: unknown = {}, accountId = 'admin'): Promise<T> =>
    h.runtime.invoke({ functionKey, payload, context: { moduleKey: 'audit-item-panel', accountId, issueKey: keys.get(itemId)! } }) as Promise<T>;

  beforeEach(async () => {
    process.env.MSP_ROLLUP_REFRESH_MIN_AGE_MS = '0';
    h = startHarness();
    expect(await h.importChecklist(CHECKLIST)).toMatchObject({ state: 'done', total: 24, created: 24, failed: 0 });
    keys = new Map((await h.issues()).flatMap((issue) => (itemIdOf(issue) ? [[itemIdOf(issue)!, issue.key]] : [])));
  });
  afterEach(async () => {
    delete process.env.MSP_ROLLUP_REFRESH_MIN_AGE_MS;
    await h.close();
  });

  it('scores every commitment as mandatory: the project passes only when all 24 are met or justified N/A', async () => {
    expect([...keys.keys()].sort()).toEqual(def.items.map((item) => item.id).sort());
    const start = await h.invoke<Rollup>('getRollup', { checklistId: CHECKLIST, refresh: true });
    expect(start).toMatchObject({ checklistId: CHECKLIST, model: 'met', score: 0, maxScore: 24, passed: false });
    expect(start.mandatoryOpen).toHaveLength(24);

    await expect(onIssue('setAssessment', '7.3', { result: 'na', complexity: null })).rejects.toThrow(/justif/i);
    await onIssue('setAssessment', '7.3', { result: 'na', complexity: null, justification: 'A one-person practice: nobody is supervised.' });
    for (const item of def.items.filter((entry) => entry.id !== '7.3')) await h.transition(keys.get(item.id)!, 'Done');

    const done = await h.invoke<Rollup>('getRollup', { checklistId: CHECKLIST, refresh: true });
    expect(done).toMatchObject({ score: 24, passed: true, mandatoryOpen: [] });
    expect(done.counts).toMatchObject({ met: 23, na: 1, total: 24 });
  });

  it('gives evidence added without an expiry one year of validity, and keeps an expiry the person gave', async () => {
    const today = new Date().toISOString().slice(0, 10);
    const added = await onIssue<ItemPanel>('addEvidence', '3.2', { evidence: { kind: 'document', title: 'Disclosure log 2026', note: 'Compliance share, folder COI', effectiveDate: '2026-01-15' } });
    expect(added.evidence.entries[0]).toMatchObject({ title: 'Disclosure log 2026', note: 'Compliance share, folder COI', effectiveDate: '2026-01-15', expiryDate: '2027-01-14' });

    const fromToday = await onIssue<ItemPanel>('addEvidence', '1.1', { evidence: { kind: 'document', title: 'Signed attestation', note: 'HR file' } });
    const expected = new Date(`${today}T00:00:00Z`);
    expected.setUTCFullYear(expected.getUTCFullYear() + 1);
    expected.setUTCDate(expected.getUTCDate() - 1);
    expect(fromToday.evidence.entries[0]?.expiryDate).toBe(expected.toISOString().slice(0, 10));

    const given = await onIssue<ItemPanel>('addEvidence', '4.1', { evidence: { kind: 'document', title: 'NDA policy', note: 'Policy wiki', expiryDate: '2030-06-30' } });
    expect(given.evidence.entries[0]?.expiryDate).toBe('2030-06-30');
  });

  it('exports one row per commitment and has nothing to sync against its own version', async () => {
    const exported = await h.invoke<AuditExportCsv>('exportAudit', { checklistId: CHECKLIST });
    const rows = Papa.parse<string[]>(exported.csv.replace(/^\uFEFF/, ''), { skipEmptyLines: true }).data.slice(1);
    expect(exported.rowCount).toBe(24);
    expect(rows.map((row) => row[0])).toEqual(def.items.map((item) => item.id));

    const plan = await h.invoke<SyncPreview>('planSync', { checklistId: CHECKLIST });
    expect(plan.summary).toMatchObject({ create: 0, retire: 0, renamed: 0, unchanged: 24 });
  });
});

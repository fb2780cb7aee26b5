/**
 * The trail's write-ahead records (src/trail/wal.ts) through the real app, the local Forge runtime
 * and the Jira emulator: a decision whose trail append fails after its write is in the trail exactly
 * once after reconciliation, with its own actor and time and marked as recorded late; a pending
 * record whose write never happened leaves no entry; reconcilers at once append once; the chain
 * verifies. The trail's KVS transaction is made to fail by answering it with a 500 (nothing committed).
 */
import { kvs } from '@forge/kvs';
import type { AuditDay, ItemPanel, TrailEntryView, TrailExportPage, TrailPage } from '../../common/contract';
import type { ItemCrosswalk, LinkItemPayload } from '../../common/crosswalk';
import { recordDailyScores } from '../../src/audit-day/daily';
import { createJiraClient } from '../../src/jira';
import { trailPendingKey, waiversKey } from '../../src/storage/keys';
import { digestOf, PENDING_GRACE_MS, type PendingDecision } from '../../src/trail/pending';
import { beginDecisions, settlePending } from '../../src/trail/wal';
import { verifyProjectTrail } from '../../src/trail/verify';
import { itemIssueKeys, startHarness, storedTrail, type Harness } from './harness';

const ETHICS = 'mspalliance-code-of-ethics';
const UCS = 'mspalliance-ucs-23';

describe('decisions whose trail append fails after their write', () => {
  let h: Harness;
  let keys: Map<string, string>;
  let trailFails = false;
  const key = (checklistId: string, itemId: string) => keys.get(`${checklistId} ${itemId}`)!;
  const onIssue = <T>(functionKey: string, issueKey: string, payload: unknown, accountId = 'admin'): Promise<T> =>
    h.runtime.invoke({ functionKey, payload, context: { moduleKey: 'audit-item-panel', accountId, issueKey } }) as Promise<T>;
  const pendingKeys = () => h.runtime.kvs.keys().filter((k) => k.startsWith('trail-pending:MSP:') && !k.endsWith('#none'));
  const pendingRecords = async () => Promise.all(pendingKeys().map(async (k) => (await kvs.get<PendingDecision>(k))!));
  /** Moves every pending record's creation back past the grace, as if written minutes ago. */
  const agePending = async () => {
    for (const record of await pendingRecords()) {
      await kvs.set(trailPendingKey('MSP', record.id), { ...record, createdAt: new Date(Date.parse(record.createdAt) - PENDING_GRACE_MS - 1_000).toISOString() });
    }
  };
  /** Every entry, oldest first, read straight from the store (no reconciliation). */
  const stored = (): TrailEntryView[] => storedTrail<TrailEntryView>(h);
  const ofAction = (prefix: string) => stored().filter((entry) => entry.action.startsWith(prefix));

  beforeEach(async () => {
    h = startHarness();
    await h.importChecklist(ETHICS);
    await h.importChecklist(UCS);
    keys = await itemIssueKeys(h);
    // Every KVS transaction writing the trail's head is answered 500 without committing while `trailFails`.
    trailFails = false;
    const runtime = h.runtime as unknown as { forgeFetch: (scope: unknown, target: { type: string }, path: string, init: { body?: unknown }) => Promise<Response> };
    const original = runtime.forgeFetch;
    runtime.forgeFetch = (scope, target, path, init) => {
      if (trailFails && target.type === 'kvs' && path === '/api/v1/transaction' && String(init.body).includes('trail-head:MSP')) {
        return Promise.resolve(new Response(JSON.stringify({ code: 'INTERNAL_SERVER_ERROR', message: 'injected' }), { status: 500, headers: { 'content-type': 'application/json' } }));
      }
      return original.call(h.runtime, scope, target, path, init);
    };
  });
  afterEach(async () => {
    await h.close();
  });

  it('an assessment stays in force, and after the grace the Trail tab records it once, with its own actor and time, marked late; reconcilers at once append once', async () => {
    const issue = key(ETHICS, '4.1');
    const before = stored().length;
    trailFails = true;
    const panel = await onIssue<ItemPanel>('setAssessment', issue, { result: 'met', complexity: null }, 'lead');
    trailFails = false;
    expect(panel.assessment).toMatchObject({ result: 'met' });
    expect(stored()).toHaveLength(before);
    const [record] = await pendingRecords();
    expect(record).toMatchObject({ input: { actor: 'lead', action: 'assessment.set', issueKey: issue, after: { result: 'met' } }, probe: { kind: 'issue-field' } });

    // Still within the grace (a write could be in flight): the Trail tab does not judge it yet.
    await h.invoke<TrailPage>('getTrail', {});
    expect(ofAction('assessment.')).toEqual([]);
    expect(pendingKeys()).toHaveLength(1);

    await agePending();
    // The Trail tab, the export and another reader all at once: one entry.
    const [page] = await Promise.all([h.invoke<TrailPage>('getTrail', {}), h.invoke<TrailExportPage>('exportTrail', {}), h.invoke<TrailPage>('getTrail', {}), settlePending('MSP')]);
    const entries = ofAction('assessment.');
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ actor: 'lead', issueKey: issue, at: record!.input.at, decisionId: record!.id, after: { result: 'met', complexity: null } });
    expect(Date.parse(entries[0]!.recordedAt!)).toBeGreaterThanOrEqual(Date.parse(record!.input.at));
    expect(page.entries.filter((entry) => entry.action === 'assessment.set')).toHaveLength(1);
    expect(pendingKeys()).toEqual([]);
    expect(await verifyProjectTrail('MSP')).toMatchObject({ intact: true, entries: before + 1, breakCount: 0 });
    // The export shows the marker.
    const csv = (await h.invoke<TrailExportPage>('exportTrail', {})).csv;
    expect(csv).toContain(`,${record!.id},${entries[0]!.recordedAt!}\r\n`);
  });

  it('the next change of the same issue records the earlier one first, at once, then its own', async () => {
    const issue = key(ETHICS, '4.1');
    trailFails = true;
    await onIssue<ItemPanel>('addEvidence', issue, { evidence: { kind: 'document', title: 'NDA policy v3', note: 'wiki' } });
    trailFails = false;
    expect(ofAction('evidence.')).toEqual([]);
    const panel = await onIssue<ItemPanel>('addEvidence', issue, { evidence: { kind: 'document', title: 'NDA register', note: 'HR' } }, 'lead');
    expect(panel.evidence.entries.map((entry) => entry.title).sort()).toEqual(['NDA policy v3', 'NDA register']);
    const entries = ofAction('evidence.');
    expect(entries.map((entry) => [entry.actor, (entry.after as { title: string }).title, entry.recordedAt !== undefined])).toEqual([
      ['admin', 'NDA policy v3', true],
      ['lead', 'NDA register', false],
    ]);
    expect(pendingKeys()).toEqual([]);
    expect(await verifyProjectTrail('MSP')).toMatchObject({ intact: true, breakCount: 0 });
  });

  it('a waiver change records an earlier one on the same checklist first; reconcilers at once append it once', async () => {
    trailFails = true;
    const applied = await h.invoke<AuditDay>('addCustomWaiver', { checklistId: ETHICS, name: 'Group policy', reason: 'Signed by the group', items: ['4.1'] });
    trailFails = false;
    expect(applied.waivers).toHaveLength(1);
    expect(ofAction('waiver.')).toEqual([]);
    await agePending();
    const summaries = await Promise.all([settlePending('MSP'), settlePending('MSP'), settlePending('MSP')]);
    expect(ofAction('waiver.')).toHaveLength(1);
    expect(summaries.reduce((sum, s) => sum + s.appended, 0)).toBeGreaterThanOrEqual(1);

    // Failing again, then removed: the removal settles the failed one under the waivers' lock first.
    trailFails = true;
    await h.invoke<AuditDay>('addCustomWaiver', { checklistId: ETHICS, name: 'Second', reason: 'Another reason', items: ['4.2'] });
    trailFails = false;
    await h.invoke<AuditDay>('removeWaiver', { checklistId: ETHICS, id: applied.waivers[0]!.id });
    expect(ofAction('waiver.').map((entry) => [entry.action, entry.reason, entry.recordedAt !== undefined])).toEqual([
      ['waiver.apply', 'Signed by the group', true],
      ['waiver.apply', 'Another reason', true],
      ['waiver.remove', 'Signed by the group', false],
    ]);
    expect(pendingKeys()).toEqual([]);
    expect(await verifyProjectTrail('MSP')).toMatchObject({ intact: true, breakCount: 0 });
  });

  it('a crosswalk link keeps its decision id across later revisions, so it is recorded late even after other links', async () => {
    const link = (issueKey: string, payload: LinkItemPayload) => onIssue<ItemCrosswalk>('linkItemCrosswalk', issueKey, payload);
    trailFails = true;
    await link(key(ETHICS, '4.1'), { checklistId: UCS, itemId: '03.01', direction: 'covers', coverage: 'full' });
    trailFails = false;
    const [record] = await pendingRecords();
    expect(record?.probe).toMatchObject({ kind: 'includes', id: record?.id });
    // Another project's edit would not settle it (pending records are per project): write a later revision around it.
    await kvs.delete(trailPendingKey('MSP', record!.id));
    await link(key(ETHICS, '4.2'), { checklistId: UCS, itemId: '03.02', direction: 'covers', coverage: 'partial' });
    await kvs.set(trailPendingKey('MSP', record!.id), { ...record!, createdAt: new Date(Date.now() - PENDING_GRACE_MS - 1_000).toISOString() });
    await h.invoke<TrailPage>('getTrail', {});
    const entries = ofAction('crosswalk.');
    expect(entries.map((entry) => [entry.issueKey, entry.recordedAt !== undefined])).toEqual([
      [key(ETHICS, '4.2'), false],
      [key(ETHICS, '4.1'), true],
    ]);
    expect(entries[1]).toMatchObject({ at: record!.input.at, decisionId: record!.id });
    expect(await verifyProjectTrail('MSP')).toMatchObject({ intact: true, breakCount: 0 });
  });

  it('a setting (through the one-record helper) left pending is recorded by the daily run when nobody else touched the trail', async () => {
    trailFails = true;
    await h.invoke('setProjectSettings', { strictMode: true });
    trailFails = false;
    expect(ofAction('settings.')).toEqual([]);
    const [record] = await pendingRecords();
    expect(record?.probe).toMatchObject({ kind: 'kvs', key: 'project-settings:MSP' });
    await agePending();
    await recordDailyScores(createJiraClient(), { remainingMs: () => 60_000 });
    expect(ofAction('settings.')).toEqual([expect.objectContaining({ actor: 'admin', at: record!.input.at, after: { strictMode: true, fourEyes: true }, decisionId: record!.id })]);
    expect(ofAction('settings.')[0]!.recordedAt).toBeDefined();
    expect(pendingKeys()).toEqual([]);
    expect(await verifyProjectTrail('MSP')).toMatchObject({ intact: true, breakCount: 0 });
  });

  it('a pending decision whose write never happened is dropped after the grace without an entry', async () => {
    const before = stored().length;
    const decision = { projectKey: 'MSP', actor: 'lead', action: 'waiver.apply' as const, checklistId: ETHICS, reason: 'never written' };
    // The waivers' record is never written with this value (the function died before its write).
    await beginDecisions([decision], { kind: 'kvs', key: waiversKey('MSP', ETHICS), digest: digestOf({ waivers: [{ id: 'never' }] }) });
    expect(pendingKeys()).toHaveLength(1);
    expect(await settlePending('MSP')).toMatchObject({ appended: 0, dropped: 0, left: 1 });
    await agePending();
    expect(await settlePending('MSP')).toMatchObject({ appended: 0, dropped: 1, left: 0 });
    expect(pendingKeys()).toEqual([]);
    expect(stored()).toHaveLength(before);
    expect(await verifyProjectTrail('MSP')).toMatchObject({ intact: true, entries: before });
  });

  it('under Jira faults (every write answered 500 after it committed, a lagging index) and two people at once: each decision in force is in the trail once, none twice', async () => {
    const issue = key(UCS, '01.01');
    h.emulator.setFaults({ rate500AfterCommit: 1, searchLagMs: 5_000 });
    // Both saves happen in Jira with their answers lost (the app confirms them by reading back).
    await Promise.all([
      onIssue('setAssessment', issue, { result: 'met', complexity: null }, 'lead'),
      onIssue('setAssessment', key(UCS, '01.02'), { result: 'not_met', complexity: null }, 'admin'),
    ]);
    h.emulator.setFaults({});
    // Each person saves again (a double click, a retry): the values are already there.
    await onIssue('setAssessment', issue, { result: 'met', complexity: null }, 'lead');
    await onIssue('setAssessment', key(UCS, '01.02'), { result: 'not_met', complexity: null }, 'admin');
    await agePending();
    await h.invoke<TrailPage>('getTrail', {});
    const assessments = ofAction('assessment.set').map((entry) => [entry.issueKey, (entry.after as { result?: string } | null)?.result]);
    expect(assessments.filter(([k]) => k === issue)).toEqual([[issue, 'met']]);
    expect(assessments.filter(([k]) => k === key(UCS, '01.02'))).toEqual([[key(UCS, '01.02'), 'not_met']]);
    expect(pendingKeys()).toEqual([]);
    expect((await h.invoke<{ intact: boolean }>('verifyTrail', {})).intact).toBe(true);
  });
});

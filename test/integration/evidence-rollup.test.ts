/**
 * The rollup with evidence, through the real app on the local runtime: audit risks (met without
 * evidence, only rejected, expired, expiring within 30 days) and the project's strict mode, with
 * evidence read in the rollup's one paged search.
 */
import type { AuditRisk, ItemPanel, ProjectSettings, Rollup } from '../../common/contract';
import { syncV1 } from '../fixtures/sync-v1-v2';
import { registerChecklist } from './checklists';
import { startHarness, type Harness, type OutsideIssue } from './harness';

const DAY_MS = 86_400_000;
const day = (offset: number): string => new Date(Date.now() + offset * DAY_MS).toISOString().slice(0, 10);

const itemIdOf = (issue: OutsideIssue): string | undefined => {
  const identity = issue.properties['msp-audit-item'] as { kind?: string; itemId?: string } | undefined;
  return identity?.kind === 'item' ? identity.itemId : undefined;
};

describe('getRollup with evidence', () => {
  let h: Harness;
  let keys: Map<string, string>;

  const key = (itemId: string): string => keys.get(itemId)!;
  const onIssue = <T>(functionKey: string, itemId: string, payload: unknown = {}, accountId = 'admin'): Promise<T> =>
    h.runtime.invoke({ functionKey, payload, context: { moduleKey: 'audit-item-panel', accountId, issueKey: key(itemId) } }) as Promise<T>;
  const addLink = (itemId: string, extra: Record<string, string> = {}) =>
    onIssue<ItemPanel>('addEvidence', itemId, { evidence: { kind: 'link', title: `Evidence for ${itemId}`, url: `https://intranet.example/${itemId}`, ...extra } });
  const risksOf = (rollup: Rollup, itemId: string): Pick<AuditRisk, 'kind' | 'date' | 'issueKey'>[] =>
    rollup.risks.filter((risk) => risk.itemId === itemId).map(({ kind, date, issueKey }) => ({ kind, issueKey, ...(date ? { date } : {}) }));
  const rollup = () => h.invoke<Rollup>('getRollup', {});

  beforeEach(async () => {
    h = startHarness();
    await registerChecklist(syncV1);
    await h.importChecklist(syncV1.id);
    keys = new Map((await h.issues()).flatMap((issue) => (itemIdOf(issue) ? [[itemIdOf(issue)!, issue.key]] : [])));
    for (const id of ['1.1', '1.2', '3.1']) await h.transition(key(id), 'Done');
    await h.runtime.idle();
  });
  afterEach(async () => {
    await h.close();
  });

  it('lists items done without evidence, and drops them once evidence is added', async () => {
    const before = await rollup();
    expect(before.strictMode).toBe(false);
    expect(before.risks.map((risk) => [risk.itemId, risk.kind])).toEqual([
      ['1.1', 'met-without-evidence'],
      ['1.2', 'met-without-evidence'],
      ['3.1', 'met-without-evidence'],
    ]);
    expect(before.risks[0]).toEqual({ itemId: '1.1', issueKey: key('1.1'), kind: 'met-without-evidence', detail: 'Met but has no evidence; add what an auditor will ask to see.' });

    await addLink('1.1');
    const after = await rollup();
    expect(after.from).toBe('jira');
    expect(risksOf(after, '1.1')).toEqual([]);
    expect(after.risks.map((risk) => risk.itemId)).toEqual(['1.2', '3.1']);
  });

  it('flags only-rejected, expired and expiring evidence, each with its date', async () => {
    const rejected = await addLink('1.1');
    await onIssue('reviewEvidence', '1.1', { id: rejected.evidence.entries[0]!.id, state: 'rejected', note: 'Out of date' }, 'lead');
    await addLink('1.2', { effectiveDate: day(-400), expiryDate: day(-1) });
    await addLink('3.1', { expiryDate: day(12) });
    // In progress, not met: its evidence still has to be current on audit day.
    await h.transition(key('2.1'), 'In Progress');
    await addLink('2.1', { expiryDate: day(30) });
    await addLink('2.2', { expiryDate: day(31) });

    const result = await rollup();
    expect(risksOf(result, '1.1')).toEqual([{ kind: 'only-rejected-evidence', issueKey: key('1.1') }]);
    expect(risksOf(result, '1.2')).toEqual([{ kind: 'evidence-expired', issueKey: key('1.2'), date: day(-1) }]);
    expect(risksOf(result, '3.1')).toEqual([{ kind: 'evidence-expiring', issueKey: key('3.1'), date: day(12) }]);
    expect(risksOf(result, '2.1')).toEqual([{ kind: 'evidence-expiring', issueKey: key('2.1'), date: day(30) }]);
    expect(risksOf(result, '2.2')).toEqual([]);
    expect(result.risks.find((risk) => risk.itemId === '3.1')?.detail).toBe(`"Evidence for 3.1" expires in 12 days (${day(12)}); renew it before the audit.`);
  });

  it('reads evidence with the item states (the full read, then a delta fetching what changed), and serves risks from the cache', async () => {
    await addLink('1.1', { expiryDate: day(5) });
    await rollup();
    // A change after that read, for the delta to fetch (the others keep the `updated` the cache holds).
    await addLink('1.2');
    h.emulator.clearRequests();
    process.env.MSP_ROLLUP_REFRESH_MIN_AGE_MS = '0';
    const fresh = await h.invoke<Rollup>('getRollup', { refresh: true }).finally(() => delete process.env.MSP_ROLLUP_REFRESH_MIN_AGE_MS);
    const calls = h.appRequests().map((r) => `${r.method} ${r.path} ${r.actor === 'app' ? 'app' : 'user'}`);
    // A delta on the cached read (read-states.ts): two ids-only searches (members, changed since) and
    // a bulk fetch of the changed issues, with the caller's ids-and-keys search that tells which issues they can see.
    expect(calls.sort()).toEqual([
      'GET /rest/api/3/mypermissions user',
      'POST /rest/api/3/issue/bulkfetch app',
      'POST /rest/api/3/search/jql app',
      'POST /rest/api/3/search/jql app',
      'POST /rest/api/3/search/jql user',
    ]);
    const fields = (h.appRequests().find((r) => r.path === '/rest/api/3/issue/bulkfetch')!.body as { fields: string[] }).fields;
    // `updated` lets the audit day tell a stale chapter review from a current one (same search, no extra call).
    expect(fields).toEqual(['status', 'resolution', 'updated', 'assignee', expect.stringMatching(/^customfield_\d+$/)]);

    const cached = await rollup();
    expect(cached.from).toBe('cache');
    expect(cached.risks).toEqual(fresh.risks);
    expect(risksOf(cached, '1.1')).toEqual([{ kind: 'evidence-expiring', issueKey: key('1.1'), date: day(5) }]);
  });

  it('ignores stored entries that break the rules rather than failing the rollup', async () => {
    const fields = (await h.outside('GET', '/rest/api/3/field')).body as { id: string; schema?: { custom?: string } }[];
    const fieldId = fields.find((f) => f.schema?.custom?.endsWith('/static/audit-evidence'))!.id;
    // Valid for the field's JSON schema, but expiry before the effective date breaks the rules.
    const entry = { id: 'ev-x', kind: 'link', title: 'Odd', url: 'https://x.example', addedAt: '2026-01-01T00:00:00.000Z', addedBy: 'admin', reviewState: 'accepted', effectiveDate: '2026-05-01', expiryDate: '2026-01-01' };
    const value = { entries: [entry], count: 1, accepted: 1, pending: 0, rejected: 0, reviewState: 'accepted', v: 2 };
    // Written as the app (the field is read-only to everyone else), e.g. by an older app version.
    const issueId = (await h.issues()).find((issue) => issue.key === key('1.1'))!.id;
    const put = await h.emulator.handle({ method: 'PUT', path: `/rest/api/3/app/field/${fieldId}/value`, query: {}, headers: {}, body: { updates: [{ issueIds: [Number(issueId)], value }] }, actor: 'app', origin: 'app' });
    expect(put.status).toBe(204);
    await h.runtime.idle();

    expect(risksOf(await rollup(), '1.1')).toEqual([{ kind: 'met-without-evidence', issueKey: key('1.1') }]);
    const panel = await onIssue<ItemPanel>('getItemPanel', '1.1');
    expect(panel.evidence.count).toBe(0);
    expect(panel.ignored).toEqual([{ field: 'entries[0].expiryDate', message: 'must be after effectiveDate (2026-05-01)' }]);
  });

  it('treats a waived item as met by its waiver, in the panel and the rollup, with no evidence risk', async () => {
    await h.invoke('addCustomWaiver', { checklistId: syncV1.id, name: 'Group SOC', reason: 'Covered by the group SOC audit', items: ['2.2'] });
    const panel = await onIssue<ItemPanel>('getItemPanel', '2.2');
    expect(panel.result).toEqual({ result: 'met', reason: 'Waived: Group SOC — Covered by the group SOC audit' });
    expect(panel.risks).toEqual([]);
    const result = await rollup();
    expect(result.items.find((item) => item.id === '2.2')).toMatchObject({ result: 'met', waivedBy: 'Group SOC' });
    expect(risksOf(result, '2.2')).toEqual([]);
    await h.runtime.invoke({ functionKey: 'setProjectSettings', payload: { strictMode: true }, context: { moduleKey: 'audit-page', accountId: 'admin', projectKey: 'MSP' } });
    expect((await rollup()).items.find((item) => item.id === '2.2')?.result).toBe('met');
  });

  describe('strict mode', () => {
    const strict = (strictMode: boolean, accountId = 'admin') =>
      h.runtime.invoke({ functionKey: 'setProjectSettings', payload: { strictMode }, context: { moduleKey: 'audit-page', accountId, projectKey: 'MSP' } }) as Promise<ProjectSettings>;

    it('counts an item as met only with accepted evidence in force', async () => {
      const lenient = await rollup();
      expect(lenient.items.find((item) => item.id === '1.1')?.result).toBe('met');
      const added = await addLink('1.1');

      await expect(strict(true)).resolves.toEqual({ strictMode: true, fourEyes: true });
      const pending = await rollup();
      expect(pending.strictMode).toBe(true);
      const item = pending.items.find((i) => i.id === '1.1')!;
      expect(item).toMatchObject({ result: 'not_met', earned: 0, cost: 200 });
      expect(item.reason).toBe(`Strict mode: not met without accepted evidence in force (Issue ${key('1.1')} is Done)`);
      // 1.2 and 3.1 are done with no evidence at all: they stop counting too. Lost: the points of
      // 1.1, 1.2 and 3.1, plus the penalties of the mandatory ones (1.1 and 3.1, 200 each).
      expect(pending.items.filter((i) => i.result === 'met').map((i) => i.id)).toEqual([]);
      expect(pending.score).toBe(lenient.score - (100 + 100 + 200) - (200 + 200));
      expect(pending.mandatoryOpen).toEqual(expect.arrayContaining(['1.1', '3.1']));

      const panel = await onIssue<ItemPanel>('reviewEvidence', '1.1', { id: added.evidence.entries[0]!.id, state: 'accepted' }, 'lead');
      expect(panel).toMatchObject({ strictMode: true, result: { result: 'met' } });
      const accepted = await rollup();
      expect(accepted.items.find((i) => i.id === '1.1')).toMatchObject({ result: 'met', reason: `Issue ${key('1.1')} is Done` });

      await strict(false);
      expect((await rollup()).strictMode).toBe(false);
    });

    it('does not count expired accepted evidence', async () => {
      await strict(true);
      const added = await addLink('1.1', { effectiveDate: day(-60), expiryDate: day(-1) });
      const panel = await onIssue<ItemPanel>('reviewEvidence', '1.1', { id: added.evidence.entries[0]!.id, state: 'accepted' }, 'lead');
      expect(panel.result?.result).toBe('not_met');
      expect((await rollup()).items.find((i) => i.id === '1.1')?.result).toBe('not_met');
    });

    it('may be changed only by a project administrator', async () => {
      await expect(strict(true, 'viewer')).rejects.toThrow(
        'You need the Administer Projects permission in project MSP to change its audit settings. Ask a Jira admin of the project to change them, or to grant it.',
      );
      expect((await rollup()).strictMode).toBe(false);
    });

    it('refuses a payload that is not a yes or no', async () => {
      await expect(
        h.runtime.invoke({ functionKey: 'setProjectSettings', payload: { strictMode: 'yes' }, context: { moduleKey: 'audit-page', accountId: 'admin', projectKey: 'MSP' } }),
      ).rejects.toThrow(/setProjectSettings was called with an invalid payload \(strictMode:/);
    });
  });
});

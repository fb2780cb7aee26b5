/**
 * The road to audit day through the real app on the local runtime and the Jira emulator: the audit
 * plan set by an editor (and refused to a viewer, and for dates that cannot be), what is due when
 * with each item's owner, the by-owner table with names from Jira's bulk user lookup (cached), the
 * forecast, and the "evidence expires before the audit" risk in the rollup.
 */
import type { AuditRisk, ItemPanel, RoadToAudit, Rollup, TrailPage } from '../../common/contract';
import { loadJiraOpenApi, operationIdsOf, refusedRequests } from '../support/jira-openapi';
import { startHarness, type Harness, type OutsideIssue } from './harness';

const CHECKLIST = 'aws-msp-7.1';
const DAY_MS = 86_400_000;
const day = (offset: number): string => new Date(Date.now() + offset * DAY_MS).toISOString().slice(0, 10);
const itemIdOf = (issue: OutsideIssue): string | undefined => {
  const identity = issue.properties['msp-audit-item'] as { kind?: string; itemId?: string } | undefined;
  return identity?.kind === 'item' ? identity.itemId : undefined;
};

describe('road to audit day', () => {
  let h: Harness;
  let keys: Map<string, string>;
  const key = (itemId: string): string => keys.get(itemId)!;
  const road = (payload: unknown = {}, accountId?: string) => h.invoke<RoadToAudit>('getAuditPlan', payload, accountId ? { accountId } : {});
  const setPlan = (payload: unknown, accountId?: string) => h.invoke<RoadToAudit>('setAuditPlan', payload, accountId ? { accountId } : {});
  const assign = async (itemId: string, accountId: string | null) => {
    const res = await h.outside('PUT', `/rest/api/3/issue/${key(itemId)}`, { fields: { assignee: accountId === null ? null : { accountId } } });
    expect(res.status).toBe(204);
  };
  const bulkCalls = () => h.appRequests().filter((request) => request.path === '/rest/api/3/user/bulk').length;

  beforeAll(async () => {
    process.env.MSP_ROLLUP_REFRESH_MIN_AGE_MS = '0';
    h = startHarness();
    expect((await h.importChecklist(CHECKLIST)).state).toBe('done');
    keys = new Map((await h.issues()).flatMap((issue) => (itemIdOf(issue) ? [[itemIdOf(issue)!, issue.key]] : [])));
    await assign('BUSP-001', 'lead');
    await assign('OPS-001', 'lead');
    await assign('OPS-002', 'admin');
    await h.transition(key('OPS-002'), 'Done');
    await h.runtime.idle();
  });
  afterAll(async () => {
    delete process.env.MSP_ROLLUP_REFRESH_MIN_AGE_MS;
    await h.close();
  });

  it('starts without a plan: no days to the audit, no due list, the owners from Jira and no forecast yet', async () => {
    h.emulator.clearRequests();
    const result = await road();
    expect(result).toMatchObject({ checklistId: CHECKLIST, model: 'met', aws: true, plan: null, daysToAudit: null, due: [], canEdit: true, atStakeUnit: 'open-items' });
    expect((await h.invoke<Rollup>('getRollup', {})).nextDeadline).toBeNull();
    expect(result.forecast.state).toBe('not-enough-history');
    expect(result.forecast.sentence).toMatch(/^No forecast yet: it needs at least 3 points of score history and there (is|are) \d so far/);
    const rows = result.owners.map((row) => [row.accountId, row.items.count, row.openMandatory.count]);
    expect(rows).toContainEqual(['lead', 2, 2]);
    expect(rows).toContainEqual(['admin', 1, 0]);
    const unassigned = result.owners[result.owners.length - 1]!;
    expect(unassigned.accountId).toBeNull();
    expect(unassigned.items.count).toBe(keys.size - 3);
    expect(result.people).toEqual({ lead: 'Lee Lead', admin: 'Ada Admin' });
    const lead = result.owners.find((row) => row.accountId === 'lead')!;
    expect(lead.items.jql).toBe(`project = "MSP" AND auditChecklist = "${CHECKLIST}" AND auditItemState = "active" AND assignee = "lead" ORDER BY key`);
    expect(lead.openMandatory.jql).toBe(`key in ("${key('BUSP-001')}", "${key('OPS-001')}") ORDER BY key`);
    expect(unassigned.items.jql).toContain('AND assignee is EMPTY');
    // The rollup's one search read the assignee: no call per item.
    const fieldsOf = (request: { body: unknown }) => (request.body as { fields?: string[] }).fields ?? [];
    const searches = h.appRequests().filter((request) => request.path === '/rest/api/3/search/jql' && request.actor === 'app' && fieldsOf(request).includes('updated'));
    expect(searches.length).toBeGreaterThan(0);
    for (const search of searches) expect(fieldsOf(search)).toContain('assignee');
    expect(h.appRequests().filter((request) => request.path.startsWith('/rest/api/3/issue/'))).toEqual([]);
    // Both names in one bulk lookup, a request the OpenAPI description accepts.
    expect(bulkCalls()).toBe(1);
    const bulk = h.appRequests().find((request) => request.path === '/rest/api/3/user/bulk')!;
    expect(bulk.query).toEqual({ accountId: expect.arrayContaining(['lead', 'admin']), maxResults: '50' });
    const { api } = await loadJiraOpenApi();
    expect(operationIdsOf(api, h.appRequests())).toContain('bulkGetUsers');
    expect(refusedRequests(api, h.appRequests())).toEqual([]);
  });

  it('refuses a viewer, dates that do not exist and a pre-audit after the audit, writing nothing', async () => {
    const before = h.runtime.kvs.keys().sort();
    await expect(setPlan({ validationDate: day(60) }, 'viewer')).rejects.toThrow(
      'You need the Edit issues permission in project MSP to change the audit plan. Ask a Jira admin of the project to grant it.',
    );
    await expect(setPlan({ validationDate: '2027-02-30' })).rejects.toThrow('The validation date "2027-02-30" is not a day on the calendar; write it YYYY-MM-DD');
    await expect(setPlan({ validationDate: day(60), preAuditDate: day(61) })).rejects.toThrow(`The pre-audit (${day(61)}) is after the validation audit (${day(60)})`);
    await expect(setPlan({ validationDate: 20270101 })).rejects.toThrow('setAuditPlan was called with an invalid payload (validationDate:');
    expect(h.runtime.kvs.keys().sort()).toEqual(before);
    // A viewer still reads the road, read-only.
    await expect(road({}, 'viewer')).resolves.toMatchObject({ canEdit: false, plan: null });
    await expect(road({}, 'outsider')).rejects.toThrow('You need the Browse projects permission in project MSP to see the audit plan.');
  });

  it('an editor sets the plan: days to the audit, AWS deadlines, open mandatory items with their owners, and a trail entry', async () => {
    const result = await setPlan({ validationDate: day(60), preAuditDate: day(40), revision: 0 });
    expect(result.plan).toMatchObject({ validationDate: day(60), preAuditDate: day(40), revision: 1, updatedBy: 'admin' });
    expect(result.warnings).toEqual([]);
    expect(result.daysToAudit).toBe(60);
    expect(result.deadlines?.prerequisiteEvidence).toBe(day(30));
    const busp = result.due.find((entry) => entry.itemId === 'BUSP-001');
    expect(busp).toMatchObject({ kind: 'prerequisite-open', date: day(30), daysLeft: 30, owner: 'lead', issueKey: key('BUSP-001') });
    expect(result.due.find((entry) => entry.itemId === 'OPS-001')).toMatchObject({ kind: 'mandatory-open', date: day(60), owner: 'lead' });
    expect(result.due.find((entry) => entry.itemId === 'OPS-002')).toBeUndefined();
    expect(result.due.map((entry) => entry.kind)).toEqual(expect.arrayContaining(['prerequisite-deadline', 'pre-audit', 'validation', 'action-items']));
    // Dates in order.
    expect(result.due.map((entry) => entry.date)).toEqual([...result.due.map((entry) => entry.date)].sort());

    const trail = await h.invoke<TrailPage>('getTrail', {});
    expect(trail.entries[0]).toMatchObject({ action: 'plan.set', actor: 'admin', checklistId: CHECKLIST, before: null, after: { validationDate: day(60), preAuditDate: day(40) } });
    await expect(road()).resolves.toMatchObject({ plan: { revision: 1 }, daysToAudit: 60 });
  });

  it('a retried save writes nothing new; a save from a stale page is refused; a past validation date is kept with a warning', async () => {
    const total = (await h.invoke<TrailPage>('getTrail', {})).total;
    await expect(setPlan({ validationDate: day(60), preAuditDate: day(40), revision: 0 })).resolves.toMatchObject({ plan: { revision: 1 } });
    expect((await h.invoke<TrailPage>('getTrail', {})).total).toBe(total);

    await setPlan({ validationDate: day(50), revision: 1 }, 'lead');
    await expect(setPlan({ validationDate: day(70), revision: 1 })).rejects.toThrow('Someone else saved the audit plan of AWS MSP Validation Checklist 7.1 while you were editing it');
    const past = await setPlan({ validationDate: day(-3), revision: 2 });
    expect(past.warnings).toEqual([`The validation date ${day(-3)} is 3 days in the past; kept, as the record of a finished audit.`]);
    expect(past.daysToAudit).toBe(-3);
    expect(past.plan).toMatchObject({ revision: 3 });
    expect(past.people.lead).toBe('Lee Lead');
    await setPlan({ validationDate: day(60), revision: 3 });
  });

  it('two people saving at the same moment: one save lands, the other is refused, one trail entry', async () => {
    const current = (await road()).plan!.revision;
    const total = (await h.invoke<TrailPage>('getTrail', {})).total;
    const results = await Promise.allSettled([setPlan({ validationDate: day(61), revision: current }), setPlan({ validationDate: day(62), revision: current }, 'lead')]);
    expect(results.filter((result) => result.status === 'fulfilled')).toHaveLength(1);
    const refused = results.find((result): result is PromiseRejectedResult => result.status === 'rejected');
    expect(String(refused?.reason)).toMatch(/Someone else (saved|is saving) the audit plan/);
    expect((await h.invoke<TrailPage>('getTrail', {})).total).toBe(total + 1);
    expect((await road()).plan!.revision).toBe(current + 1);
    expect(h.runtime.kvs.keys().filter((key) => key.startsWith('audit-plan-lock:'))).toEqual([]);
    await setPlan({ validationDate: day(60), revision: current + 1 });
  });

  it('names come from one bulk lookup, then from the cache; getPeople answers only for people of the audit', async () => {
    h.emulator.clearRequests();
    await road();
    expect(bulkCalls()).toBe(0);
    const names = await h.invoke<Record<string, string | null>>('getPeople', { accountIds: ['lead', 'outsider', 'nobody'] });
    expect(names).toEqual({ lead: 'Lee Lead', outsider: null, nobody: null });
    await expect(h.invoke('getPeople', { accountIds: 'lead' })).rejects.toThrow('getPeople was called with an invalid payload');
  });

  it('evidence valid today that lapses before the audit is a risk in the rollup and a due line', async () => {
    const onIssue = <T>(functionKey: string, itemId: string, payload: unknown): Promise<T> =>
      h.runtime.invoke({ functionKey, payload, context: { moduleKey: 'audit-item-panel', accountId: 'admin', issueKey: key(itemId) } }) as Promise<T>;
    await onIssue<ItemPanel>('addEvidence', 'OPS-002', { evidence: { kind: 'link', title: 'Runbook', url: 'https://intranet.example/runbook', expiryDate: day(45) } });
    await h.runtime.idle();
    const rollup = await h.invoke<Rollup>('getRollup', { refresh: true });
    const risk = rollup.risks.find((entry: AuditRisk) => entry.itemId === 'OPS-002' && entry.kind === 'evidence-expires-before-audit');
    expect(risk).toEqual({
      itemId: 'OPS-002',
      issueKey: key('OPS-002'),
      kind: 'evidence-expires-before-audit',
      detail: `"Runbook" expires on ${day(45)}, before the audit on ${day(60)}; renew it in time.`,
      date: day(45),
    });
    const result = await road();
    expect(result.due.find((entry) => entry.kind === 'evidence-expires')).toMatchObject({ itemId: 'OPS-002', date: day(45), issueKey: key('OPS-002') });
    expect(result.owners.find((row) => row.accountId === 'admin')?.pendingReview.count).toBe(1);
  });

  it("the rollup carries the plan's next deadline, the same line the glance took from getAuditPlan's due list (no second scoring on open)", async () => {
    const result = await road();
    const ahead = result.due.filter((entry) => entry.daysLeft >= 0).sort((a, b) => a.daysLeft - b.daysLeft)[0];
    expect(ahead).toBeDefined();
    const { owner: _owner, ...expected } = ahead!;
    const rollup = await h.invoke<Rollup>('getRollup', {});
    expect(rollup.nextDeadline).toEqual(expected);
    // A viewer who cannot see that item's issue would not get its line; here everyone sees all, so the same.
    expect((await h.invoke<Rollup>('getRollup', {}, { accountId: 'viewer' })).nextDeadline).toEqual(expected);
  });
});

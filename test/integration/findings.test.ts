/**
 * The auditor's findings through the real app on the local runtime and the Jira emulator: a finding
 * becomes a Jira issue tied to the item's issue (a sub-task where the project has that type, an
 * issue link otherwise), labelled `msp-finding`, due 10 business days after the validation date;
 * refused to a viewer and for something that is not a checklist item, writing nothing; exactly one
 * issue when Jira's answer to the create is lost; closed when its issue is closed.
 */
import type { TrailPage } from '../../common/contract';
import type { FindingsView, RecordFindingResult } from '../../common/contract-findings';
import { addBusinessDays, daysFrom } from '../../src/domain/plan-dates';
import { loadJiraOpenApi, operationIdsOf, refusedRequests } from '../support/jira-openapi';
import { startHarness, type Harness, type OutsideIssue } from './harness';

const CHECKLIST = 'aws-msp-7.1';
const DAY_MS = 86_400_000;
const day = (offset: number): string => new Date(Date.now() + offset * DAY_MS).toISOString().slice(0, 10);
const itemIdOf = (issue: OutsideIssue): string | undefined => {
  const identity = issue.properties['msp-audit-item'] as { kind?: string; itemId?: string } | undefined;
  return identity?.kind === 'item' ? identity.itemId : undefined;
};
const FIELDS = ['duedate', 'issuelinks', 'description'];
const PROPERTIES = ['msp-audit-finding'];

describe('audit findings', () => {
  let h: Harness;
  const keys = new Map<string, Map<string, string>>();
  const key = (itemId: string, projectKey = 'MSP'): string => keys.get(projectKey)!.get(itemId)!;
  const record = (payload: Record<string, unknown>, options: { accountId?: string; projectKey?: string } = {}) => h.invoke<RecordFindingResult>('recordFinding', payload, options);
  const list = (options: { accountId?: string; projectKey?: string } = {}) => h.invoke<FindingsView>('listFindings', {}, options);
  const findingIssues = async (projectKey = 'MSP') => (await h.issues(projectKey, { fields: FIELDS, properties: PROPERTIES })).filter((issue) => (issue.fields.labels as string[]).includes('msp-finding'));
  const validationDate = day(20);
  const due = addBusinessDays(validationDate, 10);

  beforeAll(async () => {
    process.env.MSP_ROLLUP_REFRESH_MIN_AGE_MS = '0';
    h = startHarness();
    h.emulator.addProject({ key: 'FLAT', issueTypes: ['Task', 'Epic'] });
    for (const projectKey of ['MSP', 'FLAT']) {
      expect((await h.importChecklist(CHECKLIST, { projectKey })).state).toBe('done');
      keys.set(projectKey, new Map((await h.issues(projectKey)).flatMap((issue) => (itemIdOf(issue) ? [[itemIdOf(issue)!, issue.key]] : []))));
      await h.invoke('setAuditPlan', { validationDate }, { projectKey });
    }
  });
  afterAll(async () => {
    delete process.env.MSP_ROLLUP_REFRESH_MIN_AGE_MS;
    await h.close();
  });

  it('an editor records a finding: a sub-task of the item issue, labelled, due 10 business days after the audit, on the trail', async () => {
    h.emulator.clearRequests();
    const result = await record({ checklistId: CHECKLIST, itemId: 'OPS-001', summary: '  No DR test record for 2025  ', detail: 'The auditor asked for the last DR test report.', requestId: 'req-ops-001-a' }, { accountId: 'editor' });
    expect(result.created).toBe(true);
    expect(result.finding).toMatchObject({ itemId: 'OPS-001', itemIssueKey: key('OPS-001'), summary: 'No DR test record for 2025', state: 'open', tie: 'sub-task', dueDate: due, daysLeft: daysFrom(day(0), due), recordedBy: 'editor' });
    const [issue, ...others] = await findingIssues();
    expect(others).toEqual([]);
    expect(issue!.key).toBe(result.finding.issueKey);
    expect(issue!.fields).toMatchObject({ summary: 'Audit finding OPS-001: No DR test record for 2025', labels: ['msp-finding'], duedate: due, issuetype: { name: 'Sub-task' }, parent: { key: key('OPS-001') } });
    expect(issue!.properties['msp-audit-finding']).toEqual({ findingId: 'req-ops-001-a', checklistId: CHECKLIST, itemId: 'OPS-001' });
    // JQL finds the findings by their label.
    const found = await h.outside('POST', '/rest/api/3/search/jql', { jql: 'project = MSP AND labels = msp-finding', fields: ['key'] });
    expect((found.body as { issues: { key: string }[] }).issues.map((hit) => hit.key)).toEqual([issue!.key]);

    const trail = await h.invoke<TrailPage>('getTrail', {});
    // The trail page names its actors (the cached bulk user lookup) for the page to show.
    expect(trail.people).toMatchObject({ editor: 'Eddie Editor' });
    expect(trail.entries[0]).toMatchObject({ action: 'finding.record', actor: 'editor', checklistId: CHECKLIST, itemId: 'OPS-001', issueKey: key('OPS-001'), after: { finding: issue!.key, due } });
    // Every request the app made is one Jira's OpenAPI description accepts.
    const { api } = await loadJiraOpenApi();
    expect(refusedRequests(api, h.appRequests())).toEqual([]);
    expect(operationIdsOf(api, h.appRequests())).toEqual(expect.arrayContaining(['getMyPermissions', 'createIssues']));

    const listed = await list({ accountId: 'viewer' });
    expect(listed).toMatchObject({ checklistId: CHECKLIST, aws: true, validationDate, dueDate: due, canRecord: false, people: { editor: 'Eddie Editor' } });
    expect(listed.findings.map((finding) => [finding.issueKey, finding.state, finding.daysLeft])).toEqual([[issue!.key, 'open', daysFrom(day(0), due)]]);
    const search = await h.outside('POST', '/rest/api/3/search/jql', { jql: listed.jql, fields: ['key'] });
    expect(search.status).toBe(200);
    expect((search.body as { issues: { key: string }[] }).issues.map((hit) => hit.key)).toEqual([issue!.key]);
  });

  it('in a project without a sub-task type the finding is a task linked to the item issue', async () => {
    h.emulator.clearRequests();
    const result = await record({ checklistId: CHECKLIST, itemId: 'SEC-001', summary: 'MFA not enforced for break-glass accounts' }, { projectKey: 'FLAT' });
    expect(result.finding).toMatchObject({ tie: 'link', state: 'open', dueDate: due, itemIssueKey: key('SEC-001', 'FLAT') });
    const [issue] = await findingIssues('FLAT');
    expect(issue!.fields).toMatchObject({ issuetype: { name: 'Task' }, labels: ['msp-finding'], duedate: due });
    expect(issue!.fields.parent).toBeUndefined();
    const links = issue!.fields.issuelinks as { type: { name: string }; inwardIssue?: { key: string }; outwardIssue?: { key: string } }[];
    expect(links.map((link) => [link.type.name, (link.inwardIssue ?? link.outwardIssue)?.key])).toEqual([['Relates', key('SEC-001', 'FLAT')]]);
    const { api } = await loadJiraOpenApi();
    expect(refusedRequests(api, h.appRequests())).toEqual([]);
    expect(operationIdsOf(api, h.appRequests())).toEqual(expect.arrayContaining(['getIssueLinkTypes', 'linkIssues']));
  });

  it('refuses a viewer, something that is not a checklist item, and text that breaks the rule, writing nothing', async () => {
    const before = h.runtime.kvs.keys().sort();
    const issuesBefore = (await h.issues()).length;
    const trailBefore = (await h.invoke<TrailPage>('getTrail', {})).total;
    await expect(record({ checklistId: CHECKLIST, itemId: 'OPS-002', summary: 'x' }, { accountId: 'viewer' })).rejects.toThrow(`You need the Edit issues permission on ${key('OPS-002')} to record a finding on it.`);
    await expect(record({ checklistId: CHECKLIST, itemId: 'NOT-AN-ITEM', summary: 'x' })).rejects.toThrow(
      'NOT-AN-ITEM is not an item of AWS MSP Validation Checklist 7.1 with an issue the app made in project MSP: record the finding on one of the checklist\'s items; nothing was recorded.',
    );
    await expect(record({ checklistId: CHECKLIST, itemId: 'OPS-002', summary: 'ok\u202Egnp.exe' })).rejects.toThrow('The finding summary contains U+202E');
    await expect(record({ checklistId: CHECKLIST, itemId: 'OPS-002', summary: '' })).rejects.toThrow('Write what the auditor found in the summary');
    await expect(record({ checklistId: 'aws-msp-4.x', itemId: '1.1', summary: 'x' })).rejects.toThrow('is not imported in project MSP');
    expect(h.runtime.kvs.keys().sort()).toEqual(before);
    expect((await h.issues()).length).toBe(issuesBefore);
    expect((await h.invoke<TrailPage>('getTrail', {})).total).toBe(trailBefore);
  });

  it('a create whose answer is lost makes one issue, and the same request sent again makes none', async () => {
    const before = (await findingIssues()).length;
    h.emulator.clearRequests();
    h.emulator.setFaults({ rate500AfterCommit: 1, searchLagMs: 5_000 });
    let first: RecordFindingResult;
    try {
      first = await record({ checklistId: CHECKLIST, itemId: 'OPS-002', summary: 'Runbook missing for failover', requestId: 'req-ops-002-lost' });
    } finally {
      h.emulator.setFaults({});
    }
    expect(first.created).toBe(true);
    // Jira committed the create and answered 500; the app read the keys back instead of sending it again.
    const creates = h.appRequests().filter((request) => request.path === '/rest/api/3/issue/bulk');
    expect(creates.map((request) => request.status)).toEqual([500]);
    const again = await record({ checklistId: CHECKLIST, itemId: 'OPS-002', summary: 'Runbook missing for failover', requestId: 'req-ops-002-lost' });
    expect(again.created).toBe(false);
    expect(again.finding.issueKey).toBe(first.finding.issueKey);
    const made = (await findingIssues()).filter((issue) => (issue.properties['msp-audit-finding'] as { findingId?: string } | undefined)?.findingId === 'req-ops-002-lost');
    expect(made.map((issue) => issue.key)).toEqual([first.finding.issueKey]);
    expect((await findingIssues()).length).toBe(before + 1);
    const trail = await h.invoke<TrailPage>('getTrail', {});
    expect(trail.entries.filter((entry) => entry.action === 'finding.record' && entry.itemId === 'OPS-002')).toHaveLength(1);
  });

  it('closing the finding issue in Jira closes the finding', async () => {
    const open = (await list()).findings.find((finding) => finding.itemId === 'OPS-001')!;
    await h.transition(open.issueKey!, 'Done');
    const after = await list();
    const closed = after.findings.find((finding) => finding.id === open.id)!;
    expect(closed.state).toBe('closed');
    // Open findings first.
    expect(after.findings[after.findings.length - 1]!.id).toBe(open.id);
    expect(after.findings.filter((finding) => finding.state === 'open').map((finding) => finding.itemId)).toEqual(['OPS-002']);
  });
});

/** Index lag on every search, reconcileIssues, bulk property writes, bulk label edits and issue links. */
import { caller, issuePayload, makeEmulator, type Caller } from './helpers';
import type { JiraEmulatorApi } from '../../jira';

describe('search index lag and reconcileIssues', () => {
  let emu: JiraEmulatorApi;
  let call: Caller;
  beforeEach(() => {
    emu = makeEmulator();
    call = caller(emu);
  });

  it('hides new issues from search with fields, ids only and approximate count; bulkfetch and reconcileIssues see them', async () => {
    await call('POST', '/issue', issuePayload({ summary: 'old' }));
    emu.setFaults({ searchLagMs: 60_000 });
    const fresh = (await call('POST', '/issue', issuePayload({ summary: 'new' }))).json as { id: string; key: string };
    const keys = async (body: Record<string, unknown>): Promise<string[]> =>
      ((await call('POST', '/search/jql', { jql: 'project = MSP', fields: ['key'], ...body })).json.issues as { key: string }[]).map((issue) => issue.key);
    expect(await keys({})).toEqual(['MSP-1']);
    expect(((await call('POST', '/search/jql', { jql: 'project = MSP', fields: ['summary'] })).json.issues as unknown[]).length).toBe(1);
    expect((await call('POST', '/search/approximate-count', { jql: 'project = MSP' })).json.count).toBe(1);
    expect(await keys({ reconcileIssues: [Number(fresh.id)] })).toEqual([fresh.key, 'MSP-1']);
    expect(((await call('POST', '/issue/bulkfetch', { issueIdsOrKeys: [fresh.key] })).json.issues as unknown[]).length).toBe(1);
    expect((await call('POST', '/search/jql', { jql: 'project = MSP', reconcileIssues: Array.from({ length: 51 }, (_, i) => i + 1) })).status).toBe(400);
    emu.setFaults({});
    expect(await keys({})).toEqual([fresh.key, 'MSP-1']);
  });
});

describe('bulk writes', () => {
  let emu: JiraEmulatorApi;
  let call: Caller;
  beforeEach(async () => {
    emu = makeEmulator();
    call = caller(emu);
    for (const summary of ['a', 'b']) await call('POST', '/issue', issuePayload({ summary }));
  });

  it('sets properties on many issues as a task (303 to /task/{id}), naming issues it could not write', async () => {
    const res = await call('POST', '/issue/properties/multi', { issues: [{ issueID: 10000, properties: { p: { n: 1 } } }, { issueID: 99999, properties: { p: { n: 2 } } }] });
    expect(res.status).toBe(303);
    const taskPath = new URL(res.headers.location!).pathname.replace(/^\/jira/, '');
    const task = await call('GET', taskPath);
    expect(task.json).toMatchObject({ status: 'COMPLETE', result: { processed: [10000], failed: { '99999': [expect.any(String)] } } });
    expect((await call('GET', '/issue/MSP-1/properties/p')).json.value).toEqual({ n: 1 });
    expect((await call('GET', taskPath, undefined, { actor: 'viewer' })).status).toBe(403);
    expect((await call('POST', '/issue/properties/multi', { issues: Array.from({ length: 101 }, (_, i) => ({ issueID: i, properties: { p: 1 } })) })).status).toBe(400);
  });

  it('bulk-edits labels with the Make bulk changes permission, and refuses without it', async () => {
    const res = await call('POST', '/bulk/issues/fields', {
      selectedActions: ['labels'],
      selectedIssueIdsOrKeys: ['MSP-1', 'MSP-2'],
      editedFieldsInput: { labelsFields: [{ fieldId: 'labels', bulkEditMultiSelectFieldOption: 'ADD', labels: [{ name: 'x' }] }] },
    });
    expect(res.status).toBe(201);
    const progress = await call('GET', `/bulk/queue/${String(res.json.taskId)}`);
    expect(progress.json).toMatchObject({ status: 'COMPLETE', processedAccessibleIssues: [10000, 10001], totalIssueCount: 2 });
    expect((await call('GET', '/issue/MSP-2')).json.fields).toMatchObject({ labels: ['x'] });
    const refused = await call('POST', '/bulk/issues/fields', { selectedActions: ['labels'], selectedIssueIdsOrKeys: ['MSP-1'], editedFieldsInput: { labelsFields: [] } }, { actor: 'lead' });
    expect(refused.status).toBe(403);
  });

  it('links issues once and shows the link on both', async () => {
    const link = { type: { name: 'Duplicate' }, inwardIssue: { key: 'MSP-1' }, outwardIssue: { key: 'MSP-2' } };
    expect((await call('POST', '/issueLink', link)).status).toBe(201);
    expect((await call('POST', '/issueLink', link)).status).toBe(201);
    const outward = (await call('GET', '/issue/MSP-2', undefined, { query: { fields: 'issuelinks' } })).json.fields as { issuelinks: { outwardIssue?: { key: string } }[] };
    expect(outward.issuelinks).toHaveLength(1);
    expect(outward.issuelinks[0]!.outwardIssue!.key).toBe('MSP-1');
    const inward = (await call('GET', '/issue/MSP-1', undefined, { query: { fields: 'issuelinks' } })).json.fields as { issuelinks: { inwardIssue?: { key: string } }[] };
    expect(inward.issuelinks[0]!.inwardIssue!.key).toBe('MSP-2');
    expect((await call('POST', '/issueLink', { ...link, type: { name: 'Nope' } })).status).toBe(404);
  });
});

describe('index lag on changes', () => {
  it('matches a changed issue on its old values until the lag passes; reconcileIssues and bulkfetch see the change', async () => {
    const emu = makeEmulator();
    const call = caller(emu);
    await call('POST', '/issue', issuePayload({ summary: 'a', labels: ['old'] }));
    emu.setFaults({ searchLagMs: 60_000 });
    await call('PUT', '/issue/MSP-1', { fields: { labels: ['new'] } });
    await call('PUT', '/issue/MSP-1/properties/p', { state: 'retired' });
    const count = async (jql: string, extra: Record<string, unknown> = {}): Promise<number> => ((await call('POST', '/search/jql', { jql, fields: ['labels'], ...extra })).json.issues as unknown[]).length;
    expect(await count('labels = old')).toBe(1);
    expect(await count('labels = new')).toBe(0);
    expect(await count('labels = new', { reconcileIssues: [10000] })).toBe(1);
    // The hit carries the issue as it is now.
    expect(((await call('POST', '/search/jql', { jql: 'labels = old', fields: ['labels'] })).json.issues as { fields: { labels: string[] } }[])[0]!.fields.labels).toEqual(['new']);
    emu.setFaults({});
    expect(await count('labels = new')).toBe(1);
    expect(await count('labels = old')).toBe(0);
  });
});

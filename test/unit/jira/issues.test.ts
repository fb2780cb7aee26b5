/** Bulk create (chunking, partial failures, element retries), edits, properties and app field values. */
import { createJiraClient, type IssueCreateInput } from '../../../src/jira';
import { JiraError } from '../../../src/jira/errors';
import { findAppField, planAppFieldRequests } from '../../../src/jira/fields';
import { fakeJira, recordingSleep, sequence, type PlatformCall, type Reply } from './fake-platform';

const input = (n: number): IssueCreateInput => ({ fields: { project: { key: 'MSP' }, issuetype: { id: '10001' }, summary: `item ${n}` } });
const inputs = (count: number): IssueCreateInput[] => Array.from({ length: count }, (_, i) => input(i));
const summaries = (call: PlatformCall): string[] => (call.body as { issueUpdates: IssueCreateInput[] }).issueUpdates.map((u) => u.fields.summary);

let nextKey = 1;
/** Jira's bulk answer: created issues for the elements not listed in `fail`, in request order. */
function bulkReply(call: PlatformCall, fail: Record<number, { status: number; errors?: Record<string, string> }> = {}): Reply {
  const count = summaries(call).length;
  const issues = [];
  const errors = [];
  for (let i = 0; i < count; i++) {
    const failure = fail[i];
    if (failure) errors.push({ status: failure.status, failedElementNumber: i, elementErrors: { errorMessages: [], errors: failure.errors ?? {} } });
    else {
      const n = nextKey++;
      issues.push({ id: String(20000 + n), key: `MSP-${n}`, self: `https://x/rest/api/3/issue/${20000 + n}` });
    }
  }
  return { status: issues.length > 0 ? 201 : 400, body: { issues, errors } };
}

function client() {
  const clock = recordingSleep();
  return { jira: createJiraClient({ sleep: clock.sleep, random: () => 0 }), waits: clock.waits };
}

beforeEach(() => {
  nextKey = 1;
});

describe('bulkCreateIssues', () => {
  describe('when given more than 50 issues', () => {
    it('sends chunks of at most 50 and returns results in input order', async () => {
      const { calls } = fakeJira((call) => bulkReply(call));
      const results = await client().jira.bulkCreateIssues({ issues: inputs(120) });
      expect(calls.map((c) => summaries(c).length)).toEqual([50, 50, 20]);
      expect(calls.every((c) => c.method === 'POST' && c.path === '/rest/api/3/issue/bulk' && c.provider === 'app')).toBe(true);
      expect(results).toHaveLength(120);
      expect(results[0]).toEqual({ ok: true, id: '20001', key: 'MSP-1' });
      expect(results[119]).toEqual({ ok: true, id: '20120', key: 'MSP-120' });
    });
  });

  describe('when some elements fail', () => {
    it('maps failedElementNumber to the right input and keeps the others', async () => {
      fakeJira((call) => bulkReply(call, { 1: { status: 400, errors: { summary: 'You must specify a summary of the issue.' } } }));
      const results = await client().jira.bulkCreateIssues({ issues: inputs(3) });
      expect(results).toEqual([
        { ok: true, id: '20001', key: 'MSP-1' },
        { ok: false, status: 400, errorMessages: [], errors: { summary: 'You must specify a summary of the issue.' } },
        { ok: true, id: '20002', key: 'MSP-2' },
      ]);
    });

    it('retries only the elements that failed with 429 or 5xx', async () => {
      const { calls } = fakeJira((call, index) =>
        index === 0 ? bulkReply(call, { 2: { status: 429 }, 5: { status: 503 }, 7: { status: 400, errors: { labels: 'bad' } } }) : bulkReply(call),
      );
      const { jira, waits } = client();
      const results = await jira.bulkCreateIssues({ issues: inputs(8) });
      expect(calls.map(summaries)).toEqual([['item 0', 'item 1', 'item 2', 'item 3', 'item 4', 'item 5', 'item 6', 'item 7'], ['item 2', 'item 5']]);
      expect(waits).toHaveLength(1);
      expect(results.filter((r) => r.ok)).toHaveLength(7);
      expect(results[7]).toMatchObject({ ok: false, status: 400, errors: { labels: 'bad' } });
      expect(results[2]).toMatchObject({ ok: true, key: 'MSP-6' });
      expect(results[5]).toMatchObject({ ok: true, key: 'MSP-7' });
    });

    it('reports an element that stays rate limited after the last round', async () => {
      const { calls } = fakeJira((call) => bulkReply(call, { 0: { status: 429 } }));
      const results = await client().jira.bulkCreateIssues({ issues: inputs(1) });
      expect(calls).toHaveLength(4);
      expect(results[0]).toMatchObject({ ok: false, status: 429 });
    });

    it('reads the all-failed 400 as per-element results', async () => {
      fakeJira((call) => bulkReply(call, { 0: { status: 400, errors: { summary: 'too long' } }, 1: { status: 400, errors: { summary: 'too long' } } }));
      const results = await client().jira.bulkCreateIssues({ issues: inputs(2) });
      expect(results.map((r) => r.ok)).toEqual([false, false]);
    });

    it('throws a JiraError for a 400 without element errors (a malformed request)', async () => {
      fakeJira(sequence({ status: 400, body: { errorMessages: ['Invalid request payload.'], errors: {} } }));
      await expect(client().jira.bulkCreateIssues({ issues: inputs(2) })).rejects.toThrow(JiraError);
    });

    it('retries a whole-request 429 like any call', async () => {
      const { calls } = fakeJira((call, index) => (index === 0 ? { status: 429, headers: { 'retry-after': '2' } } : bulkReply(call)));
      const { jira, waits } = client();
      await expect(jira.bulkCreateIssues({ issues: inputs(2) })).resolves.toHaveLength(2);
      expect(calls).toHaveLength(2);
      expect(waits).toEqual([2000]);
    });
  });
});

describe('issue edits and properties', () => {
  it('editIssue sends fields and label operations with PUT', async () => {
    const { calls } = fakeJira(sequence({ status: 204 }));
    await client().jira.editIssue({ issueKey: 'MSP-7', fields: { summary: '3.4 Vulnerability management' }, update: { labels: [{ add: 'msp-retired' }] } });
    expect(calls[0]).toMatchObject({
      method: 'PUT',
      path: '/rest/api/3/issue/MSP-7',
      body: { fields: { summary: '3.4 Vulnerability management' }, update: { labels: [{ add: 'msp-retired' }] } },
    });
  });

  it('setIssueProperty puts the value as the body', async () => {
    const { calls } = fakeJira(sequence({ status: 200 }));
    await client().jira.setIssueProperty({ issueKey: 'MSP-7', propertyKey: 'msp-audit-item', value: { itemId: '3.4' } });
    expect(calls[0]).toMatchObject({ method: 'PUT', path: '/rest/api/3/issue/MSP-7/properties/msp-audit-item', body: { itemId: '3.4' } });
  });

  it.each([
    ['an existing property', { status: 200, body: { key: 'msp-audit-item', value: { itemId: '1.1' } } }, { itemId: '1.1' }],
    ['a missing property', { status: 404, body: { errorMessages: ['The property with key msp-audit-item does not exist.'] } }, undefined],
  ])('getIssueProperty returns the value of %s', async (_case, reply, expected) => {
    fakeJira(sequence(reply as Reply));
    await expect(client().jira.getIssueProperty({ issueKey: 'MSP-1', propertyKey: 'msp-audit-item' })).resolves.toEqual(expected);
  });
});

describe('app fields', () => {
  const fields = [
    { id: 'summary', name: 'Summary', custom: false, schema: { type: 'string', system: 'summary' } },
    { id: 'customfield_10050', name: 'Audit points', custom: true, schema: { type: 'number', custom: 'ari:cloud:ecosystem::extension/app-id/env-id/static/audit-points' } },
    { id: 'customfield_10051', name: 'Other app points', custom: true, schema: { type: 'number', custom: 'ari:cloud:ecosystem::extension/x/y/static/audit-points-v2' } },
  ];

  it('finds the app field by the module key at the end of schema.custom', async () => {
    expect(findAppField(fields, 'audit-points')?.id).toBe('customfield_10050');
    expect(findAppField(fields, 'evidence')).toBeUndefined();
    fakeJira(sequence({ status: 200, body: fields }));
    await expect(client().jira.findAppField({ moduleKey: 'audit-points' })).resolves.toMatchObject({ id: 'customfield_10050' });
  });

  describe('planAppFieldRequests', () => {
    it('groups issues by value into one request', () => {
      const requests = planAppFieldRequests('customfield_10050', [
        { issueId: '1', value: 100 },
        { issueId: '2', value: 50 },
        { issueId: '3', value: 100 },
        { issueId: '2', value: 100 },
      ]);
      expect(requests).toEqual([[{ customField: 'customfield_10050', issueIds: [1, 2, 3], value: 100 }]]);
    });

    it('splits past 1,000 issues per request', () => {
      const values = Array.from({ length: 2500 }, (_, i) => ({ issueId: String(i + 1), value: i % 2 === 0 ? 10 : 20 }));
      const requests = planAppFieldRequests('customfield_10050', values);
      expect(requests.map((updates) => updates.reduce((sum, u) => sum + u.issueIds.length, 0))).toEqual([1000, 1000, 500]);
      expect(requests.flat().flatMap((u) => u.issueIds).sort((a, b) => a - b)).toEqual(values.map((v) => Number(v.issueId)));
    });
  });

  it('setAppFieldValues posts with generateAppEvents=false and reports the request count', async () => {
    const { calls } = fakeJira(sequence({ status: 204 }));
    await expect(
      client().jira.setAppFieldValues({ fieldId: 'customfield_10050', values: [{ issueId: '10001', value: 30 }, { issueId: '10002', value: 40 }] }),
    ).resolves.toBe(1);
    expect(calls[0]).toMatchObject({ method: 'POST', path: '/rest/api/3/app/field/value', provider: 'app' });
    expect(calls[0]!.query.get('generateAppEvents')).toBe('false');
    expect(calls[0]!.body).toEqual({
      updates: [
        { customField: 'customfield_10050', issueIds: [10001], value: 30 },
        { customField: 'customfield_10050', issueIds: [10002], value: 40 },
      ],
    });
  });
});

/** JQL search paging and the calls that read projects, permissions and fields. */
import { createJiraClient } from '../../../src/jira';
import { JiraResponseError } from '../../../src/jira/errors';
import { fakeJira, recordingSleep, sequence, type PlatformCall, type Reply } from './fake-platform';

const jira = () => createJiraClient({ sleep: recordingSleep().sleep, random: () => 0 });
const issue = (n: number) => ({ id: String(10000 + n), key: `MSP-${n}`, fields: { labels: ['msp-audit'] }, properties: { 'msp-audit-item': { itemId: String(n) } } });

describe('searchJql', () => {
  describe('when the result spans several pages', () => {
    it('follows nextPageToken until isLast and returns every issue in order', async () => {
      const { calls } = fakeJira(
        sequence(
          { status: 200, body: { issues: [issue(1), issue(2)], nextPageToken: 'p2', isLast: false } },
          { status: 200, body: { issues: [issue(3)], nextPageToken: 'p3', isLast: false } },
          { status: 200, body: { issues: [issue(4)], isLast: true } },
        ),
      );
      const issues = await jira().searchJql({ jql: 'project = "MSP"', fields: ['labels'], properties: ['msp-audit-item'] });
      expect(issues.map((i) => i.key)).toEqual(['MSP-1', 'MSP-2', 'MSP-3', 'MSP-4']);
      expect(calls.map((c) => [c.method, c.path, c.provider])).toEqual(Array(3).fill(['POST', '/rest/api/3/search/jql', 'app']));
      expect(calls.map((c) => (c.body as { nextPageToken?: string }).nextPageToken)).toEqual([undefined, 'p2', 'p3']);
      expect(calls[0]!.body).toEqual({ jql: 'project = "MSP"', fields: ['labels'], properties: ['msp-audit-item'], maxResults: 100 });
    });

    it('stops when a page has no nextPageToken even without isLast', async () => {
      const { calls } = fakeJira(sequence({ status: 200, body: { issues: [issue(1)] } }));
      await expect(jira().searchJql({ jql: 'x' })).resolves.toHaveLength(1);
      expect(calls).toHaveLength(1);
    });

    it('refuses a token that repeats instead of looping', async () => {
      fakeJira(sequence({ status: 200, body: { issues: [issue(1)], nextPageToken: 'same', isLast: false } }));
      await expect(jira().searchJql({ jql: 'x' })).rejects.toThrow(JiraResponseError);
    });

    it('fails after 1,000 pages instead of returning part of the matches', async () => {
      const { calls } = fakeJira((_call, index) => ({ status: 200, body: { issues: [issue(index)], nextPageToken: `p${index + 1}`, isLast: false } }));
      await expect(jira().searchJql({ jql: 'x' })).rejects.toThrow(/more results after 1000 search pages \(1000 issues\)/);
      expect(calls).toHaveLength(1000);
    });

    it('retries a rate-limited page without losing its place', async () => {
      const { calls } = fakeJira(
        sequence(
          { status: 200, body: { issues: [issue(1)], nextPageToken: 'p2', isLast: false } },
          { status: 429, headers: { 'retry-after': '1' }, body: { errorMessages: ['Rate limit exceeded.'] } },
          { status: 200, body: { issues: [issue(2)], isLast: true } },
        ),
      );
      await expect(jira().searchJql({ jql: 'x', fields: ['status'] })).resolves.toHaveLength(2);
      expect(calls.map((c) => (c.body as { nextPageToken?: string }).nextPageToken)).toEqual([undefined, 'p2', 'p2']);
    });
  });

  describe('when choosing the page size', () => {
    it.each([
      ['ids only', {}, 5000, ['id']],
      ['ids and keys only', { fields: ['id', 'key'] }, 5000, ['id', 'key']],
      ['fields', { fields: ['status'] }, 100, ['status']],
      ['properties only', { properties: ['msp-audit-item'] }, 100, []],
      ['an explicit size', { fields: ['status'], maxResults: 20 }, 20, ['status']],
    ])('asks for the maximum Jira allows (%s)', async (_case, args, maxResults, fields) => {
      const { calls } = fakeJira(sequence({ status: 200, body: { issues: [], isLast: true } }));
      await jira().searchJql({ jql: 'x', ...args });
      expect(calls[0]!.body).toMatchObject({ maxResults, fields });
    });

    it('searches as the user when asked', async () => {
      const { calls } = fakeJira(sequence({ status: 200, body: { issues: [], isLast: true } }));
      await jira().searchJql({ jql: 'x', as: 'user' });
      expect(calls[0]!.provider).toBe('user');
    });
  });
});

describe('approximateCount', () => {
  it('posts the JQL and returns the count', async () => {
    const { calls } = fakeJira(sequence({ status: 200, body: { count: 61 } }));
    await expect(jira().approximateCount({ jql: 'project = MSP' })).resolves.toBe(61);
    expect(calls[0]).toMatchObject({ method: 'POST', path: '/rest/api/3/search/approximate-count', body: { jql: 'project = MSP' } });
  });
});

describe('getCreateMetaIssueTypes', () => {
  it('pages with startAt until total is reached', async () => {
    const types = Array.from({ length: 250 }, (_, i) => ({ id: String(i), name: `Type ${i}`, subtask: false, hierarchyLevel: 0 }));
    const { calls } = fakeJira((call) => {
      const startAt = Number(call.query.get('startAt'));
      return { status: 200, body: { issueTypes: types.slice(startAt, startAt + 200), startAt, maxResults: 200, total: 250 } };
    });
    await expect(jira().getCreateMetaIssueTypes({ projectKey: 'MSP' })).resolves.toHaveLength(250);
    expect(calls.map((c) => [c.path, c.query.get('startAt'), c.query.get('maxResults')])).toEqual([
      ['/rest/api/3/issue/createmeta/MSP/issuetypes', '0', '200'],
      ['/rest/api/3/issue/createmeta/MSP/issuetypes', '200', '200'],
    ]);
  });
});

describe('permissions', () => {
  it('getMyPermissions asks as the user and reads havePermission', async () => {
    const { calls } = fakeJira(
      sequence({ status: 200, body: { permissions: { BROWSE_PROJECTS: { havePermission: true }, CREATE_ISSUES: { havePermission: false } } } }),
    );
    await expect(jira().getMyPermissions({ projectKey: 'MSP', permissions: ['BROWSE_PROJECTS', 'CREATE_ISSUES'] })).resolves.toEqual({
      BROWSE_PROJECTS: true,
      CREATE_ISSUES: false,
    });
    const call = calls[0] as PlatformCall;
    expect([call.provider, call.path, call.query.get('projectKey'), call.query.get('permissions')]).toEqual([
      'user',
      '/rest/api/3/mypermissions',
      'MSP',
      'BROWSE_PROJECTS,CREATE_ISSUES',
    ]);
  });

  it('checkPermissions asks as the app for another account', async () => {
    const reply: Reply = { status: 200, body: { globalPermissions: [], projectPermissions: [{ permission: 'BROWSE_PROJECTS', projects: [10000], issues: [] }] } };
    const { calls } = fakeJira(sequence(reply));
    await expect(jira().checkPermissions({ accountId: 'viewer', projectId: '10000', permissions: ['BROWSE_PROJECTS', 'CREATE_ISSUES'] })).resolves.toEqual({
      BROWSE_PROJECTS: true,
      CREATE_ISSUES: false,
    });
    expect(calls[0]).toMatchObject({
      provider: 'app',
      method: 'POST',
      path: '/rest/api/3/permissions/check',
      body: { accountId: 'viewer', projectPermissions: [{ permissions: ['BROWSE_PROJECTS', 'CREATE_ISSUES'], projects: [10000] }] },
    });
  });
});

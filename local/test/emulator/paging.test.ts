import type { JiraEmulatorApi } from '../../jira';
import { caller, createIssues, makeEmulator, type Caller } from './helpers';

let emu: JiraEmulatorApi;
let call: Caller;
beforeAll(async () => {
  emu = makeEmulator();
  call = caller(emu);
  await createIssues(
    call,
    Array.from({ length: 230 }, (_, i) => ({ summary: `Item ${i + 1}`, labels: [i % 2 ? 'odd' : 'even'] })),
  );
});

async function collect(body: Record<string, unknown>): Promise<{ keys: string[]; pages: number; sizes: number[] }> {
  const keys: string[] = [];
  const sizes: number[] = [];
  let token: string | undefined;
  let pages = 0;
  do {
    const res = await call('POST', '/search/jql', { ...body, ...(token ? { nextPageToken: token } : {}) });
    expect(res.status).toBe(200);
    const issues = res.json.issues as { id: string; key?: string }[];
    keys.push(...issues.map((i) => i.key ?? i.id));
    sizes.push(issues.length);
    token = res.json.nextPageToken as string | undefined;
    expect(res.json.isLast).toBe(token === undefined);
    pages++;
  } while (token);
  return { keys, pages, sizes };
}

describe('search/jql paging', () => {
  it('pages by nextPageToken with the default page size of 50, every issue exactly once', async () => {
    const { keys, sizes } = await collect({ jql: 'project = MSP ORDER BY key', fields: ['summary'] });
    expect(sizes).toEqual([50, 50, 50, 50, 30]);
    expect(keys).toEqual(Array.from({ length: 230 }, (_, i) => `MSP-${i + 1}`));
  });

  it('answers ids only by default, and up to 5000 a page for ids', async () => {
    const res = await call('GET', '/search/jql', undefined, { query: { jql: 'project = MSP', maxResults: '5000' } });
    const issues = res.json.issues as Record<string, unknown>[];
    expect(issues).toHaveLength(230);
    expect(issues[0]).toEqual({ id: '10229' });
    expect(res.json).toEqual(expect.objectContaining({ isLast: true }));
    expect(res.json).not.toHaveProperty('nextPageToken');
  });

  it('caps a page at 100 when fields are requested', async () => {
    const { sizes } = await collect({ jql: 'project = MSP', fields: ['summary', 'status'], maxResults: 1000 });
    expect(sizes).toEqual([100, 100, 30]);
  });

  it('caps a page at 100 when properties are requested, even with ids only (5,000 is for id or key only)', async () => {
    const { sizes } = await collect({ jql: 'project = MSP', fields: ['key'], properties: ['p'], maxResults: 5000 });
    expect(sizes).toEqual([100, 100, 30]);
    const idsOnly = await collect({ jql: 'project = MSP', fields: ['key'], maxResults: 5000 });
    expect(idsOnly.sizes).toEqual([230]);
  });

  it('answers {id, key} when only the key is requested', async () => {
    const res = await call('POST', '/search/jql', { jql: 'key = MSP-7', fields: ['key'] });
    expect(res.json.issues).toEqual([{ id: '10006', key: 'MSP-7' }]);
  });

  it('returns properties with ids only', async () => {
    await call('PUT', '/issue/MSP-7/properties/p', { a: 1 });
    const res = await call('POST', '/search/jql', { jql: 'key = MSP-7', properties: ['p'] });
    expect(res.json.issues).toEqual([{ id: '10006', properties: { p: { a: 1 } } }]);
  });

  it('pages through GET as well, with a small page size', async () => {
    const keys: string[] = [];
    let token: string | undefined;
    do {
      const res = await call('GET', '/search/jql', undefined, { query: { jql: 'labels = odd ORDER BY key', fields: 'summary', maxResults: '40', ...(token ? { nextPageToken: token } : {}) } });
      keys.push(...(res.json.issues as { key: string }[]).map((i) => i.key));
      token = res.json.nextPageToken as string | undefined;
    } while (token);
    expect(keys).toHaveLength(115);
    expect(new Set(keys).size).toBe(115);
  });

  it('refuses a token from another query and a made-up token', async () => {
    const first = await call('POST', '/search/jql', { jql: 'project = MSP', maxResults: 10 });
    const token = first.json.nextPageToken as string;
    for (const bad of [{ jql: 'labels = odd', nextPageToken: token }, { jql: 'project = MSP', nextPageToken: 'not-a-token' }]) {
      const res = await call('POST', '/search/jql', bad);
      expect(res.status).toBe(400);
      expect(res.json.errorMessages).toEqual(['The provided next page token is invalid or expired.']);
    }
  });

  it('counts with approximate-count', async () => {
    expect((await call('POST', '/search/approximate-count', { jql: 'labels = even' })).json).toEqual({ count: 115 });
  });

  it('answers the removed /search with 410', async () => {
    const res = await call('GET', '/search', undefined, { query: { jql: 'project = MSP' } });
    expect(res.status).toBe(410);
  });
});

describe('POST /issue/bulkfetch', () => {
  it('returns issues in id order with errors for the missing ones', async () => {
    const res = await call('POST', '/issue/bulkfetch', { issueIdsOrKeys: ['MSP-3', '10000', 'MSP-999'], fields: ['summary'] });
    expect((res.json.issues as { key: string }[]).map((i) => i.key)).toEqual(['MSP-1', 'MSP-3']);
    expect(res.json.issueErrors).toEqual([{ id: 'MSP-999', errorMessage: 'Issue does not exist or you do not have permission to see it.' }]);
  });

  it('refuses more than 100 ids and none', async () => {
    expect((await call('POST', '/issue/bulkfetch', { issueIdsOrKeys: Array.from({ length: 101 }, (_, i) => `MSP-${i + 1}`) })).status).toBe(400);
    expect((await call('POST', '/issue/bulkfetch', { issueIdsOrKeys: [] })).status).toBe(400);
  });
});

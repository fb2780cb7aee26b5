import Fastify, { type FastifyInstance } from 'fastify';
import { registerJiraRoutes, type JiraEmulatorApi } from '../../jira';
import { issuePayload, makeEmulator } from './helpers';

/*
 * Over a real socket rather than inject(): inject loads light-my-request, which requires the
 * ES-module-only `cookie` package, and jest (CommonJS on Node 20) cannot load that.
 */
let app: FastifyInstance;
let emu: JiraEmulatorApi;
let base: string;

interface Injected {
  statusCode: number;
  headers: Record<string, string>;
  body: string;
  json(): any; // eslint-disable-line @typescript-eslint/no-explicit-any -- test-only convenience, like inject()'s json()
}

async function inject(o: { method: string; url: string; headers?: Record<string, string>; payload?: unknown }): Promise<Injected> {
  const headers: Record<string, string> = { ...(o.headers ?? {}) };
  let body: string | undefined;
  if (o.payload !== undefined) {
    body = typeof o.payload === 'string' ? o.payload : JSON.stringify(o.payload);
    headers['content-type'] ??= 'application/json';
  }
  const res = await fetch(`${base}${o.url}`, { method: o.method, headers, ...(body !== undefined ? { body } : {}) });
  const text = await res.text();
  return { statusCode: res.status, headers: Object.fromEntries(res.headers.entries()), body: text, json: () => JSON.parse(text) };
}

beforeEach(async () => {
  emu = makeEmulator();
  app = Fastify();
  // Another route beside the plugin: its JSON parsing must stay fastify's own.
  app.post('/other', async (req) => ({ got: req.body }));
  registerJiraRoutes(app, emu, { prefix: '/jira' });
  base = await app.listen({ port: 0, host: '127.0.0.1' });
});
afterEach(() => app.close());

describe('registerJiraRoutes', () => {
  it('serves the REST API as admin by default, origin outside', async () => {
    const res = await inject({ method: 'GET', url: '/jira/rest/api/3/myself' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^application\/json/);
    expect(res.json()).toMatchObject({ accountId: 'admin' });
    expect(emu.requests()[0]).toMatchObject({ path: '/rest/api/3/myself', actor: 'admin', origin: 'outside' });
  });

  it('acts as the X-Account-Id account', async () => {
    const res = await inject({ method: 'POST', url: '/jira/rest/api/3/issue', headers: { 'x-account-id': 'viewer' }, payload: issuePayload() });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toEqual({ errorMessages: [], errors: { project: 'You do not have permission to create issues in this project.' } });
    expect((await inject({ method: 'GET', url: '/jira/rest/api/3/myself', headers: { 'x-account-id': 'ghost' } })).statusCode).toBe(401);
  });

  it('passes repeated and comma-separated query parameters', async () => {
    await inject({ method: 'POST', url: '/jira/rest/api/3/issue', payload: issuePayload({ labels: ['l1'] }) });
    const res = await inject({ method: 'GET', url: '/jira/rest/api/3/issue/MSP-1?fields=summary&fields=labels,status' });
    expect(Object.keys(res.json().fields).sort()).toEqual(['labels', 'status', 'summary']);
    const search = await inject({ method: 'GET', url: `/jira/rest/api/3/search/jql?jql=${encodeURIComponent('labels = l1')}&fields=key` });
    expect(search.json()).toEqual({ issues: [{ id: '10000', key: 'MSP-1' }], isLast: true });
  });

  it('answers 204 with no body, and Retry-After on a 429', async () => {
    await inject({ method: 'POST', url: '/jira/rest/api/3/issue', payload: issuePayload() });
    const put = await inject({ method: 'PUT', url: '/jira/rest/api/3/issue/MSP-1', payload: { fields: { summary: 'x' } } });
    expect(put.statusCode).toBe(204);
    expect(put.body).toBe('');
    await inject({ method: 'POST', url: '/jira/__admin/faults', payload: { rate429: 1, retryAfterS: 2 } });
    const limited = await inject({ method: 'GET', url: '/jira/rest/api/3/myself' });
    expect(limited.statusCode).toBe(429);
    expect(limited.headers['retry-after']).toBe('2');
    expect(limited.json()).toEqual({ errorMessages: ['Rate limit exceeded.'], errors: {} });
  });

  it('never applies faults to the admin routes', async () => {
    await inject({ method: 'POST', url: '/jira/__admin/faults', payload: { rate500: 1 } });
    expect((await inject({ method: 'GET', url: '/jira/__admin/requests' })).statusCode).toBe(200);
    expect((await inject({ method: 'POST', url: '/jira/__admin/faults', payload: {} })).statusCode).toBe(204);
    expect((await inject({ method: 'GET', url: '/jira/rest/api/3/myself' })).statusCode).toBe(200);
  });

  it('refuses bad fault settings', async () => {
    const res = await inject({ method: 'POST', url: '/jira/__admin/faults', payload: { rate429: 2 } });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toEqual({ error: 'rate429 must be a number from 0 to 1.' });
  });

  it('answers malformed JSON with Jira’s invalid payload message, leaving other routes alone', async () => {
    const res = await inject({ method: 'POST', url: '/jira/rest/api/3/issue', headers: { 'content-type': 'application/json' }, payload: '{nope' });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toEqual({ errorMessages: ['Invalid request payload. Refer to the REST API documentation and try again.'], errors: {} });
    expect((await inject({ method: 'POST', url: '/other', payload: { a: 1 } })).json()).toEqual({ got: { a: 1 } });
    expect((await inject({ method: 'POST', url: '/other', headers: { 'content-type': 'application/json' }, payload: '{nope' })).statusCode).toBe(400);
  });

  it('accepts a DELETE with a JSON content type and no body', async () => {
    await inject({ method: 'POST', url: '/jira/rest/api/3/issue', payload: issuePayload() });
    await inject({ method: 'PUT', url: '/jira/rest/api/3/issue/MSP-1/properties/p', payload: { a: 1 } });
    const res = await inject({ method: 'DELETE', url: '/jira/rest/api/3/issue/MSP-1/properties/p', headers: { 'content-type': 'application/json' } });
    expect(res.statusCode).toBe(204);
  });

  it('lists, clears and resets through the admin routes', async () => {
    await inject({ method: 'POST', url: '/jira/rest/api/3/issue', payload: issuePayload() });
    const log = (await inject({ method: 'GET', url: '/jira/__admin/requests' })).json();
    expect(log).toEqual([expect.objectContaining({ method: 'POST', path: '/rest/api/3/issue', status: 201, actor: 'admin', origin: 'outside', body: issuePayload() })]);
    expect((await inject({ method: 'DELETE', url: '/jira/__admin/requests' })).statusCode).toBe(204);
    expect((await inject({ method: 'GET', url: '/jira/__admin/requests' })).json()).toEqual([]);
    expect((await inject({ method: 'POST', url: '/jira/__admin/reset' })).statusCode).toBe(204);
    expect((await inject({ method: 'GET', url: '/jira/rest/api/3/issue/MSP-1' })).statusCode).toBe(404);
  });

  it('adds projects through the admin route', async () => {
    const res = await inject({ method: 'POST', url: '/jira/__admin/projects', payload: { key: 'NOEPIC', name: 'No epics', issueTypes: ['Task', 'Sub-task'] } });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toEqual({ id: '10001', key: 'NOEPIC' });
    const types = (await inject({ method: 'GET', url: '/jira/rest/api/3/issue/createmeta/NOEPIC/issuetypes' })).json().issueTypes;
    expect(types.map((t: { name: string }) => t.name)).toEqual(['Task', 'Sub-task']);
    expect((await inject({ method: 'POST', url: '/jira/__admin/projects', payload: { key: 'NOEPIC' } })).statusCode).toBe(400);
    expect((await inject({ method: 'POST', url: '/jira/__admin/projects', payload: {} })).statusCode).toBe(400);
  });
  it('sets per-project permissions through the admin route', async () => {
    await inject({ method: 'POST', url: '/jira/__admin/projects', payload: { key: 'OPS' } });
    const editOps = async (): Promise<boolean> =>
      (await inject({ method: 'GET', url: '/jira/rest/api/3/mypermissions?projectKey=OPS&permissions=EDIT_ISSUES', headers: { 'x-account-id': 'editor' } })).json().permissions.EDIT_ISSUES.havePermission;
    expect(await editOps()).toBe(true);
    const set = await inject({ method: 'POST', url: '/jira/__admin/permissions', payload: { accountId: 'editor', projectKey: 'OPS', permissions: ['BROWSE_PROJECTS'] } });
    expect(set.statusCode).toBe(204);
    expect(await editOps()).toBe(false);
    expect((await inject({ method: 'POST', url: '/jira/__admin/permissions', payload: { accountId: 'editor', projectKey: 'OPS', permissions: null } })).statusCode).toBe(204);
    expect(await editOps()).toBe(true);
    const bad = await inject({ method: 'POST', url: '/jira/__admin/permissions', payload: { accountId: 'editor', projectKey: 'OPS', permissions: ['NOPE'] } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error).toMatch(/NOPE/);
    expect((await inject({ method: 'POST', url: '/jira/__admin/permissions', payload: { accountId: 'editor' } })).statusCode).toBe(400);
  });
});

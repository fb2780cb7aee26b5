/**
 * The local server's HTTP contract (DESIGN.md, "The local runtime"): POST /api/invoke, the
 * emulator under /jira acting as X-Account-Id, reset back to a fresh install, and state that
 * survives a restart with a state file.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startLocalServer, type LocalServer } from '../../server';
import { FIXTURE_APP } from './setup';

let server: LocalServer;
afterEach(async () => {
  await server?.close();
});

const post = (url: string, body: unknown, headers: Record<string, string> = {}) =>
  fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });

describe('local server', () => {
  it('answers POST /api/invoke with the resolver value, and errors with non-2xx { error }', async () => {
    server = await startLocalServer({ port: 0, appDir: FIXTURE_APP, runtime: { timeScale: 0, log: () => undefined } });
    const ok = await post(`${server.url}/api/invoke`, { functionKey: 'whoami', payload: {}, context: { moduleKey: 'fixture-page', projectKey: 'MSP', accountId: 'viewer' } });
    expect(ok.status).toBe(200);
    expect(await ok.json()).toMatchObject({ status: 200, body: { accountId: 'viewer' }, accountId: 'viewer' });

    const thrown = await post(`${server.url}/api/invoke`, { functionKey: 'fail', context: { moduleKey: 'fixture-page', accountId: 'admin' } });
    expect(thrown.status).toBe(500);
    expect(await thrown.json()).toEqual({ error: 'boom from resolver' });

    const bad = await post(`${server.url}/api/invoke`, { payload: {} });
    expect(bad.status).toBe(400);
    expect(await bad.json()).toEqual({ error: expect.any(String) });

    const unknown = await post(`${server.url}/api/invoke`, { functionKey: 'x', context: { moduleKey: 'nope', accountId: 'admin' } });
    expect(unknown.status).toBe(404);
  });

  it('runs a job through the queue and shows the app’s calls in /jira/__admin/requests', async () => {
    server = await startLocalServer({ port: 0, appDir: FIXTURE_APP, runtime: { timeScale: 0, log: () => undefined } });
    const started = await post(`${server.url}/api/invoke`, { functionKey: 'startJob', payload: { summaries: ['x', 'y'] }, context: { moduleKey: 'fixture-page', projectKey: 'MSP', accountId: 'admin' } });
    const { jobId } = (await started.json()) as { jobId: string };
    expect((await post(`${server.url}/api/__runtime/idle`, {})).status).toBe(204);
    const job = await post(`${server.url}/api/invoke`, { functionKey: 'getJob', payload: { jobId }, context: { moduleKey: 'fixture-page', accountId: 'admin' } });
    expect(await job.json()).toMatchObject({ state: 'done', created: ['MSP-1', 'MSP-2'] });
    const log = (await (await fetch(`${server.url}/jira/__admin/requests`)).json()) as { method: string; path: string; origin: string; actor: string }[];
    const creates = log.filter((r) => r.method === 'POST' && r.path === '/rest/api/3/issue');
    expect(creates.map((r) => [r.actor, r.origin])).toEqual([
      ['app', 'app'],
      ['app', 'app'],
    ]);
    const viewer = await fetch(`${server.url}/jira/rest/api/3/myself`, { headers: { 'X-Account-Id': 'viewer' } });
    expect(((await viewer.json()) as { accountId: string }).accountId).toBe('viewer');
    const invocations = (await (await fetch(`${server.url}/api/__runtime/invocations`)).json()) as { kind: string }[];
    expect(invocations.map((i) => i.kind)).toEqual(['resolver', 'consumer', 'resolver']);
  });

  it('resets Jira and the app’s storage together, and keeps both across a restart with a state file', async () => {
    const stateFile = join(mkdtempSync(join(tmpdir(), 'local-state-')), 'state.json');
    const ctx = { moduleKey: 'fixture-page', projectKey: 'MSP', accountId: 'admin' };
    server = await startLocalServer({ port: 0, appDir: FIXTURE_APP, stateFile, runtime: { timeScale: 0, log: () => undefined } });
    const { jobId } = (await (await post(`${server.url}/api/invoke`, { functionKey: 'startJob', payload: { summaries: ['kept'] }, context: ctx })).json()) as { jobId: string };
    await server.runtime.idle();
    await server.close();

    server = await startLocalServer({ port: 0, appDir: FIXTURE_APP, stateFile, runtime: { timeScale: 0, log: () => undefined } });
    const job = await post(`${server.url}/api/invoke`, { functionKey: 'getJob', payload: { jobId }, context: ctx });
    expect(await job.json()).toMatchObject({ state: 'done', created: ['MSP-1'] });
    expect((await fetch(`${server.url}/jira/rest/api/3/issue/MSP-1`)).status).toBe(200);

    expect((await post(`${server.url}/jira/__admin/reset`, {})).status).toBe(204);
    expect((await fetch(`${server.url}/jira/rest/api/3/issue/MSP-1`)).status).toBe(404);
    const afterReset = await post(`${server.url}/api/invoke`, { functionKey: 'getJob', payload: { jobId }, context: ctx });
    expect(await afterReset.json()).toBeNull();
  });
});

describe('local server: refusals answer 4xx by code, faults 5xx', () => {
  const ctx = { moduleKey: 'fixture-page', projectKey: 'MSP', accountId: 'admin' };
  const refuse = (payload: Record<string, string>) => post(`${server.url}/api/invoke`, { functionKey: 'refuse', payload, context: ctx });

  it.each([
    ['BadRequestError', undefined, 400, 'invalid-input'],
    ['AccessDeniedError', undefined, 403, 'forbidden'],
    ['NotFoundError', undefined, 404, 'not-found'],
    ['ConflictError', undefined, 409, 'conflict'],
    ['LimitError', undefined, 413, 'limit'],
    ['UnavailableError', undefined, 503, 'jira-unavailable'],
    // A class that keeps a name of its own is known by its code.
    ['ChecklistValidationError', 'invalid-input', 400, 'invalid-input'],
    ['CustomThingBusyError', 'conflict', 409, 'conflict'],
  ])('%s (code %s) → %i', async (name, code, status, expected) => {
    server = await startLocalServer({ port: 0, appDir: FIXTURE_APP, runtime: { timeScale: 0, log: () => undefined } });
    const res = await refuse({ name, message: 'Say what to fix.', ...(code !== undefined ? { code } : {}) });
    expect(res.status).toBe(status);
    expect(await res.json()).toEqual({ error: 'Say what to fix.', code: expected, name });
  });

  it('answers 500 for a fault, with no code, even when its code is not a refusal code', async () => {
    server = await startLocalServer({ port: 0, appDir: FIXTURE_APP, runtime: { timeScale: 0, log: () => undefined } });
    const typeError = await refuse({ name: 'TypeError', message: 'x is undefined' });
    expect(typeError.status).toBe(500);
    expect(await typeError.json()).toEqual({ error: 'x is undefined', name: 'TypeError' });
    const socket = await refuse({ name: 'Error', code: 'ECONNRESET', message: 'socket hang up' });
    expect(socket.status).toBe(500);
    expect(await socket.json()).toEqual({ error: 'socket hang up' });
  });

  it('answers 504 when the resolver runs past its time limit', async () => {
    server = await startLocalServer({ port: 0, appDir: FIXTURE_APP, runtime: { timeScale: 0, log: () => undefined, limits: { resolverTimeoutMs: 50 } } });
    const res = await post(`${server.url}/api/invoke`, { functionKey: 'sleep', payload: { ms: 300 }, context: ctx });
    expect(res.status).toBe(504);
    expect(((await res.json()) as { error: string }).error).toMatch(/timed out/);
  });

  it('answers 413 for a payload past Forge’s limit', async () => {
    server = await startLocalServer({ port: 0, appDir: FIXTURE_APP, runtime: { timeScale: 0, log: () => undefined } });
    const res = await post(`${server.url}/api/invoke`, { functionKey: 'whoami', payload: { big: 'x'.repeat(600 * 1024) }, context: ctx });
    expect(res.status).toBe(413);
    expect(await res.json()).toMatchObject({ code: 'limit' });
  });

  it.each(['constructor', '__proto__', 'toString', 'hasOwnProperty', 'valueOf', ''])('never dispatches the inherited key "%s": 404', async (functionKey) => {
    server = await startLocalServer({ port: 0, appDir: FIXTURE_APP, runtime: { timeScale: 0, log: () => undefined } });
    const res = await post(`${server.url}/api/invoke`, { functionKey, payload: {}, context: ctx });
    expect(res.status).toBe(404);
    expect(await res.json()).toEqual({ error: `There is no resolver function "${functionKey}": name one the app defines.`, code: 'not-found' });
    expect(server.runtime.invocations()).toEqual([]);
  });

  it.each([
    ['an empty accountId', { accountId: '' }, {}],
    ['a blank accountId', { accountId: '  ' }, {}],
    ['no accountId and no header', {}, {}],
    ['an empty accountId beside a header', { accountId: '' }, { 'x-account-id': 'admin' }],
    ['no accountId and an empty header', {}, { 'x-account-id': '' }],
  ])('refuses %s with 400 instead of acting as admin', async (_label, account, headers) => {
    server = await startLocalServer({ port: 0, appDir: FIXTURE_APP, runtime: { timeScale: 0, log: () => undefined } });
    const res = await post(`${server.url}/api/invoke`, { functionKey: 'whoami', payload: {}, context: { moduleKey: 'fixture-page', projectKey: 'MSP', ...account } }, headers);
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ code: 'invalid-input', error: expect.stringMatching(/account id/) });
    expect(server.runtime.invocations()).toEqual([]);
  });

  it('takes the X-Account-Id header when the context names no account', async () => {
    server = await startLocalServer({ port: 0, appDir: FIXTURE_APP, runtime: { timeScale: 0, log: () => undefined } });
    const res = await post(`${server.url}/api/invoke`, { functionKey: 'whoami', payload: {}, context: { moduleKey: 'fixture-page', projectKey: 'MSP' } }, { 'x-account-id': 'viewer' });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ accountId: 'viewer' });
  });
});

describe('local host frames', () => {
  it('never turn an empty acting user into admin', async () => {
    server = await startLocalServer({ port: 0, appDir: FIXTURE_APP, runtime: { timeScale: 0, log: () => undefined } });
    const html = await (await fetch(`${server.url}/forge/resources/main/index.html?module=fixture-page&project=MSP&as=`)).text();
    const boot = JSON.parse(/<script type="application\/json" id="__forge_host_boot">(.*?)<\/script>/s.exec(html)?.[1] ?? '{}') as { invokeContext: { accountId: string }; error?: string };
    expect(boot.invokeContext.accountId).toBe('');
    expect(boot.error).toMatch(/no acting user/);
    const res = await post(`${server.url}/api/invoke`, { functionKey: 'whoami', payload: {}, context: boot.invokeContext }, { 'x-account-id': boot.invokeContext.accountId });
    expect(res.status).toBe(400);
  });
});

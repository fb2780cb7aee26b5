/**
 * The local server's HTTP contract (DESIGN.md, "The local runtime"): POST /api/invoke, the
 * emulator under /jira acting as X-Account-Id, reset back to a fresh install, and state that
 * survives a restart with a state file.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startLocalServer, type LocalServer } from '../../local/server';
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

import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import type { IssueChangeEvent, JiraEmulatorApi } from '../../jira';
import { FIELDS, FIXTURE_MANIFEST, caller, issuePayload, makeEmulator, type Caller } from './helpers';

let emu: JiraEmulatorApi;
let call: Caller;
beforeEach(() => {
  emu = makeEmulator();
  call = caller(emu);
});

describe('faults', () => {
  it('answers 429 with Retry-After and a Jira error body', async () => {
    emu.setFaults({ rate429: 1, retryAfterS: 7 });
    const res = await call('GET', '/myself');
    expect(res.status).toBe(429);
    expect(res.headers['retry-after']).toBe('7');
    expect(res.headers['content-type']).toBe('application/json');
    expect(res.body).toEqual({ errorMessages: ['Rate limit exceeded.'], errors: {} });
  });

  it('answers 500 with a Jira error body', async () => {
    emu.setFaults({ rate500: 1 });
    const res = await call('GET', '/myself');
    expect(res.status).toBe(500);
    expect(res.json.errorMessages).toEqual(['Internal server error (injected by the local Jira emulator).']);
  });

  it('refuses a faulted write without applying it', async () => {
    emu.setFaults({ rate429: 1 });
    await call('POST', '/issue', issuePayload());
    emu.setFaults({});
    expect((await call('GET', '/issue/MSP-1')).status).toBe(404);
  });

  it('adds latency to every request', async () => {
    // Jest's clock: the answer is held exactly the latency, with no real waiting.
    jest.useFakeTimers({ doNotFake: ['nextTick', 'setImmediate', 'queueMicrotask'] });
    try {
      emu.setFaults({ latencyMs: 40 });
      let answered = false;
      const res = call('GET', '/myself').then((r) => ((answered = true), r));
      await jest.advanceTimersByTimeAsync(39);
      expect(answered).toBe(false);
      await jest.advanceTimersByTimeAsync(1);
      expect((await res).status).toBe(200);
      expect(emu.requests()[0]!.durationMs).toBeGreaterThanOrEqual(40);
    } finally {
      jest.useRealTimers();
    }
  });

  it('draws the same fault sequence every time the same faults are set (seeded)', async () => {
    const run = async (): Promise<number[]> => {
      emu.setFaults({ rate429: 0.3, rate500: 0.2 });
      const statuses: number[] = [];
      for (let i = 0; i < 40; i++) statuses.push((await call('GET', '/myself', undefined, { actor: i % 2 ? 'app' : 'admin', origin: i % 2 ? 'app' : 'outside' })).status);
      return statuses;
    };
    const first = await run();
    expect(await run()).toEqual(first);
    expect(first.filter((s) => s === 429).length).toBeGreaterThan(4);
    expect(first.filter((s) => s === 500).length).toBeGreaterThan(2);
    expect(first.filter((s) => s === 200).length).toBeGreaterThan(10);
  });

  it('is cleared by reset and by {}', async () => {
    emu.setFaults({ rate429: 1 });
    emu.reset();
    expect((await call('GET', '/myself')).status).toBe(200);
  });
});

describe('request log', () => {
  it('records every REST request with outcome, actor and origin, and clears', async () => {
    await call('POST', '/issue', issuePayload({ summary: 'logged' }), { query: { updateHistory: 'true' } });
    await call('GET', '/issue/MSP-1', undefined, { actor: 'app', origin: 'app' });
    await call('GET', '/myself', undefined, { actor: 'nobody' });
    emu.setFaults({ rate429: 1 });
    await call('GET', '/myself');
    const log = emu.requests();
    expect(log.map((e) => [e.method, e.path, e.status, e.actor, e.origin])).toEqual([
      ['POST', '/rest/api/3/issue', 201, 'admin', 'outside'],
      ['GET', '/rest/api/3/issue/MSP-1', 200, 'app', 'app'],
      ['GET', '/rest/api/3/myself', 401, 'nobody', 'outside'],
      ['GET', '/rest/api/3/myself', 429, 'admin', 'outside'],
    ]);
    expect(log[0]).toMatchObject({ query: { updateHistory: 'true' }, body: { fields: { summary: 'logged' } } });
    expect(typeof log[0]!.durationMs).toBe('number');
    expect(new Date(log[0]!.at).toString()).not.toBe('Invalid Date');
    emu.clearRequests();
    expect(emu.requests()).toEqual([]);
  });

  it('hands out copies', async () => {
    await call('POST', '/issue', issuePayload());
    const [entry] = emu.requests();
    (entry!.body as Record<string, unknown>).fields = null;
    expect(emu.requests()[0]!.body).toMatchObject({ fields: { summary: 'An item' } });
  });

  it('answers unknown resources with 404 and wrong methods with 405', async () => {
    expect((await call('GET', '/nothing/here')).status).toBe(404);
    expect((await call('PATCH', '/issue/MSP-1')).status).toBe(405);
  });
});

describe('issue change events', () => {
  it('sends created events with the issue as GET returns it, actor and origin', async () => {
    const events: IssueChangeEvent[] = [];
    const off = emu.onIssueChange((e) => events.push(e));
    await call('POST', '/issue/bulk', { issueUpdates: [issuePayload({ summary: 'a' }), issuePayload({ summary: 'b' })] }, { actor: 'app', origin: 'app' });
    expect(events.map((e) => [e.kind, e.issue.key, e.actor, e.origin, e.generateEvents, e.changelog])).toEqual([
      ['created', 'MSP-1', 'app', 'app', true, undefined],
      ['created', 'MSP-2', 'app', 'app', true, undefined],
    ]);
    const get = await call('GET', '/issue/MSP-1');
    expect(events[0]!.issue).toEqual({ ...(get.body as object) });
    off();
    await call('POST', '/issue', issuePayload());
    expect(events).toHaveLength(2);
  });

  it('keeps a failing listener from failing the request', async () => {
    const spy = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    emu.onIssueChange(() => {
      throw new Error('boom');
    });
    expect((await call('POST', '/issue', issuePayload())).status).toBe(201);
    expect(spy).toHaveBeenCalledWith(expect.stringContaining('boom'));
    spy.mockRestore();
  });
});

describe('reset and extra projects', () => {
  it('goes back to the seed: no issues, no extra projects, same field ids', async () => {
    emu.addProject({ key: 'OPS', issueTypes: ['Task'] });
    await call('POST', '/issue', issuePayload());
    emu.reset();
    expect(emu.requests()).toEqual([]);
    expect((await call('GET', '/issue/MSP-1')).status).toBe(404);
    expect((await call('GET', '/project/OPS')).status).toBe(404);
    const created = await call('POST', '/issue', issuePayload());
    expect(created.json.key).toBe('MSP-1');
    const fields = (await call('GET', '/field')).body as { id: string; custom: boolean }[];
    expect(fields.filter((f) => f.custom).map((f) => f.id)).toEqual([FIELDS.points, FIELDS.evidence, FIELDS.ownerNote]);
  });

  it.each([
    [{ key: 'MSP' }, "A project with key 'MSP' already exists."],
    [{ key: 'lower case' }, "Project key 'lower case' is invalid: use 2-10 capital letters or digits, starting with a letter."],
    [{ key: 'ABC', issueTypes: ['Story', 'Feature'] }, "Unknown issue type 'Feature': choose from Epic, Task, Sub-task, Story, Bug."],
  ])('refuses project %j', (spec, message) => {
    expect(() => emu.addProject(spec)).toThrow(message);
  });
});

describe('state file', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'jira-emu-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('survives a restart: issues, properties, field values, statuses, extra projects and counters', async () => {
    const stateFile = path.join(dir, 'nested', 'state.json');
    const first = makeEmulator({ stateFile });
    const c1 = caller(first);
    first.addProject({ key: 'OPS', issueTypes: ['Task'] });
    await c1('POST', '/issue/bulk', { issueUpdates: [{ ...issuePayload({ summary: 'kept', labels: ['x'] }), properties: [{ key: 'msp-audit-item', value: { checklistId: 'c', points: 3 } }] }, issuePayload({ project: 'OPS' })] });
    await c1('POST', '/issue/MSP-1/transitions', { transition: { id: '31' } });
    await c1('POST', '/app/field/value', { updates: [{ customField: FIELDS.points, issueIds: [10000], value: 3 }] }, { actor: 'app', origin: 'app' });
    first.flush();
    expect(existsSync(stateFile)).toBe(true);
    expect(JSON.parse(readFileSync(stateFile, 'utf8'))).toMatchObject({ version: 1 });

    const second = makeEmulator({ stateFile });
    const c2 = caller(second);
    const got = await c2('GET', '/issue/MSP-1', undefined, { query: { fields: `summary,labels,status,${FIELDS.points}`, properties: 'msp-audit-item' } });
    expect(got.json).toMatchObject({
      fields: { summary: 'kept', labels: ['x'], status: { name: 'Done' }, [FIELDS.points]: 3 },
      properties: { 'msp-audit-item': { checklistId: 'c', points: 3 } },
    });
    expect((await c2('POST', '/search/jql', { jql: 'auditPoints = 3', fields: ['key'] })).json.issues).toEqual([{ id: '10000', key: 'MSP-1' }]);
    expect((await c2('GET', '/project/OPS')).status).toBe(200);
    expect((await c2('POST', '/issue', issuePayload())).json).toMatchObject({ id: '10002', key: 'MSP-2' });
  });

  it('writes after mutating requests without being asked (debounced)', async () => {
    jest.useFakeTimers({ doNotFake: ['nextTick', 'setImmediate', 'queueMicrotask'] });
    try {
      const stateFile = path.join(dir, 'state.json');
      const emuWithFile = makeEmulator({ stateFile });
      const c = caller(emuWithFile);
      await c('POST', '/issue', issuePayload());
      await c('POST', '/issue', issuePayload());
      expect(existsSync(stateFile)).toBe(false);
      // One write for the burst, once the debounce (50 ms) has passed.
      jest.advanceTimersByTime(49);
      expect(existsSync(stateFile)).toBe(false);
      jest.advanceTimersByTime(1);
      expect(JSON.parse(readFileSync(stateFile, 'utf8')).issues).toHaveLength(2);
    } finally {
      jest.useRealTimers();
    }
  });

  it('writes a pending change when the process exits before the debounce fires', () => {
    const stateFile = path.join(dir, 'state.json');
    const script = [
      `const { createJiraEmulator } = require(${JSON.stringify(path.resolve(__dirname, '../../jira'))});`,
      `const emu = createJiraEmulator({ manifestPath: ${JSON.stringify(FIXTURE_MANIFEST)}, stateFile: ${JSON.stringify(stateFile)} });`,
      `emu.handle({ method: 'POST', path: '/rest/api/3/issue', query: {}, headers: {}, actor: 'admin', origin: 'outside',`,
      `  body: { fields: { project: { key: 'MSP' }, issuetype: { name: 'Task' }, summary: 'last words' } } }).then(() => process.exit(0));`,
    ].join('\n');
    const tsx = path.join(path.dirname(require.resolve('tsx/package.json')), 'dist', 'cli.mjs');
    execFileSync(process.execPath, [tsx, '-e', script], { stdio: 'pipe' });
    expect(JSON.parse(readFileSync(stateFile, 'utf8')).issues.map((i: { summary: string }) => i.summary)).toEqual(['last words']);
  });

  it('refuses a state file that is not an emulator state, saying what to do', () => {
    const stateFile = path.join(dir, 'state.json');
    writeFileSync(stateFile, '{"hello": 1}');
    expect(() => makeEmulator({ stateFile })).toThrow(/delete it to start from the seed/);
  });
});

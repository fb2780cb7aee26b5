/**
 * The asynchronous side of the runtime: Jira triggers (ignoreSelf, generateEvents), scheduled
 * triggers, the consumer time limit, and a consumer killed mid-job that Forge re-delivers.
 */
import { kvs } from '@forge/kvs';
import type { IssueChangeEvent } from '../../jira/types';
import { createIssueBody, issueSummaries, outside, startFixtureRuntime, type Harness } from './setup';

let h: Harness;
afterEach(async () => {
  await h.runtime.close();
});

const ctx = { moduleKey: 'fixture-page', projectKey: 'MSP', accountId: 'admin' };
describe('triggers', () => {
  beforeEach(() => {
    h = startFixtureRuntime();
  });

  it('fires created/updated triggers for changes made outside the app, with Forge’s payload', async () => {
    expect((await h.emulator.handle(outside({ method: 'POST', path: '/rest/api/3/issue', body: createIssueBody('by a user') }))).status).toBe(201);
    const edit = await h.emulator.handle(outside({ method: 'PUT', path: '/rest/api/3/issue/MSP-1', body: { fields: { summary: 'renamed' } } }));
    expect(edit.status).toBe(204);
    await h.runtime.idle();
    expect(await kvs.get('trigger:issue-created:MSP-1:avi:jira:created:issue')).toEqual({ atlassianId: 'admin', selfGenerated: false, summary: 'by a user' });
    expect(await kvs.get('trigger:issue-updated-all:MSP-1:avi:jira:updated:issue')).toEqual({ atlassianId: 'admin', selfGenerated: false, summary: 'renamed' });
    const runs = h.runtime.invocations().filter((i) => i.kind === 'trigger');
    expect(runs.map((r) => [r.moduleKey, r.ok])).toEqual([
      ['issue-created', true],
      ['issue-updated-all', true],
    ]);
  });

  it('skips the app’s own changes for ignoreSelf triggers only', async () => {
    await h.runtime.invoke({ functionKey: 'startJob', payload: { summaries: ['by the app'] }, context: ctx });
    await h.runtime.idle();
    expect(await issueSummaries(h.emulator)).toEqual(['by the app']);
    expect(await kvs.get('trigger:issue-created:MSP-1:avi:jira:created:issue')).toBeUndefined();
    expect(h.runtime.invocations().filter((i) => i.kind === 'trigger')).toHaveLength(0);
  });

  it('sends no event when the change asked for generateEvents: false', async () => {
    const listeners: ((e: IssueChangeEvent) => void)[] = [];
    const emulator = { ...h.emulator, onIssueChange: (l: (e: IssueChangeEvent) => void) => (listeners.push(l), () => undefined) };
    await h.runtime.close();
    h = startFixtureRuntime({ emulator });
    const issue = { id: '1', key: 'MSP-9', fields: { summary: 's' } };
    listeners.forEach((l) => l({ kind: 'updated', issue, actor: 'app', origin: 'app', generateEvents: false }));
    listeners.forEach((l) => l({ kind: 'updated', issue, actor: 'app', origin: 'app', generateEvents: true }));
    await h.runtime.idle();
    const runs = h.runtime.invocations().filter((i) => i.kind === 'trigger');
    expect(runs).toHaveLength(1);
    expect(await kvs.get('trigger:issue-updated-all:MSP-9:avi:jira:updated:issue')).toEqual({ atlassianId: null, selfGenerated: true, summary: 's' });
  });

  it('runs a scheduled trigger on demand', async () => {
    await expect(h.runtime.runScheduled('hourly')).resolves.toBe('scheduled ok');
    expect(await kvs.get('scheduled:ran')).toBe(true);
    expect(h.runtime.invocations()[0]).toMatchObject({ kind: 'scheduled', function: 'scheduled', moduleKey: 'hourly', ok: true });
  });
});

describe('consumer time limit', () => {
  // Jest's clock instead of real time: the runtime's time limit, the handler's sleep and the
  // durations all read it, so the test takes no real second yet asserts the same schedule.
  beforeEach(() => {
    jest.useFakeTimers({ doNotFake: ['nextTick', 'setImmediate', 'queueMicrotask'] });
  });
  afterEach(() => {
    jest.useRealTimers();
  });

  /** Advance jest's clock in small steps until `p` settles (at most `limitMs`). */
  async function settle<T>(p: Promise<T>, limitMs: number): Promise<T> {
    let done = false;
    void p.finally(() => (done = true)).catch(() => undefined);
    for (let t = 0; t < limitMs && !done; t += 10) await jest.advanceTimersByTimeAsync(10);
    expect(done).toBe(true);
    return p;
  }

  it('abandons a consumer at its timeoutSeconds, cuts its platform calls, and retries the event', async () => {
    h = startFixtureRuntime({ limits: { maxEventRetries: 1 } });
    await h.runtime.invoke({ functionKey: 'startSlow', context: ctx });
    const startedAt = Date.now();
    await settle(h.runtime.idle(), 5000);
    // Two attempts of 1 s each (timeoutSeconds: 1), retried at once (timeScale 0).
    expect(Date.now() - startedAt).toBeGreaterThanOrEqual(2000);
    expect(Date.now() - startedAt).toBeLessThan(2100);
    const runs = h.runtime.invocations().filter((i) => i.kind === 'consumer');
    expect(runs.map((r) => [r.outcome, r.retryCount])).toEqual([
      ['timeout', 0],
      ['timeout', 1],
    ]);
    for (const r of runs) {
      expect(r.durationMs).toBeGreaterThanOrEqual(990);
      expect(r.durationMs).toBeLessThan(1400);
    }
    expect(await kvs.get('slow:attempt:0')).toBeDefined();
    expect(await kvs.get('slow:attempt:1')).toBeDefined();
    // Let the abandoned handlers wake up (each sleeps 1.5 s): their late writes must fail.
    await jest.advanceTimersByTimeAsync(700);
    await new Promise((r) => setImmediate(r));
    expect(await kvs.get('slow:finished')).toBeUndefined();
    expect(h.logs.some((l) => /timed out after 1 s/.test(l))).toBe(true);
    expect(h.logs.some((l) => /FUNCTION_TIME_OUT after 1 retries/.test(l))).toBe(true);
  });
});

describe('a consumer killed mid-job', () => {
  beforeEach(() => {
    h = startFixtureRuntime();
  });

  it('dies after N product calls; Forge re-delivers the event and the app resumes', async () => {
    h.runtime.killNextConsumer({ afterProductCalls: 2 });
    const { jobId } = (await h.runtime.invoke({ functionKey: 'startJob', payload: { summaries: ['a', 'b', 'c', 'd', 'e'] }, context: ctx })) as { jobId: string };
    await h.runtime.idle();
    const runs = h.runtime.invocations().filter((i) => i.kind === 'consumer');
    expect(runs.map((r) => [r.outcome, r.retryCount, r.productCalls])).toEqual([
      ['killed', 0, 2],
      ['ok', 1, 3],
    ]);
    expect(await issueSummaries(h.emulator)).toEqual(['a', 'b', 'c', 'd', 'e']);
    expect(await kvs.get(`job:${jobId}`)).toMatchObject({ state: 'done', attempts: [0, 1], created: ['MSP-1', 'MSP-2', 'MSP-3', 'MSP-4', 'MSP-5'] });
  });

  it('can die during a call: the write reaches Jira but the consumer never sees the answer', async () => {
    h.runtime.killNextConsumer({ afterProductCalls: 1, duringCall: true });
    await h.runtime.invoke({ functionKey: 'startJob', payload: { summaries: ['a', 'b', 'c'] }, context: ctx });
    await h.runtime.idle();
    const runs = h.runtime.invocations().filter((i) => i.kind === 'consumer');
    expect(runs.map((r) => [r.outcome, r.productCalls])).toEqual([
      ['killed', 2],
      ['ok', 2],
    ]);
    // The fixture records progress only after an answer, so it re-creates "b": an app that must be
    // exactly-once needs an idempotency key on Jira's side (the product app's entity property).
    expect(await issueSummaries(h.emulator)).toEqual(['a', 'b', 'b', 'c']);
  });
});

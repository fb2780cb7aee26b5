/**
 * The local Forge runtime end to end with the fixture app: resolvers through the real
 * @forge/resolver, product calls as the user and as the app, KVS, a queue push delivered to the
 * consumer, the resolver time limit and the invocation log.
 */
import { kvs } from '@forge/kvs';
import { issueSummaries, startFixtureRuntime, type Harness } from './setup';

let h: Harness;
afterEach(async () => {
  await h.runtime.close();
});

const ctx = (accountId = 'admin') => ({ moduleKey: 'fixture-page', projectKey: 'MSP', accountId });

describe('resolvers', () => {
  beforeEach(() => {
    h = startFixtureRuntime();
  });

  it('gives the resolver Forge context: user, module, extension with project', async () => {
    const out = (await h.runtime.invoke({ functionKey: 'context', context: ctx('viewer') })) as {
      context: Record<string, unknown>;
      appContext: { moduleKey: string };
    };
    expect(out.context).toMatchObject({
      accountId: 'viewer',
      cloudId: h.runtime.cloudId,
      moduleKey: 'fixture-page',
      environmentType: 'DEVELOPMENT',
      installContext: `ari:cloud:jira::site/${h.runtime.cloudId}`,
      extension: { type: 'jira:projectPage', project: { id: '10000', key: 'MSP', type: 'software' } },
    });
    expect(out.appContext.moduleKey).toBe('fixture-page');
  });

  it('acts asUser as the invoking account, kept apart across concurrent invocations', async () => {
    const [a, v] = (await Promise.all([
      h.runtime.invoke({ functionKey: 'whoami', context: ctx('admin') }),
      h.runtime.invoke({ functionKey: 'whoami', context: ctx('viewer') }),
    ])) as { status: number; body: { accountId: string } }[];
    expect(a?.body.accountId).toBe('admin');
    expect(v?.body.accountId).toBe('viewer');
    const calls = h.emulator.requests().filter((r) => r.path === '/rest/api/3/myself');
    expect(calls.map((c) => [c.actor, c.origin]).sort()).toEqual([
      ['admin', 'app'],
      ['viewer', 'app'],
    ]);
  });

  it('rejects with the message a resolver throws, and unknown definitions', async () => {
    await expect(h.runtime.invoke({ functionKey: 'fail', context: ctx() })).rejects.toThrow('boom from resolver');
    await expect(h.runtime.invoke({ functionKey: 'nope', context: ctx() })).rejects.toThrow(/no definition for 'nope'/);
    await expect(h.runtime.invoke({ functionKey: 'fail', context: { ...ctx(), moduleKey: 'missing' } })).rejects.toThrow(/No module/);
  });

  it('reports the remaining time of the 25 s resolver limit', async () => {
    const ms = (await h.runtime.invoke({ functionKey: 'remaining', context: ctx() })) as number;
    expect(ms).toBeGreaterThan(24_000);
    expect(ms).toBeLessThanOrEqual(25_000);
  });

  it('logs each invocation with kind, duration and outcome', async () => {
    await h.runtime.invoke({ functionKey: 'sleep', payload: { ms: 30 }, context: ctx() });
    await h.runtime.invoke({ functionKey: 'fail', context: ctx() }).catch(() => undefined);
    const [slept, failed] = h.runtime.invocations();
    expect(slept).toMatchObject({ kind: 'resolver', function: 'resolver', handler: 'index.handler', functionKey: 'sleep', ok: true, outcome: 'ok' });
    expect(slept?.durationMs).toBeGreaterThanOrEqual(25);
    expect(failed).toMatchObject({ functionKey: 'fail', ok: false, outcome: 'error', error: 'boom from resolver' });
  });
});

describe('resolver time limit', () => {
  it('rejects a resolver that runs over the limit with a timeout error', async () => {
    h = startFixtureRuntime({ limits: { resolverTimeoutMs: 150 } });
    await expect(h.runtime.invoke({ functionKey: 'sleep', payload: { ms: 1000 }, context: ctx() })).rejects.toThrow(/timed out after 0\.2 s/);
    expect(h.runtime.invocations()[0]).toMatchObject({ outcome: 'timeout', ok: false });
  });
});

describe('queue → consumer', () => {
  beforeEach(() => {
    h = startFixtureRuntime();
  });

  it('delivers a pushed event to the consumer, which writes to Jira and the KVS', async () => {
    const { jobId } = (await h.runtime.invoke({ functionKey: 'startJob', payload: { summaries: ['one', 'two', 'three'] }, context: ctx('admin') })) as { jobId: string };
    await h.runtime.idle();
    const job = (await h.runtime.invoke({ functionKey: 'getJob', payload: { jobId }, context: ctx() })) as { state: string; created: string[] };
    expect(job).toMatchObject({ state: 'done', created: ['MSP-1', 'MSP-2', 'MSP-3'] });
    expect(await issueSummaries(h.emulator)).toEqual(['one', 'two', 'three']);
    const creates = h.emulator.requests().filter((r) => r.method === 'POST' && r.path === '/rest/api/3/issue');
    expect(creates.every((r) => r.actor === 'app' && r.origin === 'app')).toBe(true);
    const consumer = h.runtime.invocations().find((i) => i.kind === 'consumer');
    expect(consumer).toMatchObject({ function: 'worker', moduleKey: 'work-consumer', ok: true, productCalls: 3, accountId: 'admin', retryCount: 0 });
    expect(await kvs.get(`job:${jobId}`)).toMatchObject({ state: 'done' });
  });

  it('refuses pushes over 50 events the way @forge/events does', async () => {
    const out = await h.runtime.invoke({ functionKey: 'pushMany', payload: { n: 51 }, context: ctx() });
    expect(out).toEqual({ ok: false, error: expect.stringMatching(/TooManyEventsError: .*50 events/) });
    expect(await h.runtime.invoke({ functionKey: 'pushMany', payload: { n: 50 }, context: ctx() })).toEqual({ ok: true });
    await h.runtime.idle();
    // Events without a jobId are consumed and ignored by the fixture.
    expect(h.runtime.invocations().filter((i) => i.kind === 'consumer')).toHaveLength(50);
  });

  it('answers Queue.getStats for a job', async () => {
    const { queueJobId } = (await h.runtime.invoke({ functionKey: 'startJob', payload: { summaries: ['a'] }, context: ctx() })) as { queueJobId: string };
    await h.runtime.idle();
    const stats = await h.runtime.invoke({ functionKey: 'queueStats', payload: { queueJobId }, context: ctx() });
    expect(stats).toEqual({ success: 1, inProgress: 0, failed: 0 });
    expect(h.runtime.jobStats(queueJobId)).toEqual(stats);
  });
});

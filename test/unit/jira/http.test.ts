/** Retries and error mapping of the Jira client (JiraHttp under every call). */
import { createJiraClient } from '../../../src/jira';
import { JiraAmbiguousWriteError, JiraError, JiraNotFoundError, JiraPermissionError, JiraRateLimitError, JiraResponseError, JiraUnavailableError } from '../../../src/jira/errors';
import { fakeJira, recordingSleep, sequence, type Reply } from './fake-platform';

const PROJECT: Reply = { status: 200, body: { id: '10000', key: 'MSP', name: 'MSP Audit' } };
const tooMany = (retryAfter?: string): Reply => ({ status: 429, body: { errorMessages: ['Rate limit exceeded.'], errors: {} }, ...(retryAfter !== undefined ? { headers: { 'retry-after': retryAfter } } : {}) });
const serverError: Reply = { status: 500, body: { errorMessages: ['Internal server error'], errors: {} } };

function client(options: Parameters<typeof createJiraClient>[0] = {}) {
  const clock = recordingSleep();
  return { jira: createJiraClient({ sleep: clock.sleep, random: () => 0, ...options }), waits: clock.waits };
}

describe('JiraHttp retries', () => {
  describe('when Jira answers 429 with Retry-After', () => {
    it.each([
      ['seconds', '2', 2000],
      ['a fraction', '0.25', 250],
      ['more than the cap', '120', 30_000],
    ])('waits what it says (%s), capped, then succeeds', async (_case, header, wait) => {
      const { calls } = fakeJira(sequence(tooMany(header), PROJECT));
      const { jira, waits } = client();
      await expect(jira.getProject({ projectKey: 'MSP' })).resolves.toMatchObject({ key: 'MSP' });
      expect(waits).toEqual([wait]);
      expect(calls).toHaveLength(2);
    });

    it('reads an HTTP date relative to the clock', async () => {
      fakeJira(sequence(tooMany(new Date(Date.UTC(2030, 0, 1, 0, 0, 5)).toUTCString()), PROJECT));
      const { jira, waits } = client({ now: () => Date.UTC(2030, 0, 1, 0, 0, 0) });
      await jira.getProject({ projectKey: 'MSP' });
      expect(waits).toEqual([5000]);
    });

    it('adds jitter so parallel callers do not return in lock-step', async () => {
      fakeJira(sequence(tooMany('1'), PROJECT));
      const { jira, waits } = client({ random: () => 0.5, retry: { jitterMs: 200 } });
      await jira.getProject({ projectKey: 'MSP' });
      expect(waits).toEqual([1100]);
    });

    it('gives up after maxAttempts with a JiraRateLimitError carrying the wait', async () => {
      const { calls } = fakeJira(sequence(tooMany('1')));
      const { jira, waits } = client({ retry: { maxAttempts: 3 } });
      const error = await jira.getProject({ projectKey: 'MSP' }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(JiraRateLimitError);
      expect(error).toMatchObject({ name: 'JiraRateLimitError', status: 429, retryAfterMs: 1000, operation: 'getProject' });
      expect(calls).toHaveLength(3);
      expect(waits).toEqual([1000, 1000]);
    });

    it('does not start a wait beyond its time budget', async () => {
      const { calls } = fakeJira(sequence(tooMany('10')));
      const { jira, waits } = client({ retry: { budgetMs: 15_000 } });
      await expect(jira.getProject({ projectKey: 'MSP' })).rejects.toBeInstanceOf(JiraRateLimitError);
      expect(waits).toEqual([10_000]);
      expect(calls).toHaveLength(2);
    });

    it('does not start a wait the invocation would not outlive', async () => {
      const { calls } = fakeJira(sequence(tooMany('10')));
      const { jira, waits } = client({ remainingMs: () => 12_000 });
      await expect(jira.getProject({ projectKey: 'MSP' })).rejects.toBeInstanceOf(JiraRateLimitError);
      expect(waits).toEqual([]);
      expect(calls).toHaveLength(1);
    });
  });

  describe('when Jira answers 5xx', () => {
    it('backs off exponentially up to the cap, then succeeds', async () => {
      fakeJira(sequence(serverError, serverError, { status: 503 }, serverError, serverError, PROJECT));
      const { jira, waits } = client({ retry: { baseDelayMs: 100, maxDelayMs: 500 } });
      await expect(jira.getProject({ projectKey: 'MSP' })).resolves.toMatchObject({ id: '10000' });
      expect(waits).toEqual([100, 200, 400, 500, 500]);
    });

    it('uses back-off for a 429 without Retry-After', async () => {
      fakeJira(sequence(tooMany(), PROJECT));
      const { jira, waits } = client({ retry: { baseDelayMs: 100 } });
      await jira.getProject({ projectKey: 'MSP' });
      expect(waits).toEqual([100]);
    });

    it('gives up with a JiraUnavailableError', async () => {
      fakeJira(sequence(serverError));
      const { jira } = client({ retry: { maxAttempts: 2 } });
      await expect(jira.getProject({ projectKey: 'MSP' })).rejects.toMatchObject({ name: 'JiraUnavailableError', status: 500 });
      await expect(jira.getProject({ projectKey: 'MSP' })).rejects.toBeInstanceOf(JiraUnavailableError);
    });
  });

  describe('when a write that is not safe to repeat (bulk create) gets a 5xx', () => {
    const bulkInput = { fields: { project: { key: 'MSP' }, issuetype: { id: '10001' }, summary: 'item' } };
    const created: Reply = { status: 201, body: { issues: [{ id: '20001', key: 'MSP-1', self: 'https://x/rest/api/3/issue/20001' }], errors: [] } };

    it('does not resend it (Jira may have committed it) and throws JiraAmbiguousWriteError, a transient error', async () => {
      const { calls } = fakeJira(sequence({ status: 502, body: { errorMessages: ['Bad gateway'], errors: {} } }, created));
      const { jira, waits } = client();
      const failure = jira.bulkCreateIssues({ issues: [bulkInput] });
      await expect(failure).rejects.toBeInstanceOf(JiraAmbiguousWriteError);
      await expect(failure).rejects.toBeInstanceOf(JiraUnavailableError);
      expect(calls).toHaveLength(1);
      expect(waits).toEqual([]);
    });

    it('still retries a 429 (Jira did nothing)', async () => {
      const { calls } = fakeJira(sequence(tooMany('0'), created));
      const { jira } = client();
      await expect(jira.bulkCreateIssues({ issues: [bulkInput] })).resolves.toEqual([{ ok: true, id: '20001', key: 'MSP-1' }]);
      expect(calls).toHaveLength(2);
    });
  });

  describe('when Jira refuses the request', () => {
    it.each([
      [400, JiraError, 'JiraError'],
      [401, JiraPermissionError, 'JiraPermissionError'],
      [403, JiraPermissionError, 'JiraPermissionError'],
      [404, JiraNotFoundError, 'JiraNotFoundError'],
      [409, JiraError, 'JiraError'],
    ])('maps %i to %p without retrying', async (status, type, name) => {
      const { calls } = fakeJira(sequence({ status, body: { errorMessages: ['No project could be found with key \'NOPE\'.'], errors: { project: 'unknown' } } }));
      const { jira, waits } = client();
      const error = await jira.getProject({ projectKey: 'NOPE' }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(type);
      expect(error).toMatchObject({ name, status, errorMessages: ["No project could be found with key 'NOPE'."], errors: { project: 'unknown' } });
      expect((error as Error).message).toBe(`Jira answered ${status} to getProject: project: unknown; No project could be found with key 'NOPE'.`);
      expect(calls).toHaveLength(1);
      expect(waits).toEqual([]);
    });

    it('reads a body that is not Jira JSON', async () => {
      fakeJira(sequence({ status: 400, body: 'plain text' }));
      const { jira } = client();
      await expect(jira.getProject({ projectKey: 'MSP' })).rejects.toMatchObject({ errorMessages: [], errors: {}, message: 'Jira answered 400 to getProject.' });
    });
  });

  describe('when Jira answers 2xx with an unexpected shape', () => {
    it('throws a JiraResponseError naming the field', async () => {
      fakeJira(sequence({ status: 200, body: { key: 'MSP' } }));
      const { jira } = client();
      await expect(jira.getProject({ projectKey: 'MSP' })).rejects.toThrow(JiraResponseError);
      await expect(jira.getProject({ projectKey: 'MSP' })).rejects.toThrow(/id:/);
    });
  });
});

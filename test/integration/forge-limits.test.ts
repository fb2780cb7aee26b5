/**
 * Forge's per-installation rate limits, enforced by the local runtime (local/forge/rate-limits.ts),
 * and how the app lives with them (src/storage/backoff.ts): back-off and retry, then a clear
 * refusal. Windows are shortened so a test can reach and outlive them; the limits' mechanics are
 * Forge's (events a window; KVS requests in 10 KB units a window; KVS requests a second).
 */
import { syncV1 } from '../fixtures/sync-v1-v2';
import type { Rollup } from '../../common/contract';
import { registerChecklist } from './checklists';
import { startHarness, type Harness } from './harness';

const retries = (h: Harness, what: string): number => h.appLogs.filter((line) => line.includes(`[forge-limits] ${what}: rate limited`)).length;

describe('Forge rate limits', () => {
  let h: Harness | undefined;
  afterEach(async () => {
    await h?.close();
    h = undefined;
  });

  it('KVS writes over the limit are refused with 429 and the app backs off until they fit: the import and the rollup come out whole', async () => {
    h = startHarness({ limits: { kvsWriteUnitsPerMinute: 12, kvsRequestsPerSecond: 40, rateWindowMs: 400 } });
    await registerChecklist(syncV1);
    const status = await h.importChecklist(syncV1.id);
    expect(status).toMatchObject({ state: 'done', created: 8 });
    const rollup = await h.invoke<Rollup>('getRollup', { checklistId: syncV1.id });
    expect(rollup.items.filter((item) => item.issueKey !== undefined)).toHaveLength(syncV1.items.length);
    expect(retries(h, 'storage writes') + retries(h, 'storage reads')).toBeGreaterThan(0);
  });

  it('a push over the async events limit is retried once the window passes', async () => {
    // A window long enough that the second push surely falls in it however slow the machine (with
    // 300 ms an import that took longer let the window pass first), short enough for the back-off
    // (200, 400, 800, 1,600 ms…, 6 s in all) to outlive it.
    h = startHarness({ limits: { asyncEventsPerMinute: 1, rateWindowMs: 1_500 } });
    await registerChecklist(syncV1);
    // The import pushes its first event, and a continuation or a second push within the window waits.
    const status = await h.importChecklist(syncV1.id);
    expect(status.state).toBe('done');
    const again = await h.invoke<{ jobId: string }>('startImport', { checklistId: syncV1.id });
    await h.runtime.idle();
    expect(again.jobId).toBeDefined();
    expect(retries(h, 'background events')).toBeGreaterThan(0);
  });

  it('a push refused for the whole back-off budget fails with a clear limit message, and the import slot is freed', async () => {
    h = startHarness({ limits: { asyncEventsPerMinute: 0 } });
    await registerChecklist(syncV1);
    await expect(h.invoke('startImport', { checklistId: syncV1.id })).rejects.toThrow(/rate limit for background events on this site was reached .*try again in a minute/);
    // Nothing left holding the checklist: the next start is not told an import is running.
    await expect(h.invoke('startImport', { checklistId: syncV1.id })).rejects.toThrow(/rate limit for background events/);
    expect(h.emulator.requests().filter((request) => request.origin === 'app' && request.method === 'POST' && request.path === '/rest/api/3/issue/bulk')).toHaveLength(0);
  }, 30_000);
});

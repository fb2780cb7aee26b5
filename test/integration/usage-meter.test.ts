/** The local runtime's meters (local/forge/meter.ts) over a real import and rollup: what Forge would bill. */
import { syncV1 } from '../fixtures/sync-v1-v2';
import { registerChecklist } from './checklists';
import { startHarness, type Harness } from './harness';

describe('usage meters', () => {
  let h: Harness;
  beforeAll(() => {
    h = startHarness();
  });
  afterAll(async () => {
    await h.close();
  });

  it('count Jira calls, KVS reads and writes with bytes, async events and GB-s per invocation, and reset', async () => {
    await registerChecklist(syncV1);
    h.runtime.resetUsage();
    h.emulator.clearRequests();
    h.runtime.clearInvocations();
    await h.importChecklist(syncV1.id);
    await h.invoke('getRollup', { checklistId: syncV1.id });
    const usage = h.runtime.usage();
    expect(usage.jiraCalls).toBe(h.appRequests().length);
    const records = h.runtime.invocations();
    expect(usage.invocations).toBe(records.length);
    // No memoryMB in the manifest: Forge's 512 MB, so GB-s is half the seconds.
    const seconds = records.reduce((sum, record) => sum + record.durationMs, 0) / 1000;
    expect(usage.gbSeconds).toBeCloseTo(seconds / 2, 6);
    expect(usage.byKind.consumer?.invocations).toBeGreaterThan(0);
    // The import's job is queued: at least one async event.
    expect(usage.asyncEvents).toBeGreaterThanOrEqual(1);
    expect(usage.kvs.writes).toBeGreaterThan(0);
    expect(usage.kvs.writeBytes).toBeGreaterThan(usage.kvs.writes);
    expect(usage.kvs.reads).toBeGreaterThan(0);
    expect(usage.kvs.readBytes).toBeGreaterThan(0);
    h.runtime.resetUsage();
    expect(h.runtime.usage()).toMatchObject({ invocations: 0, gbSeconds: 0, jiraCalls: 0, asyncEvents: 0, kvs: { reads: 0, writes: 0 } });
  });
});

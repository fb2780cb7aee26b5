/** The local runtime's meters (local/forge/meter.ts) over a real import and rollup: what Forge would bill. */
import { format } from 'node:util';
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
    // The import's console lines, counted as Forge ingests logs.
    expect(usage.logBytes).toBeGreaterThan(0);
    h.runtime.resetUsage();
    expect(h.runtime.usage()).toMatchObject({ invocations: 0, gbSeconds: 0, jiraCalls: 0, asyncEvents: 0, logBytes: 0, kvs: { reads: 0, writes: 0 } });
  });

  it('count the bytes of each console line a function writes, whoever replaced the console since, and nothing outside an invocation', async () => {
    h.runtime.resetUsage();
    console.info('a line outside any invocation');
    expect(h.runtime.usage().logBytes).toBe(0);
    // Spies installed after the meter wrapped the console: the next invocation wraps them in turn.
    const info = jest.spyOn(console, 'info').mockImplementation(() => undefined);
    const warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
    try {
      // A refused request: the resolver logs why (src/resolvers: "[resolver] getRollup failed: …").
      await expect(h.invoke('getRollup', { checklistId: 'no-such-checklist-1.0' })).rejects.toThrow();
      const printed = [...info.mock.calls, ...warn.mock.calls].reduce((sum, args) => sum + Buffer.byteLength(format(...(args as unknown[]))) + 1, 0);
      expect(printed).toBeGreaterThan(0);
      expect(h.runtime.usage().logBytes).toBe(printed);
      // A spy that calls through to the wrapper it replaced: still one line, counted once.
      h.runtime.resetUsage();
      info.mockClear();
      const through = jest.spyOn(console, 'warn');
      try {
        await expect(h.invoke('getRollup', { checklistId: 'no-such-checklist-1.0' })).rejects.toThrow();
        expect(through).toHaveBeenCalled();
        const bytes = (calls: unknown[][]) => calls.reduce((sum, args) => sum + Buffer.byteLength(format(...args)) + 1, 0);
        expect(h.runtime.usage().logBytes).toBe(bytes(info.mock.calls) + bytes(through.mock.calls));
      } finally {
        through.mockRestore();
      }
    } finally {
      info.mockRestore();
      warn.mockRestore();
    }
  });

  it('keep the largest of each quantity Forge limits: invoke payload and response, a KVS value, the rate windows', async () => {
    h.runtime.resetUsage();
    const note = 'x'.repeat(2_000);
    const rollup = await h.invoke('getRollup', { checklistId: syncV1.id, refresh: true });
    await h.invoke('getRollup', { checklistId: syncV1.id, padding: note }).catch(() => undefined);
    const { peaks, kvs } = h.runtime.usage();
    // The larger payload (the unknown member is refused by the resolver's schema, after the runtime measured it).
    expect(peaks.invokePayloadBytes).toBeGreaterThan(2_000);
    expect(peaks.invokeResponseBytes).toBe(Buffer.byteLength(JSON.stringify(rollup)));
    expect(peaks.kvsRequestsPerSecond).toBeGreaterThan(0);
    expect(peaks.kvsReadUnitsPerMinute).toBeGreaterThanOrEqual(1);
    expect(kvs.reads).toBeGreaterThan(0);
    await h.importChecklist('aws-msp-7.1');
    const after = h.runtime.usage();
    expect(after.peaks.asyncEventsPerMinute).toBeGreaterThanOrEqual(1);
    expect(after.peaks.asyncPushBytes).toBeGreaterThan(10);
    expect(after.peaks.kvsWriteUnitsPerMinute).toBeGreaterThanOrEqual(1);
    expect(after.peaks.kvsValueBytes).toBeGreaterThan(0);
    expect(after.peaks.kvsValueBytes).toBeLessThanOrEqual(after.kvs.writeBytes);
    h.runtime.resetUsage();
    expect(h.runtime.usage().peaks).toEqual({ invokePayloadBytes: 0, invokeResponseBytes: 0, kvsValueBytes: 0, asyncPushBytes: 0, asyncEventsPerMinute: 0, kvsReadUnitsPerMinute: 0, kvsWriteUnitsPerMinute: 0, kvsRequestsPerSecond: 0 });
  });
});

/** A 1,000-item checklist: call budget, invocation time limits, and hand-over between invocations. */
import { generatedChecklist, registerChecklist } from './checklists';
import { itemIdsOf, maxDuration, startHarness, type Harness } from './harness';

const ITEMS = 1000;
const CHAPTERS = 12;

describe('import of 1,000 items', () => {
  let h: Harness;
  const def = generatedChecklist({ id: 'big-1.0', items: ITEMS, chapters: CHAPTERS });
  beforeEach(async () => {
    h = startHarness();
    await registerChecklist(def);
  });
  afterEach(async () => {
    delete process.env.MSP_IMPORT_TIME_BUDGET_MS;
    await h.close();
  });

  it('stays inside the call budget and every invocation inside its limit, with 20 ms latency per call', async () => {
    h.emulator.setFaults({ latencyMs: 20 });
    const status = await h.importChecklist(def.id);
    expect(status).toMatchObject({ state: 'done', created: ITEMS });
    h.emulator.setFaults({});
    expect(new Set(itemIdsOf(await h.issues(), def.id)).size).toBe(ITEMS);
    expect(itemIdsOf(await h.issues(), def.id)).toHaveLength(ITEMS);

    // Bulk creates, plus the verification pass: every key created since the start read by bulkfetch (100 a call).
    const budget = Math.ceil(ITEMS / 50) + Math.ceil(CHAPTERS / 50) + Math.ceil((ITEMS + CHAPTERS) / 100) + 10;
    expect(h.appRequests().length).toBeLessThanOrEqual(budget);
    const records = h.runtime.invocations();
    expect(records.every((record) => record.outcome === 'ok')).toBe(true);
    expect(maxDuration(records, 'resolver')).toBeLessThan(25_000);
    expect(maxDuration(records, 'consumer')).toBeLessThan(900_000);
  });

  it('hands over to a new invocation before its time runs out and still creates each item once', async () => {
    process.env.MSP_IMPORT_TIME_BUDGET_MS = '400';
    h.emulator.setFaults({ latencyMs: 25 });
    const status = await h.importChecklist(def.id);
    h.emulator.setFaults({});
    expect(status).toMatchObject({ state: 'done', created: ITEMS });
    const consumers = h.runtime.invocations().filter((record) => record.kind === 'consumer');
    expect(consumers.length).toBeGreaterThan(1);
    expect(consumers.every((record) => record.outcome === 'ok')).toBe(true);
    expect(itemIdsOf(await h.issues(), def.id)).toHaveLength(ITEMS);
    expect(h.appLogs.some((line) => line.includes('handed over'))).toBe(true);
  });
});

/**
 * Version sync never creates an item twice: two updates at once (one holds the framework, the other
 * is refused), and a re-run while Jira's search index does not show the issues the first run made.
 */
import { syncV1, syncV2 } from '../fixtures/sync-v1-v2';
import type { SyncResult } from '../../common/contract';
import { registerChecklist } from './checklists';
import { startHarness, type Harness, type OutsideIssue } from './harness';

const BUSY = `Another import or version update of ${syncV2.name} is running in this project; try again when it finishes.`;
const activeItemIds = (issues: OutsideIssue[]): string[] =>
  issues
    .flatMap((issue) => {
      const identity = issue.properties['msp-audit-item'] as { kind?: string; state?: string; itemId?: string } | undefined;
      return identity?.kind === 'item' && identity.state === 'active' && identity.itemId ? [identity.itemId] : [];
    })
    .sort();
const v2Ids = syncV2.items.map((item) => item.id).sort();

describe('version sync, one writer and no duplicates', () => {
  let h: Harness;
  beforeEach(async () => {
    h = startHarness();
    await registerChecklist(syncV1);
    await registerChecklist(syncV2);
    expect(await h.importChecklist(syncV1.id)).toMatchObject({ state: 'done' });
  });
  afterEach(async () => {
    h.emulator.setFaults({});
    await h.close();
  });

  it('two updates at once: one applies the plan, the other is refused, and every item has one issue', async () => {
    h.emulator.setFaults({ latencyMs: 5 });
    const [first, second] = await Promise.allSettled([
      h.invoke<SyncResult>('applySync', { checklistId: syncV2.id }),
      h.invoke<SyncResult>('applySync', { checklistId: syncV2.id }),
    ]);
    h.emulator.setFaults({});
    const outcomes = [first, second];
    const done = outcomes.flatMap((outcome) => (outcome.status === 'fulfilled' ? [outcome.value] : []));
    const refused = outcomes.flatMap((outcome) => (outcome.status === 'rejected' ? [outcome.reason as Error] : []));
    expect(done).toHaveLength(1);
    expect(done[0]).toMatchObject({ created: 3, complete: true });
    expect(refused.map((error) => error.message)).toEqual([expect.stringContaining(BUSY)]);
    expect(activeItemIds(await h.issues())).toEqual(v2Ids);
    // The lock is released: the next update runs (a no-op).
    expect(await h.invoke<SyncResult>('applySync', { checklistId: syncV2.id })).toMatchObject({ created: 0, complete: true });
  });

  it('a re-run before search shows the new issues creates nothing again', async () => {
    h.emulator.setFaults({ searchLagMs: 60_000 });
    expect(await h.invoke<SyncResult>('applySync', { checklistId: syncV2.id })).toMatchObject({ created: 3, complete: true });
    expect(await h.invoke<SyncResult>('applySync', { checklistId: syncV2.id })).toMatchObject({ created: 0, complete: true });
    h.emulator.setFaults({});
    expect(activeItemIds(await h.issues())).toEqual(v2Ids);
  });

  it('an update is refused while an import of the framework is queued or running, and runs after it', async () => {
    await h.invoke<{ jobId: string }>('startImport', { checklistId: syncV1.id });
    await expect(h.invoke('applySync', { checklistId: syncV2.id })).rejects.toThrow(BUSY);
    await h.runtime.idle();
    expect(await h.invoke<SyncResult>('applySync', { checklistId: syncV2.id })).toMatchObject({ created: 3, complete: true });
    expect(activeItemIds(await h.issues())).toEqual(v2Ids);
  });
});

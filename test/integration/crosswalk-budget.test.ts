/**
 * Issue 18's performance line through the real app, the local Forge runtime and the Jira emulator:
 * a project holding three checklists (a team's own 130 items, AWS MSP 7.1's 61 and UCS's 42) and a
 * crosswalk of 500 mappings between them. Each checklist's rollup read from Jira stays within
 * DESIGN.md's rollup budget plus one call, and at most one call above the same read without the
 * crosswalk; an Audit page open reading all three after an evidence change costs at most one call
 * more than without it, whichever checklist it reads first. (bench/crosswalk.ts measures the same.)
 */
import type { ItemPanel, Rollup } from '../../common/contract';
import { rollupBudget } from '../../bench/budgets';
import { crosswalkChecklists, crosswalkRows } from '../../bench/crosswalk-scenario';
import type { ChecklistDefinition } from '../../src/domain/types';
import { registerChecklist } from './checklists';
import { startHarness, type Harness } from './harness';

describe('the call budget with a crosswalk of 500 mappings', () => {
  let h: Harness;
  beforeEach(() => {
    process.env.MSP_ROLLUP_REFRESH_MIN_AGE_MS = '0';
    h = startHarness();
  });
  afterEach(async () => {
    delete process.env.MSP_ROLLUP_REFRESH_MIN_AGE_MS;
    await h.close();
  });

  it('keeps each rollup within its budget plus one call, and an Audit page open at most one call above the same without it', async () => {
    const defs = crosswalkChecklists();
    const [own, aws, ucs] = defs;
    expect(defs.map((def) => def.items.length)).toEqual([130, 61, 42]);
    await registerChecklist(own);
    for (const def of defs) expect((await h.importChecklist(def.id)).state).toBe('done');

    const keys = new Map((await h.issues()).flatMap((issue) => {
      const identity = issue.properties['msp-audit-item'] as { kind?: string; checklistId?: string; itemId?: string } | undefined;
      return identity?.kind === 'item' ? [[`${identity.checklistId} ${identity.itemId}`, issue.key] as const] : [];
    }));
    const keyOf = (def: ChecklistDefinition, index: number) => keys.get(`${def.id} ${def.items[index]!.id}`)!;
    const accept = async (issueKey: string, title: string) => {
      const onIssue = <T>(functionKey: string, payload: unknown, accountId: string) =>
        h.runtime.invoke({ functionKey, payload, context: { moduleKey: 'audit-item-panel', accountId, issueKey } }) as Promise<T>;
      const added = await onIssue<ItemPanel>('addEvidence', { evidence: { kind: 'document', title, note: 'GRC tool' } }, 'admin');
      await onIssue('reviewEvidence', { id: added.evidence.entries[0]!.id, state: 'accepted' }, 'lead');
    };
    await accept(keyOf(own, 0), 'Access review');
    await accept(keyOf(aws, 0), 'Incident runbook');
    await accept(keyOf(ucs, 1), 'Policy binder');

    const calls = async (read: () => Promise<unknown>) => {
      h.emulator.clearRequests();
      await read();
      return h.appRequests().length;
    };
    const getRollup = (def: ChecklistDefinition, refresh = false) => h.invoke<Rollup>('getRollup', { checklistId: def.id, ...(refresh ? { refresh } : {}) });
    /** One checklist read from Jira, the others cached as the Audit page leaves them. */
    const refreshOne = async (def: ChecklistDefinition) => {
      for (const other of defs) await getRollup(other);
      return calls(() => getRollup(def, true));
    };
    let opens = 0;
    /** An Audit page open after an evidence change made every cache stale. */
    const pageOpen = async (order: readonly ChecklistDefinition[]) => {
      await accept(keyOf(own, 3 + opens++), `Change ${opens}`);
      return calls(async () => {
        for (const def of order) await getRollup(def);
      });
    };

    await pageOpen(defs); // the first open after the imports reads everything; the measured ones read a delta
    const pageWithout = await pageOpen(defs);
    const without: number[] = [];
    for (const def of defs) without.push(await refreshOne(def));

    const rows = crosswalkRows(own.items.map((i) => i.id), aws.items.map((i) => i.id), ucs.items.map((i) => i.id));
    expect(rows).toHaveLength(500);
    await h.invoke('saveCrosswalk', { rows, fileName: 'three-checklists.csv' });

    const pageWith = await pageOpen(defs);
    const pageCoveredFirst = await pageOpen([...defs].reverse());
    const withCrosswalk: number[] = [];
    for (const def of defs) withCrosswalk.push(await refreshOne(def));

    // Evidence on own 0 and AWS 0 covers UCS items; AWS 0 and UCS 1 cover items of the team's own list.
    expect((await getRollup(ucs)).crosswalk?.covered.length).toBeGreaterThan(0);
    expect((await getRollup(own)).crosswalk?.covered.length).toBeGreaterThan(0);
    defs.forEach((def, index) => {
      const figures = { checklist: def.id, without: without[index], with: withCrosswalk[index] };
      expect(figures.with).toBeLessThanOrEqual(rollupBudget(def.items.length) + 1);
      expect(figures.with).toBeLessThanOrEqual(figures.without! + 1);
    });
    expect(Math.max(pageWith, pageCoveredFirst)).toBeLessThanOrEqual(pageWithout + 1);
  });
});

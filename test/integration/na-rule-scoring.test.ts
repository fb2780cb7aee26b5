/**
 * An N/A answer the checklist allowed stays N/A; after a version update to a checklist that asks
 * for a justification, the same answer (given without one) counts as not met, says why, and is
 * listed in getRollup's `naRefused`: never silently kept.
 */
import type { Rollup, SyncResult } from '../../common/contract';
import type { ChecklistDefinition } from '../../src/domain/types';
import { syncV1, syncV2 } from '../fixtures/sync-v1-v2';
import { registerChecklist } from './checklists';
import { itemIdsOf, startHarness, type Harness } from './harness';

/** v2 of the fixture, stating that N/A needs a written justification (v1 allowed it freely). */
const justifiedV3: ChecklistDefinition = { ...syncV2, id: 'sync-demo-3.0', version: '3.0', naRule: 'justified' };

describe('N/A answers and the checklist N/A rule, through getRollup', () => {
  let h: Harness;
  beforeAll(async () => {
    h = startHarness();
    await registerChecklist(syncV1);
    await registerChecklist(justifiedV3);
    expect((await h.importChecklist(syncV1.id)).state).toBe('done');
  });
  afterAll(async () => {
    await h.close();
  });

  it('keeps an N/A the checklist allows, and counts it as not met once a version update makes it unlawful', async () => {
    const issues = await h.issues();
    const ids = itemIdsOf(issues);
    const key = issues[ids.indexOf('1.2')]!.key;
    await h.runtime.invoke({ functionKey: 'setAssessment', payload: { result: 'na', complexity: null }, context: { moduleKey: 'audit-item-panel', accountId: 'admin', issueKey: key } });
    await h.runtime.idle();

    const before = await h.invoke<Rollup>('getRollup', { checklistId: syncV1.id, refresh: true });
    expect(before.items.find((item) => item.id === '1.2')).toMatchObject({ result: 'na' });
    expect(before.naRefused).toEqual([]);

    expect(await h.invoke<SyncResult>('applySync', { checklistId: justifiedV3.id })).toMatchObject({ complete: true });
    const after = await h.invoke<Rollup>('getRollup', { checklistId: justifiedV3.id, refresh: true });
    const item = after.items.find((entry) => entry.id === '1.2')!;
    expect(item).toMatchObject({ result: 'not_met', issueKey: key });
    expect(item.reason).toBe('Counted as not met: the N/A answer on the issue is refused. N/A on 1.2 needs a justification: say why this item does not apply to you.');
    expect(after.naRefused).toEqual(['1.2']);
    expect(after.counts.na).toBe(0);
  });
});

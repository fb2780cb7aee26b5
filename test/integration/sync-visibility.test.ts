/** planSync names only issues the caller may see (issue security), like the rollup and the export. */
import { syncV1, syncV2 } from '../fixtures/sync-v1-v2';
import type { SyncPreview } from '../../common/contract';
import { registerChecklist } from './checklists';
import { startHarness, type Harness, type OutsideIssue } from './harness';

const itemOf = (issue: OutsideIssue): string | undefined => (issue.properties['msp-audit-item'] as { kind?: string; itemId?: string } | undefined)?.itemId;

describe('planSync and issue security', () => {
  let h: Harness;
  beforeEach(async () => {
    h = startHarness();
    await registerChecklist(syncV1);
    await registerChecklist(syncV2);
  });
  afterEach(async () => {
    await h.close();
  });

  it('leaves out the keys of issues hidden from a browse-only user, and counts them', async () => {
    await h.importChecklist(syncV1.id);
    const keyOf = new Map((await h.issues()).map((issue) => [itemOf(issue), issue.key]));
    const hidden = [keyOf.get('2.3')!, keyOf.get('1.1')!];
    for (const key of hidden) h.emulator.setIssueSecurity(key, ['viewer']);

    const admin = await h.invoke<SyncPreview>('planSync', { checklistId: syncV2.id });
    expect(admin.retire).toEqual([{ issueKey: keyOf.get('2.3'), itemId: '2.3' }]);
    expect(admin.hiddenIssues).toBe(0);

    const viewer = await h.invoke<SyncPreview>('planSync', { checklistId: syncV2.id }, { accountId: 'viewer' });
    expect(viewer.summary).toEqual(admin.summary);
    expect(viewer.retire).toEqual([{ itemId: '2.3' }]);
    expect(viewer.update.find((update) => update.itemId === '1.1')).not.toHaveProperty('issueKey');
    expect(JSON.stringify(viewer)).not.toContain(`"${hidden[0]}"`);
    expect(JSON.stringify(viewer)).not.toContain(`"${hidden[1]}"`);
    expect(viewer.hiddenIssues).toBe(2);
  });
});

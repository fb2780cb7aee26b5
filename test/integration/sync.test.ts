/**
 * Version sync on the v1 → v2 fixture pair (test/fixtures/sync-v1-v2.ts): 3 added, 2 changed,
 * 1 removed, 1 renamed, 4 moved to the new version only. Status and evidence stay as they were.
 */
import { syncV1, syncV2 } from '../fixtures/sync-v1-v2';
import type { Rollup, SyncPreview, SyncResult } from '../../common/contract';
import { registerChecklist } from './checklists';
import { startHarness, type Harness, type OutsideIssue } from './harness';

interface Identity {
  kind: string;
  itemId: string;
  checklistId: string;
  state: string;
}
const identity = (issue: OutsideIssue): Identity | undefined => issue.properties['msp-audit-item'] as Identity | undefined;
const byItem = (issues: OutsideIssue[]): Map<string, OutsideIssue> =>
  new Map(issues.flatMap((issue) => (identity(issue)?.kind === 'item' ? [[identity(issue)!.itemId, issue] as const] : [])));

describe('version sync', () => {
  let h: Harness;
  let pointsField: string;
  beforeEach(async () => {
    h = startHarness();
    await registerChecklist(syncV1);
    await registerChecklist(syncV2);
    const fields = (await h.outside('GET', '/rest/api/3/field')).body as { id: string; schema?: { custom?: string } }[];
    pointsField = fields.find((field) => field.schema?.custom?.endsWith('/static/audit-points'))!.id;
  });
  afterEach(async () => {
    await h.close();
  });

  it('plans and applies v1 → v2, keeps status and evidence, and is a no-op the second time', async () => {
    expect(await h.importChecklist(syncV1.id)).toMatchObject({ state: 'done', created: 8 });
    const v1 = byItem(await h.issues());
    // People's work on kept items: a status and evidence (an entity property of another feature).
    const kept = ['1.1', '2.2', '3.1'].map((id) => v1.get(id)!.key);
    for (const key of kept) {
      await h.transition(key, 'Done');
      expect((await h.outside('PUT', `/rest/api/3/issue/${key}/properties/msp-audit-evidence`, { entries: [{ kind: 'link', url: 'https://x' }] })).status).toBeLessThan(300);
    }

    const plan = await h.invoke<SyncPreview>('planSync', { checklistId: syncV2.id });
    expect(plan.summary).toEqual({ create: 3, update: 7, renamed: 1, restored: 0, changed: 2, versionOnly: 4, retire: 1, unchanged: 0, duplicates: 0, carriedOver: 7, activeBefore: 8, retiredWithWork: 0, proposals: 0 });
    expect(plan.fromChecklistIds).toEqual([syncV1.id]);
    expect(plan.create.map((item) => item.itemId)).toEqual(['1.4', '2.4', '3.3']);
    expect(plan.retire).toEqual([{ issueKey: v1.get('2.3')!.key, itemId: '2.3' }]);
    expect(plan.update.find((update) => update.itemId === '3.4')).toMatchObject({ issueKey: v1.get('3.1')!.key, previousItemId: '3.1' });
    expect(plan.update.find((update) => update.itemId === '1.3')?.changes).toEqual(['points', 'identity']);
    expect(plan.update.find((update) => update.itemId === '2.2')?.changes).toEqual(['description', 'identity']);

    const result = await h.invoke<SyncResult>('applySync', { checklistId: syncV2.id });
    expect(result).toEqual({ checklistId: syncV2.id, created: 3, updated: 7, retired: 1, unchanged: 0, complete: true });

    const after = await h.issues('MSP', { fields: [pointsField, 'description'], properties: ['msp-audit-evidence'] });
    const items = after.filter((issue) => identity(issue)?.kind === 'item');
    const active = items.filter((issue) => identity(issue)!.state === 'active');
    expect(active.map((issue) => identity(issue)!.itemId).sort()).toEqual(syncV2.items.map((item) => item.id).sort());
    expect(active.every((issue) => identity(issue)!.checklistId === syncV2.id)).toBe(true);
    expect(items).toHaveLength(11);

    const now = byItem(after);
    const retired = now.get('2.3')!;
    expect(identity(retired)!.state).toBe('retired');
    expect(retired.fields.labels).toContain('msp-retired');
    const renamed = now.get('3.4')!;
    expect(renamed.key).toBe(v1.get('3.1')!.key);
    expect(renamed.fields.summary).toBe('3.4 Vulnerability management');
    expect(now.get('1.3')!.fields[pointsField]).toBe(80);
    expect(JSON.stringify(now.get('2.2')!.fields.description)).toContain('with a rollback plan');
    for (const key of kept) {
      const issue = after.find((candidate) => candidate.key === key)!;
      expect((issue.fields.status as { name: string }).name).toBe('Done');
      expect(issue.properties['msp-audit-evidence']).toEqual({ entries: [{ kind: 'link', url: 'https://x' }] });
    }

    const again = await h.invoke<SyncPreview>('planSync', { checklistId: syncV2.id });
    expect(again.summary).toMatchObject({ create: 0, update: 0, retire: 0, unchanged: 10 });
    h.emulator.clearRequests();
    expect(await h.invoke<SyncResult>('applySync', { checklistId: syncV2.id })).toEqual({
      checklistId: syncV2.id,
      created: 0,
      updated: 0,
      retired: 0,
      unchanged: 10,
      complete: true,
    });
    expect(h.appRequests().filter((request) => request.method === 'PUT' || request.path === '/rest/api/3/issue/bulk')).toEqual([]);
    expect(await h.importChecklist(syncV2.id)).toMatchObject({ state: 'done', created: 0, existing: 10 });
    const chapters = (await h.issues()).filter((issue) => identity(issue)?.kind === 'chapter');
    expect(chapters.map((issue) => (issue.properties['msp-audit-item'] as { chapterId: string; checklistId: string }).checklistId)).toEqual([syncV2.id, syncV2.id, syncV2.id]);

    // Retired items leave the score; the new items count.
    const rollup = await h.invoke<Rollup>('getRollup', {});
    expect(rollup).toMatchObject({ checklistId: syncV2.id, maxScore: 1100 });
    expect(rollup.items.map((item) => item.id)).not.toContain('2.3');
    expect(rollup.items.filter((item) => item.result === 'met').map((item) => item.id).sort()).toEqual(['1.1', '2.2', '3.4']);
  });

  it('refuses a caller who may only browse', async () => {
    await h.importChecklist(syncV1.id);
    await expect(h.invoke('applySync', { checklistId: syncV2.id }, { accountId: 'viewer' })).rejects.toThrow(/You need the Create issues and Edit issues permissions/);
    const preview = await h.invoke<SyncPreview>('planSync', { checklistId: syncV2.id }, { accountId: 'viewer' });
    expect(preview.summary.create).toBe(3);
  });
});

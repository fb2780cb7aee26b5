/**
 * One framework, one version per project: importing another version beside the one a project works
 * would give every item a second issue, so startImport refuses and points to version sync.
 */
import { syncV1, syncV2 } from '../fixtures/sync-v1-v2';
import type { SyncResult } from '../../common/contract';
import { registerChecklist } from './checklists';
import { startHarness, type Harness, type OutsideIssue } from './harness';

const activeItems = (issues: OutsideIssue[]) =>
  issues.filter((issue) => {
    const identity = issue.properties['msp-audit-item'] as { kind?: string; state?: string } | undefined;
    return identity?.kind === 'item' && identity.state === 'active';
  });

describe('startImport with another version of the framework in the project', () => {
  let h: Harness;
  beforeEach(async () => {
    h = startHarness();
    await registerChecklist(syncV1);
    await registerChecklist(syncV2);
  });
  afterEach(async () => {
    await h.close();
  });

  it('refuses a newer version and points to the version update, creating nothing', async () => {
    expect(await h.importChecklist(syncV1.id)).toMatchObject({ state: 'done', created: syncV1.items.length });
    const before = (await h.issues()).length;
    await expect(h.invoke('startImport', { checklistId: syncV2.id })).rejects.toThrow(
      `Project MSP uses ${syncV1.name} ${syncV1.version}. Use “Update to version ${syncV2.version}” on the Audit page`,
    );
    expect((await h.issues()).length).toBe(before);
  });

  it('refuses an older version once the project moved on, creating nothing', async () => {
    await h.importChecklist(syncV1.id);
    expect(await h.invoke<SyncResult>('applySync', { checklistId: syncV2.id })).toMatchObject({ complete: true });
    const before = await h.issues();
    await expect(h.invoke('startImport', { checklistId: syncV1.id })).rejects.toThrow(
      `Project MSP already uses ${syncV2.name} ${syncV2.version}, a newer version than ${syncV1.version}`,
    );
    const after = await h.issues();
    expect(after.length).toBe(before.length);
    expect(activeItems(after)).toHaveLength(syncV2.items.length);
  });

  it('still re-imports the same version (a no-op) and imports other frameworks freely', async () => {
    await h.importChecklist(syncV1.id);
    expect(await h.importChecklist(syncV1.id)).toMatchObject({ state: 'done', created: 0 });
    expect(await h.importChecklist('mspalliance-ucs-23')).toMatchObject({ state: 'done' });
  });

  it('remembers every checklist of imports started at the same moment', async () => {
    await Promise.all([h.invoke('startImport', { checklistId: syncV1.id }), h.invoke('startImport', { checklistId: 'mspalliance-ucs-23' })]);
    await h.runtime.idle();
    const remembered = h.runtime.kvs.get('project-checklists:MSP') as { checklistIds: string[] };
    expect([...remembered.checklistIds].sort()).toEqual(['mspalliance-ucs-23', syncV1.id].sort());
  });
});

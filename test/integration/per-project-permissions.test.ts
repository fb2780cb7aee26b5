/**
 * Per-project permissions through the app (issue 21, part 6): `editor` edits project MSP and only
 * browses project OPS. Evidence and imports are allowed in MSP and refused in OPS with the app's
 * message, before anything is written.
 */
import type { ItemPanel } from '../../common/contract';
import { syncV1 } from '../fixtures/sync-v1-v2';
import { registerChecklist } from './checklists';
import { itemIdsOf, startHarness, type Harness } from './harness';

const link = { kind: 'link', title: 'Service catalogue (PDF)', url: 'https://intranet.example/catalogue.pdf' };

let h: Harness;
beforeEach(async () => {
  h = startHarness();
  await registerChecklist(syncV1);
  h.emulator.addProject({ key: 'OPS' });
  h.emulator.setProjectPermissions('editor', 'OPS', ['BROWSE_PROJECTS']);
});
afterEach(async () => {
  await h.close();
});

const onIssue = <T>(functionKey: string, issueKey: string, payload: unknown, accountId: string): Promise<T> =>
  h.runtime.invoke({ functionKey, payload, context: { moduleKey: 'audit-item-panel', accountId, issueKey } }) as Promise<T>;
const writes = (): string[] => h.appRequests().filter((r) => r.method !== 'GET' && r.path !== '/rest/api/3/search/jql').map((r) => `${r.method} ${r.path}`);
/** The issue key of item `itemId` in a project. */
async function itemKey(projectKey: string, itemId: string): Promise<string> {
  const issue = (await h.issues(projectKey)).find((i) => itemIdsOf([i])[0] === itemId);
  if (!issue) throw new Error(`no issue for ${itemId} in ${projectKey}`);
  return issue.key;
}

it('editor adds evidence on an MSP item and is refused, with nothing written, on an OPS item', async () => {
  expect(await h.importChecklist(syncV1.id)).toMatchObject({ state: 'done' });
  expect(await h.importChecklist(syncV1.id, { projectKey: 'OPS' })).toMatchObject({ state: 'done' });
  const msp = await itemKey('MSP', '1.1');
  const ops = await itemKey('OPS', '1.1');
  await h.runtime.idle();

  const added = await onIssue<ItemPanel>('addEvidence', msp, { evidence: link }, 'editor');
  expect(added.evidence.entries).toHaveLength(1);
  await h.runtime.idle();

  h.emulator.clearRequests();
  await expect(onIssue('addEvidence', ops, { evidence: link }, 'editor')).rejects.toThrow(
    `You need the Edit issues permission on ${ops} to add evidence to it. Ask a Jira admin of project OPS to grant it.`,
  );
  await h.runtime.idle();
  expect(writes()).toEqual([]);
  const panel = await onIssue<ItemPanel>('getItemPanel', ops, {}, 'editor');
  expect(panel).toMatchObject({ canEdit: false });
  expect(panel.evidence.entries).toEqual([]);
});

it('editor imports into MSP but is refused in OPS, where nothing is created', async () => {
  expect(await h.importChecklist(syncV1.id, { accountId: 'editor' })).toMatchObject({ state: 'done' });
  expect(itemIdsOf(await h.issues('MSP')).sort()).toEqual(syncV1.items.map((i) => i.id).sort());

  h.emulator.clearRequests();
  await expect(h.invoke('startImport', { checklistId: syncV1.id }, { accountId: 'editor', projectKey: 'OPS' })).rejects.toThrow(
    `You need the Create issues permission in project OPS to import the checklist ${syncV1.name}. Ask a Jira admin of the project to grant it.`,
  );
  await h.runtime.idle();
  expect(writes()).toEqual([]);
  expect(await h.issues('OPS')).toEqual([]);
});

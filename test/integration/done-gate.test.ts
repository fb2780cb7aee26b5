/**
 * The Done gate (issue 23) through the local runtime: the emulator holds the app's
 * `jira:workflowValidator` on the Done transition and runs its function through the Forge runtime on
 * every `POST /rest/api/3/issue/{key}/transitions`; a false result is Jira's 400 with the message.
 */
import type { ItemPanel } from '../../common/contract';
import { syncV1 } from '../fixtures/sync-v1-v2';
import { itemMapKey } from '../../src/storage/keys';
import { deleteValue } from '../../src/storage/kvs';
import { registerChecklist } from './checklists';
import { startHarness, type Harness, type OutsideIssue } from './harness';

const DONE = '31';
const itemIdOf = (issue: OutsideIssue): string | undefined => {
  const identity = issue.properties['msp-audit-item'] as { kind?: string; itemId?: string } | undefined;
  return identity?.kind === 'item' ? identity.itemId : undefined;
};
const link = { kind: 'link', title: 'Scan report', url: 'https://intranet.example/scan' };

describe('Done gate: the workflow validator on the Done transition', () => {
  let h: Harness;
  let keys: Map<string, string>;
  const key = (itemId: string): string => keys.get(itemId)!;
  const onIssue = <T>(functionKey: string, itemId: string, payload: unknown = {}, accountId = 'admin'): Promise<T> =>
    h.runtime.invoke({ functionKey, payload, context: { moduleKey: 'audit-item-panel', accountId, issueKey: key(itemId) } }) as Promise<T>;
  const moveToDone = (issueKey: string, actor = 'admin') => h.outside('POST', `/rest/api/3/issue/${issueKey}/transitions`, { transition: { id: DONE } }, actor);
  const statusOf = async (issueKey: string): Promise<string> => {
    const res = await h.outside('GET', `/rest/api/3/issue/${issueKey}?fields=status`);
    return (res.body as { fields: { status: { name: string } } }).fields.status.name;
  };

  beforeEach(async () => {
    h = startHarness();
    await registerChecklist(syncV1);
    await h.importChecklist(syncV1.id);
    keys = new Map((await h.issues()).flatMap((issue) => (itemIdOf(issue) ? [[itemIdOf(issue)!, issue.key]] : [])));
    h.emulator.addWorkflowValidator({ transitionId: DONE, moduleKey: 'audit-done-gate' });
  });
  afterEach(() => h.close());

  it('refuses Done on a mandatory item whose evidence is pending review, with Jira\'s 400 and the message; the status stays', async () => {
    await onIssue('addEvidence', '1.1', { evidence: link });
    await onIssue('addEvidence', '1.1', { evidence: { ...link, title: 'Policy' } });
    const res = await moveToDone(key('1.1'));
    expect(res.status).toBe(400);
    const title = syncV1.items.find((item) => item.id === '1.1')!.title;
    expect(res.body).toEqual({
      errorMessages: [`1.1 ${title} can't be Done yet: its 2 evidence entries are pending review. It needs accepted evidence in force, a justified N/A or a waiver.`],
      errors: {},
    });
    expect(await statusOf(key('1.1'))).toBe('To Do');
  });

  it('counts evidence accepted by its own author only while four eyes is off', async () => {
    const settings = (fourEyes: boolean) =>
      h.runtime.invoke({ functionKey: 'setProjectSettings', payload: { fourEyes }, context: { moduleKey: 'audit-page', accountId: 'admin', projectKey: 'MSP' } });
    await settings(false);
    const added = await onIssue<ItemPanel>('addEvidence', '2.1', { evidence: link }, 'admin');
    await onIssue('reviewEvidence', '2.1', { id: added.evidence.entries[0]!.id, state: 'accepted' }, 'admin');
    await settings(true);
    const res = await moveToDone(key('2.1'));
    expect(res.status).toBe(400);
    expect((res.body as { errorMessages: string[] }).errorMessages[0]).toContain('1 accepted only by who added it (four eyes: someone else must review it)');
    await settings(false);
    expect((await moveToDone(key('2.1'))).status).toBe(204);
  });

  it('allows Done once another person accepted the evidence', async () => {
    const added = await onIssue<ItemPanel>('addEvidence', '1.1', { evidence: link }, 'lead');
    expect((await moveToDone(key('1.1'))).status).toBe(400);
    await onIssue('reviewEvidence', '1.1', { id: added.evidence.entries[0]!.id, state: 'accepted' }, 'admin');
    h.emulator.clearRequests();
    expect((await moveToDone(key('1.1'))).status).toBe(204);
    expect(await statusOf(key('1.1'))).toBe('Done');
    // The validator read Jira at most twice for the move (issue, target status).
    const appCalls = h.appRequests();
    expect(appCalls.map((r) => `${r.method} ${r.path}`).sort()).toEqual([`GET /rest/api/3/issue/${key('1.1')}`, 'GET /rest/api/3/status/10001']);
  });

  it('lets optional items through under the default configuration, and gates them under "every item"', async () => {
    expect((await moveToDone(key('1.2'))).status).toBe(204);
    h.emulator.clearWorkflowValidators();
    h.emulator.addWorkflowValidator({ transitionId: DONE, moduleKey: 'audit-done-gate', configuration: { scope: 'all' } });
    const res = await moveToDone(key('1.3'));
    expect(res.status).toBe(400);
    expect((res.body as { errorMessages: string[] }).errorMessages[0]).toMatch(/^1\.3 .* can't be Done yet: it has no evidence\./);
  });

  it('does not touch issues that are not checklist items, nor moves to other statuses', async () => {
    const created = await h.outside('POST', '/rest/api/3/issue', { fields: { project: { key: 'MSP' }, issuetype: { name: 'Task' }, summary: 'Order coffee' } });
    expect(created.status).toBe(201);
    const plain = (created.body as { key: string }).key;
    h.emulator.clearRequests();
    expect((await moveToDone(plain)).status).toBe(204);
    expect(await statusOf(plain)).toBe('Done');
    // Decided from the app's item map alone: no Jira read.
    expect(h.appRequests()).toEqual([]);
    h.emulator.addWorkflowValidator({ transitionId: '21', moduleKey: 'audit-done-gate' });
    expect((await h.outside('POST', `/rest/api/3/issue/${key('1.1')}/transitions`, { transition: { id: '21' } })).status).toBe(204);
  });

  it('refuses with why and how to retry when it cannot read the issue (never a silent pass)', async () => {
    h.emulator.setIssueSecurity(key('1.1'), ['app']);
    const res = await moveToDone(key('1.1'));
    expect(res.status).toBe(400);
    const message = (res.body as { errorMessages: string[] }).errorMessages[0]!;
    expect(message).toContain(`MSP Audit Ready could not check ${key('1.1')}'s evidence, so it cannot move to Done yet`);
    expect(message).toContain('try the transition again in a minute');
    expect(await statusOf(key('1.1'))).toBe('To Do');
  });

  it('while the item map of a framework was never built, refuses items by their identity (open the Audit page) and lets other issues through', async () => {
    await deleteValue(itemMapKey('MSP', syncV1.framework));
    const res = await moveToDone(key('1.1'));
    expect(res.status).toBe(400);
    expect((res.body as { errorMessages: string[] }).errorMessages[0]).toBe(
      `MSP Audit Ready has not yet listed the items of ${syncV1.framework} in project MSP, so ${key('1.1')}'s evidence cannot be checked. Open the project's Audit page once (it lists them), then try the transition again.`,
    );
    const created = await h.outside('POST', '/rest/api/3/issue', { fields: { project: { key: 'MSP' }, issuetype: { name: 'Task' }, summary: 'Order coffee' } });
    expect((await moveToDone((created.body as { key: string }).key)).status).toBe(204);
    // Opening the Audit page builds the map; from then on the item is judged on its evidence.
    await h.invoke('getRollup', { refresh: true });
    const judged = await moveToDone(key('1.1'));
    expect((judged.body as { errorMessages: string[] }).errorMessages[0]).toMatch(/^1\.1 .* can't be Done yet: it has no evidence\./);
  });

  it('refuses with a clear message when the validator\'s configuration is not valid', async () => {
    h.emulator.clearWorkflowValidators();
    h.emulator.addWorkflowValidator({ transitionId: DONE, moduleKey: 'audit-done-gate', configuration: { scope: 'optional' } });
    const res = await moveToDone(key('1.2'));
    expect(res.status).toBe(400);
    expect((res.body as { errorMessages: string[] }).errorMessages[0]).toContain('is misconfigured. The configuration is not valid: "scope" must be "mandatory" or "all".');
  });
});

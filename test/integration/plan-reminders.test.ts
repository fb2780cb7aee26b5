/**
 * Daily reminders through the local server's HTTP contract, with the real app: `POST
 * /api/__admin/scheduled` runs every scheduled trigger of the manifest, and `GET
 * /jira/__admin/notifications` lists what Jira's issue notify API received. A run sends each
 * assignee the reminders due (open mandatory items within 30 days of the audit, evidence expiring
 * before it), the preview on the Audit page says the same beforehand, a second run sends nothing,
 * and a project with reminders off gets none.
 */
import type { RemindersView } from '../../common/contract';
import { startLocalServer, type LocalServer } from '@msp-audit-ready/forge-local/server';
import type { NotificationRecord, RequestLogEntry } from '@msp-audit-ready/forge-local/jira';
import { OutsideClient } from '../browser/audit-helpers';
import { loadJiraOpenApi, operationIdsOf, refusedRequests } from '../support/jira-openapi';
import { APP_DIR } from './harness';

const CHECKLIST = 'aws-msp-7.1';
const DAY_MS = 86_400_000;
const day = (offset: number): string => new Date(Date.now() + offset * DAY_MS).toISOString().slice(0, 10);

describe('daily reminders over the local server', () => {
  let server: LocalServer;
  let out: OutsideClient;
  const keys = new Map<string, string>();
  const notifications = async () => (await out.request<NotificationRecord[]>('GET', '/jira/__admin/notifications')).body;
  const runScheduled = async () => {
    const res = await out.request<{ triggers: { key: string; ok: boolean }[] }>('POST', '/api/__admin/scheduled');
    expect(res.status).toBe(200);
    expect(res.body.triggers).toEqual(expect.arrayContaining([expect.objectContaining({ key: 'audit-reminders', ok: true }), expect.objectContaining({ key: 'score-history-daily', ok: true })]));
  };

  beforeAll(async () => {
    const spies = [jest.spyOn(console, 'info').mockImplementation(() => undefined), jest.spyOn(console, 'warn').mockImplementation(() => undefined)];
    afterAllRestore.push(() => spies.forEach((spy) => spy.mockRestore()));
    server = await startLocalServer({ port: 0, appDir: APP_DIR, runtime: { timeScale: 0, log: () => undefined } });
    out = new OutsideClient(server.url);
    await out.invoke('startImport', { checklistId: CHECKLIST });
    await out.idle();
    for (const itemId of ['BUSP-001', 'OPS-001', 'OPS-002', 'OPS-003']) {
      const [issueKey] = await out.searchKeys(`project = MSP AND auditItem = "${itemId}"`);
      keys.set(itemId, issueKey!);
    }
    const assign = async (itemId: string, accountId: string) => expect((await out.jira('PUT', `/issue/${keys.get(itemId)}`, { fields: { assignee: { accountId } } })).status).toBe(204);
    await assign('BUSP-001', 'lead');
    await assign('OPS-001', 'admin');
    await assign('OPS-002', 'lead');
    await out.transitionToDone(keys.get('OPS-002')!);
    // OPS-003 is open and mandatory but nobody's: no reminder.
    const added = await out.request('POST', '/api/invoke', {
      functionKey: 'addEvidence',
      payload: { evidence: { kind: 'link', title: 'Patch report', url: 'https://intranet.example/patch', expiryDate: day(10) } },
      context: { moduleKey: 'audit-item-panel', issueKey: keys.get('OPS-002'), accountId: 'admin' },
    });
    expect(added.status).toBe(200);
    await out.invoke('setAuditPlan', { validationDate: day(20) });
    await out.idle();
  }, 60_000);
  const afterAllRestore: (() => void)[] = [];
  afterAll(async () => {
    await server?.close();
    afterAllRestore.forEach((restore) => restore());
  });

  it('previews, sends once to each assignee, and sends nothing on a second run', async () => {
    const preview = await out.invoke<RemindersView>('getReminders', {});
    expect(preview.enabled).toBe(true);
    const expected = [
      [keys.get('BUSP-001'), 'lead', 'mandatory-open'],
      [keys.get('OPS-001'), 'admin', 'mandatory-open'],
      [keys.get('OPS-002'), 'lead', 'evidence-expiring'],
    ];
    expect(preview.next.map((next) => [next.issueKey, next.to, next.kind]).sort()).toEqual([...expected].sort());

    await runScheduled();
    const sent = await notifications();
    expect(sent.map((record) => [record.issueKey, record.to, record.from]).sort()).toEqual(
      [
        [keys.get('BUSP-001'), ['lead'], 'app'],
        [keys.get('OPS-001'), ['admin'], 'app'],
        [keys.get('OPS-002'), ['lead'], 'app'],
      ].sort(),
    );
    const busp = sent.find((record) => record.issueKey === keys.get('BUSP-001'))!;
    expect(busp.subject).toBe('BUSP-001 Web Presence is not met, 20 days before the audit');
    expect(busp.text).toBe(`This mandatory item is not met and the validation audit is on ${day(20)} (20 days). Meet it, or record why it does not apply.`);
    expect(sent.find((record) => record.issueKey === keys.get('OPS-002'))!.text).toContain(`"Patch report" (${day(10)})`);

    await runScheduled();
    expect(await notifications()).toHaveLength(3);
    await expect(out.invoke<RemindersView>('getReminders', {})).resolves.toEqual({ enabled: true, next: [] });

    // The notify calls are ones the Jira OpenAPI description accepts.
    const appRequests = (await out.request<RequestLogEntry[]>('GET', '/jira/__admin/requests')).body.filter((request) => request.origin === 'app');
    const { api } = await loadJiraOpenApi();
    expect(operationIdsOf(api, appRequests)).toContain('notify');
    expect(refusedRequests(api, appRequests)).toEqual([]);
  });

  it('a project can turn reminders off (Edit issues); a viewer may not', async () => {
    await expect(out.invoke('setReminders', { enabled: false }, 'viewer')).rejects.toThrow('You need the Edit issues permission in project MSP to turn the reminders on or off.');
    await expect(out.invoke('getReminders', {}, 'viewer')).rejects.toThrow('to preview the reminders');
    await expect(out.invoke<RemindersView>('setReminders', { enabled: false })).resolves.toMatchObject({ enabled: false });
    // A new reminder is due (OPS-003 gets an owner) but reminders are off.
    expect((await out.jira('PUT', `/issue/${keys.get('OPS-003')}`, { fields: { assignee: { accountId: 'admin' } } })).status).toBe(204);
    await out.idle();
    await runScheduled();
    expect(await notifications()).toHaveLength(3);
    await out.invoke('setReminders', { enabled: true });
    await runScheduled();
    const sent = await notifications();
    expect(sent).toHaveLength(4);
    expect(sent[3]).toMatchObject({ issueKey: keys.get('OPS-003'), to: ['admin'] });
  });
});

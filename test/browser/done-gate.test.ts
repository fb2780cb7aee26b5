/**
 * The Done gate in the local host (issue 23): the issue page's status control moves an item as the
 * acting user; with the app's validator on the Done transition, an item without accepted evidence is
 * refused with the validator's message and stays put; after another person accepts its evidence, the
 * same move goes through.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { EmulatorRequest } from '@msp-audit-ready/forge-local/jira';
import { builtinChecklists } from '../../src/checklists';
import { describeBrowser, openPage, ROOT, screenshot, startBrowserEnv, type BrowserEnv } from './helpers';

jest.setTimeout(90_000);

const CHECKLIST = 'aws-msp-4.x';
const built = existsSync(join(ROOT, 'static', 'app', 'build', 'index.html'));
const outside = (req: Partial<EmulatorRequest>): EmulatorRequest => ({ method: 'GET', path: '/', query: {}, headers: {}, body: undefined, actor: 'admin', origin: 'outside', ...req });

(built ? describeBrowser : describe.skip)('Done gate on the issue page (browser)', () => {
  let env: BrowserEnv;
  let issueKey: string;
  let itemId: string;

  beforeAll(async () => {
    env = await startBrowserEnv({ appDir: ROOT });
    const { runtime, emulator } = env.server;
    await runtime.invoke({ functionKey: 'startImport', payload: { checklistId: CHECKLIST }, context: { moduleKey: 'audit-page', projectKey: 'MSP', accountId: 'admin' } });
    await runtime.idle();
    const def = builtinChecklists().find((d) => d.id === CHECKLIST)!;
    itemId = def.items.find((item) => item.mandatory)!.id;
    const found = await emulator.handle(outside({ method: 'POST', path: '/rest/api/3/search/jql', body: { jql: `project = MSP AND auditItem = "${itemId}"`, fields: ['summary'] } }));
    issueKey = (found.body as { issues: { key: string }[] }).issues[0]!.key;
    emulator.addWorkflowValidator({ transitionId: '31', moduleKey: 'audit-done-gate' });
  });
  afterAll(async () => {
    await env?.close();
  });

  it('refuses Done without accepted evidence with the message, then allows it after another person accepted the evidence', async () => {
    const s = await openPage(env.browser, `${env.server.url}/browse/${issueKey}?as=admin`);
    await s.page.waitForSelector('form.transition[data-ready="true"]');
    await s.page.selectOption('select[aria-label="Move to status"]', { label: 'Done' });
    await s.page.click('form.transition button[type="submit"]');
    const alert = s.page.locator('form.transition [role="alert"]');
    await alert.filter({ hasText: "can't be Done yet" }).waitFor();
    expect(await alert.textContent()).toMatch(new RegExp(`^${itemId.replace('.', '\\.')} .* can't be Done yet: it has no evidence\\.`));
    expect(await s.page.textContent('.lozenge.status')).toBe('To Do');
    await screenshot(s.page, 'done-gate-refused');

    const { runtime } = env.server;
    const context = (accountId: string) => ({ moduleKey: 'audit-item-panel', accountId, issueKey });
    const added = (await runtime.invoke({ functionKey: 'addEvidence', payload: { evidence: { kind: 'link', title: 'Scan report', url: 'https://intranet.example/scan' } }, context: context('admin') })) as {
      evidence: { entries: { id: string }[] };
    };
    await runtime.invoke({ functionKey: 'reviewEvidence', payload: { id: added.evidence.entries[0]!.id, state: 'accepted' }, context: context('lead') });

    await s.page.reload();
    await s.page.waitForSelector('form.transition[data-ready="true"]');
    await s.page.selectOption('select[aria-label="Move to status"]', { label: 'Done' });
    await Promise.all([s.page.waitForEvent('load'), s.page.click('form.transition button[type="submit"]')]);
    expect(await s.page.textContent('.lozenge.status')).toBe('Done');
    await screenshot(s.page, 'done-gate-allowed');
    expect(s.errors).toEqual([]);
  });
});

/**
 * The Done gate's configuration page on the local host (issue 23): the workflow editor page shows the
 * validator's create page in the app's iframe under Jira's Add button. Invalid JSON saves nothing and
 * the page says why; the admin picks "Every item", Add saves it through workflowRules.onConfigure,
 * the view page shows it back, and the validator then uses it on a transition (an optional item
 * without evidence is refused). Screenshots for the README.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { EmulatorRequest } from '@msp-audit-ready/forge-local/jira';
import { builtinChecklists } from '../../src/checklists';
import { appFrame, describeBrowser, openPage, ROOT, screenshot, startBrowserEnv, type BrowserEnv } from './helpers';

jest.setTimeout(90_000);

const CHECKLIST = 'aws-msp-4.x';
const built = existsSync(join(ROOT, 'static', 'app', 'build', 'index.html'));
const outside = (req: Partial<EmulatorRequest>): EmulatorRequest => ({ method: 'GET', path: '/', query: {}, headers: {}, body: undefined, actor: 'admin', origin: 'outside', ...req });

(built ? describeBrowser : describe.skip)('Done gate configuration page (browser)', () => {
  let env: BrowserEnv;
  let optionalKey: string;

  beforeAll(async () => {
    env = await startBrowserEnv({ appDir: ROOT });
    const { runtime, emulator } = env.server;
    await runtime.invoke({ functionKey: 'startImport', payload: { checklistId: CHECKLIST }, context: { moduleKey: 'audit-page', projectKey: 'MSP', accountId: 'admin' } });
    await runtime.idle();
    const def = builtinChecklists().find((d) => d.id === CHECKLIST)!;
    const optional = def.items.find((item) => !item.mandatory)!.id;
    const found = await emulator.handle(outside({ method: 'POST', path: '/rest/api/3/search/jql', body: { jql: `project = MSP AND auditItem = "${optional}"`, fields: ['summary'] } }));
    optionalKey = (found.body as { issues: { key: string }[] }).issues[0]!.key;
  });
  afterAll(async () => {
    await env?.close();
  });

  it('refuses invalid JSON, saves "every item" with Add, shows it in view, and the validator uses it', async () => {
    const { emulator } = env.server;
    const s = await openPage(env.browser, `${env.server.url}/workflow-rule/config?module=audit-done-gate&transition=31&as=admin`);
    expect(await s.page.textContent('.rule-state')).toContain('Not on this transition yet');
    const frame = await appFrame(s.page, 'audit-done-gate');
    const json = frame.getByRole('textbox', { name: 'Configuration (JSON)' });
    await json.waitFor();

    await frame.getByRole('radio', { name: /Every item/ }).check();
    expect(await json.inputValue()).toBe('{"scope":"all","naCounts":true}');
    await screenshot(s.page, 'done-gate-config');

    await json.fill('{"scope": "all",');
    await s.page.click('button[data-rule-save]');
    await frame.getByRole('alert').filter({ hasText: 'Nothing was saved' }).waitFor();
    expect(await frame.getByRole('alert').textContent()).toContain('not valid JSON');
    expect(await s.page.textContent('.rule-result')).toContain('did not give a configuration: nothing was saved');
    expect(emulator.workflowValidators()).toEqual([]);
    await screenshot(s.page, 'done-gate-config-invalid');

    await json.fill('{"scope":"all"}');
    await Promise.all([s.page.waitForURL(/mode=view/), s.page.click('button[data-rule-save]')]);
    expect(emulator.workflowValidators()).toEqual([{ transitionId: '31', moduleKey: 'audit-done-gate', configuration: { scope: 'all', naCounts: true } }]);

    const view = await appFrame(s.page, 'audit-done-gate');
    expect(await view.getByTestId('gate-config-summary').textContent()).toBe('Every item; a justified N/A counts as done.');
    expect(await s.page.textContent('.rule-config')).toBe('{"scope":"all","naCounts":true}');

    // The edit page opens with what was saved.
    const edit = await openPage(env.browser, `${env.server.url}/workflow-rule/config?module=audit-done-gate&transition=31&mode=edit&as=admin`);
    const editFrame = await appFrame(edit.page, 'audit-done-gate');
    await editFrame.getByRole('radio', { name: /Every item/ }).waitFor();
    expect(await editFrame.getByRole('radio', { name: /Every item/ }).isChecked()).toBe(true);

    // Under "every item", an optional item without evidence is refused on its way to Done.
    const moved = await emulator.handle(outside({ method: 'POST', path: `/rest/api/3/issue/${optionalKey}/transitions`, body: { transition: { id: '31' } } }));
    expect(moved.status).toBe(400);
    expect((moved.body as { errorMessages: string[] }).errorMessages[0]).toMatch(/can't be Done yet: it has no evidence\./);
    expect([...s.errors, ...edit.errors]).toEqual([]);
  });

  it('the Audit page says the gate is not confirmed, lists an item in Done without evidence, and a project admin confirms it', async () => {
    const { emulator } = env.server;
    // An item moved to Done while the validator was not on the transition.
    emulator.clearWorkflowValidators();
    expect((await emulator.handle(outside({ method: 'POST', path: `/rest/api/3/issue/${optionalKey}/transitions`, body: { transition: { id: '31' } } }))).status).toBe(204);
    await env.server.runtime.idle();
    const s = await openPage(env.browser, `${env.server.url}/projects/MSP/apps/audit-page/evidence?as=admin`);
    const frame = await appFrame(s.page, 'audit-page');
    const section = frame.locator('section', { has: frame.getByRole('heading', { name: 'Done gate', exact: true }) });
    await section.getByText('Not confirmed yet').waitFor();
    expect(await section.getByRole('list', { name: 'How to add the Done gate' }).locator('li').count()).toBe(3);
    // The defaults gate mandatory items only: the optional item is not listed until "every item" is confirmed.
    await section.getByRole('radio', { name: 'Every item' }).check();
    await section.getByRole('button', { name: 'The gate is on for our Done transition' }).click();
    await section.getByText('On for this project’s workflow').waitFor();
    expect(await section.getByTestId('gate-backlog').textContent()).toContain(optionalKey);
    await section.scrollIntoViewIfNeeded();
    await screenshot(s.page, 'done-gate-audit-section');
    expect(s.errors).toEqual([]);
  });

  it('only a Jira admin saves: the viewer is refused and nothing changes', async () => {
    env.server.emulator.putWorkflowValidator({ transitionId: '31', moduleKey: 'audit-done-gate', configuration: { scope: 'all', naCounts: true } });
    const res = await fetch(`${env.server.url}/workflow-rule/config`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie: 'forge_as=viewer' },
      body: JSON.stringify({ module: 'audit-done-gate', transitionId: '31', configuration: '{"scope":"mandatory"}' }),
    });
    expect(res.status).toBe(403);
    expect(env.server.emulator.workflowValidators()[0]?.configuration).toEqual({ scope: 'all', naCounts: true });
  });
});

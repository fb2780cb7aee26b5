/**
 * The Audit page's structure end to end in Chromium on the local server and the production build
 * (issue 16 parts 1, 2, 3, 5): the recommended checklist preselected with its preview, imported
 * with one click; the score at a glance; every tab opened, its address in the page URL, and a deep
 * link that survives a reload; on an issue page, the item panel's change reaching the evidence
 * field's frame without a reload. Screenshots of each tab (and the overview in the dark theme) go to
 * docs/screenshots/ for the README.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Frame } from 'playwright-core';
import type { EmulatorRequest } from '@msp-audit-ready/forge-local/jira';
import type { ChecklistSummary } from '../../common/contract';
import { builtinChecklists } from '../../src/checklists';
import { recommendedChecklist } from '../../static/app/src/views/audit/import/recommended';
import { english } from '../../static/app/src/i18n';
import { auditMessages } from '../../static/app/src/views/audit/messages';
import { AUDIT_TABS } from '../../static/app/src/views/audit/tabs/tab-routes';
import { appFrame, describeBrowser, docsScreenshot, openPage, ROOT, startBrowserEnv, type BrowserEnv, type PageSession } from './helpers';

jest.setTimeout(180_000);

const PAGE = '/projects/MSP/apps/audit-page';
const built = existsSync(join(ROOT, 'static', 'app', 'build', 'index.html'));
if (!built) console.log('Audit tabs browser test skipped: no production build in static/app/build (run npm run build)');

const outside = (req: Partial<EmulatorRequest>): EmulatorRequest => ({ method: 'GET', path: '/', query: {}, headers: {}, body: undefined, actor: 'admin', origin: 'outside', ...req });

/** The region each tab shows first (its heading), to wait for. */
const TAB_REGION: Record<string, string> = {
  overview: 'Audit score',
  chapters: 'Chapters',
  evidence: 'Audit risks',
  'audit-day': 'Audit day',
  plan: 'Road to audit day',
  trail: 'Decision trail',
};

(built ? describeBrowser : describe.skip)('Audit page tabs in Chromium against the local server', () => {
  let env: BrowserEnv;
  let s: PageSession;
  let frame: Frame;
  let importedId = '';

  beforeAll(async () => {
    env = await startBrowserEnv({ appDir: ROOT });
  });
  afterAll(async () => {
    await env?.close();
  });


  it('preselects the recommended checklist with its preview, and imports it with one click', async () => {
    s = await openPage(env.browser, `${env.server.url}${PAGE}?as=admin`);
    frame = await appFrame(s.page, 'audit-page');
    const summaries = (await env.server.runtime.invoke({ functionKey: 'listChecklists', payload: {}, context: { moduleKey: 'audit-page', projectKey: 'MSP', accountId: 'admin' } })) as ChecklistSummary[];
    const recommended = recommendedChecklist(summaries, new Date().toISOString().slice(0, 10));
    if (!recommended) throw new Error('No checklist offered');
    importedId = recommended.id;
    await frame.getByRole('region', { name: `Preview: ${recommended.name} ${recommended.version}` }).waitFor();
    expect(await frame.getByRole('radio', { checked: true }).count()).toBe(1);
    const importButton = frame.getByRole('button', { name: 'Import', exact: true });
    expect(await importButton.isEnabled()).toBe(true);
    await docsScreenshot(s.page, 'audit-import-one-click');
    await importButton.click();
    await frame.getByRole('button', { name: 'See the score' }).waitFor({ timeout: 90_000 });
    await frame.getByRole('button', { name: 'See the score' }).click();
    await frame.getByRole('region', { name: 'Audit score' }).waitFor({ timeout: 30_000 });
  });

  it('shows the score at a glance with a sentence for screen readers', async () => {
    const glance = frame.getByRole('group', { name: 'Score at a glance' });
    await glance.waitFor();
    const sentence = (await frame.getByTestId('glance-sentence').textContent()) ?? '';
    expect(sentence).toMatch(/^Would (not )?pass( yet)?: /);
  });

  it('opens every tab, puts it in the page address, and takes its screenshot', async () => {
    // One item done without evidence, so the Evidence and risks tab shows its risk table.
    const second = builtinChecklists().find((d) => d.id === importedId)?.items[1]?.id ?? '';
    const found = await env.server.emulator.handle(outside({ method: 'POST', path: '/rest/api/3/search/jql', body: { jql: `project = MSP AND auditItem = "${second}"`, fields: ['summary'] } }));
    const doneKey = (found.body as { issues?: { key: string }[] }).issues?.[0]?.key ?? '';
    const transitions = await env.server.emulator.handle(outside({ path: `/rest/api/3/issue/${doneKey}/transitions` }));
    const done = (transitions.body as { transitions: { id: string; to: { name: string } }[] }).transitions.find((t) => t.to.name === 'Done');
    expect((await env.server.emulator.handle(outside({ method: 'POST', path: `/rest/api/3/issue/${doneKey}/transitions`, body: { transition: { id: done?.id } } }))).status).toBe(204);
    await env.server.runtime.idle();
    await s.page.reload();
    frame = await appFrame(s.page, 'audit-page');
    await frame.getByRole('region', { name: 'Audit score' }).waitFor({ timeout: 30_000 });

    const tabs = await frame.getByRole('tab').allInnerTexts();
    const names = english(auditMessages).tabs;
    expect(tabs).toEqual(AUDIT_TABS.map((t) => names[t.id]));
    for (const tab of AUDIT_TABS) {
      await frame.getByRole('tab', { name: names[tab.id], exact: true }).click();
      await frame.locator(`section:has(h2:text-is("${TAB_REGION[tab.id]}"))`).first().waitFor({ timeout: 30_000 });
      // The item tables in the pictures: the score explanation opened, the risk listed.
      if (tab.id === 'chapters') await frame.getByRole('button', { name: 'Explain this score' }).click();
      if (tab.id === 'evidence') await frame.getByRole('table', { name: 'Audit risks' }).waitFor({ timeout: 30_000 });
      expect(new URL(s.page.url()).pathname).toBe(tab.path === '/' ? PAGE : `${PAGE}${tab.path}`);
      // Let lazily loaded figures settle before the picture.
      await s.page.waitForTimeout(500);
      await docsScreenshot(s.page, `audit-tab-${tab.id}`);
    }
    expect(s.errors).toEqual([]);
  });

  it('follows Jira’s dark theme (?theme=dark on the local host) and takes its screenshot', async () => {
    const dark = await openPage(env.browser, `${env.server.url}${PAGE}?as=admin&theme=dark`);
    const darkFrame = await appFrame(dark.page, 'audit-page');
    await darkFrame.getByRole('region', { name: 'Audit score' }).waitFor({ timeout: 30_000 });
    expect(await darkFrame.evaluate(() => document.documentElement.getAttribute('data-color-mode'))).toBe('dark');
    await dark.page.waitForTimeout(500);
    await docsScreenshot(dark.page, 'audit-tab-overview-dark');
    expect(dark.errors).toEqual([]);
    await dark.page.close();
  });

  it('keeps the tab through a reload (a deep link)', async () => {
    await frame.getByRole('tab', { name: 'Chapters', exact: true }).click();
    // pushState, not a navigation: wait for the address itself.
    await s.page.waitForFunction((path) => window.location.pathname === path, `${PAGE}/chapters`);
    await s.page.reload();
    frame = await appFrame(s.page, 'audit-page');
    await frame.getByRole('region', { name: 'Chapters' }).waitFor({ timeout: 30_000 });
    expect(await frame.getByRole('tab', { name: 'Chapters', exact: true }).getAttribute('aria-selected')).toBe('true');
    // A link opened afresh lands on its tab too.
    const fresh = await openPage(env.browser, `${env.server.url}${PAGE}/audit-day?as=admin`);
    const freshFrame = await appFrame(fresh.page, 'audit-page');
    await freshFrame.getByRole('region', { name: 'Audit day' }).waitFor({ timeout: 30_000 });
    expect(fresh.errors).toEqual([]);
  });

  it('refreshes the evidence field when the item panel adds evidence, without a reload', async () => {
    const itemId = builtinChecklists().find((d) => d.id === importedId)?.items[0]?.id;
    const found = await env.server.emulator.handle(outside({ method: 'POST', path: '/rest/api/3/search/jql', body: { jql: `project = MSP AND auditItem = "${itemId ?? ''}"`, fields: ['summary'] } }));
    const issues = (found.body as { issues?: { key: string }[] }).issues ?? [];
    const issueKey = issues[0]?.key;
    if (!issueKey) throw new Error(`No issue found for ${importedId}: ${JSON.stringify(found.body).slice(0, 300)}`);
    const issue = await openPage(env.browser, `${env.server.url}/browse/${issueKey}?as=admin`);
    const panel = await appFrame(issue.page, 'audit-item-panel');
    const field = await appFrame(issue.page, 'audit-evidence');
    await field.getByText('No evidence yet.').waitFor({ timeout: 30_000 });
    await panel.click('button:has-text("Add evidence")');
    await panel.getByLabel('Title').fill('Runbook for patching');
    await panel.getByLabel('Link (https://…)').fill('https://intranet.example/runbook');
    await panel.click('button:has-text("Save evidence")');
    await panel.waitForSelector('[data-testid="evidence-summary"]:has-text("1 evidence")');
    // The other frame agrees, with no reload of the page.
    await field.waitForSelector('a:has-text("Runbook for patching")', { timeout: 15_000 });
    expect(await field.getByText('No evidence yet.').count()).toBe(0);
    await docsScreenshot(issue.page, 'issue-evidence-in-step');
    expect(issue.errors).toEqual([]);
  });
});

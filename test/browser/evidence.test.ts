/**
 * Evidence end to end in a real browser on the local server (`npm start`'s server, in-process):
 * an imported item done without evidence shows as an audit risk; on its issue page, the item panel
 * adds a link (the Audit evidence field is read-only: only the app writes it); the field's formatter
 * text changes with it; the Audit page's risk list changes with it. N/A asks for a justification on
 * a checklist whose rule needs one. Also: hostile text stays text, and a viewer reads only.
 * Needs the production build (npm run build).
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Frame, Page } from 'playwright-core';
import type { EmulatorRequest } from '@msp-audit-ready/forge-local/jira';
import { builtinChecklists } from '../../src/checklists';
import { fillDate, pickOption } from './atlaskit';
import { appFrame, describeBrowser, openPage, ROOT, screenshot, startBrowserEnv, type BrowserEnv } from './helpers';

jest.setTimeout(120_000);

const DAY_MS = 86_400_000;
const day = (offset: number): string => new Date(Date.now() + offset * DAY_MS).toISOString().slice(0, 10);
const CHECKLIST = 'aws-msp-4.x';

const outside = (req: Partial<EmulatorRequest>): EmulatorRequest => ({ method: 'GET', path: '/', query: {}, headers: {}, body: undefined, actor: 'admin', origin: 'outside', ...req });

const built = existsSync(join(ROOT, 'static', 'app', 'build', 'index.html'));
if (!built) console.log('evidence browser test skipped: needs static/app/build (npm run build)');

(built ? describeBrowser : describe.skip)('evidence on an imported item (browser)', () => {
  let env: BrowserEnv;
  let issueKey: string;
  let itemId: string;

  /** The Audit page's "Audit risks" region text, once the score has loaded. */
  async function auditRisks(page: Page): Promise<{ frame: Frame; text: string }> {
    const frame = await appFrame(page, 'audit-page');
    const region = await frame.waitForSelector('section:has(h2:text-is("Audit risks"))');
    // The page frame scrolls on its own; bring the region into the screenshot.
    await region.scrollIntoViewIfNeeded();
    return { frame, text: (await region.textContent()) ?? '' };
  }

  beforeAll(async () => {
    env = await startBrowserEnv({ appDir: ROOT });
    const { runtime, emulator } = env.server;
    await runtime.invoke({ functionKey: 'startImport', payload: { checklistId: CHECKLIST }, context: { moduleKey: 'audit-page', projectKey: 'MSP', accountId: 'admin' } });
    await runtime.idle();
    const def = builtinChecklists().find((d) => d.id === CHECKLIST)!;
    itemId = def.items[0]!.id;
    const found = await emulator.handle(outside({ method: 'POST', path: '/rest/api/3/search/jql', body: { jql: `project = MSP AND auditItem = "${itemId}"`, fields: ['summary'] } }));
    issueKey = (found.body as { issues: { key: string }[] }).issues[0]!.key;
    // Done without evidence: the risk the auditor would catch first.
    const transitions = await emulator.handle(outside({ path: `/rest/api/3/issue/${issueKey}/transitions` }));
    const done = (transitions.body as { transitions: { id: string; to: { name: string } }[] }).transitions.find((t) => t.to.name === 'Done')!;
    expect((await emulator.handle(outside({ method: 'POST', path: `/rest/api/3/issue/${issueKey}/transitions`, body: { transition: { id: done.id } } }))).status).toBe(204);
    await runtime.idle();
  });
  afterAll(async () => {
    await env?.close();
  });

  it('shows the item done without evidence as an audit risk', async () => {
    const s = await openPage(env.browser, `${env.server.url}/projects/MSP/apps/audit-page/evidence?as=admin`);
    const { frame, text } = await auditRisks(s.page);
    const row = await frame.locator('tr[data-risk-kind="met-without-evidence"]').innerText();
    expect(row).toContain(itemId);
    expect(row).toContain(issueKey);
    expect(text).toContain('Met but has no evidence; add what an auditor will ask to see.');
    await screenshot(s.page, 'evidence-1-audit-risks-before');
    expect(s.errors).toEqual([]);
  });

  it('adds a link in the item panel (the field is read-only); the field\'s formatter text and the risk list change', async () => {
    const s = await openPage(env.browser, `${env.server.url}/browse/${issueKey}?as=admin`);
    const formatted = `[data-field="audit-evidence"] .formatted`;
    expect(await s.page.textContent(formatted)).toBe('No evidence');
    // Read-only: Jira offers no editor for the field; only the app writes it.
    expect(await s.page.locator('button:has-text("Edit Audit evidence")').count()).toBe(0);
    const panel = await appFrame(s.page, 'audit-item-panel');
    await panel.waitForSelector(`h2:has-text("${itemId}")`);
    expect(await panel.textContent('[data-testid="item-result"]')).toContain(`Issue ${issueKey} is Done`);

    await panel.click('button:has-text("Add evidence")');
    await panel.getByLabel('Title').fill('Service catalogue (PDF)');
    await panel.getByLabel('Link (https://…)').fill('https://intranet.example/catalogue.pdf');
    await fillDate(panel.getByLabel('Expiry date'), day(12));
    await panel.click('button:has-text("Save evidence")');
    await panel.waitForSelector('[data-testid="evidence-summary"]:text-is("1 evidence · 0 accepted · 1 pending · 1 expires in 12 days")');
    await screenshot(s.page, 'evidence-2-item-panel');

    await s.page.reload();
    expect(await s.page.textContent(formatted)).toBe(`1 evidence · 0 accepted · 1 pending · next expiry ${day(12)}`);
    const view = await appFrame(s.page, 'audit-evidence');
    await view.waitForSelector('a:has-text("Service catalogue (PDF)")');
    expect(await view.getAttribute('a:has-text("Service catalogue (PDF)")', 'href')).toBe('https://intranet.example/catalogue.pdf');
    await screenshot(s.page, 'evidence-3-issue-after');
    expect(s.errors).toEqual([]);

    const audit = await openPage(env.browser, `${env.server.url}/projects/MSP/apps/audit-page/evidence?as=admin`);
    const { text } = await auditRisks(audit.page);
    expect(text).not.toContain('Met but has no evidence');
    expect(text).toContain(`"Service catalogue (PDF)" expires in 12 days (${day(12)}); renew it before the audit.`);
    expect(text).toContain('Expiring soon');
    await screenshot(audit.page, 'evidence-4-audit-risks-after');
    expect(audit.errors).toEqual([]);
  });

  it('keeps a <script> title and a javascript: link inert, in the panel and on the page', async () => {
    const s = await openPage(env.browser, `${env.server.url}/browse/${issueKey}?as=admin`);
    const panel = await appFrame(s.page, 'audit-item-panel');
    await panel.click('button:has-text("Add evidence")');
    const title = '<script>window.top.__pwned = 1</script><img src=x onerror="window.top.__pwned = 2">';
    await panel.getByLabel('Title').fill(title);
    await panel.getByLabel('Link (https://…)').fill('javascript:window.top.__pwned=3');
    await panel.click('button:has-text("Save evidence")');
    await panel.waitForSelector('[role="alert"]:has-text("url: must be an https:// or http:// link, not javascript:")');
    await panel.getByLabel('Link (https://…)').fill('https://intranet.example/policy');
    await panel.click('button:has-text("Save evidence")');
    await panel.waitForSelector('[data-testid="evidence-summary"]:has-text("2 evidence")');
    const row = panel.locator('li', { hasText: '<script>window.top.__pwned = 1</script>' });
    expect(await row.locator('script, img').count()).toBe(0);
    await screenshot(s.page, 'evidence-5-hostile-title-panel');

    await s.page.reload();
    const view = await appFrame(s.page, 'audit-evidence');
    await view.waitForSelector('li:has-text("<script>window.top.__pwned = 1</script>")');
    expect(await view.locator('li img, li script').count()).toBe(0);
    expect(await s.page.evaluate(() => (window as { __pwned?: number }).__pwned)).toBeUndefined();
    expect(s.errors).toEqual([]);
  });

  it('asks why for N/A where the checklist needs a justification, and counts it once saved', async () => {
    const s = await openPage(env.browser, `${env.server.url}/browse/${issueKey}?as=admin`);
    const panel = await appFrame(s.page, 'audit-item-panel');
    await panel.waitForSelector(`h2:has-text("${itemId}")`);
    await pickOption(panel, 'Assessment', 'N/A');
    const why = panel.getByLabel('Why N/A (required)');
    expect(await panel.locator('button:has-text("Save assessment")').isDisabled()).toBe(true);
    await why.fill('We run no workloads this control covers.');
    await panel.click('button:has-text("Save assessment")');
    await panel.waitForSelector('[data-testid="item-result"]:has-text("Assessed N/A on the issue")');
    await panel.waitForSelector('text=Assessed by Ada Admin');
    await screenshot(s.page, 'evidence-6-na-justified');
    expect(s.errors).toEqual([]);
  });

  it('lets a viewer read the item and its evidence, without ways to change them', async () => {
    const s = await openPage(env.browser, `${env.server.url}/browse/${issueKey}?as=viewer`);
    const panel = await appFrame(s.page, 'audit-item-panel');
    await panel.waitForSelector(`text=You can see this evidence but not change it: that needs the Edit issues permission on ${issueKey}.`);
    expect(await panel.locator('button:has-text("Add evidence")').count()).toBe(0);
    expect(await panel.locator('button:has-text("Save assessment")').count()).toBe(0);
    await screenshot(s.page, 'evidence-7-viewer');
    expect(s.errors).toEqual([]);
  });
});

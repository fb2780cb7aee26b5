/**
 * The Jira-like host in a real browser: the app's Custom UI runs in an iframe with the real
 * @forge/bridge talking to the local host (getContext, invoke, requestJira, showFlag, router),
 * pages render Jira data as text, and the user switcher acts as `viewer`.
 * The fixture app's UI is built with esbuild first; the product app's Audit page is checked too
 * once its build (static/app/build) and backend (src/index.ts) exist.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { EmulatorRequest } from '@msp-audit-ready/forge-local/jira';
import { appFrame, buildFixtureUi, describeBrowser, FIXTURE_APP, openPage, ROOT, screenshot, startBrowserEnv, type BrowserEnv } from './helpers';

jest.setTimeout(60_000);

const outside = (req: Partial<EmulatorRequest>): EmulatorRequest => ({ method: 'GET', path: '/', query: {}, headers: {}, body: undefined, actor: 'admin', origin: 'outside', ...req });

describeBrowser('local host (fixture app)', () => {
  let env: BrowserEnv;

  beforeAll(async () => {
    await buildFixtureUi();
    env = await startBrowserEnv({ appDir: FIXTURE_APP });
    const jira = env.server.emulator;
    const summary = '<img src=x onerror=alert(1)> evidence & more';
    const created = await jira.handle(outside({ method: 'POST', path: '/rest/api/3/issue', body: { fields: { project: { key: 'MSP' }, issuetype: { name: 'Task' }, summary, labels: ['msp-ch-01'] } } }));
    expect(created.status).toBe(201);
    // The app's read-only number field, written the only way Jira allows: as the app.
    const fields = (await jira.handle(outside({ path: '/rest/api/3/field' }))).body as { id: string; schema?: { custom?: string } }[];
    const points = fields.find((f) => f.schema?.custom?.endsWith('/static/fixture-points'));
    const id = (created.body as { id: string }).id;
    const set = await jira.handle({ ...outside({ method: 'POST', path: '/rest/api/3/app/field/value', body: { updates: [{ customField: points?.id, issueIds: [Number(id)], value: 7 }] } }), actor: 'app', origin: 'app' });
    expect(set.status).toBe(204);
    await env.server.runtime.idle();
  });
  afterAll(async () => {
    await env?.close();
  });

  it('opens the project page from the home page and runs the app in an iframe', async () => {
    const s = await openPage(env.browser, `${env.server.url}/`);
    await s.page.getByRole('link', { name: 'Fixture' }).first().click();
    await s.page.waitForURL(/\/projects\/MSP\/apps\/fixture-page$/);
    const frame = await appFrame(s.page, 'fixture-page');
    await frame.waitForSelector('body[data-ready="true"]');
    const rows = await frame.$$eval('p.row', (ps) => ps.map((p) => p.textContent));
    expect(rows).toEqual([
      'Module: fixture-page',
      'Type: jira:projectPage',
      'Account: admin',
      'Project: MSP',
      'Issue: -',
      'Environment: DEVELOPMENT',
      'Resolver asUser: admin',
      'Bridge requestJira: admin',
      // As Forge hands a resolver's error to the frontend: wrapped, the error's name before its message.
      'Resolver error: There was an error invoking the function - Error: boom from resolver',
    ]);
    await s.page.waitForSelector('#flags .flag.success >> text=Fixture loaded');
    await screenshot(s.page, 'host-fixture-project-page');
    expect(s.errors).toEqual([]);
  });

  it('acts as viewer with ?as=viewer, remembered across pages', async () => {
    const s = await openPage(env.browser, `${env.server.url}/?as=viewer`);
    await s.page.getByRole('link', { name: 'Fixture' }).first().click();
    const frame = await appFrame(s.page, 'fixture-page');
    await frame.waitForSelector('body[data-ready="true"]');
    expect(await frame.textContent('[data-label="Resolver asUser"]')).toBe('Resolver asUser: viewer');
    expect(await frame.textContent('[data-label="Bridge requestJira"]')).toBe('Bridge requestJira: viewer');
    expect(await s.page.inputValue('#user-switch')).toBe('viewer');
    expect(s.errors).toEqual([]);
  });

  it('navigates with router.navigate and shows the issue page with its panel, Jira data as text', async () => {
    const s = await openPage(env.browser, `${env.server.url}/projects/MSP/apps/fixture-page?as=admin`);
    const frame = await appFrame(s.page, 'fixture-page');
    await frame.waitForSelector('body[data-ready="true"]');
    await frame.click('#go-issue');
    await s.page.waitForURL(/\/browse\/MSP-1$/);
    expect(await s.page.textContent('h1.summary')).toBe('<img src=x onerror=alert(1)> evidence & more');
    expect(await s.page.$('h1.summary img')).toBeNull();
    expect(await s.page.textContent('.lozenge.status')).toBe('To Do');
    expect(await s.page.textContent('.labels')).toBe('msp-ch-01');
    expect(await s.page.textContent('[data-field="fixture-points"] .formatted')).toBe('7 pts');
    const panel = await appFrame(s.page, 'fixture-panel');
    await panel.waitForSelector('body[data-ready="true"]');
    expect(await panel.textContent('[data-label="Type"]')).toBe('Type: jira:issuePanel');
    expect(await panel.textContent('[data-label="Issue"]')).toBe('Issue: MSP-1');
    await screenshot(s.page, 'host-fixture-issue-page');
    expect(s.errors).toEqual([]);
  });

  it('edits an app custom field through its Custom UI editor and view.submit', async () => {
    const s = await openPage(env.browser, `${env.server.url}/browse/MSP-1?as=admin`);
    expect(await s.page.textContent('[data-field="fixture-note"] .formatted')).toBe('None');
    await s.page.click('button:has-text("Edit Fixture note")');
    const editor = await appFrame(s.page, 'fixture-note');
    await editor.waitForSelector('body[data-ready="true"]');
    await editor.fill('#note', 'ready for <b>review</b>');
    await Promise.all([s.page.waitForNavigation(), editor.click('#save')]);
    expect(await s.page.textContent('[data-field="fixture-note"] .formatted')).toBe('Note: ready for <b>review</b>');
    await screenshot(s.page, 'host-fixture-field-edited');
    expect(s.errors).toEqual([]);
  });

  it('lists search results in the issue navigator', async () => {
    const s = await openPage(env.browser, `${env.server.url}/issues?jql=${encodeURIComponent('project = MSP AND labels = msp-ch-01')}`);
    const rows = await s.page.$$eval('table.issues tbody tr', (trs) => trs.map((tr) => [...tr.querySelectorAll('td')].slice(0, 3).map((td) => td.textContent)));
    expect(rows).toEqual([['MSP-1', '<img src=x onerror=alert(1)> evidence & more', 'To Do']]);
    const bad = await openPage(env.browser, `${env.server.url}/issues?jql=${encodeURIComponent('project = = MSP')}`);
    expect(await bad.page.textContent('p.error')).toMatch(/^400/);
    expect([...s.errors, ...bad.errors]).toEqual([]);
  });

  it('serves resources with a Forge-like CSP that blocks inline scripts', async () => {
    const res = await fetch(`${env.server.url}/forge/resources/main/index.html?module=fixture-page&project=MSP`);
    expect(res.headers.get('content-security-policy')).toMatch(/script-src 'self';/);
    const html = await res.text();
    expect(html.indexOf('/host/bridge.js')).toBeLessThan(html.indexOf('./app.js'));
    expect((await fetch(`${env.server.url}/forge/resources/main/..%2F..%2Fmanifest.yml`)).status).toBeGreaterThanOrEqual(403);
  });
});

const productBuilt = existsSync(join(ROOT, 'static', 'app', 'build', 'index.html')) && existsSync(join(ROOT, 'src', 'index.ts'));
if (!productBuilt) console.log('product Audit page browser test skipped: needs static/app/build (npm run build) and src/index.ts');

(productBuilt ? describeBrowser : describe.skip)('local host (product app)', () => {
  let env: BrowserEnv;
  beforeAll(async () => {
    env = await startBrowserEnv({ appDir: ROOT });
  });
  afterAll(async () => {
    await env?.close();
  });

  it('follows the Audit link from the home page and renders the app without page errors', async () => {
    const s = await openPage(env.browser, `${env.server.url}/`);
    await s.page.getByRole('link', { name: 'Audit' }).first().click();
    await s.page.waitForURL(/\/projects\/MSP\/apps\/audit-page$/);
    const frame = await appFrame(s.page, 'audit-page');
    await frame.waitForFunction(() => (document.body.innerText || '').trim().length > 0);
    await s.page.waitForTimeout(500);
    await screenshot(s.page, 'host-audit-page');
    expect(s.errors).toEqual([]);
  });
});

/**
 * The app in the user's language in Chromium on the local server and the production build (issue
 * 16 part 8): the host page's `?locale=de-DE` puts `de-DE` in the frames' Forge context, and the
 * Audit page speaks German with German figures; the choice is kept across pages, and
 * `?locale=en-US` switches back; the audit day's history sentence is German as well. Screenshots go to docs/screenshots/ for the README.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { appFrame, describeBrowser, docsScreenshot, openPage, ROOT, startBrowserEnv, type BrowserEnv } from './helpers';

jest.setTimeout(120_000);

const PAGE = '/projects/MSP/apps/audit-page';
const CHECKLIST = 'aws-msp-4.x';
const built = existsSync(join(ROOT, 'static', 'app', 'build', 'index.html'));
if (!built) console.log('Locale browser test skipped: no production build in static/app/build (run npm run build)');

(built ? describeBrowser : describe.skip)('the Audit page in German (browser)', () => {
  let env: BrowserEnv;

  beforeAll(async () => {
    env = await startBrowserEnv({ appDir: ROOT });
    await env.server.runtime.invoke({ functionKey: 'startImport', payload: { checklistId: CHECKLIST }, context: { moduleKey: 'audit-page', projectKey: 'MSP', accountId: 'admin' } });
    await env.server.runtime.idle();
  });
  afterAll(async () => {
    await env?.close();
  });


  it('opens with ?locale=de-DE in German: words, tabs, figures, and the frame’s language', async () => {
    const s = await openPage(env.browser, `${env.server.url}${PAGE}?as=admin&locale=de-DE`);
    const frame = await appFrame(s.page, 'audit-page');
    await frame.getByRole('heading', { name: 'Audit-Bereitschaft' }).waitFor({ timeout: 30_000 });
    await frame.getByRole('region', { name: 'Audit-Punktzahl' }).waitFor({ timeout: 30_000 });
    expect(await frame.evaluate(() => document.documentElement.lang)).toBe('de-DE');
    for (const tab of ['Überblick', 'Kapitel', 'Nachweise und Risiken']) expect(await frame.getByRole('tab', { name: tab }).count()).toBe(1);
    expect(await frame.getByTestId('score-line').textContent()).toMatch(/^-?\d+ \/ 1000 — Bestehensgrenze 900 — (würde bestehen|noch nicht)$/);
    expect(await frame.getByTestId('glance-sentence').textContent()).toMatch(/^Würde (noch nicht )?bestehen: /);
    await docsScreenshot(s.page, 'audit-overview-de');

    await frame.getByRole('tab', { name: 'Kapitel' }).click();
    const table = frame.getByTestId('chapter-table--table');
    await table.waitFor({ timeout: 30_000 });
    // Progress bars name their share the German way: "(0 %)", a space before the sign.
    const bar = await table.getByRole('img').first().getAttribute('aria-label');
    expect(bar).toMatch(/ von \d+ Punkten erreicht \(\d+[\s\u00a0\u202f]%\)$/);
    await docsScreenshot(s.page, 'audit-chapters-de');

    // The audit day: the score history's sentence (the chart's text alternative) in German too.
    await frame.getByRole('tab', { name: 'Audit-Tag' }).click();
    const history = frame.getByTestId('history-summary');
    await history.waitFor({ timeout: 30_000 });
    expect(await history.textContent()).toMatch(/^(Bewertung (am|von) .*\d{2}\.\d{2}\.\d{4}|Noch kein Verlauf der Bewertung)/);
    expect(s.errors).toEqual([]);
    await s.page.close();
  });

  it('keeps German on the next page without the parameter, and ?locale=en-US switches back', async () => {
    const s = await openPage(env.browser, `${env.server.url}${PAGE}?as=admin&locale=de-DE`);
    let frame = await appFrame(s.page, 'audit-page');
    await frame.getByRole('heading', { name: 'Audit-Bereitschaft' }).waitFor({ timeout: 30_000 });
    await s.page.goto(`${env.server.url}${PAGE}`);
    frame = await appFrame(s.page, 'audit-page');
    await frame.getByRole('heading', { name: 'Audit-Bereitschaft' }).waitFor({ timeout: 30_000 });
    await s.page.goto(`${env.server.url}${PAGE}?locale=en-US`);
    frame = await appFrame(s.page, 'audit-page');
    await frame.getByRole('heading', { name: 'Audit readiness' }).waitFor({ timeout: 30_000 });
    await frame.getByRole('region', { name: 'Audit score' }).waitFor({ timeout: 30_000 });
    expect(await frame.evaluate(() => document.documentElement.lang)).toBe('en-US');
    expect(s.errors).toEqual([]);
    await s.page.close();
  });
});

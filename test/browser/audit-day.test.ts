/**
 * Audit day end to end in Debian's Chromium, against the local server and the production build:
 * a person marks a chapter reviewed, applies a named waiver (the score and the chapter table show
 * it), downloads the CSV (Playwright's download event; the file parsed back) and opens the print
 * view (the print dialog asked for once, the toolbar hidden under print media). The download and
 * print are then repeated in an iframe sandboxed exactly as Forge sandboxes Custom UI
 * (allow-downloads allow-forms allow-modals allow-pointer-lock allow-same-origin allow-scripts),
 * which the local host does not do by itself. Screenshots: test-artifacts/screenshots/audit-day-*.png.
 *
 * The steps share one page and run in order.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Papa from 'papaparse';
import type { Frame } from 'playwright-core';
import type { Rollup } from '../../common/contract';
import { encodeHistory } from '../../src/domain/history-codec';
import type { ScorePoint } from '../../src/domain/history';
import { scoreHistoryKey } from '../../src/storage/keys';
import { writeValue } from '../../src/storage/kvs';
import { fillDate } from './atlaskit';
import { OutsideClient } from './audit-helpers';
import { appFrame, describeBrowser, openPage, ROOT, screenshot, startBrowserEnv, type BrowserEnv, type PageSession } from './helpers';

jest.setTimeout(90_000);

const CHECKLIST = 'aws-msp-7.1';
const PAGE_PATH = '/projects/MSP/apps/audit-page';
const FORGE_SANDBOX = 'allow-downloads allow-forms allow-modals allow-pointer-lock allow-same-origin allow-scripts';
const DAY_MS = 86_400_000;

const built = existsSync(join(ROOT, 'static', 'app', 'build', 'index.html'));
if (!built) console.log('Audit day browser test skipped: no production build in static/app/build (run npm run build)');

/** Six weeks of a team closing items, so the chart has a line to draw. */
function seededHistory(): ScorePoint[] {
  return Array.from({ length: 42 }, (_, index) => {
    const date = new Date(Date.now() - (42 - index) * DAY_MS).toISOString().slice(0, 10);
    const met = 10 + Math.floor(index * 0.6);
    return { date, at: `${date}T02:00:00.000Z`, score: met, maxScore: 61, passMark: null, passed: false, met, total: 61, mandatoryOpen: Math.max(3, 40 - index) };
  });
}

(built ? describeBrowser : describe.skip)('Audit day in Chromium against the local server', () => {
  let env: BrowserEnv;
  let out: OutsideClient;
  let session: PageSession;
  let frame: Frame;

  beforeAll(async () => {
    env = await startBrowserEnv({ appDir: ROOT });
    out = new OutsideClient(env.server.url);
    await out.invoke('startImport', { checklistId: CHECKLIST });
    await out.idle();
    const keys = await out.searchKeys('project = MSP AND auditChecklist = "aws-msp-7.1" AND auditItemState = "active" ORDER BY key ASC');
    for (const issueKey of keys.slice(0, 25)) await out.transitionToDone(issueKey);
    await out.idle();
    // The server runs in this process: its KVS is the one @forge/kvs reaches from here.
    await writeValue(scoreHistoryKey('MSP', CHECKLIST), encodeHistory(seededHistory()));
    await env.server.runtime.runScheduled('score-history-daily');
    session = await openPage(env.browser, `${env.server.url}${PAGE_PATH}/audit-day?as=admin`);
    frame = await appFrame(session.page, 'audit-page');
  });
  afterAll(async () => {
    await env?.close();
  });

  /** The project page's iframe is as tall as the window: a tall window shows the whole section. */
  async function tallScreenshot(name: string, before?: () => Promise<void>): Promise<void> {
    await session.page.setViewportSize({ width: 1280, height: 2200 });
    await before?.();
    await session.page.waitForTimeout(100);
    await screenshot(session.page, name);
    await session.page.setViewportSize({ width: 1280, height: 900 });
  }

  /** Opens a tab of the Audit page (the pages here open on "Audit day" by its deep link). */
  async function openTab(label: string): Promise<void> {
    await frame.getByRole('tab', { name: label, exact: true }).click();
    await frame.getByRole('tab', { name: label, exact: true, selected: true }).waitFor();
  }

  // Exactly "Audit day": the "Road to audit day" section has the words too.
  const section = () => frame.locator('section[aria-labelledby]', { has: frame.locator('h2', { hasText: /^Audit day$/ }) });

  it('shows the dry runs, waivers and score over time under the score', async () => {
    await frame.getByRole('table', { name: 'Chapter reviews' }).waitFor();
    expect(await frame.getByTestId('review-summary').textContent()).toBe('0 of 7 chapters reviewed · 0 stale · 7 not yet');
    const summary = await frame.getByTestId('history-summary').textContent();
    expect(summary).toMatch(/^Score from 16\.4 % met on \d{4}-\d{2}-\d{2} to \d+(\.\d)? % met on \d{4}-\d{2}-\d{2}, 43 points\.$/);
    expect(await frame.locator('svg[role="img"] circle').count()).toBe(43);
  });

  it('says what the verdict is, whether the version is still valid, and lists the conditions before applying', async () => {
    const rollup = await out.rollup(CHECKLIST, false);
    await openTab('Overview');
    await frame.getByTestId('verdict-sentence').filter({ hasText: 'It is not AWS’s decision' }).waitFor();
    if (rollup.validity && rollup.validity.state !== 'current') {
      expect(await frame.getByTestId('validity-message').textContent()).toBe(rollup.validity.message);
    }
    const before = frame.getByRole('region', { name: 'Before you apply' });
    // The box shows the server's answer (ticked once stored), so click and wait for it, not check().
    await before.getByRole('checkbox', { name: /Partner Central account is linked/ }).click();
    await before.getByText('Ticked by admin on').waitFor();
    await tallScreenshot('audit-verdict');
    await openTab('Audit day');
  });

  it('marks a chapter reviewed with a note', async () => {
    await frame.getByRole('button', { name: /^(Mark reviewed|Review again): Operations$/ }).click();
    await frame.getByLabel('Note on the dry run of Operations (optional)').fill('Walked through with the audit lead');
    await frame.getByRole('button', { name: 'Record the dry run' }).click();
    await frame.getByTestId('review-summary').filter({ hasText: '1 of 7 chapters reviewed' }).waitFor();
    const row = frame.locator('tr[data-chapter="operations"]');
    expect(await row.textContent()).toContain('Reviewed');
    expect(await row.textContent()).toContain('“Walked through with the audit lead”');
  });

  it('applies a named waiver: the score, the chapter table and the explanation show it', async () => {
    const before = await out.rollup(CHECKLIST, false);
    await frame.getByRole('button', { name: 'Apply the waiver AWS Level 1 MSSP Competency' }).click();
    // Nothing is applied before the person confirms what it covers.
    const confirm = frame.getByRole('group', { name: 'Confirm the waiver AWS Level 1 MSSP Competency' });
    expect(await confirm.textContent()).toContain('mandatory items included: this changes whether the project passes.');
    // The exemption needs its proof: Apply waits for a title, where to find it and both dates.
    const apply = confirm.getByRole('button', { name: 'Apply waiver' });
    expect(await apply.isDisabled()).toBe(true);
    await confirm.getByLabel('Proof title').fill('AWS Level 1 MSSP Competency approval');
    await confirm.getByLabel('Link', { exact: true }).fill('https://partners.example.com/competencies/mssp');
    await fillDate(confirm.getByLabel('Effective date'), '2025-06-01');
    await fillDate(confirm.getByLabel('Expiry date (last valid day)'), '2099-05-31');
    expect(await apply.isDisabled()).toBe(false);
    await tallScreenshot('audit-day-waiver-proof', () => confirm.scrollIntoViewIfNeeded());
    await apply.click();
    const inForce = frame.getByRole('list', { name: 'Waivers in force' });
    await inForce.waitFor();
    await inForce.getByText('Lapses on 2099-06-01 unless renewed.').waitFor();
    expect(await inForce.getByRole('link', { name: 'AWS Level 1 MSSP Competency approval' }).getAttribute('href')).toBe('https://partners.example.com/competencies/mssp');
    await tallScreenshot('audit-day-waiver-in-force', () => inForce.scrollIntoViewIfNeeded());
    await openTab('Chapters');
    const chapters = frame.getByRole('region', { name: 'Chapters' });
    await chapters.getByText('Waived: AWS Level 1 MSSP Competency — Holding the AWS Level 1 Managed Security Services Competency exempts the whole Security section.').waitFor();
    const after = await out.rollup(CHECKLIST, false);
    expect(after.score).toBeGreaterThan(before.score);
    await openTab('Overview');
    await frame.getByTestId('score-line').filter({ hasText: `${after.score} of ${after.maxScore} met` }).waitFor();

    await openTab('Chapters');
    await frame.getByRole('button', { name: 'Explain this score' }).click();
    await frame.getByLabel('Filter items').fill('SEC-');
    const explained = frame.getByRole('table', { name: 'Item contributions' });
    expect(await explained.textContent()).toContain('Waived: AWS Level 1 MSSP Competency — Holding the AWS Level 1 Managed Security Services Competency');
    await frame.getByRole('button', { name: 'Explain this score' }).click();
    await openTab('Audit day');
    await tallScreenshot('audit-day-page', () => section().scrollIntoViewIfNeeded());
  });

  it('downloads the CSV of every item, formula-safe, with the review and the waiver', async () => {
    const [download] = await Promise.all([session.page.waitForEvent('download'), frame.getByRole('button', { name: 'Download CSV' }).click()]);
    expect(download.suggestedFilename()).toMatch(/^MSP-aws-msp-7\.1-audit-pack-\d{4}-\d{2}-\d{2}\.csv$/);
    const text = readFileSync(await download.path(), 'utf8');
    expect(text.startsWith('\uFEFF')).toBe(true);
    const parsed = Papa.parse<Record<string, string>>(text.slice(1), { header: true, skipEmptyLines: true });
    expect(parsed.errors).toEqual([]);
    expect(parsed.data).toHaveLength(61);
    const ops = parsed.data.find((row) => row.ID === 'OPS-009')!;
    expect(ops['Chapter review']).toMatch(/^Reviewed \d{4}-\d{2}-\d{2}$/);
    const sec = parsed.data.find((row) => row.Chapter === 'Security')!;
    // Waived, with who applied the waiver and when: never "Met" while its issue is To Do.
    expect(sec.Result).toMatch(/^Waived: AWS Level 1 MSSP Competency, by admin, on \d{4}-\d{2}-\d{2}$/);
    expect(sec.Waiver).toMatch(/^AWS Level 1 MSSP Competency: /);
    expect(sec.Waiver).toContain('; proof: AWS Level 1 MSSP Competency approval (https://partners.example.com/competencies/mssp), valid 2025-06-01 to 2099-05-31, lapses on 2099-06-01');
    await frame.getByText(/61 items exported/).waitFor();
  });

  it('opens the print view, asks for the print dialog once, and lays the report out for paper', async () => {
    await frame.evaluate(() => {
      const w = window as unknown as { __printed: number; print: () => void };
      w.__printed = 0;
      w.print = () => void (w.__printed += 1);
    });
    await frame.getByRole('button', { name: 'Print view' }).click();
    const report = frame.getByRole('article', { name: 'Audit report' });
    await report.waitFor();
    await frame.waitForFunction(() => (window as unknown as { __printed: number }).__printed === 1);
    expect(await report.getByRole('heading', { level: 1 }).textContent()).toBe('Audit report: AWS MSP Validation Checklist 7.1');
    expect(await report.locator('section.chapter').count()).toBe(7);
    expect(await report.locator('[data-item]').count()).toBe(61);
    expect(await report.textContent()).toContain('Waivers in forceAWS Level 1 MSSP Competency');
    await tallScreenshot('audit-day-print-screen');

    await session.page.emulateMedia({ media: 'print' });
    expect(await frame.locator('.audit-report-toolbar').isVisible()).toBe(false);
    expect(await frame.locator('section.chapter').nth(1).evaluate((el) => getComputedStyle(el).breakBefore)).toBe('page');
    await tallScreenshot('audit-day-print-media');
    await session.page.emulateMedia({ media: 'screen' });

    await frame.getByRole('button', { name: 'Back to the Audit page' }).click();
    await frame.getByRole('table', { name: 'Chapter reviews' }).waitFor();
    expect({ pageErrors: session.errors, consoleErrors: session.consoleErrors }).toEqual({ pageErrors: [], consoleErrors: [] });
  });

  it('downloads and prints inside an iframe sandboxed as Forge sandboxes Custom UI', async () => {
    // Marks the current document, to prove the sandbox took effect with a fresh load.
    await frame.evaluate(() => void ((window as unknown as { __unsandboxed: boolean }).__unsandboxed = true));
    await session.page.evaluate((sandbox) => {
      const iframe = document.querySelector('iframe[data-module="audit-page"]') as HTMLIFrameElement;
      iframe.setAttribute('sandbox', sandbox);
      // A sandbox applies from the frame's next navigation: load the same document again.
      iframe.setAttribute('src', iframe.getAttribute('src') ?? '');
    }, FORGE_SANDBOX);
    await session.page.waitForTimeout(300);
    frame = await appFrame(session.page, 'audit-page');
    expect(await frame.evaluate(() => (window.frameElement as HTMLIFrameElement | null)?.getAttribute('sandbox') ?? null)).toBe(FORGE_SANDBOX);
    expect(await frame.evaluate(() => (window as unknown as { __unsandboxed?: boolean }).__unsandboxed ?? false)).toBe(false);
    await frame.getByRole('button', { name: 'Download CSV' }).waitFor();

    const [download] = await Promise.all([session.page.waitForEvent('download'), frame.getByRole('button', { name: 'Download CSV' }).click()]);
    expect(download.suggestedFilename()).toMatch(/\.csv$/);
    // Header, 61 items, and the empty string after the last CRLF.
    expect(readFileSync(await download.path(), 'utf8').split('\r\n').length).toBe(63);

    // The real window.print this time: without allow-modals Chromium would log "Ignored call to 'print()'".
    await frame.getByRole('button', { name: 'Print view' }).click();
    await frame.getByRole('article', { name: 'Audit report' }).waitFor();
    await session.page.waitForTimeout(500);
    expect(session.consoleErrors.filter((message) => /print\(\)/.test(message))).toEqual([]);
    expect(session.errors).toEqual([]);
  });

  it('is blocked, as a control, in a sandbox without allow-downloads', async () => {
    const control = await openPage(env.browser, `${env.server.url}${PAGE_PATH}/audit-day?as=admin`);
    await control.page.evaluate((sandbox) => {
      const iframe = document.querySelector('iframe[data-module="audit-page"]') as HTMLIFrameElement;
      iframe.setAttribute('sandbox', sandbox);
      iframe.setAttribute('src', iframe.getAttribute('src') ?? '');
    }, FORGE_SANDBOX.replace('allow-downloads ', ''));
    await control.page.waitForTimeout(300);
    const controlFrame = await appFrame(control.page, 'audit-page');
    let downloads = 0;
    const messages: string[] = [];
    control.page.on('download', () => void (downloads += 1));
    control.page.on('console', (message) => void messages.push(message.text()));
    await controlFrame.getByRole('button', { name: 'Download CSV' }).click();
    await controlFrame.getByText(/61 items exported/).waitFor();
    await control.page.waitForTimeout(500);
    expect(downloads).toBe(0);
    // Chromium says why in the console.
    expect(messages.filter((message) => message.includes('allow-downloads'))).toHaveLength(1);
  });

  it('shows a viewer the audit day without the buttons that change it', async () => {
    const viewer = await openPage(env.browser, `${env.server.url}${PAGE_PATH}/audit-day?as=viewer`);
    const viewerFrame = await appFrame(viewer.page, 'audit-page');
    await viewerFrame.getByRole('table', { name: 'Chapter reviews' }).waitFor();
    expect(await viewerFrame.getByRole('button', { name: /^(Mark reviewed|Review again): / }).count()).toBe(0);
    expect(await viewerFrame.getByRole('button', { name: /Apply the waiver/ }).count()).toBe(0);
    await viewerFrame.getByText('Recording a dry run needs the Edit issues permission in this project.').waitFor();
    // Reading is enough to take the pack away.
    const [download] = await Promise.all([viewer.page.waitForEvent('download'), viewerFrame.getByRole('button', { name: 'Download CSV' }).click()]);
    expect(download.suggestedFilename()).toMatch(/\.csv$/);
    await screenshot(viewer.page, 'audit-day-viewer');
    expect({ pageErrors: viewer.errors, consoleErrors: viewer.consoleErrors }).toEqual({ pageErrors: [], consoleErrors: [] });
    const rollup = await out.invoke<Rollup>('getRollup', {}, 'viewer');
    expect(rollup.chapters.find((chapter) => chapter.id === 'security')?.waivedBy).toBe('AWS Level 1 MSSP Competency');
  });
});

/**
 * Design and accessibility of every view in Debian's Chromium against the local server and the
 * production build: axe-core (from npm, injected into each app frame) finds no serious or critical
 * violation on the Audit page before and after import (score, plan, audit day, waivers, trail in
 * one page; with the score explanation opened and a risk in the risk table, so the sortable tables
 * are checked too), the upload view, the item panel and the Audit evidence field; the import and the
 * evidence flows work with the keyboard alone; and with Jira's dark theme (`?theme=dark` on the
 * local host stands for it) the app frames follow it. Screenshots: test-artifacts/screenshots/design-*.png.
 *
 * The steps share one server and run in order.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Frame, Page } from 'playwright-core';
import type { EmulatorRequest } from '@msp-audit-ready/forge-local/jira';
import { builtinChecklists } from '../../src/checklists';
import { appFrame, describeBrowser, openPage, ROOT, screenshot, startBrowserEnv, type BrowserEnv } from './helpers';

jest.setTimeout(180_000);

const PAGE_PATH = '/projects/MSP/apps/audit-page';
const CHECKLIST = 'aws-msp-7.1';
const AXE = join(ROOT, 'node_modules', 'axe-core', 'axe.min.js');

const built = existsSync(join(ROOT, 'static', 'app', 'build', 'index.html'));
if (!built) console.log('design browser test skipped: needs static/app/build (npm run build)');

const outside = (req: Partial<EmulatorRequest>): EmulatorRequest => ({ method: 'GET', path: '/', query: {}, headers: {}, body: undefined, actor: 'admin', origin: 'outside', ...req });

interface Violation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[]; failureSummary?: string }[];
}

/** axe-core's serious and critical violations in one app frame, as readable lines. */
/** The Audit page's tabs and a heading each shows once loaded (each tab loads when first opened). */
const TABS: readonly (readonly [string, string])[] = [
  ['Overview', 'Audit score'],
  ['Chapters', 'Chapters'],
  ['Evidence and risks', 'Audit risks'],
  ['Audit day', 'Audit day'],
  ['Plan', 'Road to audit day'],
  ['Decision trail', 'Decision trail'],
];

/** Opens every tab of the Audit page in turn and runs axe on each: the problems of all of them. */
async function axeOnEveryTab(frame: Frame): Promise<string[]> {
  const problems: string[] = [];
  for (const [tab, heading] of TABS) {
    await frame.getByRole('tab', { name: tab, exact: true }).click();
    await frame.getByRole('tab', { name: tab, exact: true, selected: true }).waitFor();
    await frame.getByRole('heading', { name: heading, exact: true }).first().waitFor();
    // The item table of the Chapters tab is folded: open it so axe sees its sortable headers.
    const explain = frame.getByRole('button', { name: 'Explain this score' });
    if (tab === 'Chapters' && (await explain.getAttribute('aria-expanded')) === 'false') {
      await explain.click();
      await frame.getByRole('table', { name: 'Item contributions' }).waitFor();
    }
    problems.push(...(await axeProblems(frame)).map((problem) => `${tab}: ${problem}`));
  }
  return problems;
}

async function axeProblems(frame: Frame): Promise<string[]> {
  // Evaluated through the DevTools protocol: the app's CSP (script-src 'self') refuses a script tag.
  if (!(await frame.evaluate(() => 'axe' in window))) await frame.evaluate(`${readFileSync(AXE, 'utf8')}\n;true`);
  const violations = await frame.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (context: Document, options: object) => Promise<{ violations: Violation[] }> } }).axe;
    const result = await axe.run(document, { resultTypes: ['violations'] });
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => ({ target: n.target, failureSummary: n.failureSummary })) }));
  });
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.impact} ${v.id} (${v.help}): ${v.nodes.slice(0, 5).map((n) => n.target.join(' ')).join(' | ')}`);
}

/** What the keyboard should land on: a radio, an enabled button by its text, a control by its label's start. */
type Target = { radio: true } | { button: string } | { labelled: string };

/** Presses Tab in the page until the focused element of `frame` is `target`, at most `limit` times. */
async function tabTo(page: Page, frame: Frame, target: Target, limit = 80): Promise<void> {
  for (let i = 0; i < limit; i += 1) {
    await page.keyboard.press('Tab');
    const reached = await frame.evaluate((t: Target) => {
      const el = document.activeElement;
      if (!el) return false;
      if ('radio' in t) return el instanceof HTMLInputElement && el.type === 'radio';
      if ('button' in t) return el instanceof HTMLButtonElement && !el.disabled && (el.textContent ?? '').trim().startsWith(t.button);
      const label = el.id ? document.querySelector(`label[for="${CSS.escape(el.id)}"]`) : null;
      return (label?.textContent ?? '').trim().startsWith(t.labelled);
    }, target);
    if (reached) return;
  }
  throw new Error(`Tab never reached ${JSON.stringify(target)}`);
}

(built ? describeBrowser : describe.skip)('design and accessibility (browser)', () => {
  let env: BrowserEnv;

  beforeAll(async () => {
    env = await startBrowserEnv({ appDir: ROOT });
  });
  afterAll(async () => {
    await env?.close();
  });

  it('imports a checklist with the keyboard alone, with no serious axe violation before or after', async () => {
    const s = await openPage(env.browser, `${env.server.url}${PAGE_PATH}?as=admin`);
    let frame = await appFrame(s.page, 'audit-page');
    await frame.getByRole('radio').first().waitFor();
    expect(await axeProblems(frame)).toEqual([]);

    const def = builtinChecklists().find((d) => d.id === CHECKLIST)!;
    const radioName = `${def.name} version ${def.version}`;
    // Into the frame, to the checklist's radio (arrow keys move between radios, Space picks).
    await tabTo(s.page, frame, { radio: true });
    for (let i = 0; i < 20; i += 1) {
      const focused = await frame.evaluate(() => document.activeElement?.closest('label')?.textContent ?? '');
      if (focused.startsWith(radioName)) break;
      await s.page.keyboard.press('ArrowDown');
    }
    await s.page.keyboard.press('Space');
    await tabTo(s.page, frame, { button: 'Import' });
    await s.page.keyboard.press('Enter');
    const seeScore = frame.getByRole('button', { name: 'See the score' });
    await seeScore.or(frame.getByRole('tab', { name: 'Overview', exact: true })).first().waitFor({ timeout: 120_000 });
    await screenshot(s.page, 'design-1-imported-by-keyboard');
    if (await seeScore.isVisible()) {
      await seeScore.focus();
      await s.page.keyboard.press('Enter');
    }
    // One item done without evidence: the Evidence and risks tab then shows its risk table to axe.
    const second = def.items[1]!.id;
    const found = await env.server.emulator.handle(outside({ method: 'POST', path: '/rest/api/3/search/jql', body: { jql: `project = MSP AND auditItem = "${second}"`, fields: ['summary'] } }));
    const doneKey = (found.body as { issues: { key: string }[] }).issues[0]!.key;
    const transitions = await env.server.emulator.handle(outside({ path: `/rest/api/3/issue/${doneKey}/transitions` }));
    const done = (transitions.body as { transitions: { id: string; to: { name: string } }[] }).transitions.find((t) => t.to.name === 'Done')!;
    expect((await env.server.emulator.handle(outside({ method: 'POST', path: `/rest/api/3/issue/${doneKey}/transitions`, body: { transition: { id: done.id } } }))).status).toBe(204);
    await env.server.runtime.idle();
    await s.page.reload();
    frame = await appFrame(s.page, 'audit-page');
    await frame.getByRole('tab', { name: 'Evidence and risks', exact: true }).click();
    await frame.getByRole('table', { name: 'Audit risks' }).waitFor({ timeout: 30_000 });
    expect(await axeOnEveryTab(frame)).toEqual([]);
    expect(s.errors).toEqual([]);
  });

  it('follows Jira’s dark theme on the Audit page, with no serious axe violation there either', async () => {
    const s = await openPage(env.browser, `${env.server.url}${PAGE_PATH}?as=admin&theme=dark`);
    const frame = await appFrame(s.page, 'audit-page');
    await frame.getByRole('heading', { name: 'Audit score', exact: true }).first().waitFor();
    expect(await frame.evaluate(() => document.documentElement.getAttribute('data-color-mode'))).toBe('dark');
    // The tokens resolve to the dark theme: the text is light on a dark page.
    const text = await frame.evaluate(() => getComputedStyle(document.body).color);
    const [r, g, b] = (text.match(/\d+/g) ?? []).map(Number);
    expect((r ?? 0) + (g ?? 0) + (b ?? 0)).toBeGreaterThan(400);
    await screenshot(s.page, 'design-2-audit-page-dark');
    expect(await axeOnEveryTab(frame)).toEqual([]);
    expect(s.errors).toEqual([]);
  });

  it('shows the upload view with no serious axe violation', async () => {
    const s = await openPage(env.browser, `${env.server.url}${PAGE_PATH}?as=admin&theme=light`);
    const frame = await appFrame(s.page, 'audit-page');
    await frame.getByRole('button', { name: 'Import another checklist' }).click();
    await frame.getByRole('button', { name: 'Bring your own checklist' }).click();
    await frame.getByRole('heading', { name: 'Bring your own checklist' }).waitFor();
    expect(await axeProblems(frame)).toEqual([]);
    // With a file read: the mapping, the problems, the settings and the preview.
    const csv = ['Ref,Control,Area,Pts,Must have', 'A.1,Security policy,Governance,30,yes', 'A.2,Roles,Governance,20,no', 'B.1,Incidents,Operations,50,yes'].join('\n');
    await frame.locator('input[type="file"]').setInputFiles({ name: 'team.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    await frame.getByRole('table', { name: 'Column mapping' }).waitFor();
    await screenshot(s.page, 'design-4-upload');
    expect(await axeProblems(frame)).toEqual([]);
    expect(s.errors).toEqual([]);
  });

  it('adds evidence in the item panel with the keyboard alone; the panel and the field pass axe', async () => {
    const { emulator } = env.server;
    const def = builtinChecklists().find((d) => d.id === CHECKLIST)!;
    const itemId = def.items[0]!.id;
    const found = await emulator.handle(outside({ method: 'POST', path: '/rest/api/3/search/jql', body: { jql: `project = MSP AND auditItem = "${itemId}"`, fields: ['summary'] } }));
    const issueKey = (found.body as { issues: { key: string }[] }).issues[0]!.key;

    const s = await openPage(env.browser, `${env.server.url}/browse/${issueKey}?as=admin&theme=light`);
    const panel = await appFrame(s.page, 'audit-item-panel');
    await panel.waitForSelector(`h2:has-text("${itemId}")`);
    expect(await axeProblems(panel)).toEqual([]);

    await tabTo(s.page, panel, { button: 'Add evidence' });
    await s.page.keyboard.press('Enter');
    await tabTo(s.page, panel, { labelled: 'Title' });
    await s.page.keyboard.type('Patch policy (keyboard)');
    await tabTo(s.page, panel, { labelled: 'Link' });
    await s.page.keyboard.type('https://intranet.example/patch-policy');
    expect(await axeProblems(panel)).toEqual([]);
    await tabTo(s.page, panel, { button: 'Save evidence' });
    await s.page.keyboard.press('Enter');
    await panel.waitForSelector('[data-testid="evidence-summary"]:has-text("1 evidence")');
    await screenshot(s.page, 'design-3-evidence-by-keyboard');

    await s.page.reload();
    const field = await appFrame(s.page, 'audit-evidence');
    await field.waitForSelector('a:has-text("Patch policy (keyboard)")');
    expect(await axeProblems(field)).toEqual([]);
    expect(s.errors).toEqual([]);

    // The same issue in the dark theme: the panel and the field follow it and still pass.
    const dark = await openPage(env.browser, `${env.server.url}/browse/${issueKey}?as=admin&theme=dark`);
    const darkPanel = await appFrame(dark.page, 'audit-item-panel');
    await darkPanel.waitForSelector('a:has-text("Patch policy (keyboard)")');
    expect(await darkPanel.evaluate(() => document.documentElement.getAttribute('data-color-mode'))).toBe('dark');
    expect(await axeProblems(darkPanel)).toEqual([]);
    const darkField = await appFrame(dark.page, 'audit-evidence');
    await darkField.waitForSelector('a:has-text("Patch policy (keyboard)")');
    expect(await axeProblems(darkField)).toEqual([]);
    await screenshot(dark.page, 'design-5-item-panel-dark');
    expect(dark.errors).toEqual([]);
  });
});

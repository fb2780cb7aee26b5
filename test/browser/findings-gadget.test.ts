/**
 * Findings and the dashboard gadget end to end in Debian's Chromium, against the local server and
 * the production build: the lead records an auditor's finding on the Audit page (it appears with
 * its Jira issue and the days left), then a dashboard gadget is configured (an unknown project is
 * refused with the server's message, never saved), shows the project's score, days to the audit and
 * open mandatory items, and opens the Audit page.
 * Screenshots: test-artifacts/screenshots/findings-section.png, gadget-dashboard.png.
 *
 * The steps share the server and run in order.
 */
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Rollup } from '../../common/contract';
import { addBusinessDays } from '../../src/domain/plan-dates';
import { pickOption } from './atlaskit';
import { OutsideClient } from './audit-helpers';
import { appFrame, describeBrowser, openPage, ROOT, screenshot, SCREENSHOTS, startBrowserEnv, type BrowserEnv } from './helpers';

jest.setTimeout(90_000);

const CHECKLIST = 'aws-msp-7.1';
const DAY_MS = 86_400_000;
const day = (offset: number): string => new Date(Date.now() + offset * DAY_MS).toISOString().slice(0, 10);

const built = existsSync(join(ROOT, 'static', 'app', 'build', 'index.html'));
if (!built) console.log('Findings and gadget browser test skipped: no production build in static/app/build (run npm run build)');

(built ? describeBrowser : describe.skip)('Findings and the dashboard gadget in Chromium against the local server', () => {
  let env: BrowserEnv;
  let out: OutsideClient;

  beforeAll(async () => {
    env = await startBrowserEnv({ appDir: ROOT });
    out = new OutsideClient(env.server.url);
    await out.invoke('startImport', { checklistId: CHECKLIST });
    await out.idle();
    await out.invoke('setAuditPlan', { validationDate: day(20) });
  });
  afterAll(async () => {
    await env?.close();
  });

  it('records a finding on the Audit page: it is listed open with its issue and the days left', async () => {
    const session = await openPage(env.browser, `${env.server.url}/projects/MSP/apps/audit-page/plan?as=admin`);
    const frame = await appFrame(session.page, 'audit-page');
    const findings = frame.getByTestId('findings');
    await findings.getByRole('form', { name: 'Record a finding' }).waitFor();
    expect(await findings.textContent()).toContain(`No open findings, due ${addBusinessDays(day(20), 10)}`);
    await findings.getByRole('combobox', { name: 'Item' }).click();
    await frame.getByRole('option', { name: /^OPS-001 / }).first().click();
    await findings.getByLabel('What the auditor found').fill('No DR test record for 2025');
    await findings.getByLabel('Detail (optional)').fill('The auditor asked for the last DR test report.');
    await findings.getByRole('button', { name: 'Record the finding' }).click();
    // The item Select has a live region of its own: the form's status is the one saying what was recorded.
    const status = findings.getByRole('status').filter({ hasText: 'Recorded as' });
    await status.waitFor();
    expect(await status.textContent()).toMatch(new RegExp(`^Recorded as MSP-\\d+, due ${addBusinessDays(day(20), 10)}\\.$`));
    const row = findings.getByRole('table', { name: 'Open findings' }).locator('tbody tr');
    expect(await row.count()).toBe(1);
    const cells = await row.locator('td').allTextContents();
    expect(cells[0]).toMatch(new RegExp(`^${addBusinessDays(day(20), 10)}\\d+ days left$`));
    expect(cells[1]).toMatch(/^open MSP-\d+ No DR test record for 2025$/);
    expect(cells[2]).toMatch(/^OPS-001 /);
    expect(cells[3]).toMatch(/^Ada Admin, \d{4}-\d{2}-\d{2}$/);
    await findings.scrollIntoViewIfNeeded();
    mkdirSync(SCREENSHOTS, { recursive: true });
    await findings.screenshot({ path: join(SCREENSHOTS, 'findings-section.png') });
    expect(session.errors).toEqual([]);
    await session.page.close();
  });

  it('configures a dashboard gadget (an unknown project refused), shows the score, days to audit and open mandatory items, and opens the Audit page', async () => {
    const session = await openPage(env.browser, `${env.server.url}/dashboard?as=admin`);
    let frame = await appFrame(session.page, 'audit-gadget');
    expect(await session.page.locator('section.gadget').getAttribute('data-mode')).toBe('edit');
    const form = frame.getByRole('form', { name: 'Gadget settings' });
    await form.getByLabel('Project key').fill('NOPE');
    await form.getByRole('button', { name: 'Save' }).click();
    await form.getByText('Not saved').waitFor();
    expect(await form.textContent()).toContain("No project NOPE that you can see: check the key, or choose another project in the gadget's settings.");
    await form.getByLabel('Project key').fill('msp');
    // Leaving the key checks the project and lists its checklists in the Select.
    await form.getByLabel('Project key').blur();
    await pickOption(form, 'Checklist', 'AWS MSP Validation Checklist 7.1');
    await Promise.all([session.page.waitForURL(/\/dashboard(\?as=admin)?$/), form.getByRole('button', { name: 'Save' }).click()]);

    frame = await appFrame(session.page, 'audit-gadget');
    expect(await session.page.locator('section.gadget').getAttribute('data-mode')).toBe('view');
    const gadget = frame.getByTestId('gadget');
    await gadget.waitFor();
    const rollup = await out.invoke<Rollup>('getRollup', { checklistId: CHECKLIST });
    expect(await gadget.getByTestId('gadget-score').textContent()).toBe(String(rollup.score));
    expect(await gadget.textContent()).toContain(`${rollup.score} of ${rollup.maxScore} items met`);
    expect(await gadget.getByTestId('gadget-days').textContent()).toBe('20');
    expect(await gadget.textContent()).toContain(`20 days to the audit (${day(20)})`);
    expect(await gadget.getByTestId('gadget-mandatory').textContent()).toBe(String(rollup.mandatoryOpen.length));
    expect(await gadget.getByTestId('gadget-verdict').textContent()).toBe(`Would not pass today: ${rollup.mandatoryOpen.length} mandatory items open`);
    expect(await gadget.textContent()).toContain('1open finding');
    await screenshot(session.page, 'gadget-dashboard');

    await Promise.all([session.page.waitForURL(/\/projects\/MSP\/apps\/audit-page$/), gadget.getByRole('button', { name: 'Open the Audit page of MSP' }).click()]);
    expect(session.errors).toEqual([]);
    await session.page.close();
  });
});

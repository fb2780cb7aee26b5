/**
 * The road to audit day end to end in Debian's Chromium, against the local server and the
 * production build: a person sets the audit plan on the Audit page (the countdown, the AWS deadline
 * and the open mandatory items with their owners appear), sees the forecast sentence from a seeded
 * score history, and the by-owner table with names from Jira, each figure a link to its search.
 * A date the calendar does not have is refused with the server's message.
 * Screenshots: test-artifacts/screenshots/plan-*.png.
 *
 * The steps share one page and run in order.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Frame } from 'playwright-core';
import type { Rollup } from '../../common/contract';
import { encodeHistory } from '../../src/domain/history-codec';
import type { ScorePoint } from '../../src/domain/history';
import { scoreHistoryKey } from '../../src/storage/keys';
import { writeValue } from '../../src/storage/kvs';
import { fillDate } from './atlaskit';
import { OutsideClient } from './audit-helpers';
import { appFrame, describeBrowser, openPage, ROOT, screenshot, SCREENSHOTS, startBrowserEnv, type BrowserEnv, type PageSession } from './helpers';

jest.setTimeout(90_000);

const CHECKLIST = 'aws-msp-7.1';
const PAGE_PATH = '/projects/MSP/apps/audit-page';
const DAY_MS = 86_400_000;
const day = (offset: number): string => new Date(Date.now() + offset * DAY_MS).toISOString().slice(0, 10);

const built = existsSync(join(ROOT, 'static', 'app', 'build', 'index.html'));
if (!built) console.log('Road to audit day browser test skipped: no production build in static/app/build (run npm run build)');

/** Three weeks of a team closing mandatory items, one every three days, down to one more than are open now. */
function seededHistory(openNow: number): ScorePoint[] {
  return Array.from({ length: 21 }, (_, index) => {
    const date = day(index - 21);
    return { date, at: `${date}T02:00:00.000Z`, score: 10 + index, maxScore: 61, passMark: null, passed: false, met: 10 + index, total: 61, mandatoryOpen: Math.min(61, openNow + Math.ceil((21 - index) / 3)) };
  });
}

(built ? describeBrowser : describe.skip)('Road to audit day in Chromium against the local server', () => {
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
    // Items in key order: the prerequisites (BUSP-001 …) come first.
    for (const [index, issueKey] of keys.slice(0, 12).entries()) {
      const res = await out.jira('PUT', `/issue/${encodeURIComponent(issueKey)}`, { fields: { assignee: { accountId: index % 3 === 0 ? 'admin' : 'lead' } } });
      if (res.status !== 204) throw new Error(`assign ${issueKey} answered ${res.status}`);
    }
    for (const issueKey of keys.slice(0, 4)) await out.transitionToDone(issueKey);
    await out.idle();
    // The server runs in this process: its KVS is the one @forge/kvs reaches from here.
    const rollup = await out.invoke<Rollup>('getRollup', { checklistId: CHECKLIST, refresh: true });
    await writeValue(scoreHistoryKey('MSP', CHECKLIST), encodeHistory(seededHistory(rollup.mandatoryOpen.length)));
    // The plan is the Audit page's "Plan" tab: opened by its deep link.
    session = await openPage(env.browser, `${env.server.url}${PAGE_PATH}/plan?as=admin`);
    frame = await appFrame(session.page, 'audit-page');
  });
  afterAll(async () => {
    await env?.close();
  });

  async function tallScreenshot(name: string): Promise<void> {
    await session.page.setViewportSize({ width: 1280, height: 4200 });
    await session.page.waitForTimeout(150);
    await screenshot(session.page, name);
    await session.page.setViewportSize({ width: 1280, height: 900 });
  }

  const section = () => frame.locator('section[aria-labelledby]', { has: frame.locator('h2', { hasText: 'Road to audit day' }) });

  it('starts without a plan, with the owners table and the forecast sentence', async () => {
    await section().getByTestId('plan-countdown').waitFor();
    expect(await section().getByTestId('plan-countdown').textContent()).toBe('No validation date yet: set one to see what is due when.');
    const forecast = await section().getByTestId('plan-forecast').textContent();
    expect(forecast).toContain('No audit date');
    expect(forecast).toMatch(/Open mandatory items went from \d+ to \d+ in the last \d+ days \([\d.]+ items a day\); at that pace the last mandatory item is met on \d{4}-\d{2}-\d{2}\. Set the validation date to see whether that is in time\./);
    const owners = section().getByRole('table', { name: 'Items by owner' });
    const names = await owners.locator('tbody th').allTextContents();
    expect(names).toEqual(['Lee Lead', 'Ada Admin', 'Unassigned']);
    const lead = owners.locator('tr[data-owner="lead"]');
    expect(await lead.locator('td').allTextContents()).toEqual(['8', expect.any(String), expect.any(String), '0']);
    const link = lead.locator('td').first().getByRole('link');
    expect(decodeURIComponent((await link.getAttribute('href')) ?? '')).toBe(
      `/issues/?jql=project = "MSP" AND auditChecklist = "${CHECKLIST}" AND auditItemState = "active" AND assignee = "lead" ORDER BY key`,
    );
  });

  it('refuses a validation date the calendar does not have, with the server’s message', async () => {
    // A date input cannot hold 2027-02-30: send the payload the way a stale or scripted page could.
    await expect(out.invoke('setAuditPlan', { validationDate: '2027-02-30' })).rejects.toThrow('The validation date "2027-02-30" is not a day on the calendar');
    await fillDate(section().getByLabel('Validation audit'), day(60));
    await fillDate(section().getByLabel('Pre-audit (optional)'), day(61));
    await section().getByRole('button', { name: 'Set the plan' }).click();
    await section().getByText('The plan was not saved').waitFor();
    expect(await section().textContent()).toContain(`The pre-audit (${day(61)}) is after the validation audit (${day(60)})`);
  });

  it('sets the plan: the countdown, the AWS deadline and open mandatory items with their owners, then the verdict of the forecast', async () => {
    await fillDate(section().getByLabel('Pre-audit (optional)'), day(40));
    await section().getByRole('button', { name: 'Set the plan' }).click();
    await section().getByText(`60 days to the validation audit on ${day(60)}`).waitFor();
    expect(await section().getByTestId('plan-saved-by').textContent()).toContain('Plan saved by Ada Admin');
    const due = section().getByRole('table', { name: 'What is due when' });
    const deadline = due.locator('tr[data-kind="prerequisite-deadline"]');
    expect(await deadline.locator('td').first().textContent()).toBe(`${day(30)}in 30 days`);
    const prerequisites = due.locator('tr[data-kind="prerequisite-open"]');
    expect(await prerequisites.count()).toBeGreaterThan(0);
    expect(await prerequisites.first().locator('td').last().textContent()).toMatch(/^(Lee Lead|Ada Admin|Unassigned)$/);
    // Milestones always show; the item lines past the first 12 on asking.
    const itemLines = due.locator('tr[data-kind="prerequisite-open"], tr[data-kind="mandatory-open"]');
    expect(await itemLines.count()).toBe(12);
    expect(await due.locator('tr[data-kind="action-items"]').count()).toBe(1);
    const forecast = await section().getByTestId('plan-forecast').textContent();
    expect(forecast).toMatch(/(On track|At risk by \d+ days)/);
    expect(forecast).toMatch(new RegExp(`validation audit on ${day(60)}: (on track|at risk by \\d+ days)\\.$`));
    await tallScreenshot('plan-set');
    // The section alone, readable at full size.
    await session.page.setViewportSize({ width: 1280, height: 4200 });
    await section().screenshot({ path: join(SCREENSHOTS, 'plan-section.png') });
    await session.page.setViewportSize({ width: 1280, height: 900 });
    await section().getByRole('button', { name: /^Show all \d+ lines/ }).click();
    expect(await itemLines.count()).toBeGreaterThan(12);
  });

  it('previews the daily reminders; 20 days before the audit the owners of open mandatory items would get one', async () => {
    const reminders = section().getByTestId('plan-reminders');
    await reminders.getByText('The next run would send nothing.').waitFor();
    await fillDate(section().getByLabel('Validation audit'), day(20));
    await fillDate(section().getByLabel('Pre-audit (optional)'), day(10));
    await section().getByRole('button', { name: 'Save the plan' }).click();
    await section().getByText(`20 days to the validation audit on ${day(20)}`).waitFor();
    const list = reminders.getByRole('list', { name: 'Next reminders' });
    await list.waitFor();
    const lines = await list.locator('li').allTextContents();
    expect(lines.length).toBeGreaterThan(0);
    for (const line of lines) expect(line).toMatch(/^To (Lee Lead|Ada Admin): MSP-\d+ \S+, mandatory item not met$/);
    await session.page.setViewportSize({ width: 1280, height: 4200 });
    await reminders.screenshot({ path: join(SCREENSHOTS, 'plan-reminders.png') });
    await session.page.setViewportSize({ width: 1280, height: 900 });
    await reminders.getByRole('button', { name: 'Turn reminders off' }).click();
    await reminders.getByText('Off for this project: nobody gets reminders.').waitFor();
  });
});

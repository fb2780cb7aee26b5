/**
 * The item panel offers N/A only as the checklist's publisher allows it (issue 12), in a real browser
 * on the local server: on AWS MSP 7.1 a mandatory control no exemption covers shows N/A as "not
 * allowed" with the reason and cannot pick it, and a control an exemption covers names that
 * exemption; on MSPAlliance UCS (project OPS) N/A asks for a justification. Needs the production build.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { EmulatorRequest } from '@msp-audit-ready/forge-local/jira';
import { builtinChecklists } from '../../src/checklists';
import { optionEnabled, pickOption } from './atlaskit';
import { appFrame, describeBrowser, openPage, ROOT, screenshot, startBrowserEnv, type BrowserEnv } from './helpers';

jest.setTimeout(120_000);

const outside = (req: Partial<EmulatorRequest>): EmulatorRequest => ({ method: 'GET', path: '/', query: {}, headers: {}, body: undefined, actor: 'admin', origin: 'outside', ...req });

const built = existsSync(join(ROOT, 'static', 'app', 'build', 'index.html'));
if (!built) console.log('N/A choices browser test skipped: needs static/app/build (npm run build)');

(built ? describeBrowser : describe.skip)('N/A choices in the item panel (browser)', () => {
  let env: BrowserEnv;
  const aws = builtinChecklists().find((d) => d.id === 'aws-msp-7.1')!;
  const ucs = builtinChecklists().find((d) => d.id === 'mspalliance-ucs-23')!;
  const covered = (item: { id: string; chapterId: string }) => aws.waivers.some((w) => w.items.includes(item.id) || w.chapters.includes(item.chapterId));
  const plain = aws.items.find((item) => item.mandatory && !covered(item))!;
  const devops = aws.waivers.find((w) => w.name === 'AWS DevOps Competency')!;
  const ucsItem = ucs.items.find((item) => item.mandatory)!;

  async function keyOf(projectKey: string, itemId: string): Promise<string> {
    const found = await env.server.emulator.handle(
      outside({ method: 'POST', path: '/rest/api/3/search/jql', body: { jql: `project = ${projectKey} AND auditItem = "${itemId}"`, fields: ['summary'] } }),
    );
    return (found.body as { issues: { key: string }[] }).issues[0]!.key;
  }

  beforeAll(async () => {
    env = await startBrowserEnv({ appDir: ROOT });
    const { runtime, emulator } = env.server;
    emulator.addProject({ key: 'OPS' });
    await runtime.invoke({ functionKey: 'startImport', payload: { checklistId: aws.id }, context: { moduleKey: 'audit-page', projectKey: 'MSP', accountId: 'admin' } });
    await runtime.invoke({ functionKey: 'startImport', payload: { checklistId: ucs.id }, context: { moduleKey: 'audit-page', projectKey: 'OPS', accountId: 'admin' } });
    await runtime.idle();
  });
  afterAll(async () => {
    await env?.close();
  });

  it('AWS MSP 7.1: N/A is shown as not allowed, with why, and cannot be picked', async () => {
    const s = await openPage(env.browser, `${env.server.url}/browse/${await keyOf('MSP', plain.id)}?as=admin`);
    const panel = await appFrame(s.page, 'audit-item-panel');
    await panel.waitForSelector(`h2:has-text("${plain.id}")`);
    expect(await optionEnabled(panel, 'Assessment', 'N/A (not allowed)')).toBe(false);
    expect(await panel.textContent('[data-testid="na-rule"]')).toBe(`${aws.name} 7.1 allows only met or not met here: no published exemption covers this item.`);
    expect(await panel.getByLabel(/Why N\/A/).count()).toBe(0);
    await screenshot(s.page, 'na-1-aws-not-allowed');
    expect(s.errors).toEqual([]);
  });

  it('AWS MSP 7.1: a control an exemption covers names the exemption to apply', async () => {
    const s = await openPage(env.browser, `${env.server.url}/browse/${await keyOf('MSP', devops.items[0]!)}?as=admin`);
    const panel = await appFrame(s.page, 'audit-item-panel');
    await panel.waitForSelector(`h2:has-text("${devops.items[0]!}")`);
    expect(await optionEnabled(panel, 'Assessment', 'N/A (not allowed)')).toBe(false);
    expect(await panel.textContent('[data-testid="na-rule"]')).toContain('covered by: AWS DevOps Competency (apply it as a waiver on the Audit page)');
    expect(s.errors).toEqual([]);
  });

  it('MSPAlliance UCS: N/A can be picked and asks why before it can be saved', async () => {
    const s = await openPage(env.browser, `${env.server.url}/browse/${await keyOf('OPS', ucsItem.id)}?as=admin`);
    const panel = await appFrame(s.page, 'audit-item-panel');
    await panel.waitForSelector(`h2:has-text("${ucsItem.id}")`);
    expect(await optionEnabled(panel, 'Assessment', 'N/A')).toBe(true);
    await pickOption(panel, 'Assessment', 'N/A');
    expect(await panel.textContent('[data-testid="na-rule"]')).toBe('N/A needs a written justification: why this item does not apply to you.');
    expect(await panel.locator('button:has-text("Save assessment")').isDisabled()).toBe(true);
    await panel.getByLabel('Why N/A (required)').fill('We resell no third-party services.');
    await panel.click('button:has-text("Save assessment")');
    await panel.waitForSelector('[data-testid="item-result"]:has-text("Assessed N/A on the issue")');
    await screenshot(s.page, 'na-2-ucs-justified');
    expect(s.errors).toEqual([]);
  });
});

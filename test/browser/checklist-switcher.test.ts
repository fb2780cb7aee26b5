/**
 * The checklist switcher on the Audit page in Chromium: a project with two checklists imported
 * (AWS MSP 7.1 and UCS) switches between them from the headline. Screenshot: audit-8-switcher.png.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { ImportStatus, StartImportResult } from '../../common/contract';
import { pickOption } from './atlaskit';
import { expectedHeadline, OutsideClient } from './audit-helpers';
import { appFrame, describeBrowser, openPage, ROOT, screenshot, startBrowserEnv, type BrowserEnv } from './helpers';

jest.setTimeout(60_000);

const built = existsSync(join(ROOT, 'static', 'app', 'build', 'index.html'));

(built ? describeBrowser : describe.skip)('Audit page checklist switcher in Chromium', () => {
  let env: BrowserEnv;
  let out: OutsideClient;
  beforeAll(async () => {
    env = await startBrowserEnv({ appDir: ROOT });
    out = new OutsideClient(env.server.url);
  });
  afterAll(async () => {
    await env?.close();
  });

  async function importChecklist(checklistId: string): Promise<void> {
    const { jobId } = await out.invoke<StartImportResult>('startImport', { checklistId });
    await out.idle();
    expect((await out.invoke<ImportStatus>('getImport', { jobId })).state).toBe('done');
  }

  it('switches between the two checklists of the project', async () => {
    await out.reset();
    await importChecklist('aws-msp-7.1');
    await importChecklist('mspalliance-ucs-23');
    const aws = await out.rollup('aws-msp-7.1');

    const s = await openPage(env.browser, `${env.server.url}/projects/MSP/apps/audit-page?as=viewer`);
    const frame = await appFrame(s.page, 'audit-page');
    const region = frame.getByRole('region', { name: 'Audit score' });
    const select = region.getByRole('combobox', { name: 'Checklist' });
    await select.waitFor();
    // The one imported last is shown first.
    expect(await region.getByTestId('checklist-switcher').innerText()).toBe('MSPAlliance Unified Certification Standard (UCS) 23');
    await select.click();
    expect(await frame.getByRole('option').allInnerTexts()).toEqual(['AWS MSP Validation Checklist 7.1', 'MSPAlliance Unified Certification Standard (UCS) 23']);
    await select.press('Escape');

    await pickOption(region, 'Checklist', 'AWS MSP Validation Checklist 7.1');
    const line = frame.getByTestId('score-line');
    await frame.locator(`[data-testid="score-line"]:text-is("${expectedHeadline(aws)}")`).waitFor();
    expect(await line.innerText()).toBe(expectedHeadline(aws));
    expect(await frame.getByTestId('checklist-switcher').innerText()).toBe('AWS MSP Validation Checklist 7.1');
    // A viewer (Browse projects only): the controls they cannot use say why.
    expect(await frame.getByRole('button', { name: 'Import another checklist' }).isDisabled()).toBe(true);
    await screenshot(s.page, 'audit-8-switcher');
    expect({ pageErrors: s.errors, consoleErrors: s.consoleErrors }).toEqual({ pageErrors: [], consoleErrors: [] });
    await s.page.close();
  });
});

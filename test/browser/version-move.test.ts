/**
 * A move between versions in Chromium: a 4.x project with work moves to 7.1. The preview says what
 * carries over and what work would be retired and lists the eleven same-title proposals; confirmed
 * all, the update applies and the switcher shows 4.x as retired history, not selectable, with its
 * last score. Screenshots: audit-9-move-preview.png, audit-10-switcher-after-move.png.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { ImportStatus, StartImportResult } from '../../common/contract';
import { OutsideClient } from './audit-helpers';
import { appFrame, describeBrowser, openPage, ROOT, screenshot, startBrowserEnv, type BrowserEnv } from './helpers';

jest.setTimeout(120_000);

const built = existsSync(join(ROOT, 'static', 'app', 'build', 'index.html'));

(built ? describeBrowser : describe.skip)('Audit page version move in Chromium', () => {
  let env: BrowserEnv;
  let out: OutsideClient;
  beforeAll(async () => {
    env = await startBrowserEnv({ appDir: ROOT });
    out = new OutsideClient(env.server.url);
  });
  afterAll(async () => {
    await env?.close();
  });

  it('previews the move with its proposals, applies the confirmed ones and shows 4.x as history', async () => {
    await out.reset();
    const { jobId } = await out.invoke<StartImportResult>('startImport', { checklistId: 'aws-msp-4.x' });
    await out.idle();
    expect((await out.invoke<ImportStatus>('getImport', { jobId })).state).toBe('done');
    const old = await out.rollup('aws-msp-4.x');
    // Work on two items with a same-title successor (8.3, 8.4) and one without (1.2).
    for (const itemId of ['8.3', '8.4', '1.2']) await out.transitionToDone(old.items.find((item) => item.id === itemId)!.issueKey!);
    const before = await out.rollup('aws-msp-4.x');

    const s = await openPage(env.browser, `${env.server.url}/projects/MSP/apps/audit-page`);
    const frame = await appFrame(s.page, 'audit-page');
    const offer = frame.getByRole('region', { name: /Version 7\.1 of .* is available/ });
    await offer.waitFor();
    expect(await offer.innerText()).toContain('only issues that stand for an item of version 7.1 keep their status, owners and evidence');
    await offer.getByRole('button', { name: 'Update to version 7.1' }).click();
    const line = offer.getByTestId('carry-line');
    await line.waitFor();
    expect(await line.innerText()).toBe('0 of 130 items carry over (their issues keep status, owner, evidence and history); 3 issues with work would be retired (the work stays on the retired issue).');
    const moves = offer.getByRole('group', { name: 'Proposed moves (11)' });
    expect(await moves.getByRole('checkbox').count()).toBe(11);
    await moves.getByRole('checkbox', { name: /^8\.3 \(MSP-\d+\) → SEC-008: Same title: “Vulnerability Management” · has work$/ }).check();
    expect(await line.innerText()).toContain('1 of 130 items carry over');
    expect(await line.innerText()).toContain('2 issues with work would be retired');
    await moves.getByRole('button', { name: 'Confirm all proposals' }).click();
    expect(await line.innerText()).toBe('11 of 130 items carry over (their issues keep status, owner, evidence and history); 1 issue with work would be retired (the work stays on the retired issue).');
    const changes = offer.getByRole('list', { name: 'Changes in the update' });
    expect(await changes.getByRole('listitem').allInnerTexts()).toEqual([
      '11 confirmed moves keeping the old issue for the new item',
      '50 new items created',
      '0 changed items updated (text, points or chapter)',
      '0 renamed items moved to the new id',
      '119 retired items labelled retired, leaving the score',
      '0 items only moved to the new version',
    ]);
    await line.scrollIntoViewIfNeeded();
    await screenshot(s.page, 'audit-9-move-preview');

    await offer.getByRole('button', { name: 'Apply the update' }).click();
    const select = frame.getByRole('combobox', { name: 'Checklist' });
    await select.waitFor({ timeout: 60_000 });
    expect(await frame.getByTestId('checklist-switcher').innerText()).toBe('AWS MSP Validation Checklist 7.1');
    await select.click();
    const options = frame.getByRole('option');
    expect(await options.allInnerTexts()).toEqual([`${before.checklistName} 4.x (retired, replaced by 7.1)`, 'AWS MSP Validation Checklist 7.1']);
    expect(await options.first().getAttribute('aria-disabled')).toBe('true');
    await select.press('Escape');
    const history = frame.getByRole('list', { name: 'Retired checklists' });
    expect(await history.innerText()).toContain(`${before.checklistName} 4.x: retired `);
    expect(await history.innerText()).toContain(`replaced by version 7.1; last score ${before.score} / ${before.maxScore} (not passed)`);
    // No update offer on the page any more: 7.1 is the newest, and 4.x cannot be opened.
    expect(await frame.getByRole('button', { name: /Update to version/ }).count()).toBe(0);
    // The moved issues kept their status: 8.3 is now SEC-008, still Done.
    const moved = await out.rollup('aws-msp-7.1');
    expect(moved.items.find((item) => item.id === 'SEC-008')?.issueKey).toBe(old.items.find((item) => item.id === '8.3')!.issueKey);
    await screenshot(s.page, 'audit-10-switcher-after-move');
    expect({ pageErrors: s.errors, consoleErrors: s.consoleErrors }).toEqual({ pageErrors: [], consoleErrors: [] });
    await s.page.close();
  });
});

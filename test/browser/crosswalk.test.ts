/**
 * The crosswalk end to end in Debian's Chromium, against the real local server and the production
 * build (issue 18): a project holding the Code of Ethics and UCS; on the Audit page's Evidence and
 * risks tab a Jira admin uploads a crosswalk CSV whose one bad row is listed where the spreadsheet
 * shows it, chooses the fixed file and saves it; the tab then shows the UCS item covered by the
 * accepted evidence on the Code of Ethics item. On the UCS item's issue, the item panel lists the
 * mapping ("Covered by … (full)", evidence from it, a link to the other issue) and links one more
 * item by hand (Atlaskit Selects). An Excel workbook (.xlsx, an instructions sheet beside the
 * mappings) is read in the page and its bad row listed by sheet and Excel row. Each step is checked
 * against what the resolvers answer over POST /api/invoke.
 * Screenshots: test-artifacts/screenshots/crosswalk-*.png.
 */
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Locator } from 'playwright-core';
import type { EmulatorRequest } from '@msp-audit-ready/forge-local/jira';
import type { ItemCrosswalk } from '../../common/crosswalk';
import type { ItemPanel } from '../../common/contract';
import { buildXlsx } from '../fixtures/sheets/xlsx';
import { OutsideClient } from './audit-helpers';
import { pickOption } from './atlaskit';
import { appFrame, describeBrowser, openPage, ROOT, SCREENSHOTS, startBrowserEnv, type BrowserEnv } from './helpers';

jest.setTimeout(120_000);

const ETHICS = 'mspalliance-code-of-ethics';
const UCS = 'mspalliance-ucs-23';
const HEADER = 'From checklist,From item,To checklist,To item,Coverage,Note';
const BAD = [HEADER, `${ETHICS},4.1,${UCS},03.01,full,Signed NDAs`, `${ETHICS},6.1,${UCS},03.1,partial,`].join('\r\n');
const GOOD = [HEADER, `${ETHICS},4.1,${UCS},03.01,full,Signed NDAs`, `${ETHICS},6.1,${UCS},02.01,partial,`].join('\r\n');

const outside = (req: Partial<EmulatorRequest>): EmulatorRequest => ({ method: 'GET', path: '/', query: {}, headers: {}, body: undefined, actor: 'admin', origin: 'outside', ...req });

async function screenshotOf(part: Locator, name: string): Promise<void> {
  await part.scrollIntoViewIfNeeded();
  await part.screenshot({ path: join(SCREENSHOTS, `${name}.png`) });
}

const built = existsSync(join(ROOT, 'static', 'app', 'build', 'index.html'));
if (!built) console.log('Crosswalk browser test skipped: no production build in static/app/build (run npm run build)');

(built ? describeBrowser : describe.skip)('the crosswalk in Chromium', () => {
  let env: BrowserEnv;
  let out: OutsideClient;
  let dir: string;
  const keys = new Map<string, string>();
  const key = (checklistId: string, itemId: string) => keys.get(`${checklistId} ${itemId}`)!;
  const onIssue = async <T>(functionKey: string, issueKey: string, payload: unknown, accountId = 'admin'): Promise<T> =>
    (await env.server.runtime.invoke({ functionKey, payload, context: { moduleKey: 'audit-item-panel', accountId, issueKey } })) as T;

  beforeAll(async () => {
    env = await startBrowserEnv({ appDir: ROOT });
    out = new OutsideClient(env.server.url);
    dir = mkdtempSync(join(tmpdir(), 'msp-crosswalk-'));
    const { runtime, emulator } = env.server;
    for (const checklistId of [ETHICS, UCS]) {
      await runtime.invoke({ functionKey: 'startImport', payload: { checklistId }, context: { moduleKey: 'audit-page', projectKey: 'MSP', accountId: 'admin' } });
      await runtime.idle();
    }
    const found = await emulator.handle(outside({ method: 'POST', path: '/rest/api/3/search/jql', body: { jql: 'project = MSP', fields: ['summary'], properties: ['msp-audit-item'], maxResults: 100 } }));
    const body = found.body as { issues: { key: string; properties?: Record<string, { kind?: string; checklistId?: string; itemId?: string }> }[]; nextPageToken?: string };
    expect(body.nextPageToken).toBeUndefined();
    for (const issue of body.issues) {
      const identity = issue.properties?.['msp-audit-item'];
      if (identity?.kind === 'item') keys.set(`${identity.checklistId} ${identity.itemId}`, issue.key);
    }
    // Accepted evidence on the Code of Ethics item the crosswalk maps onto UCS 03.01.
    const added = await onIssue<ItemPanel>('addEvidence', key(ETHICS, '4.1'), { evidence: { kind: 'document', title: 'Signed NDA register', note: 'HR system' } });
    await onIssue('reviewEvidence', key(ETHICS, '4.1'), { id: added.evidence.entries[0]!.id, state: 'accepted' }, 'lead');
  });
  afterAll(async () => {
    await env?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('uploads a crosswalk from the Evidence and risks tab: a row problem, the fixed file, saved, and the covered item shown', async () => {
    const bad = join(dir, 'crosswalk.csv');
    const good = join(dir, 'crosswalk-fixed.csv');
    writeFileSync(bad, BAD);
    writeFileSync(good, GOOD);
    const s = await openPage(env.browser, `${env.server.url}/projects/MSP/apps/audit-page/evidence?as=admin`);
    const frame = await appFrame(s.page, 'audit-page');
    await frame.getByRole('button', { name: 'Upload a crosswalk' }).click();
    await frame.locator('input[type="file"]').setInputFiles(bad);

    await frame.getByRole('heading', { name: '1 problem to fix before saving' }).waitFor();
    const rows = await frame
      .getByRole('table', { name: 'Problems' })
      .locator('tbody tr')
      .evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent).join(' | ')));
    expect(rows).toEqual([`3 | to item | ${UCS} has no item "03.1"; did you mean "03.01"?`]);
    expect(await frame.getByRole('button', { name: 'Save crosswalk' }).isDisabled()).toBe(true);
    const upload = frame.getByRole('region', { name: 'Upload a crosswalk' });
    await screenshotOf(upload, 'crosswalk-1-upload-problem');

    await frame.locator('input[type="file"]').setInputFiles(good);
    await frame.getByRole('heading', { name: 'No problems found' }).waitFor();
    expect(await frame.getByRole('table', { name: 'Mappings per checklist pair' }).locator('tbody').textContent()).toBe(`${ETHICS}${UCS}2`);
    await frame.getByRole('button', { name: 'Save crosswalk' }).click();
    await frame.getByText("The site's crosswalk is now 2 rows from crosswalk-fixed.csv").waitFor();
    await screenshotOf(upload, 'crosswalk-2-upload-saved');
    const current = (await out.invoke<{ current: { rowCount: number; fileName: string; savedBy: string } | null }>('previewCrosswalk', { rows: [] })).current;
    expect(current).toMatchObject({ rowCount: 2, fileName: 'crosswalk-fixed.csv', savedBy: 'admin' });

    await upload.getByRole('button', { name: 'Done', exact: true }).click();
    const coverage = frame.getByRole('region', { name: 'Evidence from other checklists' });
    await coverage.getByText(/evidence from MSPAlliance Code of Ethics & Conduct 4\.1/).waitFor();
    expect(await coverage.getByRole('link', { name: key(ETHICS, '4.1') }).count()).toBe(1);
    await screenshotOf(coverage, 'crosswalk-3-evidence-tab');
    expect(s.errors).toEqual([]);
  });

  it('reads an Excel workbook in the page and lists its bad row by sheet and Excel row, with nothing saved', async () => {
    const file = join(dir, 'crosswalk.xlsx');
    const [header, ...rows] = [HEADER, `${ETHICS},4.1,${UCS},03.01,full,Signed NDAs`, `${ETHICS},6.1,${UCS},03.1,partial,`].map((line) => line.split(','));
    writeFileSync(
      file,
      await buildXlsx([
        { name: 'Read me', rows: [['One row per mapping on the Mappings sheet.']] },
        { name: 'Mappings', rows: [header!, rows[0]!, [], rows[1]!] },
      ]),
    );
    const s = await openPage(env.browser, `${env.server.url}/projects/MSP/apps/audit-page/evidence?as=admin`);
    const frame = await appFrame(s.page, 'audit-page');
    await frame.getByRole('button', { name: 'Upload a crosswalk' }).click();
    await frame.locator('input[type="file"]').setInputFiles(file);

    await frame.getByRole('heading', { name: '1 problem to fix before saving' }).waitFor({ timeout: 30_000 });
    const problems = frame.getByRole('table', { name: 'Problems' });
    expect(await problems.locator('thead th').allTextContents()).toEqual(['Sheet', 'Row', 'Column', 'What to fix']);
    const cells = await problems.locator('tbody tr').evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent).join(' | ')));
    expect(cells).toEqual([`Mappings | 4 | to item | ${UCS} has no item "03.1"; did you mean "03.01"?`]);
    expect(await frame.getByRole('button', { name: 'Save crosswalk' }).isDisabled()).toBe(true);
    await screenshotOf(frame.getByRole('region', { name: 'Upload a crosswalk' }), 'crosswalk-5-upload-xlsx-problem');
    // The saved crosswalk is still the fixed CSV of the test before.
    expect((await out.invoke<{ current: { fileName: string } | null }>('previewCrosswalk', { rows: [] })).current).toMatchObject({ fileName: 'crosswalk-fixed.csv' });
    expect(s.errors).toEqual([]);
  });

  it('lists the mapping on the covered item’s panel, with the evidence from it, and links one more item by hand', async () => {
    const issueKey = key(UCS, '03.01');
    const s = await openPage(env.browser, `${env.server.url}/browse/${issueKey}?as=admin`);
    const panel = await appFrame(s.page, 'audit-item-panel');
    const region = panel.getByRole('region', { name: 'Other checklists' });
    await region.waitFor();
    const list = region.getByRole('list', { name: 'Mappings' });
    await list.getByText('Covered by MSPAlliance Code of Ethics & Conduct 4.1 (full)').waitFor();
    expect(await region.getByTestId('evidence-from').textContent()).toBe('Evidence from MSPAlliance Code of Ethics & Conduct 4.1: Signed NDA register');
    expect(await region.getByRole('link', { name: 'Covered by MSPAlliance Code of Ethics & Conduct 4.1 (full)' }).getAttribute('href')).toBe(`/browse/${key(ETHICS, '4.1')}`);

    await region.getByText('Link to an item of another checklist').click();
    await pickOption(region, 'This item', 'is covered by');
    await pickOption(region, 'Coverage', 'partly');
    // A checklist's items: type to find one, as a person does.
    const item = region.getByRole('combobox', { name: 'Item', exact: true });
    await item.click();
    await item.fill('1.1');
    await region.getByRole('option', { name: /^1\.1 / }).click();
    await region.getByLabel('Why (optional)').fill('Code 1.1 asks for the same register');
    await region.getByRole('button', { name: 'Link', exact: true }).click();
    await list.getByText('Covered by MSPAlliance Code of Ethics & Conduct 1.1 (partial)').waitFor();
    await screenshotOf(region, 'crosswalk-4-item-panel');

    const answered = await onIssue<ItemCrosswalk>('getItemCrosswalk', issueKey, {});
    expect(answered.mappings.map((m) => `${m.direction} ${m.coverage} ${m.checklistId} ${m.itemId} ${m.issueKey ?? '-'}`)).toEqual([
      `covered-by full ${ETHICS} 4.1 ${key(ETHICS, '4.1')}`,
      `covered-by partial ${ETHICS} 1.1 ${key(ETHICS, '1.1')}`,
    ]);
    expect(s.errors).toEqual([]);
  });
});

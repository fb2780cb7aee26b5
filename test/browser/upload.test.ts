/**
 * "Bring your own checklist" end to end in Debian's Chromium, against the real local server and the
 * production build: a CSV written to a temp file is chosen in the Audit page, its columns are
 * mapped (one by hand: "Must have" is no header the app knows), the problems it lists by row and
 * column go away, the preview shows the checklist, Save stores it, the same Import button imports
 * it, and the Audit page shows the score — with the file's Met? answers counted. Each figure is
 * checked against what the resolvers answer over POST /api/invoke. Screenshots:
 * test-artifacts/screenshots/upload-*.png.
 */
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Frame, Locator } from 'playwright-core';
import type { ChecklistSummary } from '../../common/contract';
import { buildAwsWorkbook } from '../fixtures/sheets/build-aws-workbook';
import { pickOption } from './atlaskit';
import { OutsideClient } from './audit-helpers';
import { appFrame, describeBrowser, openPage, ROOT, screenshot, SCREENSHOTS, startBrowserEnv, type BrowserEnv } from './helpers';

/** The app scrolls inside its iframe, so a page screenshot shows only the top: these show a part. */
async function screenshotOf(part: Locator, name: string): Promise<void> {
  await part.scrollIntoViewIfNeeded();
  await part.screenshot({ path: join(SCREENSHOTS, `${name}.png`) });
}

jest.setTimeout(90_000);

const built = existsSync(join(ROOT, 'static', 'app', 'build', 'index.html'));
if (!built) console.log('Upload browser test skipped: no production build in static/app/build (run npm run build)');

/** 100 points; pass mark 60. Met: A.1 30 + A.2 20 + B.3 10 = 60, less B.1's penalty 10 = 50: not yet. */
const CSV = [
  'Ref,Control,Area,What it asks,Pts,Must have,Penalty,Met?',
  'A.1,Information security policy,Governance,A written policy approved by management.,30,yes,,Yes',
  'A.2,Roles and responsibilities,Governance,Security roles are named and known.,20,no,,Yes',
  'B.1,Incident management,Operations,Incidents follow a written process to closure.,30,yes,10,No',
  'B.2,Change management,Operations,Changes are reviewed before release.,10,no,,',
  'B.3,Backups tested,Operations,Restores are tested every quarter.,10,yes,,Yes',
].join('\r\n');

(built ? describeBrowser : describe.skip)('Bring your own checklist in Chromium', () => {
  let env: BrowserEnv;
  let out: OutsideClient;
  let dir: string;

  beforeAll(async () => {
    env = await startBrowserEnv({ appDir: ROOT });
    out = new OutsideClient(env.server.url);
    dir = mkdtempSync(join(tmpdir(), 'msp-upload-'));
  });
  afterAll(async () => {
    await env?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  const problemRows = (frame: Frame): Promise<string[]> =>
    frame.getByRole('table', { name: 'Problems' }).locator('tbody tr').evaluateAll((rows) => rows.map((row) => [...row.querySelectorAll('td')].map((td) => td.textContent).join(' | ')));

  it('uploads a CSV, maps it, previews it, saves it, imports it and shows its score', async () => {
    const file = join(dir, 'team-iso-list.csv');
    writeFileSync(file, CSV);
    const s = await openPage(env.browser, `${env.server.url}/projects/MSP/apps/audit-page?as=admin`);
    const frame = await appFrame(s.page, 'audit-page');

    await frame.getByRole('button', { name: 'Bring your own checklist' }).click();
    await frame.getByRole('heading', { name: 'Bring your own checklist' }).waitFor();
    await frame.locator('input[type="file"]').setInputFiles(file);

    // Guessed from the headers; "Must have" is not a header the app knows.
    const mapping = frame.getByRole('table', { name: 'Column mapping' });
    await mapping.waitFor();
    const holds = (column: string) => frame.getByRole('combobox', { name: `Column ${column} holds` });
    // What each column's Select shows as picked (its cell holds only the Select).
    const held = (column: string) => holds(column).locator('xpath=ancestor::td[1]').innerText();
    expect(await Promise.all(['Ref', 'Control', 'Area', 'What it asks', 'Pts', 'Must have', 'Penalty', 'Met?'].map(held))).toEqual([
      'Item id', 'Title', 'Chapter', 'Requirement', 'Points', '— not imported —', 'Penalty', 'Met? (initial result)',
    ]);
    await frame.getByRole('heading', { name: '2 problems to fix before saving' }).waitFor();
    expect(await problemRows(frame)).toEqual([
      'Settings | pass mark | the points model needs a pass mark, e.g. 900 out of 1000',
      '4 | Penalty | penalty 10 on an item that is not mandatory; only mandatory items lose points when not met',
    ]);
    const save = frame.getByRole('button', { name: 'Save checklist' });
    expect(await save.isDisabled()).toBe(true);
    await screenshot(s.page, 'upload-1-guessed');
    await screenshotOf(frame.getByRole('region', { name: '2 problems to fix before saving' }), 'upload-1-problems');

    // By hand: the column that says which items are mandatory, then the settings.
    await pickOption(frame, 'Column Must have holds', 'Mandatory');
    expect(await mapping.getByRole('row', { name: /Must have/ }).innerText()).toContain('set by you');
    await frame.getByLabel('Name', { exact: true }).fill('Team ISO list');
    await frame.getByLabel('Pass mark').fill('60');
    await frame.getByRole('heading', { name: 'No problems found' }).waitFor();
    expect(await frame.getByLabel('Checklist id').inputValue()).toBe('team-iso-list-1');
    const preview = frame.getByRole('region', { name: 'Preview: Team ISO list 1' });
    const figures = await preview.locator('dl').innerText();
    expect(figures.replace(/\s+/g, ' ')).toContain(
      '5 items in 2 chapters Mandatory 3 mandatory items Points 100 points in all ' +
        // The penalty is the team's: 0 unless set beside the pass mark, or the row's own Penalty cell (B.1: 10).
        'Penalty An unmet mandatory item costs no points: it only shows as open. 1 mandatory item sets its own penalty in the Penalty column. ' +
        'N/A answers Allowed with a written justification of why the item does not apply. Initial results 3 met, 1 not met, 0 N/A',
    );
    expect(await frame.getByLabel('Penalty for an unmet mandatory item').inputValue()).toBe('');
    expect(await preview.getByRole('table', { name: 'Chapters in the file' }).locator('tbody tr').allInnerTexts()).toEqual(['Governance\t2', 'Operations\t3']);
    expect(await save.isEnabled()).toBe(true);
    await screenshotOf(frame.getByRole('region', { name: 'Columns' }), 'upload-2-mapped-by-hand');
    await screenshotOf(frame.getByRole('region', { name: 'Settings' }), 'upload-2-settings');
    await screenshotOf(preview, 'upload-2-preview');

    await save.click();
    const radio = frame.getByRole('radio', { name: /^Team ISO list version 1\b/ });
    await radio.waitFor({ timeout: 30_000 });
    expect(await radio.isChecked()).toBe(true);
    await frame.getByText('Saved Team ISO list 1').waitFor();
    await frame.getByRole('region', { name: 'Preview: Team ISO list 1' }).waitFor();
    const listed = await out.invoke<ChecklistSummary[]>('listChecklists');
    expect(listed.find((summary) => summary.id === 'team-iso-list-1')).toMatchObject({ source: 'custom', itemCount: 5, mandatoryCount: 3, maxScore: 100, passMark: 60 });
    await screenshot(s.page, 'upload-3-saved-selected');

    await frame.getByRole('button', { name: 'Import', exact: true }).click();
    await frame.getByRole('button', { name: 'See the score' }).waitFor({ timeout: 45_000 });
    expect(await frame.getByRole('region', { name: 'Import progress' }).locator('p[role="status"]').innerText()).toBe(
      'Import finished: 5 created, 0 already there, 0 failed, of 5 items.',
    );
    await frame.getByRole('button', { name: 'See the score' }).click();
    const scoreLine = frame.getByTestId('score-line');
    await scoreLine.waitFor();
    expect(await scoreLine.innerText()).toBe('50 / 100 — pass mark 60 — not yet');
    const rollup = await out.rollup('team-iso-list-1');
    expect({ score: rollup.score, mandatoryOpen: rollup.mandatoryOpen, met: rollup.counts.met }).toEqual({ score: 50, mandatoryOpen: ['B.1'], met: 3 });
    await screenshot(s.page, 'upload-4-score');

    expect({ pageErrors: s.errors, consoleErrors: s.consoleErrors }).toEqual({ pageErrors: [], consoleErrors: [] });
  });

  it('reads the AWS self-assessment workbook (.xlsx) in the page under the Custom UI CSP, with no mapping step', async () => {
    const file = join(dir, 'MSP self-assessment.xlsx');
    writeFileSync(file, await buildAwsWorkbook());
    const s = await openPage(env.browser, `${env.server.url}/projects/MSP/apps/audit-page?as=admin`);
    const frame = await appFrame(s.page, 'audit-page');
    // The project holds a score from the first test: the picker is behind "Import another checklist".
    await frame.getByRole('button', { name: 'Import another checklist' }).click();
    await frame.getByRole('button', { name: 'Bring your own checklist' }).click();
    await frame.locator('input[type="file"]').setInputFiles(file);

    await frame.getByText('AWS MSP self-assessment workbook recognised').waitFor({ timeout: 30_000 });
    expect(await frame.getByRole('table', { name: 'Column mapping' }).count()).toBe(0);
    await frame.getByLabel('Version', { exact: true }).fill('7.1-team');
    await frame.getByRole('heading', { name: 'No problems found' }).waitFor();
    const preview = frame.getByRole('region', { name: /^Preview: AWS MSP Validation Checklist/ });
    const chapters = await preview.getByRole('table', { name: 'Chapters in the file' }).locator('tbody tr td:first-child').allInnerTexts();
    expect(chapters).toEqual(['Prerequisites', 'Business', 'People', 'Security', 'Operations']);
    await screenshotOf(frame.getByRole('status').filter({ hasText: 'AWS MSP self-assessment workbook recognised' }), 'upload-5-aws-recognised');
    await screenshotOf(preview, 'upload-5-aws-preview');
    expect({ pageErrors: s.errors, consoleErrors: s.consoleErrors }).toEqual({ pageErrors: [], consoleErrors: [] });
  });
});

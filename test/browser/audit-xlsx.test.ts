/**
 * The two .xlsx downloads of the Audit page in Debian's Chromium, against the local server and the
 * production build: the audit pack and the AWS self-assessment are built in the page (exceljs
 * loaded on the click), saved through Playwright's download event, opened with exceljs and the
 * upload reader here, and checked against getRollup; the pack again inside an iframe sandboxed as
 * Forge sandboxes Custom UI. A picture of the pack's Summary sheet, drawn from the downloaded file,
 * lands in test-artifacts/screenshots/audit-pack-xlsx.png (docs/screenshots holds a copy for the README).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import type { Frame } from 'playwright-core';
import type { Rollup } from '../../common/contract';
import { buildChecklist, isTableWorkbook, readChecklistFile, recognizeAwsMspWorkbook } from '../../common/sheets';
import { AWS_SHEETS } from '../../common/sheets/write-aws';
import { PACK_SHEETS } from '../../common/sheets/write-pack';
import { WAIVER_PROOF } from '../integration/waiver-proof-fixture';
import { OutsideClient } from './audit-helpers';
import { appFrame, describeBrowser, openPage, ROOT, screenshot, startBrowserEnv, type BrowserEnv, type PageSession } from './helpers';

jest.setTimeout(120_000);

const CHECKLIST = 'aws-msp-7.1';
const PAGE_PATH = '/projects/MSP/apps/audit-page';
const FORGE_SANDBOX = 'allow-downloads allow-forms allow-modals allow-pointer-lock allow-same-origin allow-scripts';
const built = existsSync(join(ROOT, 'static', 'app', 'build', 'index.html'));
if (!built) console.log('Audit .xlsx browser test skipped: no production build in static/app/build (run npm run build)');

(built ? describeBrowser : describe.skip)('Audit page .xlsx downloads in Chromium', () => {
  let env: BrowserEnv;
  let out: OutsideClient;
  let session: PageSession;
  let frame: Frame;
  let rollup: Rollup;
  let exceljsLoads: string[];

  beforeAll(async () => {
    env = await startBrowserEnv({ appDir: ROOT });
    out = new OutsideClient(env.server.url);
    await out.invoke('startImport', { checklistId: CHECKLIST });
    await out.idle();
    const keys = await out.searchKeys('project = MSP AND auditChecklist = "aws-msp-7.1" AND auditItemState = "active" ORDER BY key ASC');
    for (const issueKey of keys.slice(0, 20)) await out.transitionToDone(issueKey);
    const evidence = await out.request('POST', '/api/invoke', {
      functionKey: 'addEvidence',
      payload: { evidence: { kind: 'link', title: '=HYPERLINK("http://evil.example","x")', url: 'https://intranet.example/web-page' } },
      context: { moduleKey: 'audit-item-panel', projectKey: 'MSP', accountId: 'admin', issueKey: keys[0] },
    });
    expect(evidence.status).toBe(200);
    await out.invoke('applyWaiver', { checklistId: CHECKLIST, waiverId: 'mssp-level1-competency', proof: WAIVER_PROOF });
    // A chapter review is a decision in the project's trail: the pack gets its trail sheet.
    await out.invoke('markChapterReviewed', { checklistId: CHECKLIST, chapterId: 'operations', note: '-walked through with the auditor' });
    await out.idle();
    rollup = await out.rollup(CHECKLIST);
    session = await openPage(env.browser, `${env.server.url}${PAGE_PATH}/audit-day?as=admin`);
    exceljsLoads = [];
    session.page.on('request', (request) => {
      if (/exceljs/i.test(request.url())) exceljsLoads.push(request.url());
    });
    frame = await appFrame(session.page, 'audit-page');
  });
  afterAll(async () => {
    await env?.close();
  });

  async function downloadXlsx(button: string): Promise<{ name: string; bytes: Uint8Array }> {
    const [download] = await Promise.all([session.page.waitForEvent('download', { timeout: 60_000 }), frame.getByRole('button', { name: button }).click()]);
    return { name: download.suggestedFilename(), bytes: new Uint8Array(readFileSync(await download.path())) };
  }

  it('offers both workbooks beside CSV and print, and loads exceljs only on the click', async () => {
    await frame.getByRole('button', { name: 'Download CSV' }).waitFor();
    await frame.getByRole('button', { name: 'Audit pack (.xlsx)' }).waitFor();
    await frame.getByRole('button', { name: 'AWS self-assessment (.xlsx)' }).waitFor();
    expect(exceljsLoads).toEqual([]);
  });

  it('downloads the audit pack, whose sheets agree with getRollup', async () => {
    const { name, bytes } = await downloadXlsx('Audit pack (.xlsx)');
    expect(exceljsLoads.length).toBeGreaterThan(0);
    expect(name).toMatch(/^MSP-aws-msp-7\.1-audit-pack-\d{4}-\d{2}-\d{2}\.xlsx$/);
    await frame.getByText(/61 items exported/).waitFor();
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(bytes.slice().buffer);
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual([PACK_SHEETS.summary, PACK_SHEETS.items, PACK_SHEETS.evidence, PACK_SHEETS.waivers, PACK_SHEETS.trail]);
    // The import is on the trail too (by the app); the chapter review is the person's decision.
    const trailSheet = workbook.getWorksheet(PACK_SHEETS.trail)!;
    const trailRows = Array.from({ length: trailSheet.rowCount - 1 }, (_, i) => trailSheet.getRow(i + 2));
    expect(trailRows.map((row) => row.getCell(4).value)).toEqual(expect.arrayContaining(['import.done', 'chapter.review']));
    const trail = trailRows.find((row) => row.getCell(4).value === 'chapter.review')!;
    expect([trail.getCell(3).value, trail.getCell(4).value, trail.getCell(9).value]).toEqual(['admin', 'chapter.review', "'-walked through with the auditor"]);
    expect(trail.getCell(2).value).toBeInstanceOf(Date);

    const summary = new Map<string, unknown>();
    workbook.getWorksheet(PACK_SHEETS.summary)!.eachRow((row) => summary.set(String(row.getCell(1).value), row.getCell(2).value));
    expect(summary.get('Score')).toBe(rollup.score);
    expect(summary.get('Max score')).toBe(rollup.maxScore);
    expect(summary.get('Items')).toBe(rollup.counts.total);
    expect(summary.get('Waived')).toBe(rollup.counts.waived);
    expect(summary.get('Verdict')).toMatch(rollup.passed ? /^Pass$/ : /^Fail/);
    expect(summary.get('Projection (items in progress met)')).toBe(rollup.projection.score);

    const items = workbook.getWorksheet(PACK_SHEETS.items)!;
    const rows = items.getRows(2, items.rowCount - 1)!;
    expect(rows.map((row) => row.getCell(1).value)).toEqual(rollup.items.map((item) => item.id));
    const names: Record<string, string> = { met: 'Met', not_met: 'Not met', na: 'N/A', not_assessed: 'Not assessed' };
    expect(rows.map((row) => row.getCell(6).value)).toEqual(rollup.items.map((item) => names[item.result]));
    expect(rows[0]!.getCell(11).value).toMatchObject({ text: rollup.items[0]!.issueKey, hyperlink: expect.stringMatching(new RegExp(`/browse/${rollup.items[0]!.issueKey}$`)) });

    const evidence = workbook.getWorksheet(PACK_SHEETS.evidence)!;
    expect(evidence.getRow(2).getCell(4).value).toBe(`'=HYPERLINK("http://evil.example","x")`);
    const waivers = workbook.getWorksheet(PACK_SHEETS.waivers)!;
    expect(waivers.getRow(2).getCell(2).value).toBe('AWS Level 1 MSSP Competency');
    expect(waivers.getRow(2).getCell(5).value).toBe('admin');
    await summaryPicture(workbook);
  });

  it('downloads the AWS self-assessment, which the upload reads back as the same checklist with Met? as getRollup', async () => {
    const { name, bytes } = await downloadXlsx('AWS self-assessment (.xlsx)');
    expect(name).toMatch(/^MSP-aws-msp-7\.1-aws-self-assessment-\d{4}-\d{2}-\d{2}\.xlsx$/);
    const workbook = await readChecklistFile({ name, bytes });
    if (!isTableWorkbook(workbook)) throw new Error('not a table');
    expect(workbook.sheets.map((sheet) => sheet.name)).toEqual(['Introduction', AWS_SHEETS.prerequisites, AWS_SHEETS.technical]);
    const plan = recognizeAwsMspWorkbook(workbook)!;
    const result = buildChecklist({ workbook, sources: plan.sources, meta: { ...plan.meta, id: 'again', version: plan.meta.version ?? '?' } });
    expect(result.problems).toEqual([]);
    expect(result.definition.version).toBe('7.1');
    expect(result.definition.items.map((item) => item.id)).toEqual(rollup.items.map((item) => item.id));
    expect(result.initialResults).toEqual(Object.fromEntries(rollup.items.map((item) => [item.id, item.result === 'met' ? 'met' : 'not_met'])));
    await screenshot(session.page, 'audit-xlsx-export-section');
    expect({ pageErrors: session.errors, consoleErrors: session.consoleErrors }).toEqual({ pageErrors: [], consoleErrors: [] });
  });

  it('downloads the pack inside an iframe sandboxed as Forge sandboxes Custom UI', async () => {
    await session.page.evaluate((sandbox) => {
      const iframe = document.querySelector('iframe[data-module="audit-page"]') as HTMLIFrameElement;
      iframe.setAttribute('sandbox', sandbox);
      // A sandbox applies from the frame's next navigation: load the same document again.
      iframe.setAttribute('src', iframe.getAttribute('src') ?? '');
    }, FORGE_SANDBOX);
    await session.page.waitForTimeout(300);
    frame = await appFrame(session.page, 'audit-page');
    expect(await frame.evaluate(() => (window.frameElement as HTMLIFrameElement | null)?.getAttribute('sandbox') ?? null)).toBe(FORGE_SANDBOX);
    await frame.getByRole('button', { name: 'Audit pack (.xlsx)' }).waitFor();
    const { name, bytes } = await downloadXlsx('Audit pack (.xlsx)');
    expect(name).toMatch(/\.xlsx$/);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(bytes.slice().buffer);
    expect(workbook.getWorksheet(PACK_SHEETS.items)!.rowCount).toBe(rollup.items.length + 1);
    expect({ pageErrors: session.errors, consoleErrors: session.consoleErrors }).toEqual({ pageErrors: [], consoleErrors: [] });
  });

  /** The Summary sheet as the downloaded file holds it, drawn as a table: the README's picture. */
  async function summaryPicture(workbook: ExcelJS.Workbook): Promise<void> {
    const rows: { text: string; number: boolean }[][] = [];
    workbook.getWorksheet(PACK_SHEETS.summary)!.eachRow({ includeEmpty: true }, (row) => {
      const cells: { text: string; number: boolean }[] = [];
      for (let column = 1; column <= 7; column++) {
        const value = row.getCell(column).value;
        const text = value instanceof Date ? value.toISOString().slice(0, 16).replace('T', ' ') : value === null || value === undefined ? '' : String(value);
        cells.push({ text, number: typeof value === 'number' || value instanceof Date });
      }
      rows.push(cells);
    });
    const page = await env.browser.newPage({ viewport: { width: 1100, height: 600 } });
    const escape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;');
    const letters = 'ABCDEFG'.split('');
    await page.setContent(
      `<style>body{font:13px Calibri,Arial,sans-serif;margin:12px}table{border-collapse:collapse}td,th{border:1px solid #d0d7de;padding:2px 6px;max-width:460px;vertical-align:top}th{background:#f3f3f3;color:#555;font-weight:normal}td.n{text-align:right}tr:first-child td{font-weight:bold}caption{text-align:left;padding:4px 0;color:#555}</style>` +
        `<table><caption>${escape(workbook.worksheets.map((sheet) => sheet.name).join(' · '))}: Summary sheet of the downloaded .xlsx</caption><tr><th></th>${letters.map((l) => `<th>${l}</th>`).join('')}</tr>` +
        rows.map((cells, index) => `<tr><th>${index + 1}</th>${cells.map((cell) => `<td class="${cell.number ? 'n' : ''}">${escape(cell.text)}</td>`).join('')}</tr>`).join('') +
        '</table>',
    );
    await screenshot(page, 'audit-pack-xlsx');
    await page.close();
  }
});

/**
 * The decision trail end to end in a real browser on the local server: the Audit page's "Decision
 * trail" lists a chapter review, "Verify the trail" says intact, then, after one entry is altered in
 * the runtime's KVS, where it breaks; the item panel's History shows the item's decisions.
 * Needs the production build (npm run build).
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { kvs } from '@forge/kvs';
import type { EmulatorRequest } from '@msp-audit-ready/forge-local/jira';
import { saveCustomChecklist } from '../../src/catalogue';
import { trailChunkKey } from '../../src/storage/keys';
import { chunkValues, type StoredChunk } from '../../src/trail/store';
import type { TrailEntry } from '../../src/trail/entry';
import { recordDecision } from '../../src/trail/record';
import { syncV1 } from '../fixtures/sync-v1-v2';
import { appFrame, describeBrowser, openPage, ROOT, screenshot, startBrowserEnv, type BrowserEnv } from './helpers';

jest.setTimeout(120_000);

const outside = (req: Partial<EmulatorRequest>): EmulatorRequest => ({ method: 'GET', path: '/', query: {}, headers: {}, body: undefined, actor: 'admin', origin: 'outside', ...req });
const built = existsSync(join(ROOT, 'static', 'app', 'build', 'index.html'));
if (!built) console.log('trail browser test skipped: needs static/app/build (npm run build)');

(built ? describeBrowser : describe.skip)('decision trail (browser)', () => {
  let env: BrowserEnv;
  let issueKey: string;

  beforeAll(async () => {
    env = await startBrowserEnv({ appDir: ROOT });
    const { runtime, emulator } = env.server;
    await saveCustomChecklist(syncV1);
    const context = { moduleKey: 'audit-page', projectKey: 'MSP', accountId: 'admin' };
    await runtime.invoke({ functionKey: 'startImport', payload: { checklistId: syncV1.id }, context });
    await runtime.idle();
    await runtime.invoke({ functionKey: 'markChapterReviewed', payload: { checklistId: syncV1.id, chapterId: '1', note: 'Walked with the auditor' }, context });
    const found = await emulator.handle(outside({ method: 'POST', path: '/rest/api/3/search/jql', body: { jql: 'project = MSP AND auditItem = "1.1"', fields: ['summary'] } }));
    issueKey = (found.body as { issues: { key: string }[] }).issues[0]!.key;
    await recordDecision({ projectKey: 'MSP', actor: 'admin', action: 'assessment.set', checklistId: syncV1.id, itemId: '1.1', issueKey, before: { result: null }, after: { result: 'met' }, reason: 'Catalogue published' });
  });
  afterAll(async () => {
    await env?.close();
  });

  it('lists the decisions on the Audit page and verifies the chain, then says where it breaks', async () => {
    // The trail is the Audit page's "Decision trail" tab: opened by its deep link.
    const s = await openPage(env.browser, `${env.server.url}/projects/MSP/apps/audit-page/trail?as=admin`);
    const frame = await appFrame(s.page, 'audit-page');
    const section = await frame.waitForSelector('section:has(h2:text-is("Decision trail"))');
    await frame.waitForSelector('[data-testid="trail-entry"]');
    const entries = await frame.$$eval('[data-testid="trail-entry"]', (nodes) => nodes.map((node) => node.textContent ?? ''));
    // Newest first: the assessment, the chapter review, and the import the app recorded itself.
    expect(entries).toHaveLength(3);
    expect(entries[0]).toContain('Assessment set');
    expect(entries[0]).toContain('result: met');
    expect(entries[1]).toContain('Chapter reviewed');
    expect(entries[1]).toContain('Why: Walked with the auditor');
    expect(entries[2]).toContain('Checklist imported');
    expect(entries[2]).toContain('by the app');

    await frame.click('button:has-text("Verify the trail")');
    await frame.waitForSelector('text=Intact: 3 entries');
    await section.scrollIntoViewIfNeeded();
    await screenshot(s.page, 'trail-1-audit-page-intact');

    // As stored (compressed or not), as the entries' array; the store reads either form back.
    const stored = chunkValues(await kvs.get<StoredChunk>(trailChunkKey('MSP', 0))) as TrailEntry[];
    stored[0]!.reason = 'Skipped the walk-through';
    await kvs.set(trailChunkKey('MSP', 0), stored);
    await frame.click('button:has-text("Verify the trail")');
    await frame.waitForSelector('text=The trail breaks at entry 1');
    expect(await frame.textContent('[data-testid="trail-break"]')).toBe('Entry 1 was altered: its content no longer matches its hash.');
    await screenshot(s.page, 'trail-2-audit-page-broken');
    expect(s.errors).toEqual([]);
  });

  it("shows the item's history on its issue", async () => {
    const s = await openPage(env.browser, `${env.server.url}/browse/${issueKey}?as=viewer`);
    const panel = await appFrame(s.page, 'audit-item-panel');
    const history = await panel.waitForSelector('section[aria-label="History"] [data-testid="trail-entry"]');
    const text = (await history.textContent()) ?? '';
    expect(text).toContain('Assessment set');
    expect(text).toContain('by Ada Admin');
    expect(text).toContain('result: none → result: met');
    expect(text).toContain('Why: Catalogue published');
    await history.scrollIntoViewIfNeeded();
    await screenshot(s.page, 'trail-3-item-history');
    expect(s.errors).toEqual([]);
  });
});

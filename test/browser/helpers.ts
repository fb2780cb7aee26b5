/**
 * Shared setup for browser tests: Debian's Chromium through playwright-core (never a downloaded
 * browser), the local server on a free port, page-error collection and screenshots.
 *
 *   const it_ = browserAvailable() ? describe : describe.skip;
 *   const { server, browser } = await startBrowserEnv({ appDir });
 *   const session = await openPage(browser, `${server.url}/`);
 *   ... expect(session.errors).toEqual([]);
 */
import { copyFileSync, existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type Frame, type Page } from 'playwright-core';
import { startLocalServer, type LocalServer, type LocalServerOptions } from '@msp-audit-ready/forge-local/server';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const ROOT = join(__dirname, '..', '..');
export const SCREENSHOTS = join(ROOT, 'test-artifacts', 'screenshots');
/** The runtime's own fixture app (local/test/fixtures), for the host page tests. */
export const FIXTURE_APP = join(ROOT, 'local', 'test', 'fixtures', 'forge-app');

const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

/** True when Chromium is installed; otherwise prints why the browser tests are skipped. */
export function browserAvailable(suite = 'browser tests'): boolean {
  if (existsSync(CHROMIUM_PATH)) return true;
  console.log(`${suite} skipped: no Chromium at ${CHROMIUM_PATH} (apt-get install -y chromium, or set CHROMIUM_PATH)`);
  return false;
}

/** `describe` when Chromium is present, `describe.skip` (with a console line) when it is not. */
export function describeBrowser(name: string, fn: () => void): void {
  (browserAvailable(name) ? describe : describe.skip)(name, fn);
}

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS, headless: true });
}

export interface BrowserEnv {
  server: LocalServer;
  browser: Browser;
  close(): Promise<void>;
}

export async function startBrowserEnv(options: Partial<LocalServerOptions> & { appDir: string }): Promise<BrowserEnv> {
  const server = await startLocalServer({ port: 0, ...options });
  let browser: Browser;
  try {
    browser = await launchBrowser();
  } catch (e) {
    await server.close();
    throw e;
  }
  return {
    server,
    browser,
    async close() {
      await browser.close();
      await server.close();
    },
  };
}

export interface PageSession {
  page: Page;
  /** Uncaught exceptions in the page or any of its frames. */
  errors: string[];
  /** console.error messages (CSP violations land here). */
  consoleErrors: string[];
}

export async function openPage(browser: Browser, url: string): Promise<PageSession> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  const errors: string[] = [];
  const consoleErrors: string[] = [];
  page.on('pageerror', (e) => errors.push(`${e.name}: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error') consoleErrors.push(m.text());
  });
  await page.goto(url);
  return { page, errors, consoleErrors };
}

/** The app iframe of a module (by `data-module`), once its document has loaded. */
export async function appFrame(page: Page, moduleKey: string): Promise<Frame> {
  const handle = await page.waitForSelector(`iframe[data-module="${moduleKey}"]`);
  const frame = await handle.contentFrame();
  if (!frame) throw new Error(`iframe of ${moduleKey} has no frame`);
  await frame.waitForLoadState('load');
  return frame;
}

export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  const file = join(SCREENSHOTS, `${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}

/** A screenshot kept for the README too: test-artifacts/screenshots and a copy in docs/screenshots. */
export async function docsScreenshot(page: Page, name: string): Promise<void> {
  const file = await screenshot(page, name);
  const docs = join(ROOT, 'docs', 'screenshots');
  mkdirSync(docs, { recursive: true });
  copyFileSync(file, join(docs, `${name}.png`));
}

/** Build the fixture app's Custom UI with esbuild (tsx's own dependency), bundling the real @forge/bridge. */
export async function buildFixtureUi(): Promise<void> {
  const staticDir = join(FIXTURE_APP, 'static');
  const out = join(staticDir, 'build');
  mkdirSync(out, { recursive: true });
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- esbuild ships with tsx; loaded only here
  const esbuild = require('esbuild') as typeof import('esbuild');
  await esbuild.build({
    entryPoints: [join(staticDir, 'src', 'app.ts')],
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: 'es2020',
    outfile: join(out, 'app.js'),
    define: { 'process.env.NODE_ENV': '"production"' },
    logLevel: 'error',
  });
  copyFileSync(join(staticDir, 'index.html'), join(out, 'index.html'));
  copyFileSync(join(staticDir, 'app.css'), join(out, 'app.css'));
}

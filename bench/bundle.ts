/**
 * The frontend's size as the browser downloads it, gzipped: from the report `npm run build` writes
 * (static/app/tools/bundle-report.ts). The build runs first when there is no report yet.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { APP_DIR } from './app-bench';

const REPORT = path.join(APP_DIR, 'static/app/build/bundle-report.json');

export interface BundleFigures {
  initialJsGzipBytes: number;
  totalJsGzipBytes: number;
  cssGzipBytes: number;
  /** The build's own limit on the initial JS. */
  budgetBytes: number;
  chunks: number;
  /** When the report was written (the build it describes). */
  builtAt: string;
  /** True when this run built the frontend to get the report. */
  built: boolean;
}

export function readBundleReport(): BundleFigures {
  let built = false;
  if (!existsSync(REPORT)) {
    console.log('static/app/build/bundle-report.json is missing: running `npm run build` …');
    execFileSync('npm', ['run', 'build', '--silent'], { cwd: APP_DIR, stdio: ['ignore', 'ignore', 'inherit'] });
    built = true;
  }
  const report = JSON.parse(readFileSync(REPORT, 'utf8')) as {
    initialJsGzipBytes: number;
    totalJsGzipBytes: number;
    cssGzipBytes: number;
    budgetBytes: number;
    chunks: unknown[];
  };
  return {
    initialJsGzipBytes: report.initialJsGzipBytes,
    totalJsGzipBytes: report.totalJsGzipBytes,
    cssGzipBytes: report.cssGzipBytes,
    budgetBytes: report.budgetBytes,
    chunks: report.chunks.length,
    builtAt: statSync(REPORT).mtime.toISOString(),
    built,
  };
}

export function kib(bytes: number): string {
  return `${(bytes / 1024).toFixed(1)} KiB`;
}

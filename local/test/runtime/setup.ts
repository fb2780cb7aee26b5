/** Shared setup for the runtime tests: the fixture app on the real Jira emulator, test-friendly timing. */
import { join } from 'node:path';
import { createForgeRuntime } from '../../forge';
import type { ForgeRuntime, ForgeRuntimeOptions } from '../../forge';
import { createJiraEmulator, type EmulatorRequest, type JiraEmulatorApi } from '../../jira';

export const FIXTURE_APP = join(__dirname, '..', 'fixtures', 'forge-app');

export interface Harness {
  runtime: ForgeRuntime;
  emulator: JiraEmulatorApi;
  logs: string[];
}

export function fixtureEmulator(): JiraEmulatorApi {
  return createJiraEmulator({ manifestPath: join(FIXTURE_APP, 'manifest.yml') });
}

export function startFixtureRuntime(options: Partial<ForgeRuntimeOptions> = {}): Harness {
  const emulator = options.emulator ?? fixtureEmulator();
  const logs: string[] = [];
  const runtime = createForgeRuntime({ appDir: FIXTURE_APP, emulator, timeScale: 0, log: (m) => logs.push(m), ...options });
  return { runtime, emulator, logs };
}

/** A request from outside the app (a person in Jira's UI or a REST client). */
export function outside(req: Partial<EmulatorRequest>): EmulatorRequest {
  return { method: 'GET', path: '/', query: {}, headers: {}, body: undefined, actor: 'admin', origin: 'outside', ...req };
}

export const createIssueBody = (summary: string) => ({ fields: { project: { key: 'MSP' }, issuetype: { name: 'Task' }, summary } });

/** Summaries of MSP-1, MSP-2, … in key order (the seed has no issues). */
export async function issueSummaries(emulator: JiraEmulatorApi): Promise<string[]> {
  const out: string[] = [];
  for (let n = 1; ; n++) {
    const res = await emulator.handle(outside({ path: `/rest/api/3/issue/MSP-${n}`, query: { fields: 'summary' } }));
    if (res.status !== 200) return out;
    out.push(String((res.body as { fields: { summary: string } }).fields.summary));
  }
}

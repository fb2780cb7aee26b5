/** Shared setup for the runtime tests: the fixture app on a runtime with test-friendly timing. */
import { join } from 'node:path';
import { createForgeRuntime } from '../../local/forge';
import type { ForgeRuntime, ForgeRuntimeOptions } from '../../local/forge';
import type { JiraEmulatorApi } from '../../local/jira/types';
import { createFakeEmulator } from './fake-emulator';

export const FIXTURE_APP = join(__dirname, '..', 'fixtures', 'forge-app');

export interface Harness {
  runtime: ForgeRuntime;
  emulator: ReturnType<typeof createFakeEmulator>;
  logs: string[];
}

export function startFixtureRuntime(options: Partial<ForgeRuntimeOptions> = {}): Harness {
  const emulator = createFakeEmulator();
  const logs: string[] = [];
  const runtime = createForgeRuntime({
    appDir: FIXTURE_APP,
    emulator: emulator as JiraEmulatorApi,
    timeScale: 0,
    log: (m) => logs.push(m),
    ...options,
  });
  return { runtime, emulator, logs };
}

/**
 * State file: the emulator's state as JSON, so `npm start` keeps its issues across restarts.
 * Writes are debounced (an import makes hundreds of requests) and atomic (write, then rename), so
 * a crash mid-write never leaves a half file behind.
 */
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import type { JiraState } from './model';

export class StateFileError extends Error {
  override name = 'StateFileError';
}

export function loadStateFile(file: string): JiraState | null {
  if (!existsSync(file)) return null;
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(file, 'utf8'));
  } catch (err) {
    throw new StateFileError(`State file ${file} is not valid JSON (${(err as Error).message}); delete it to start from the seed.`);
  }
  const s = parsed as Partial<JiraState> | null;
  if (!s || s.version !== 1 || !Array.isArray(s.projects) || !Array.isArray(s.issues) || !Array.isArray(s.customFields)) {
    throw new StateFileError(`State file ${file} is not an emulator state (version 1); delete it to start from the seed.`);
  }
  return s as JiraState;
}

export function writeStateFile(file: string, state: JiraState): void {
  mkdirSync(path.dirname(file), { recursive: true });
  const tmp = `${file}.${process.pid}.tmp`;
  writeFileSync(tmp, JSON.stringify(state));
  renameSync(tmp, file);
}

export interface Persister {
  /** Ask for a write soon; many calls in a burst make one write. */
  schedule(): void;
  /** Write now if a write is pending. */
  flush(): void;
}

/** Persisters with a file: their pending writes are made when the process exits. */
const withFiles = new Set<Persister>();
let exitHookInstalled = false;

function flushAllOnExit(persister: Persister): void {
  withFiles.add(persister);
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  // One hook for every emulator, so many emulators in a test run add no listeners.
  process.once('exit', () => withFiles.forEach((p) => p.flush()));
}

export function createPersister(file: string | undefined, getState: () => JiraState, delayMs = 50): Persister {
  let timer: NodeJS.Timeout | null = null;
  const flush = (): void => {
    if (!timer || !file) return;
    clearTimeout(timer);
    timer = null;
    writeStateFile(file, getState());
  };
  const persister: Persister = {
    schedule() {
      if (!file || timer) return;
      timer = setTimeout(flush, delayMs);
      // A pending write must not keep a test run or a stopping server alive; the exit hook makes it.
      timer.unref();
    },
    flush,
  };
  if (file) flushAllOnExit(persister);
  return persister;
}

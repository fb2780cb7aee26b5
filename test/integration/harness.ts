/**
 * The app's real src/index.ts on the local Forge runtime and the Jira emulator, as integration
 * tests use it: invoke resolvers as a user of a project, wait for queued work, and read Jira back
 * the way the app wrote it.
 */
import path from 'node:path';
import { createForgeRuntime, type ForgeRuntime, type ForgeRuntimeOptions, type InvocationRecord } from '@msp-audit-ready/forge-local/forge';
import { createJiraEmulator, type JiraEmulatorApi, type RequestLogEntry } from '@msp-audit-ready/forge-local/jira';
import type { ImportStatus } from '../../common/contract';
import { trailChunkKey } from '../../src/storage/keys';
import { chunkValues, type StoredChunk } from '../../src/trail/store';
import type { TrailEntry } from '../../src/trail/entry';

export const APP_DIR = path.resolve(__dirname, '../..');

export interface Harness {
  runtime: ForgeRuntime;
  emulator: JiraEmulatorApi;
  /** Runtime diagnostics (timeouts, failed events). */
  logs: string[];
  /** The app's own log lines (console.info / console.warn), kept out of the test output. */
  appLogs: string[];
  /** Calls a resolver of the Audit page as `accountId` in `projectKey`. */
  invoke<T>(functionKey: string, payload?: unknown, options?: { accountId?: string; projectKey?: string }): Promise<T>;
  /** Starts an import and waits for the queue to drain; returns the final job status. */
  importChecklist(checklistId: string, options?: { accountId?: string; projectKey?: string }): Promise<ImportStatus>;
  /** A REST call from outside the app (a person in Jira), as `admin` unless told. */
  outside(method: string, path: string, body?: unknown, actor?: string): Promise<{ status: number; body: unknown }>;
  /** Moves an issue to a status by name, as a person would. */
  transition(issueKey: string, statusName: string): Promise<void>;
  /** The app's own REST calls (origin `app`) since the last clear. */
  appRequests(): RequestLogEntry[];
  /** Every issue in a project with the given fields and properties (as admin, from outside). */
  issues(projectKey?: string, extra?: { fields?: string[]; properties?: string[] }): Promise<OutsideIssue[]>;
  close(): Promise<void>;
}

export interface OutsideIssue {
  id: string;
  key: string;
  fields: Record<string, unknown>;
  properties: Record<string, unknown>;
}

export function startHarness(options: Partial<ForgeRuntimeOptions> = {}, emulatorOptions: { now?: () => Date } = {}): Harness {
  const emulator = createJiraEmulator({ manifestPath: path.join(APP_DIR, 'manifest.yml'), baseUrl: 'http://localhost:8080/jira', ...emulatorOptions });
  const logs: string[] = [];
  const runtime = createForgeRuntime({ appDir: APP_DIR, emulator, timeScale: 0, log: (m) => logs.push(m), ...options });
  const appLogs: string[] = [];
  const collect = (...parts: unknown[]): void => void appLogs.push(parts.map(String).join(' '));
  const spies = [jest.spyOn(console, 'info').mockImplementation(collect), jest.spyOn(console, 'warn').mockImplementation(collect)];

  const invoke = async <T>(functionKey: string, payload: unknown = {}, opts: { accountId?: string; projectKey?: string } = {}): Promise<T> =>
    (await runtime.invoke({
      functionKey,
      payload,
      context: { moduleKey: 'audit-page', accountId: opts.accountId ?? 'admin', projectKey: opts.projectKey ?? 'MSP' },
    })) as T;

  const outside = async (method: string, path: string, body?: unknown, actor = 'admin'): Promise<{ status: number; body: unknown }> => {
    const res = await emulator.handle({ method, path, query: {}, headers: {}, body, actor, origin: 'outside' });
    return { status: res.status, body: res.body };
  };

  return {
    runtime,
    emulator,
    logs,
    appLogs,
    invoke,
    async importChecklist(checklistId, opts = {}) {
      const { jobId } = await invoke<{ jobId: string }>('startImport', { checklistId }, opts);
      await runtime.idle();
      return invoke<ImportStatus>('getImport', { jobId }, opts);
    },
    outside,
    async transition(issueKey, statusName) {
      const { body } = await outside('GET', `/rest/api/3/issue/${issueKey}/transitions`);
      const transitions = (body as { transitions: { id: string; to: { name: string } }[] }).transitions;
      const target = transitions.find((t) => t.to.name === statusName);
      if (!target) throw new Error(`no transition to ${statusName} for ${issueKey}`);
      const res = await outside('POST', `/rest/api/3/issue/${issueKey}/transitions`, { transition: { id: target.id } });
      if (res.status !== 204) throw new Error(`transition failed: ${res.status}`);
    },
    appRequests: () => emulator.requests().filter((request) => request.origin === 'app'),
    async issues(projectKey = 'MSP', extra = {}) {
      const found: OutsideIssue[] = [];
      let nextPageToken: string | undefined;
      do {
        const res = await emulator.handle({
          method: 'POST',
          path: '/rest/api/3/search/jql',
          query: {},
          headers: {},
          body: {
            jql: `project = ${projectKey}`,
            fields: ['summary', 'labels', 'issuetype', 'parent', 'status', ...(extra.fields ?? [])],
            properties: ['msp-audit-item', ...(extra.properties ?? [])],
            maxResults: 100,
            ...(nextPageToken ? { nextPageToken } : {}),
          },
          actor: 'admin',
          origin: 'outside',
        });
        if (res.status !== 200) throw new Error(`search failed: ${res.status} ${JSON.stringify(res.body)}`);
        const body = res.body as { issues: OutsideIssue[]; nextPageToken?: string };
        found.push(...body.issues.map((issue) => ({ ...issue, fields: issue.fields ?? {}, properties: issue.properties ?? {} })));
        nextPageToken = body.nextPageToken;
      } while (nextPageToken);
      return found;
    },
    async close() {
      await runtime.close();
      for (const spy of spies) spy.mockRestore();
    },
  };
}

/** Item ids of the item issues (property kind `item`), one entry per issue. */
export function itemIdsOf(issues: OutsideIssue[], checklistId?: string): string[] {
  return issues.flatMap((issue) => {
    const identity = issue.properties['msp-audit-item'] as { kind?: string; itemId?: string; checklistId?: string } | undefined;
    if (identity?.kind !== 'item' || identity.itemId === undefined) return [];
    if (checklistId !== undefined && identity.checklistId !== checklistId) return [];
    return [identity.itemId];
  });
}

/** Each item's issue key, by `"<checklistId> <itemId>"`, for every checklist the project holds. */
export async function itemIssueKeys(h: Harness): Promise<Map<string, string>> {
  return new Map(
    (await h.issues()).flatMap((issue) => {
      const identity = issue.properties['msp-audit-item'] as { kind?: string; itemId?: string; checklistId?: string } | undefined;
      return identity?.kind === 'item' ? [[`${identity.checklistId} ${identity.itemId}`, issue.key] as [string, string]] : [];
    }),
  );
}

/** The project's trail entries as stored, oldest first, chunk after chunk (no reconciliation, compressed or not). */
export function storedTrail<T = TrailEntry>(h: Harness, projectKey = 'MSP'): T[] {
  const rows: T[] = [];
  for (let chunk = 0; ; chunk++) {
    const stored = h.runtime.kvs.get(trailChunkKey(projectKey, chunk)) as StoredChunk | undefined;
    if (stored === undefined) return rows;
    rows.push(...(chunkValues(stored) as T[]));
  }
}

export function maxDuration(records: InvocationRecord[], kind: InvocationRecord['kind']): number {
  return Math.max(0, ...records.filter((record) => record.kind === kind).map((record) => record.durationMs));
}

/** Shared set-up for the emulator tests: an emulator on the fixture manifest and terse callers. */
import * as path from 'node:path';
import { createJiraEmulator } from '../../jira';
import type { EmulatorResponse, JiraEmulatorApi, JiraEmulatorOptions } from '../../jira';

export const FIXTURE_MANIFEST = path.resolve(__dirname, 'fixtures/manifest.yml');
export const FIXTURE_APP_ID = '11111111-2222-4333-8444-555555555555';
export const FROZEN_NOW = new Date('2025-03-01T09:00:00.000Z');

/** Custom field ids the fixture manifest gets (in module order from customfield_10050). */
export const FIELDS = { points: 'customfield_10050', evidence: 'customfield_10051', ownerNote: 'customfield_10052' } as const;

export function makeEmulator(options: JiraEmulatorOptions = {}): JiraEmulatorApi {
  let tick = 0;
  // Each timestamp one second after the last, so created/updated order is well defined.
  const now = (): Date => new Date(FROZEN_NOW.getTime() + 1000 * tick++);
  return createJiraEmulator({ manifestPath: FIXTURE_MANIFEST, baseUrl: 'https://emulator.test/jira', now, ...options });
}

export interface CallOptions {
  query?: Record<string, string | string[]>;
  actor?: string;
  origin?: 'app' | 'outside';
}

export type Caller = (method: string, path: string, body?: unknown, options?: CallOptions) => Promise<EmulatorResponse & { json: Record<string, unknown> }>;

export function caller(emulator: JiraEmulatorApi): Caller {
  return async (method, p, body, options = {}) => {
    const res = await emulator.handle({
      method,
      path: p.startsWith('/rest/') ? p : `/rest/api/3${p}`,
      query: options.query ?? {},
      headers: {},
      body,
      actor: options.actor ?? 'admin',
      origin: options.origin ?? 'outside',
    });
    return { ...res, json: (res.body ?? {}) as Record<string, unknown> };
  };
}

export const adf = (text: string): { type: 'doc'; version: 1; content: unknown[] } => ({
  type: 'doc',
  version: 1,
  content: [{ type: 'paragraph', content: [{ type: 'text', text }] }],
});

export interface IssueInput {
  summary?: string;
  type?: string;
  project?: string;
  parent?: string;
  labels?: string[];
  properties?: { key: string; value: unknown }[];
  extra?: Record<string, unknown>;
}

export function issuePayload(input: IssueInput = {}): Record<string, unknown> {
  return {
    fields: {
      project: { key: input.project ?? 'MSP' },
      issuetype: { name: input.type ?? 'Task' },
      summary: input.summary ?? 'An item',
      ...(input.parent ? { parent: { key: input.parent } } : {}),
      ...(input.labels ? { labels: input.labels } : {}),
      ...(input.extra ?? {}),
    },
    ...(input.properties ? { properties: input.properties } : {}),
  };
}

/** Creates issues through bulk create (50 a call) and returns their keys in order. */
export async function createIssues(call: Caller, inputs: IssueInput[]): Promise<string[]> {
  const keys: string[] = [];
  for (let i = 0; i < inputs.length; i += 50) {
    const res = await call('POST', '/issue/bulk', { issueUpdates: inputs.slice(i, i + 50).map(issuePayload) });
    if (res.status !== 201) throw new Error(`bulk create failed: ${JSON.stringify(res.body)}`);
    keys.push(...(res.json.issues as { key: string }[]).map((x) => x.key));
  }
  return keys;
}

export function itemProperty(checklistId: string, itemId: string, points: number, extra: Record<string, unknown> = {}): { key: string; value: unknown } {
  return { key: 'msp-audit-item', value: { checklistId, itemId, points, ...extra } };
}

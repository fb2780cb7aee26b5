/**
 * What the host pages read from the Jira emulator, as the acting user (origin `outside`, like a
 * person using Jira's own UI), and the app's custom field values with their formatter text.
 */
import { Script, createContext } from 'node:vm';
import type { JiraEmulatorApi } from '../jira/types';
import type { ManifestUiModule } from '../forge/manifest';

type Obj = Record<string, unknown>;
export const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

export interface JiraReply {
  status: number;
  body: unknown;
}

export class JiraReader {
  constructor(
    private readonly emulator: JiraEmulatorApi,
    private readonly user: string,
  ) {}

  /** One request; a few quick retries ride out injected 429s, as Jira's own UI would. */
  async call(method: string, path: string, query: Record<string, string> = {}, body?: unknown): Promise<JiraReply> {
    let res = { status: 0, body: undefined as unknown };
    for (let attempt = 0; attempt < 4; attempt++) {
      const r = await this.emulator.handle({ method, path, query, headers: { accept: 'application/json' }, body, actor: this.user, origin: 'outside' });
      res = { status: r.status, body: r.body };
      if (r.status !== 429) break;
    }
    return res;
  }

  async projects(): Promise<{ key: string; name: string; id: string }[]> {
    const r = await this.call('GET', '/rest/api/3/project/search', { maxResults: '50' });
    const list = r.status === 200 && isObj(r.body) && Array.isArray(r.body.values) ? r.body.values : [];
    const fallback = list.length ? list : await this.call('GET', '/rest/api/3/project').then((x) => (Array.isArray(x.body) ? x.body : []));
    const out = fallback.filter(isObj).map((p) => ({ key: String(p.key), name: String(p.name ?? p.key), id: String(p.id ?? '') }));
    return out.length ? out : [{ key: 'MSP', name: 'MSP', id: '' }];
  }

  async issue(key: string): Promise<JiraReply> {
    return this.call('GET', `/rest/api/3/issue/${encodeURIComponent(key)}`);
  }

  async fields(): Promise<Obj[]> {
    const r = await this.call('GET', '/rest/api/3/field');
    return Array.isArray(r.body) ? r.body.filter(isObj) : [];
  }

  async search(jql: string, nextPageToken?: string): Promise<JiraReply> {
    const body = { jql, fields: ['summary', 'status', 'issuetype', 'labels', 'assignee'], maxResults: 50, ...(nextPageToken ? { nextPageToken } : {}) };
    return this.call('POST', '/rest/api/3/search/jql', {}, body);
  }
}

/** The field id (`customfield_NNNNN`) Jira gave an app custom field module, found by its ARI suffix. */
export function appFieldId(fields: Obj[], moduleKey: string): string | undefined {
  const f = fields.find((x) => isObj(x.schema) && typeof x.schema.custom === 'string' && x.schema.custom.endsWith(`/static/${moduleKey}`));
  return f ? String(f.id) : undefined;
}

const compiled = new Map<string, Script>();

/**
 * Evaluate a custom field's `view.formatter.expression` (a Jira expression) for one value.
 * Jira expressions are close to JavaScript expressions; this runs them as such, sandboxed with a
 * time limit. The expression comes from the app's own manifest, not from users.
 */
export function formatFieldValue(module: ManifestUiModule, value: unknown): string {
  const view = isObj(module.raw.view) ? module.raw.view : {};
  const formatter = isObj(view.formatter) ? view.formatter : {};
  const expression = typeof formatter.expression === 'string' ? formatter.expression : undefined;
  if (!expression) return value === null || value === undefined ? '' : typeof value === 'object' ? JSON.stringify(value) : String(value);
  try {
    let script = compiled.get(expression);
    if (!script) compiled.set(expression, (script = new Script(`(${expression})`)));
    const sandbox = createContext({ value: value === undefined ? null : structuredClone(value) });
    // Generous: the limit guards against a runaway expression, not against a busy machine.
    const out: unknown = script.runInContext(sandbox, { timeout: 1000 });
    return out === null || out === undefined ? '' : String(out);
  } catch (e) {
    return `(formatter error: ${e instanceof Error ? e.message : String(e)})`;
  }
}

export function displayName(user: unknown): string {
  return isObj(user) ? String(user.displayName ?? user.accountId ?? '') : '';
}

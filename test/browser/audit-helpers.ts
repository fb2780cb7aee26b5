/**
 * Helpers for the Audit page browser test: the local server's HTTP contract used from outside
 * (resolvers through POST /api/invoke, the Jira emulator's REST API and admin endpoints, the
 * runtime's idle/invocation log), the headline sentence rebuilt from a rollup's figures, and
 * script-time measurement through the Chrome DevTools Protocol.
 */
import type { CDPSession, Frame } from 'playwright-core';
import type { Rollup } from '../../common/contract';
import type { InvocationRecord } from '@msp-audit-ready/forge-local/forge';
import type { EmulatorRequest } from '@msp-audit-ready/forge-local/jira';

export interface HttpResult<T = unknown> {
  status: number;
  body: T;
}

/** Talks to a running local server as someone outside the app would (over HTTP only). */
export class OutsideClient {
  constructor(
    readonly url: string,
    readonly projectKey = 'MSP',
  ) {}

  async request<T = unknown>(method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<HttpResult<T>> {
    const res = await fetch(`${this.url}${path}`, {
      method,
      headers: body === undefined ? headers : { 'content-type': 'application/json', ...headers },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    return { status: res.status, body: (text ? JSON.parse(text) : undefined) as T };
  }

  /** A resolver call as the Audit page makes it; throws with the resolver's message on a non-2xx answer. */
  async invoke<T>(functionKey: string, payload: Record<string, unknown> = {}, accountId = 'admin'): Promise<T> {
    const res = await this.request<T & { error?: string }>('POST', '/api/invoke', {
      functionKey,
      payload,
      context: { moduleKey: 'audit-page', projectKey: this.projectKey, accountId },
    });
    if (res.status >= 300) throw new Error(`${functionKey} answered ${res.status}: ${res.body?.error ?? JSON.stringify(res.body)}`);
    return res.body;
  }

  rollup(checklistId?: string, refresh = true): Promise<Rollup> {
    return this.invoke<Rollup>('getRollup', { ...(checklistId ? { checklistId } : {}), refresh });
  }

  /** The emulator's REST API (`/jira/rest/api/3…`), acting as admin unless told otherwise. */
  jira<T = unknown>(method: string, path: string, body?: unknown, accountId?: string): Promise<HttpResult<T>> {
    return this.request<T>(method, `/jira/rest/api/3${path}`, body, accountId ? { 'x-account-id': accountId } : {});
  }

  /** Every issue key a JQL search returns (all pages). */
  async searchKeys(jql: string): Promise<string[]> {
    const keys: string[] = [];
    let nextPageToken: string | undefined;
    do {
      const res = await this.jira<{ issues: { key: string }[]; nextPageToken?: string }>('POST', '/search/jql', {
        jql,
        fields: ['summary'],
        maxResults: 100,
        ...(nextPageToken ? { nextPageToken } : {}),
      });
      if (res.status !== 200) throw new Error(`search ${jql} answered ${res.status}: ${JSON.stringify(res.body)}`);
      keys.push(...res.body.issues.map((issue) => issue.key));
      nextPageToken = res.body.nextPageToken;
    } while (nextPageToken);
    return keys;
  }

  /** Moves an issue to Done the way a person (or another tool) would: the transition Jira offers into the done category. */
  async transitionToDone(issueKey: string): Promise<void> {
    const offered = await this.jira<{ transitions: { id: string; name: string; to: { statusCategory: { key: string } } }[] }>(
      'GET',
      `/issue/${encodeURIComponent(issueKey)}/transitions`,
    );
    if (offered.status !== 200) throw new Error(`transitions of ${issueKey} answered ${offered.status}`);
    const done = offered.body.transitions.find((t) => t.name === 'Done' && t.to.statusCategory.key === 'done');
    if (!done) throw new Error(`${issueKey} offers no Done transition: ${offered.body.transitions.map((t) => t.name).join(', ')}`);
    const res = await this.jira('POST', `/issue/${encodeURIComponent(issueKey)}/transitions`, { transition: { id: done.id } });
    if (res.status !== 204) throw new Error(`transition ${issueKey} to Done answered ${res.status}: ${JSON.stringify(res.body)}`);
  }

  /** Waits until queues and triggers are quiet. */
  async idle(): Promise<void> {
    const res = await this.request('POST', '/api/__runtime/idle');
    if (res.status >= 300) throw new Error(`idle answered ${res.status}`);
  }

  async reset(): Promise<void> {
    const res = await this.request('POST', '/jira/__admin/reset');
    if (res.status >= 300) throw new Error(`reset answered ${res.status}`);
  }

  async faults(settings: { latencyMs?: number; rate429?: number; rate500?: number; retryAfterS?: number }): Promise<void> {
    const res = await this.request('POST', '/jira/__admin/faults', settings);
    if (res.status >= 300) throw new Error(`faults answered ${res.status}`);
  }

  async requests(): Promise<EmulatorRequest[]> {
    return (await this.request<EmulatorRequest[]>('GET', '/jira/__admin/requests')).body;
  }

  async invocations(): Promise<InvocationRecord[]> {
    return (await this.request<InvocationRecord[]>('GET', '/api/__runtime/invocations')).body;
  }
}

/**
 * The score headline as DESIGN.md states it, rebuilt here from the figures (not from the app's
 * own formatter): "845 / 1000 — pass mark 900 — not yet", "52 of 61 met, N/A or waived — 3 mandatory open — not yet".
 */
export function expectedHeadline(rollup: Pick<Rollup, 'model' | 'score' | 'maxScore' | 'passMark' | 'passed' | 'mandatoryOpen'>): string {
  const verdict = rollup.passed ? 'would pass' : 'not yet';
  if (rollup.model === 'points') {
    return `${rollup.score} / ${rollup.maxScore}${rollup.passMark === null ? '' : ` — pass mark ${rollup.passMark}`} — ${verdict}`;
  }
  return `${rollup.score} of ${rollup.maxScore} met, N/A or waived — ${rollup.mandatoryOpen.length} mandatory open — ${verdict}`;
}

/** What an import-progress region looked like at one moment. */
export interface ProgressSample {
  t: number;
  words: string;
  bar: boolean;
  value: string | null;
}

/** Records every change of the "Import progress" region (words and bar) from inside the app frame. */
export async function watchImportProgress(frame: Frame): Promise<void> {
  await frame.evaluate(() => {
    const w = window as unknown as { __progress: unknown[] };
    w.__progress = [];
    let last = '';
    const sample = () => {
      const region = document.querySelector('section[aria-label="Import progress"]');
      if (!region) return;
      const bar = region.querySelector('[role="progressbar"]');
      const entry = {
        t: performance.now(),
        words: region.querySelector('[role="status"]')?.textContent ?? '',
        bar: bar !== null,
        value: bar?.getAttribute('aria-valuenow') ?? null,
      };
      const key = JSON.stringify([entry.words, entry.bar, entry.value]);
      if (key !== last) w.__progress.push(entry);
      last = key;
    };
    new MutationObserver(sample).observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true });
  });
}

export function progressSamples(frame: Frame): Promise<ProgressSample[]> {
  return frame.evaluate(() => (window as unknown as { __progress: ProgressSample[] }).__progress);
}

/** Renderer metrics (seconds) from the Chrome DevTools Protocol. */
export type Metrics = Record<string, number>;

export async function rendererMetrics(cdp: CDPSession): Promise<Metrics> {
  const { metrics } = await cdp.send('Performance.getMetrics');
  return Object.fromEntries(metrics.map((m) => [m.name, m.value]));
}

export interface ScriptTiming {
  /** V8 script time in the renderer between the two readings, ms. */
  scriptMs: number;
  /** Main-thread task time (script + style + layout + paint work), ms. */
  taskMs: number;
  layoutMs: number;
  recalcStyleMs: number;
  /** Wall time from the click to the last row in the DOM, ms (performance.measure in the frame). */
  wallMs: number;
}

/**
 * Runs `action` in the frame (it must return the wall time it measured) between two CDP metric
 * readings of the page's renderer, which the same-origin app frame shares.
 */
export async function measureInFrame(cdp: CDPSession, frame: Frame, action: (frame: Frame) => Promise<number>): Promise<ScriptTiming> {
  const before = await rendererMetrics(cdp);
  const wallMs = await action(frame);
  const after = await rendererMetrics(cdp);
  const delta = (name: string) => round(((after[name] ?? 0) - (before[name] ?? 0)) * 1000);
  return { scriptMs: delta('ScriptDuration'), taskMs: delta('TaskDuration'), layoutMs: delta('LayoutDuration'), recalcStyleMs: delta('RecalcStyleDuration'), wallMs: round(wallMs) };
}

export const round = (n: number): number => Math.round(n * 10) / 10;

export const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[mid] as number) : round(((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2);
};

/**
 * `npm run bench -- --gate`: the Done gate (issue 23) over 200 transitions to Done at 100 ms Jira
 * latency, on the 130-item built-in checklist imported into the local runtime. The validator sits on
 * the Done transition; the moves cycle through a mandatory item without evidence (refused), a
 * mandatory item with evidence another person accepted (allowed, then moved back to To Do outside the
 * measure), an optional item (not gated) and a chapter Epic (not an item). Prints p50/p95 of the
 * validator invocation and of the whole transition request, and the validator's Jira calls.
 */
import { performance } from 'node:perf_hooks';
import type { ItemPanel } from '../common/contract';
import { duration } from './report';
import { checklistFor } from './checklists';
import { measureImport, startEnv, type BenchEnv } from './app-bench';

const LATENCY_MS = 100;
const TRANSITIONS = 200;
const DONE = '31';
const TO_DO = '11';

type Kind = 'refused' | 'allowed' | 'optional' | 'not-item';

function percentile(values: number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
}

async function call(env: BenchEnv, method: string, path: string, body?: unknown, actor = 'admin'): Promise<{ status: number; body: unknown }> {
  const res = await env.emulator.handle({ method, path, query: {}, headers: {}, body, actor, origin: 'outside' });
  return { status: res.status, body: res.body };
}

async function pickIssues(env: BenchEnv): Promise<Record<Kind, string>> {
  type Found = { key: string; properties?: Record<string, { kind?: string; mandatory?: boolean }> };
  const search = async (jql: string): Promise<Found[]> =>
    ((await call(env, 'POST', '/rest/api/3/search/jql', { jql, fields: ['summary'], properties: ['msp-audit-item'], maxResults: 100 })).body as { issues: Found[] }).issues;
  const issues = [...(await search('project = MSP AND issuetype != Epic')), ...(await search('project = MSP AND issuetype = Epic'))];
  const identity = (issue: (typeof issues)[number]) => issue.properties?.['msp-audit-item'];
  const mandatory = issues.filter((issue) => identity(issue)?.kind === 'item' && identity(issue)?.mandatory === true);
  const optional = issues.find((issue) => identity(issue)?.kind === 'item' && identity(issue)?.mandatory === false);
  const epic = issues.find((issue) => identity(issue)?.kind === 'chapter');
  if (mandatory.length < 2 || !optional || !epic) throw new Error(`the checklist needs two mandatory items, an optional one and a chapter; the search found ${issues.length} issues (${mandatory.length} mandatory, e.g. ${JSON.stringify(issues[0])})`);
  return { refused: mandatory[0]!.key, allowed: mandatory[1]!.key, optional: optional.key, 'not-item': epic.key };
}

export async function runGateBench(): Promise<void> {
  const started = performance.now();
  const progress = (line: string): void => console.error(`[bench gate ${duration(performance.now() - started)}] ${line}`);
  const env = startEnv(0);
  try {
    progress('importing the 130-item checklist …');
    await measureImport(env, checklistFor({ items: 130, chapters: 0, naiveConcurrency: 1 }));
    const keys = await pickIssues(env);
    const onIssue = <T>(functionKey: string, issueKey: string, payload: unknown, accountId: string) =>
      env.runtime.invoke({ functionKey, payload, context: { moduleKey: 'audit-item-panel', accountId, issueKey } }) as Promise<T>;
    const added = await onIssue<ItemPanel>('addEvidence', keys.allowed, { evidence: { kind: 'link', title: 'Scan report', url: 'https://intranet.example/scan' } }, 'admin');
    await onIssue('reviewEvidence', keys.allowed, { id: added.evidence.entries[0]!.id, state: 'accepted' }, 'lead');
    env.emulator.addWorkflowValidator({ transitionId: DONE, moduleKey: 'audit-done-gate' });
    env.emulator.setFaults({ latencyMs: LATENCY_MS });
    env.emulator.clearRequests();

    const kinds: Kind[] = ['refused', 'allowed', 'optional', 'not-item'];
    const requestMs: Record<Kind, number[]> = { refused: [], allowed: [], optional: [], 'not-item': [] };
    const before = env.runtime.invocations().length;
    progress(`${TRANSITIONS} transitions to Done at ${LATENCY_MS} ms latency …`);
    for (let n = 0; n < TRANSITIONS; n++) {
      const kind = kinds[n % kinds.length]!;
      const t0 = performance.now();
      const res = await call(env, 'POST', `/rest/api/3/issue/${keys[kind]}/transitions`, { transition: { id: DONE } });
      requestMs[kind].push(performance.now() - t0);
      const expected = kind === 'refused' ? 400 : 204;
      if (res.status !== expected) throw new Error(`${kind} ${keys[kind]}: expected ${expected}, got ${res.status} ${JSON.stringify(res.body)}`);
      if (expected === 204) await call(env, 'POST', `/rest/api/3/issue/${keys[kind]}/transitions`, { transition: { id: TO_DO } });
    }
    const validations = env.runtime.invocations().slice(before).filter((record) => record.kind === 'validator');
    const appCalls = env.emulator.requests().filter((request) => request.origin === 'app');
    const all = Object.values(requestMs).flat();
    const validatorMs = validations.map((record) => record.durationMs);
    const row = (label: string, values: number[]) => `| ${label} | ${values.length} | ${percentile(values, 0.5).toFixed(0)} ms | ${percentile(values, 0.95).toFixed(0)} ms |`;
    console.log(`\n### Done gate: ${TRANSITIONS} transitions to Done, ${LATENCY_MS} ms Jira latency\n`);
    console.log('| Measure | n | p50 | p95 |\n|---|---:|---:|---:|');
    console.log(row('validator invocation', validatorMs));
    console.log(row('transition request (Jira latency + validator)', all));
    for (const kind of kinds) console.log(row(`  ${kind}`, requestMs[kind]));
    console.log(`\nValidator Jira calls: ${appCalls.length} over ${validations.length} validations (max 2 per validation; 0 for optional items and non-items).`);
    console.log(`Validations that did not end ok: ${validations.filter((record) => !record.ok).length}.`);
  } finally {
    await env.close();
  }
}

/**
 * What the cold-read tests share (rollup-cold*.test.ts, rollup-large.test.ts): a project imported
 * through the app, reads of getRollup without a delta to build on, cold or full, and the app's
 * searches by what they asked for.
 */
import type { Rollup } from '../../common/contract';
import type { ChecklistDefinition } from '../../src/domain/types';
import { rollupBaseKey } from '../../src/storage/keys';
import { registerChecklist } from './checklists';
import { startHarness, type Harness, type OutsideIssue } from './harness';

export const identityOf = (issue: OutsideIssue) => issue.properties['msp-audit-item'] as { kind: string; itemId: string } | undefined;

/** Everything a rollup says except when and how it was read (and the score history it carries). */
export function figures(rollup: Rollup): unknown {
  const { computedAt: _at, from: _from, history: _history, ...rest } = rollup;
  return { ...rest, items: [...rest.items].sort((a, b) => a.id.localeCompare(b.id)) };
}

export interface Project {
  h: Harness;
  def: ChecklistDefinition;
  keys: Map<string, string>;
}

export async function importProject(def: ChecklistDefinition, custom: boolean): Promise<Project> {
  const h = startHarness();
  if (custom) await registerChecklist(def);
  h.emulator.addProject({ key: 'OPS' });
  await h.importChecklist(def.id);
  const keys = new Map((await h.issues()).flatMap((issue) => (identityOf(issue)?.kind === 'item' ? [[identityOf(issue)!.itemId, issue.key]] : [])));
  return { h, def, keys };
}

/**
 * Changes a read must follow that the app did not make: the assessment mirror property rewritten on
 * 2.2 (never trusted), 1.2 hidden from `viewer` by issue security, 3.1 moved to OPS, 2.3 deleted, and
 * an issue made outside the app that claims item 1.1. Needs a project OPS.
 */
export async function changeOutsideTheApp(h: Harness, key: (itemId: string) => string): Promise<void> {
  expect((await h.outside('PUT', `/rest/api/3/issue/${key('2.2')}/properties/msp-audit-assessment`, { result: 'met' })).status).toBeLessThan(300);
  h.emulator.setIssueSecurity(key('1.2'), ['viewer']);
  h.emulator.moveIssue(key('3.1'), 'OPS');
  expect((await h.outside('DELETE', `/rest/api/3/issue/${key('2.3')}`)).status).toBe(204);
  const identity = (await h.issues()).find((issue) => issue.key === key('1.1'))!.properties['msp-audit-item'];
  const made = await h.outside('POST', '/rest/api/3/issue', { fields: { project: { key: 'MSP' }, issuetype: { name: 'Task' }, summary: 'Copy of 1.1' }, properties: [{ key: 'msp-audit-item', value: identity }] });
  expect(made.status).toBe(201);
  await h.runtime.idle();
}

export const onIssue = (p: Project, functionKey: string, itemId: string, payload: unknown, accountId = 'admin') =>
  p.h.runtime.invoke({ functionKey, payload, context: { moduleKey: 'audit-item-panel', accountId, issueKey: p.keys.get(itemId)! } });

/** A getRollup that reads Jira without a delta to build on: cold (`minItems` 0 or the default) or full (Infinity). */
export async function readWithout(p: Pick<Project, 'h' | 'def'>, minItems: string | undefined, accountId = 'admin', checklistId = p.def.id): Promise<{ rollup: Rollup; calls: ReturnType<Harness['appRequests']> }> {
  if (minItems === undefined) delete process.env.MSP_ROLLUP_COLD_MIN_ITEMS;
  else process.env.MSP_ROLLUP_COLD_MIN_ITEMS = minItems;
  p.h.runtime.kvs.delete(rollupBaseKey('MSP', checklistId));
  p.h.emulator.clearRequests();
  const rollup = await p.h.invoke<Rollup>('getRollup', { checklistId, refresh: true }, { accountId });
  expect(rollup.from).toBe('jira');
  return { rollup, calls: p.h.appRequests() };
}

/** The app's searches by what they asked for: ids only, or with fields. */
export function searchesOf(calls: ReturnType<Harness['appRequests']>): { idsOnly: number; withFields: number; bulk: number } {
  const searches = calls.filter((call) => call.path === '/rest/api/3/search/jql' && call.actor === 'app');
  const fieldsOf = (call: (typeof searches)[number]) => (call.body as { fields?: string[] }).fields ?? [];
  const idsOnly = searches.filter((call) => fieldsOf(call).every((field) => field === 'id' || field === 'key')).length;
  return { idsOnly, withFields: searches.length - idsOnly, bulk: calls.filter((call) => call.path === '/rest/api/3/issue/bulkfetch').length };
}

/** Stores evidence field values as the app writes them (the app field value API), ≤ 1,000 issues an update. */
export async function storeValues(h: Harness, values: ReadonlyMap<string, unknown>): Promise<void> {
  const fields = (await h.outside('GET', '/rest/api/3/field')).body as { id: string; schema?: { custom?: string } }[];
  const fieldId = fields.find((f) => f.schema?.custom?.endsWith('/static/audit-evidence'))!.id;
  const ids = new Map((await h.issues()).map((issue) => [issue.key, Number(issue.id)]));
  const byValue = new Map<string, number[]>();
  for (const [issueKey, value] of values) byValue.set(JSON.stringify(value), [...(byValue.get(JSON.stringify(value)) ?? []), ids.get(issueKey)!]);
  for (const [value, issueIds] of byValue) {
    for (let at = 0; at < issueIds.length; at += 1000) {
      const updates = [{ issueIds: issueIds.slice(at, at + 1000), value: JSON.parse(value) as unknown }];
      const res = await h.emulator.handle({ method: 'PUT', path: `/rest/api/3/app/field/${fieldId}/value`, query: {}, headers: {}, body: { updates }, actor: 'app', origin: 'app' });
      if (res.status >= 300) throw new Error(`app field value: ${res.status} ${JSON.stringify(res.body)}`);
    }
  }
}

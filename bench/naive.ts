/**
 * The naive baseline: what an app without bulk calls would do. Per item, one
 * `POST /rest/api/3/issue` (the same summary, description and labels the app writes) and one
 * `PUT /rest/api/3/issue/{key}/properties/msp-audit-item` (the same identity), sent as the app
 * (actor and origin `app`) to the same emulator with the same latency. No chapter Epics and no
 * lookups: the baseline gets those for free, so the speed-up it yields is a floor.
 *
 * It writes to its own project (NAIVE), so the app's searches and rollups never see its issues.
 */
import { performance } from 'node:perf_hooks';
import type { JiraEmulatorApi } from '@msp-audit-ready/forge-local/jira';
import type { ChecklistDefinition, ChecklistItem } from '../src/domain/types';
import { ITEM_PROPERTY, itemIdentity } from '../src/jira/identity';
import { itemCreateInput } from '../src/jira/layout';

export const NAIVE_PROJECT = 'NAIVE';
/** Task, a standard type on every emulated project. */
const TASK_TYPE_ID = '10001';

export interface NaiveFigures {
  calls: number;
  wallMs: number;
  /** 1 = one request at a time; more = that many items in flight. */
  concurrency: number;
  /** Requests that did not answer 2xx. */
  failures: number;
}

export async function runNaiveImport(emulator: JiraEmulatorApi, def: ChecklistDefinition, concurrency: number): Promise<NaiveFigures> {
  emulator.addProject({ key: NAIVE_PROJECT, issueTypes: ['Task', 'Sub-task', 'Epic'] });
  emulator.clearRequests();
  let failures = 0;
  const send = async (method: string, path: string, body: unknown): Promise<unknown> => {
    const response = await emulator.handle({ method, path, query: {}, headers: {}, body, actor: 'app', origin: 'app' });
    if (response.status < 200 || response.status > 299) failures += 1;
    return response.body;
  };
  const importItem = async (item: ChecklistItem): Promise<void> => {
    const { fields } = itemCreateInput({ def, item, projectKey: NAIVE_PROJECT, issueTypeId: TASK_TYPE_ID });
    const created = (await send('POST', '/rest/api/3/issue', { fields })) as { key?: string };
    if (created.key === undefined) return;
    await send('PUT', `/rest/api/3/issue/${created.key}/properties/${ITEM_PROPERTY}`, itemIdentity(def, item));
  };

  const started = performance.now();
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < def.items.length) {
      const item = def.items[next++]!;
      await importItem(item);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, concurrency) }, worker));
  const wallMs = performance.now() - started;
  const calls = emulator.requests().filter((request) => request.origin === 'app').length;
  return { calls, wallMs, concurrency, failures };
}

/** A sequential naive run's time at another size, scaled per item from a measured one. */
export function extrapolateSequentialMs(measured: { items: number; wallMs: number }, items: number): number {
  return (measured.wallMs / measured.items) * items;
}

/**
 * Jira calls of a version update that retires 130 issues (issue 21.5): a 130-item checklist is
 * imported, then a new version of it that keeps none of its items is applied. Before the bulk
 * APIs this cost a label PUT and a property PUT per retired issue (260); now a bulk label edit and
 * bulk property calls, each with its task poll. `npx tsx bench/sync-retire.ts` prints the figure;
 * `npm run bench` includes it.
 */
import type { SyncResult } from '../common/contract';
import type { ChecklistDefinition } from '../src/domain/types';
import { countByKind, registerChecklist, startEnv, measureImport } from './app-bench';
import { syntheticChecklist } from './checklists';

export interface RetireFigures {
  retired: number;
  /** Every Jira call of the applySync. */
  calls: number;
  /** Label and identity-property writes of the update (retiring, and moving chapter Epics to the new version), with task polls. */
  retireCalls: number;
  callsByKind: Record<string, number>;
}

/** Label and identity writes: bulk (with their task polls), or single label edits where bulk changes are refused. */
const RETIRE_KINDS = ['POST /rest/api/3/bulk/issues/fields', 'GET /rest/api/3/bulk/queue/{id}', 'POST /rest/api/3/issue/properties/multi', 'GET /rest/api/3/task/{id}', 'PUT /rest/api/3/issue/{key}', 'PUT /rest/api/3/issue/{key}/properties/msp-audit-item'];

export async function measureRetire(count = 130, latencyMs = 0): Promise<RetireFigures> {
  const env = startEnv(latencyMs);
  try {
    const v1 = syntheticChecklist(count, 10);
    // The next version: one new item, none of the old ones (each is retired).
    const v2: ChecklistDefinition = {
      ...v1,
      id: `${v1.framework}-2.0`,
      version: '2.0',
      items: [{ ...v1.items[0]!, id: 'new.1', title: 'A control the new version adds', replaces: [] }],
      maxScore: v1.items[0]!.points,
      passRule: { kind: 'points', passMark: 1 },
    };
    await registerChecklist(v1);
    await registerChecklist(v2);
    const imported = await measureImport(env, v1);
    if (imported.state !== 'done') throw new Error(`import ended ${imported.state}`);
    env.emulator.clearRequests();
    const result = (await env.runtime.invoke({ functionKey: 'applySync', payload: { checklistId: v2.id }, context: { moduleKey: 'audit-page', projectKey: 'MSP', accountId: 'admin' } })) as SyncResult;
    const requests = env.emulator.requests().filter((request) => request.origin === 'app');
    const callsByKind = countByKind(requests.map((request) => ({ ...request, path: request.path.replace(/\/(task|queue)\/\d+$/, '/$1/{id}') })));
    const retireCalls = Object.entries(callsByKind)
      .filter(([kind]) => RETIRE_KINDS.includes(kind))
      .reduce((sum, [, n]) => sum + n, 0);
    return { retired: result.retired, calls: requests.length, retireCalls, callsByKind };
  } finally {
    await env.close();
  }
}

if (require.main === module) {
  measureRetire()
    .then((figures) => {
      console.log(`Version update retiring ${figures.retired} issues: ${figures.retireCalls} retire calls, ${figures.calls} Jira calls in all`);
      console.log(JSON.stringify(figures.callsByKind, null, 2));
    })
    .catch((error: unknown) => {
      console.error(error);
      process.exitCode = 1;
    });
}

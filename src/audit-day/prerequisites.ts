/**
 * "Before you apply": the team ticks the program conditions outside the checklist (partner tier,
 * case studies, Partner Central linked, …), stored per project and checklist. Reading needs Browse
 * projects, ticking Edit issues (both checked as the user); each change is recorded in the trail
 * ('prerequisite.set'). A tick that changes nothing writes nothing (a retried request is harmless).
 */
import { z } from 'zod';
import type { Prerequisites } from '../../common/contract';
import { AppError } from '../../common/errors';
import { prerequisitesFor, type PrerequisiteTick } from '../domain/prerequisites';
import type { ChecklistDefinition } from '../domain/types';
import type { JiraClient } from '../jira';
import type { ProjectCaller } from '../platform/context';
import { prerequisitesKey, prerequisitesLockKey } from '../storage/keys';
import { readValue, writeValue } from '../storage/kvs';
import { writeRecordWithDecision } from '../trail/wal';
import { readGrants, requireEditAccess } from '../platform/audit-access';
import { auditChecklistHeader, importedChecklist } from '../catalogue/audit-checklist';
import { withRecordLock } from '../storage/record-lock';

const ticksSchema = z.object({ ticks: z.record(z.string(), z.object({ done: z.boolean(), by: z.string(), at: z.string() })) });

/** `getPrerequisites { checklistId? }`. */
export async function getPrerequisites(jira: JiraClient, caller: ProjectCaller, args: { checklistId?: string }): Promise<Prerequisites> {
  const grants = await readGrants(jira, caller, ['EDIT_ISSUES'], 'see the before-you-apply list');
  const def = await auditChecklistHeader(caller.projectKey, args.checklistId);
  return viewOf(def, await readTicks(caller.projectKey, def.id), grants.EDIT_ISSUES === true);
}

/** `setPrerequisite { checklistId, id, done }`. */
export async function setPrerequisite(
  jira: JiraClient,
  caller: ProjectCaller,
  args: { checklistId: string; id: string; done: boolean },
  now: () => number = Date.now,
): Promise<Prerequisites> {
  await requireEditAccess(jira, caller, 'tick a before-you-apply condition');
  const def = await importedChecklist(caller.projectKey, args.checklistId);
  const known = prerequisitesFor(def);
  if (!known.some((condition) => condition.id === args.id)) {
    throw new AppError(
      'invalid-input',
      known.length === 0
        ? `${def.name} ${def.version} has no conditions outside the checklist to tick; nothing was changed.`
        : `${def.name} ${def.version} has no before-you-apply condition "${args.id}"; pick one of: ${known.map((condition) => condition.id).join(', ')}. Nothing was changed.`,
    );
  }
  const at = new Date(now()).toISOString();
  const busy = 'Someone else is ticking this list right now. Nothing was changed: reload the page and try again.';
  const ticks = await withRecordLock(prerequisitesLockKey(caller.projectKey, def.id), busy, async () => {
    const current = await readTicks(caller.projectKey, def.id);
    const previous = current[args.id];
    if ((previous?.done ?? false) === args.done) return current;
    const next = { ...current, [args.id]: { done: args.done, by: caller.accountId, at } };
    const record = { key: prerequisitesKey(caller.projectKey, def.id), value: { ticks: next } };
    const decision = {
      projectKey: caller.projectKey,
      actor: caller.accountId,
      action: 'prerequisite.set' as const,
      checklistId: def.id,
      before: { id: args.id, done: previous?.done ?? false },
      after: { id: args.id, done: args.done },
      at: new Date(at),
    };
    // Recorded under the lock, through a pending record (src/trail/wal.ts): a failed append is recorded late.
    await writeRecordWithDecision(decision, record, () => writeValue(record.key, record.value));
    return next;
  });
  return viewOf(def, ticks, true);
}

async function readTicks(projectKey: string, checklistId: string): Promise<Record<string, PrerequisiteTick>> {
  return (await readValue(prerequisitesKey(projectKey, checklistId), ticksSchema))?.ticks ?? {};
}

function viewOf(def: Pick<ChecklistDefinition, 'id' | 'framework'>, ticks: Readonly<Record<string, PrerequisiteTick>>, canEdit: boolean): Prerequisites {
  return {
    checklistId: def.id,
    canEdit,
    conditions: prerequisitesFor(def).map((condition) => {
      const tick = Object.hasOwn(ticks, condition.id) ? ticks[condition.id] : undefined;
      return {
        id: condition.id,
        text: condition.text,
        ...(condition.detail !== undefined ? { detail: condition.detail } : {}),
        done: tick?.done ?? false,
        ...(tick ? { by: tick.by, at: tick.at } : {}),
      };
    }),
  };
}

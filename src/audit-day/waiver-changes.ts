/**
 * Applying and removing waivers: who may, how many, one change at a time, and the trail.
 *
 * - A waiver that covers a mandatory item (listed, or in a listed chapter) decides whether the
 *   project passes: applying or removing it needs Administer projects, checked as the user. Other
 *   waivers need Edit issues. A refusal writes nothing and says which mandatory items are covered.
 * - Removing needs what applying needed, so a decision a project admin took is not undone by
 *   someone who could not have taken it.
 * - At most MAX_WAIVERS in force per checklist and project, and the stored list must fit one KVS
 *   value: past either bound a LimitError says what to do instead (cover a chapter, remove old ones).
 * - Changes to one checklist's waivers are serialised by a short KVS lock; a second person saving at
 *   the same instant waits, and after ~8 s gets a ConflictError to retry (nothing written).
 * - Every change is recorded in the decision trail ('waiver.apply' / 'waiver.remove'), under the
 *   lock, through a pending record written before the waivers (src/trail/wal.ts): a trail append
 *   that fails after the write is recorded late, never lost. The entry carries the waiver's proof.
 */
import type { AuditDay } from '../../common/contract';
import { AppError, LimitError } from '../../common/errors';
import type { ChecklistDefinition } from '../domain/types';
import {
  addCustomWaiver,
  applyNamedWaiver,
  mandatoryItemsCovered,
  removeWaiver,
  waiverLimitProblem,
  type CustomWaiverInput,
  type WaiverRecord,
} from '../domain/waivers';
import type { JiraClient } from '../jira';
import type { ProjectCaller } from '../platform/context';
import { waiversKey, waiversLockKey } from '../storage/keys';
import { digestOf } from '../trail/pending';
import type { DecisionInput } from '../trail/record';
import { beginDecisions, finishDecisions } from '../trail/wal';
import { requireEditGrants } from '../platform/audit-access';
import { importedChecklist } from '../catalogue/audit-checklist';
import { auditDayOf } from './audit-day';
import { readWaivers, storedWaivers, writeWaivers } from '../platform/records';
import { withRecordLock } from '../storage/record-lock';

type Clock = () => number;

/**
 * `applyWaiver { checklistId, waiverId, proof }`: one of the checklist's named waivers, with the
 * certificate or report that grants it (required; checked before anything is written).
 */
export async function applyWaiver(
  jira: JiraClient,
  caller: ProjectCaller,
  args: { checklistId: string; waiverId: string; proof?: unknown },
  now: Clock = Date.now,
): Promise<AuditDay> {
  return changeWaivers(jira, caller, args.checklistId, 'apply a waiver', now, (records, def, ctx) => applyNamedWaiver(records, def, args.waiverId, ctx, args.proof));
}

/** `addCustomWaiver { checklistId, name?, reason, items?, chapters?, proof? }`. */
export async function addCustomWaiverFor(
  jira: JiraClient,
  caller: ProjectCaller,
  args: { checklistId: string } & CustomWaiverInput,
  now: Clock = Date.now,
): Promise<AuditDay> {
  const { checklistId, ...input } = args;
  return changeWaivers(jira, caller, checklistId, 'add a waiver', now, (records, def, ctx) => addCustomWaiver(records, def, input, ctx));
}

/** `removeWaiver { checklistId, id }`: the score goes back to what it was without it. */
export async function removeWaiverFor(
  jira: JiraClient,
  caller: ProjectCaller,
  args: { checklistId: string; id: string },
  now: Clock = Date.now,
): Promise<AuditDay> {
  return changeWaivers(jira, caller, args.checklistId, 'remove a waiver', now, (records) => removeWaiver(records, args.id));
}

async function changeWaivers(
  jira: JiraClient,
  caller: ProjectCaller,
  checklistId: string,
  action: string,
  now: Clock,
  change: (records: WaiverRecord[], def: ChecklistDefinition, ctx: { accountId: string; now: Date }) => WaiverRecord[],
): Promise<AuditDay> {
  const { canAdminister } = await requireEditGrants(jira, caller, action);
  const def = await importedChecklist(caller.projectKey, checklistId);
  const at = new Date(now());
  const busy = 'Someone else is changing the waivers of this checklist right now. Nothing was changed: reload the page and try again.';
  const { added, removed } = await withRecordLock(waiversLockKey(caller.projectKey, def.id), busy, async () => {
    const before = await readWaivers(caller.projectKey, def.id);
    const after = change(before, def, { accountId: caller.accountId, now: at });
    const diff = { added: after.filter((record) => !before.some((old) => old.id === record.id)), removed: before.filter((old) => !after.some((record) => record.id === old.id)) };
    for (const record of [...diff.added, ...diff.removed]) requireAdminFor(def, record, canAdminister, caller.projectKey, diff.added.includes(record) ? 'apply' : 'remove');
    const limit = diff.added.length > 0 ? waiverLimitProblem(after, def) : undefined;
    if (limit !== undefined) throw new LimitError(limit);
    if (diff.added.length + diff.removed.length > 0) {
      const base = { projectKey: caller.projectKey, actor: caller.accountId, checklistId: def.id, at };
      const decisions: DecisionInput[] = [
        ...diff.added.map((record) => ({ ...base, action: 'waiver.apply' as const, after: record, reason: record.reason })),
        ...diff.removed.map((record) => ({ ...base, action: 'waiver.remove' as const, before: record, reason: record.reason })),
      ];
      const key = waiversKey(caller.projectKey, def.id);
      const pending = await beginDecisions(decisions, { kind: 'kvs', key, digest: digestOf(storedWaivers(after)) });
      await writeWaivers(caller.projectKey, def.id, after);
      console.info(`[audit-day] ${caller.projectKey}/${def.id}: waivers changed (${after.length} in force)`);
      await finishDecisions(pending);
    }
    return diff;
  });
  // No rollup cache to clear: it holds Jira's item states, and waivers are applied each time it is scored.
  return auditDayOf(jira, caller.projectKey, def, { canEdit: true, canAdminister, scoreChanged: added.length + removed.length > 0, now });
}

function requireAdminFor(def: ChecklistDefinition, record: WaiverRecord, canAdminister: boolean, projectKey: string, verb: 'apply' | 'remove'): void {
  if (canAdminister) return;
  const mandatory = mandatoryItemsCovered(def, record);
  if (mandatory.length === 0) return;
  const shown = mandatory.length > 6 ? `${mandatory.slice(0, 6).join(', ')} and ${mandatory.length - 6} more` : mandatory.join(', ');
  throw new AppError(
    'forbidden',
    `“${record.name}” covers mandatory item${mandatory.length > 1 ? 's' : ''} ${shown}, so it decides whether the project passes: only a project admin (Administer projects in ${projectKey}) may ${verb} it. Nothing was changed; ask a project admin${verb === 'apply' ? ', or waive only items that are not mandatory' : ''}.`,
  );
}


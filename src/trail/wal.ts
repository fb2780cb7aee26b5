/**
 * The trail's write-ahead records (what and why: src/trail/pending.ts). A use case writing a
 * decision with high audit weight does, under the lock that serialises writes to its target:
 *
 *   const pending = await beginDecisions([decision], probe);   // settle earlier ones, store this one
 *   await writeTheDecision();
 *   await finishDecisions(pending);                             // append (idempotent), delete the record
 *
 * {@link settlePending} is what reconciles: the next decision of the project (recordDecision and
 * beginDecisions), the Trail tab and its export, and the daily run call it. It costs one KVS query by
 * prefix (one page; an ABSENT marker keeps the usual "none" from being billed as an empty read) and,
 * per record due, one read of its target and at most one append: bounded, {@link SETTLE_PER_CALL}.
 *
 * Twice is once: an append carries the decision's id and is skipped when the id is among the trail's
 * recent entries (src/trail/append.ts), so a reconciliation racing the decision's own append, or two
 * reconciliations at once, record it once; the pending record is deleted only after the append.
 */
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { ConflictError } from '../../common/errors';
import type { JiraClient } from '../jira';
import { JiraNotFoundError } from '../jira/errors';
import { jiraClientFor } from '../platform/jira';
import { trailPendingKey, trailPendingPrefix } from '../storage/keys';
import { deleteValue, readByPrefix, readValue, writeValue } from '../storage/kvs';
import { appendEntry } from './append';
import { boundedValue, clipText, REASON_MAX_BYTES, type EntryInput } from './entry';
import { digestOf, dueRecords, PENDING_GRACE_MS, pendingSchema, probeHolds, targetOf, type PendingDecision, type PendingInput, type Probe } from './pending';
import type { DecisionInput } from './record';

export interface SettleOptions {
  /** Reads issue fields for `issue-field` probes (as the app); one is made when needed. */
  jira?: JiraClient;
  now?: Date;
  /** The target about to be written by the caller, who holds its lock: its records are settled whatever their age, and a failure stops the caller's write. */
  sameTarget?: string;
  /**
   * Settle only the `sameTarget` records (all of them, every page), none of the others: what a
   * writer holding a record lock does, so the lock is not held across other records' Jira reads
   * and trail appends (those wait for recordDecision, the Trail tab and the daily run).
   */
  onlySameTarget?: boolean;
}

export interface SettleSummary {
  appended: number;
  dropped: number;
  /** Pending records not settled by this call (younger than the grace, or past this call's bound). */
  left: number;
}

/**
 * Settles the project's pending decisions that are due (pending.ts `dueRecords`): appended late when
 * their probe holds, dropped when not. A record that cannot be settled now stays for the next call,
 * except one of `sameTarget`, whose failure is thrown (the caller must not write over it).
 */
export async function settlePending(projectKey: string, options: SettleOptions = {}): Promise<SettleSummary> {
  const now = options.now ?? new Date();
  // A writer settling its own target reads every page: a record of it past the first page would
  // otherwise be judged after the write changed the target, and dropped though it took effect.
  const stored = await readByPrefix(trailPendingPrefix(projectKey), z.unknown(), options.onlySameTarget === true ? {} : { maxPages: 1 });
  const records = stored.flatMap(({ key, value }) => {
    const parsed = pendingSchema.safeParse(value);
    if (parsed.success) return [parsed.data];
    console.warn(`[trail] ${projectKey}: pending decision ${key.slice(-36)} is not in the expected shape; left as it is`);
    return [];
  });
  const due = dueRecords(records, now, options.sameTarget, options.onlySameTarget === true ? 0 : undefined);
  const summary: SettleSummary = { appended: 0, dropped: 0, left: records.length - due.length };
  let jira = options.jira;
  const observe = async (probe: Probe): Promise<unknown> => {
    if (probe.kind !== 'issue-field') return readValue(probe.key, z.unknown());
    jira ??= jiraClientFor('resolver');
    try {
      const issue = await jira.getIssue({ issueKey: probe.issueId, fields: [probe.fieldId], properties: [], as: 'app' });
      return issue.fields[probe.fieldId] ?? null;
    } catch (error) {
      // A deleted issue no longer shows what was written: judged as not taking effect.
      if (error instanceof JiraNotFoundError) return undefined;
      throw error;
    }
  };
  let failed = false;
  for (const record of due) {
    try {
      const held = probeHolds(record.probe, await observe(record.probe));
      if (held) await appendEntry(projectKey, entryInputOf(record, { recordedAt: now }));
      await deleteValue(trailPendingKey(projectKey, record.id));
      summary[held ? 'appended' : 'dropped'] += 1;
      console.warn(`[trail] ${projectKey}: pending decision ${record.id} (${record.input.action}, ${record.input.at}) ${held ? 'took effect: recorded late' : 'never took effect: dropped'}`);
    } catch (error) {
      summary.left += 1;
      failed = true;
      if (options.sameTarget !== undefined && targetOf(record.probe) === options.sameTarget) {
        console.warn(`[trail] ${projectKey}: earlier decision ${record.id} on the same record could not be settled: ${error instanceof Error ? error.name : 'error'}`);
        throw new ConflictError('An earlier change to this record is not yet in the decision trail and could not be recorded now; nothing was saved. Try again in a moment.');
      }
      console.warn(`[trail] ${projectKey}: pending decision ${record.id} left for later: ${error instanceof Error ? error.name : 'error'}`);
    }
  }
  // Nothing can fall due before the earliest record not settled here does, or before a record
  // written after this read does (its grace starts then); a failure or a bound reached: at once.
  const waiting = records.filter((record) => !due.includes(record)).map((record) => Date.parse(record.createdAt) + PENDING_GRACE_MS);
  // A full page may hide more records behind it.
  const overdue = failed || stored.length >= KVS_PAGE - 1 || waiting.some((at) => !Number.isFinite(at) || at <= now.getTime());
  nextDueAt.set(projectKey, overdue ? 0 : Math.min(now.getTime() + PENDING_GRACE_MS, ...waiting));
  return summary;
}

/** Records a KVS query page holds (readByPrefix with one page). */
const KVS_PAGE = 20;

/** Per project, when a pending decision can next fall due, from this container's last look (see {@link settleIfDue}). */
const nextDueAt = new Map<string, number>();

/**
 * {@link settlePending}, skipped while this container's last look says nothing can be due yet: a
 * record written since then is not due before its grace has passed. recordDecision's way to reconcile
 * without a KVS query per decision (a version update records one decision per item).
 */
export async function settleIfDue(projectKey: string, options: SettleOptions = {}): Promise<SettleSummary | undefined> {
  const now = options.now ?? new Date();
  if ((nextDueAt.get(projectKey) ?? 0) > now.getTime()) return undefined;
  return settlePending(projectKey, { ...options, now });
}

/**
 * Before writing decisions (all of one project) whose effect `probe` shows: settles the project's
 * records of the same target (and a few overdue ones), then stores one pending record per decision.
 * Call it holding the lock that serialises writes to the target, and write only if it resolves.
 */
export async function beginDecisions(
  decisions: readonly DecisionInput[],
  probe: Probe,
  options: SettleOptions & { /** The decisions' ids, when the probe names them (an `includes` probe); new ones otherwise. */ ids?: readonly string[] } = {},
): Promise<PendingDecision[]> {
  const first = decisions[0];
  if (first === undefined) return [];
  const now = options.now ?? new Date();
  await settlePending(first.projectKey, { ...options, now, sameTarget: targetOf(probe), onlySameTarget: true });
  const records = decisions.map((decision, i): PendingDecision => ({ id: options.ids?.[i] ?? randomUUID(), createdAt: now.toISOString(), input: pendingInputOf(decision, now), probe }));
  for (const record of records) await writeValue(trailPendingKey(record.input.projectKey, record.id), record);
  return records;
}

/**
 * After the write: appends each decision (with its id, so never twice) and deletes its pending
 * record. A failure is logged, not thrown: the decision is in force and its pending record stays,
 * so the next reconciliation records it (late); the person's change is not refused after the fact.
 */
export async function finishDecisions(records: readonly PendingDecision[]): Promise<void> {
  for (const record of records) {
    const { projectKey } = record.input;
    try {
      await appendEntry(projectKey, entryInputOf(record));
    } catch (error) {
      console.warn(`[trail] ${projectKey}: decision ${record.id} (${record.input.action}) is written but not yet in the trail (${error instanceof Error ? error.name : 'error'}); its pending record stays for reconciliation`);
      continue;
    }
    await deleteValue(trailPendingKey(projectKey, record.id)).catch(() => {
      console.warn(`[trail] ${projectKey}: pending record of decision ${record.id} not deleted; reconciliation finds its entry and drops it`);
    });
  }
}

/**
 * A decision stored as one KVS record, in one call: the pending record, `write` (which must store
 * exactly `value` at `key`), the append. Call it holding the record's lock when it has one.
 */
export async function writeRecordWithDecision<T>(decision: DecisionInput, record: { key: string; value: unknown }, write: () => Promise<T>): Promise<T> {
  const pending = await beginDecisions([decision], { kind: 'kvs', key: record.key, digest: digestOf(record.value) });
  const result = await write();
  await finishDecisions(pending);
  return result;
}

function pendingInputOf(decision: DecisionInput, now: Date): PendingInput {
  const { projectKey, actor, action, checklistId, itemId, issueKey, reason } = decision;
  const before = boundedValue(decision.before);
  const after = boundedValue(decision.after);
  return {
    projectKey,
    actor,
    action,
    at: (decision.at ?? now).toISOString(),
    ...(checklistId !== undefined ? { checklistId } : {}),
    ...(itemId !== undefined ? { itemId } : {}),
    ...(issueKey !== undefined ? { issueKey } : {}),
    ...(before !== undefined ? { before } : {}),
    ...(after !== undefined ? { after } : {}),
    ...(reason !== undefined ? { reason: clipText(reason, REASON_MAX_BYTES) } : {}),
  };
}

function entryInputOf(record: PendingDecision, late: { recordedAt?: Date } = {}): EntryInput {
  const { projectKey: _project, at, ...rest } = record.input;
  return { ...rest, at: new Date(at), decisionId: record.id, ...(late.recordedAt ? { recordedAt: late.recordedAt } : {}) };
}

/**
 * The daily score snapshot (`scheduledTrigger`, interval `day`): for every project holding an
 * imported checklist, one point per checklist per day in its score history.
 *
 * - The projects come from the index import and version sync already keep in KVS
 *   (`project-checklists:<projectKey>` → the checklist ids), read by key prefix.
 * - Idempotent per day: Forge may run a scheduled trigger twice. A checklist that already has
 *   today's point (from an earlier run, or a significant change today) is skipped without a Jira
 *   call, so a second run costs a few KVS reads; a run cut short by its time limit is finished by the
 *   next one the same way.
 * - Within the time limit: it stops starting new checklists when less than RESERVE_MS is left.
 * - One checklist failing (a deleted project, a removed checklist) is logged and skipped.
 */
import { z } from 'zod';
import { findChecklist } from '../catalogue';
import type { JiraClient } from '../jira';
import { jiraClientFor, invocationRemainingMs } from '../resolvers/jira';
import { computeRollup } from '../rollup/get-rollup';
import { projectChecklistsPrefix } from '../storage/keys';
import { readByPrefix } from '../storage/kvs';
import { historyDay, readHistory, recordScore } from './history-store';

/** Time kept back for the checklist in progress and the last log line. */
export const RESERVE_MS = 20_000;

const indexSchema = z.object({ checklistIds: z.array(z.string()) });

export interface DailyRunSummary {
  day: string;
  recorded: number;
  /** Already had today's point. */
  alreadyToday: number;
  /** No active issues, or the checklist is no longer known. */
  skipped: number;
  failed: number;
  /** False when the run stopped early to stay inside its time limit. */
  complete: boolean;
}

export async function recordDailyScores(
  jira: JiraClient,
  options: { now?: () => number; remainingMs?: () => number } = {},
): Promise<DailyRunSummary> {
  const now = options.now ?? Date.now;
  const remainingMs = options.remainingMs ?? (() => Number.POSITIVE_INFINITY);
  const day = historyDay(new Date(now()));
  const summary: DailyRunSummary = { day, recorded: 0, alreadyToday: 0, skipped: 0, failed: 0, complete: true };
  const prefix = projectChecklistsPrefix();

  for (const { key, value } of await readByPrefix(prefix, indexSchema)) {
    const projectKey = key.slice(prefix.length);
    for (const checklistId of value.checklistIds) {
      if (remainingMs() < RESERVE_MS) {
        summary.complete = false;
        break;
      }
      try {
        summary[await snapshotOne(jira, projectKey, checklistId, day, now)] += 1;
      } catch (error) {
        summary.failed += 1;
        console.warn(`[history] ${projectKey}/${checklistId}: daily snapshot failed: ${error instanceof Error ? error.name : 'error'}`);
      }
    }
    if (!summary.complete) break;
  }
  console.info(
    `[history] daily run ${day}: ${summary.recorded} recorded, ${summary.alreadyToday} already had today's point, ${summary.skipped} skipped, ${summary.failed} failed${summary.complete ? '' : '; stopped early to stay inside the time limit'}`,
  );
  return summary;
}

async function snapshotOne(
  jira: JiraClient,
  projectKey: string,
  checklistId: string,
  day: string,
  now: () => number,
): Promise<'recorded' | 'alreadyToday' | 'skipped'> {
  const def = await findChecklist(checklistId);
  if (!def) return 'skipped';
  const history = await readHistory(projectKey, def.id);
  if (history.some((point) => point.date === day)) return 'alreadyToday';
  const computed = await computeRollup(jira, projectKey, def, {}, now);
  // A checklist replaced by a newer version keeps no active items: its history ends there.
  if (computed.states.length === 0) return 'skipped';
  await recordScore(projectKey, def.id, computed.report, { now: new Date(now()), trigger: 'daily', history });
  return 'recorded';
}

/** The `score-history` function (manifest `scheduledTrigger` `score-history-daily`). */
export async function dailyScoreHandler(): Promise<DailyRunSummary> {
  return recordDailyScores(jiraClientFor('async'), { remainingMs: () => invocationRemainingMs() ?? Number.POSITIVE_INFINITY });
}

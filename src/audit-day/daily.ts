/**
 * The daily score snapshot (`scheduledTrigger`, interval `day`): for every project holding an
 * imported checklist, one point per checklist per day in its score history.
 *
 * - The projects come from the index import and version sync already keep in KVS
 *   (`project-checklists:<projectKey>` → the checklist ids), read by key prefix.
 * - Idempotent per day: Forge may run a scheduled trigger twice. A checklist that already has a
 *   point today (from an earlier run, or a significant change today, which is kept with its time
 *   beside any other of the day) is skipped without a Jira call, so a second run costs a few KVS reads; a run cut short by its time limit is finished by the
 *   next one the same way.
 * - Within the time limit: it stops starting new checklists when less than RESERVE_MS is left
 *   (`MSP_HISTORY_TIME_BUDGET_MS`, a Forge environment variable, can shorten the limit). A run cut
 *   short stores the project it stopped at, and the next run (the same day or the next) starts
 *   there and wraps around, so the projects late in key order are not starved day after day.
 * - One checklist failing (a deleted project, a removed checklist) is logged and skipped.
 * - Each project's pending trail decisions that nobody settled since are settled first (bounded).
 */
import { z } from 'zod';
import { findChecklist } from '../catalogue';
import type { JiraClient } from '../jira';
import { jiraClientFor, invocationRemainingMs } from '../platform/jira';
import { computeRollup } from '../rollup/get-rollup';
import { dailyRunCursorKey, projectChecklistsPrefix } from '../storage/keys';
import { readRetiredChecklists } from '../platform/retired-checklists';
import { readByPrefix, readValue, writeValue } from '../storage/kvs';
import { historyDay, readHistory, recordScore } from '../platform/history-store';
import { settlePending } from '../trail/wal';

/** Time kept back for the checklist in progress and the last log line. */
export const RESERVE_MS = 20_000;

const indexSchema = z.object({ checklistIds: z.array(z.string()) });
const cursorSchema = z.object({ projectKey: z.string() });

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
  const projects = (await readByPrefix(prefix, indexSchema)).map(({ key, value }) => ({ projectKey: key.slice(prefix.length), checklistIds: value.checklistIds }));
  const cursor = await readValue(dailyRunCursorKey(), cursorSchema).catch(() => undefined);
  let stoppedAt: string | undefined;

  const order = rotate(projects, cursor?.projectKey);
  for (const { projectKey, checklistIds } of order) {
    // Decisions whose trail append failed and that nobody reconciled since (src/trail/wal.ts).
    await settlePending(projectKey, { jira, now: new Date(now()) }).catch((error: unknown) => {
      console.warn(`[history] ${projectKey}: pending trail decisions not settled: ${error instanceof Error ? error.name : 'error'}`);
    });
    // A checklist a version update retired is history: its score is the one kept at retirement.
    const retired = checklistIds.length > 1 ? await readRetiredChecklists(projectKey) : {};
    for (const checklistId of checklistIds.filter((id) => !Object.hasOwn(retired, id))) {
      if (remainingMs() < RESERVE_MS) {
        summary.complete = false;
        stoppedAt = projectKey;
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
  // Cut short: the next run starts where this one stopped. Complete: the next starts where this one did.
  if (stoppedAt !== undefined && stoppedAt !== order[0]?.projectKey) await writeValue(dailyRunCursorKey(), { projectKey: stoppedAt });
  console.info(
    `[history] daily run ${day}: ${summary.recorded} recorded, ${summary.alreadyToday} already had today's point, ${summary.skipped} skipped, ${summary.failed} failed${summary.complete ? '' : '; stopped early to stay inside the time limit'}`,
  );
  return summary;
}

/** The projects in key order, starting at `from` (or the first key after it, if it is gone) and wrapping around. */
export function rotate<T extends { projectKey: string }>(projects: readonly T[], from: string | undefined): T[] {
  if (from === undefined) return [...projects];
  const start = projects.findIndex((project) => project.projectKey >= from);
  return start <= 0 ? [...projects] : [...projects.slice(start), ...projects.slice(0, start)];
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
  const startedAt = Date.now();
  return recordDailyScores(jiraClientFor('async'), { remainingMs: () => timeLeftMs(startedAt) });
}

/** The platform's remaining time, shortened by `MSP_HISTORY_TIME_BUDGET_MS` when set (tests, or a cautious site). */
function timeLeftMs(startedAt: number): number {
  const budget = Number(process.env.MSP_HISTORY_TIME_BUDGET_MS);
  const fromBudget = Number.isFinite(budget) && budget > 0 ? budget - (Date.now() - startedAt) : Number.POSITIVE_INFINITY;
  return Math.min(fromBudget, invocationRemainingMs() ?? Number.POSITIVE_INFINITY);
}

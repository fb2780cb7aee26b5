/**
 * `getRollup`: the audit score of one checklist in the project, from the items' issues. Served from
 * the cache while no audit issue changed since it was read (the issue trigger records changes) and
 * it is younger than CACHE_MAX_AGE_MS; read from Jira otherwise, or when `refresh` is asked.
 * Null when the caller named no checklist and the project has none yet (the page offers an import).
 */
import type { Rollup } from '../../common/contract';
import { requireChecklist } from '../catalogue';
import { scoreChecklist } from '../domain/scoring';
import type { ChecklistDefinition, ItemState, ScoreReport } from '../domain/types';
import type { JiraClient } from '../jira';
import { chapterItemsJql } from '../jira/identity';
import { requireProjectPermissions } from '../resolvers/access';
import type { ProjectCaller } from '../resolvers/context';
import { lastChecklist, projectChangedAt } from '../storage/project-state';
import { CACHE_MAX_AGE_MS, readCachedStates, writeCachedStates } from './cache';
import { readItemStates } from './states';

export async function getRollup(
  jira: JiraClient,
  caller: ProjectCaller,
  args: { checklistId?: string; refresh?: boolean },
  now: () => number = Date.now,
): Promise<Rollup | null> {
  await requireProjectPermissions(jira, caller, ['BROWSE_PROJECTS'], 'see the audit score');
  const checklistId = args.checklistId ?? (await lastChecklist(caller.projectKey));
  if (checklistId === undefined) return null;
  const def = await requireChecklist(checklistId);

  if (!args.refresh) {
    const cached = await readCachedStates(caller.projectKey, def.id);
    if (cached && now() - cached.readAt < CACHE_MAX_AGE_MS && cached.readAt >= (await projectChangedAt(caller.projectKey))) {
      return toRollup(def, score(def, cached.states), caller.projectKey, cached.readAt, 'cache');
    }
  }
  // Taken before the search: a change landing during it makes this read stale, not the next one.
  const readAt = now();
  const states = await readItemStates(jira, caller.projectKey, def);
  if (!(await writeCachedStates(caller.projectKey, def.id, readAt, states))) {
    console.info(`[rollup] ${caller.projectKey}/${def.id}: too many items to cache; computed from Jira each time`);
  }
  return toRollup(def, score(def, states), caller.projectKey, readAt, 'jira');
}

function score(def: ChecklistDefinition, states: ItemState[]): ScoreReport {
  // Team status mappings and waivers come from project settings once that feature stores them.
  return scoreChecklist(def, states, {});
}

export function toRollup(def: ChecklistDefinition, report: ScoreReport, projectKey: string, computedAt: number, from: Rollup['from']): Rollup {
  return {
    checklistId: def.id,
    checklistName: def.name,
    version: def.version,
    model: report.model,
    score: report.score,
    maxScore: report.maxScore,
    passMark: report.passMark,
    passed: report.passed,
    mandatoryOpen: report.mandatoryOpen,
    chapters: report.chapters.map((chapter) => ({
      id: chapter.id,
      title: chapter.title,
      earned: chapter.earned,
      max: chapter.max,
      met: chapter.met,
      total: chapter.total,
      jql: chapterItemsJql(projectKey, def.id, chapter.id),
    })),
    items: report.items.map((item) => ({
      id: item.id,
      chapterId: item.chapterId,
      title: item.title,
      ...(item.issueKey !== undefined ? { issueKey: item.issueKey } : {}),
      result: item.result,
      reason: item.reason,
      points: item.points,
      mandatory: item.mandatory,
      earned: item.earned,
      cost: item.cost,
      inProgress: item.inProgress,
      ...(item.waivedBy !== undefined ? { waivedBy: item.waivedBy } : {}),
    })),
    counts: report.counts,
    projection: report.projection,
    computedAt: new Date(computedAt).toISOString(),
    from,
  };
}

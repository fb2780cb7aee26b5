/**
 * `getRollup`: the audit score of one checklist in the project, from the items' issues. Served from
 * the cache while no audit issue changed since it was read (the issue trigger records changes) and
 * it is younger than CACHE_MAX_AGE_MS; read from Jira otherwise, or when `refresh` is asked.
 * Null when the caller named no checklist and the project has none yet (the page offers an import).
 */
import type { AuditRisk, Rollup } from '../../common/contract';
import { requireChecklist } from '../catalogue';
import type { EvidenceFieldValue } from '../domain/evidence';
import type { ChecklistDefinition, ItemState, ScoreReport } from '../domain/types';
import { fromDigest, toDigest } from '../evidence/digest';
import { evidenceFieldId } from '../evidence/field-id';
import { readItemsWithEvidence } from '../evidence/rollup-read';
import { scoreWithEvidence, utcDay } from '../evidence/scoring';
import { readProjectSettings } from '../evidence/settings';
import type { JiraClient } from '../jira';
import { chapterItemsJql } from '../jira/identity';
import { requireProjectPermissions } from '../resolvers/access';
import type { ProjectCaller } from '../resolvers/context';
import { lastChecklist, projectChangedAt } from '../storage/project-state';
import { CACHE_MAX_AGE_MS, readCachedStates, writeCachedStates } from './cache';

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
  // Applied when serving, not cached, so a settings change shows at once.
  const { strictMode } = await readProjectSettings(caller.projectKey);

  if (!args.refresh) {
    const cached = await readCachedStates(caller.projectKey, def.id);
    if (cached && now() - cached.readAt < CACHE_MAX_AGE_MS && cached.readAt >= (await projectChangedAt(caller.projectKey))) {
      const evidence = new Map([...cached.evidence].map(([itemId, digest]) => [itemId, fromDigest(digest)]));
      return toRollup(def, score(def, cached.states, evidence, strictMode, now()), caller.projectKey, cached.readAt, 'cache');
    }
  }
  // Taken before the search: a change landing during it makes this read stale, not the next one.
  const readAt = now();
  const { states, evidence } = await readItemsWithEvidence(jira, caller.projectKey, def, await evidenceFieldId(jira));
  const digests = new Map([...evidence].map(([itemId, value]) => [itemId, toDigest(value)]));
  if (!(await writeCachedStates(caller.projectKey, def.id, readAt, states, digests))) {
    console.info(`[rollup] ${caller.projectKey}/${def.id}: too many items to cache; computed from Jira each time`);
  }
  return toRollup(def, score(def, states, evidence, strictMode, readAt), caller.projectKey, readAt, 'jira');
}

interface Scored {
  report: ScoreReport;
  risks: AuditRisk[];
  strictMode: boolean;
}

function score(def: ChecklistDefinition, states: ItemState[], evidence: ReadonlyMap<string, EvidenceFieldValue>, strictMode: boolean, at: number): Scored {
  // Team status mappings and waivers come from project settings once that feature stores them.
  const { report, risks } = scoreWithEvidence(def, states, evidence, { strictMode, today: utcDay(new Date(at)) });
  return { report, risks, strictMode };
}

export function toRollup(def: ChecklistDefinition, scored: Scored, projectKey: string, computedAt: number, from: Rollup['from']): Rollup {
  const { report, risks, strictMode } = scored;
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
    risks,
    strictMode,
  };
}

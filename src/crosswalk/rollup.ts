/**
 * The crosswalk in a checklist's rollup: getRollup calls {@link planCrosswalk} before it reads Jira
 * (with no crosswalk saved it costs one KVS read and there is nothing to apply), then
 * {@link applyCrosswalk} once, after scoring. The source issues' visibility comes from the rollup's
 * own search as the user, widened to the source checklists: no Jira call of its own. Otherwise the mappings are followed into the
 * checklists the project holds (renames followed, retirements counted), and the evidence of the
 * source checklists is taken from their own rollups (their cache when fresh, else one read of
 * Jira each, through the same item map). Evidence on a source item is what the project's own
 * rollup of that checklist holds, so a change to it marks every rollup of the project stale
 * (markProjectChanged) and the covered items follow on the next read.
 *
 * In strict mode, and only when the project's crosswalk setting says so, a covered item counts as
 * having accepted evidence: the checklist is rescored with the source entries added to it.
 */
import type { AuditRisk } from '../../common/contract';
import type { CrosswalkSourceView, RollupCrosswalk } from '../../common/crosswalk';
import { coverageSummary, crosswalkCoverage } from '../domain/crosswalk-coverage';
import { resolveMappings, retiredMappings } from '../domain/crosswalk-resolve';
import type { EvidenceEntry, EvidenceFieldValue } from '../domain/evidence';
import type { ChecklistDefinition, ScoreReport } from '../domain/types';
import { toAppliedWaivers, type WaiverRecord } from '../domain/waivers';
import { scoreWithEvidence, utcDay } from '../domain/evidence-scoring';
import type { ItemRead } from '../platform/item-states';
import { readCrosswalkSettings } from './settings';
import { loadCrosswalk } from './store';
import { crosswalkDefinitions } from './versions';

/** What the rollup computed for one checklist (get-rollup.ts's ComputedRollup, as far as needed here). */
export interface ScoredChecklist {
  def: ChecklistDefinition;
  report: ScoreReport;
  risks: AuditRisk[];
  strictMode: boolean;
  states: ItemRead[];
  waivers: WaiverRecord[];
  evidence: ReadonlyMap<string, EvidenceFieldValue>;
  readAt: number;
}

export interface CrosswalkDeps<T extends ScoredChecklist> {
  projectKey: string;
  /** The rollup of another checklist of the project (no crosswalk applied: coverage never chains). */
  rollupOf: (def: ChecklistDefinition) => Promise<T>;
  /**
   * The source checklists' issue keys the caller can see (asked as the user, with the checklist's
   * own, in one search: planCrosswalk's sourceIds); a source outside them shows no key or titles.
   */
  visibleKeys: ReadonlySet<string>;
}

/**
 * @example
 * const { computed, crosswalk } = await applyCrosswalk(base, deps, plan);
 * crosswalk?.covered[0]; // → { itemId: '03.01', by: [{ checklistId: 'mspalliance-code-of-ethics', itemId: '4.1', issueKey: 'MSP-7', … }] }
 */
export async function applyCrosswalk<T extends ScoredChecklist>(
  base: T,
  deps: CrosswalkDeps<T>,
  plan: CrosswalkPlan,
): Promise<{ computed: T; crosswalk: RollupCrosswalk }> {
  const { mine, held, sourceIds } = plan;
  const def = base.def;
  // The sources are read side by side: each is one checklist's own read (its cache when fresh).
  const loaded = await Promise.all(
    sourceIds.map(async (id) => {
      const sourceDef = held.find((d) => d.id === id);
      return sourceDef ? ([id, { def: sourceDef, rollup: await deps.rollupOf(sourceDef) }] as const) : undefined;
    }),
  );
  const sources = new Map<string, { def: ChecklistDefinition; rollup: T }>(loaded.filter((entry) => entry !== undefined));
  const today = utcDay(new Date(base.readAt));
  const coverage = crosswalkCoverage(
    mine,
    (ref) => {
      const source = sources.get(ref.checklistId);
      if (!source) return undefined;
      const issueKey = source.rollup.report.items.find((item) => item.id === ref.itemId)?.issueKey;
      return { ...(issueKey !== undefined ? { issueKey } : {}), evidence: source.rollup.evidence.get(ref.itemId) ?? null };
    },
    today,
  );
  const coveredItems = [...coverage.values()].filter((item) => item.coveredBy.length > 0);
  const visibleKeys = deps.visibleKeys;
  const covered = coveredItems
    .map((item) => ({
      itemId: item.target.itemId,
      by: item.coveredBy.map((by): CrosswalkSourceView => {
        const source = sources.get(by.checklistId);
        const visible = by.issueKey !== undefined && visibleKeys.has(by.issueKey);
        return { checklistId: by.checklistId, checklistName: source?.def.name ?? by.checklistId, itemId: by.itemId, ...(visible ? { issueKey: by.issueKey } : {}), titles: visible ? by.titles : [] };
      }),
    }));
  const { countsInStrictMode } = await readCrosswalkSettings(deps.projectKey);
  const computed = base.strictMode && countsInStrictMode && covered.length > 0 ? rescore(base, covered, sources, today) : base;
  const summary = coverageSummary(def.id, coverage, base.report.mandatoryOpen);
  return { computed, crosswalk: { covered, mapped: summary.mapped, wouldClose: summary.wouldClose, countsInStrictMode, retired: plan.retired } };
}

/** What the saved crosswalk maps onto one checklist of the project; undefined when nothing (KVS reads only). */
export interface CrosswalkPlan {
  mine: ReturnType<typeof resolveMappings>;
  held: ChecklistDefinition[];
  retired: number;
  /** The held checklists whose evidence covers items of this one. */
  sourceIds: string[];
}

/**
 * Made before the rollup reads Jira, so its caller can ask for the visibility of the source
 * checklists' issues in the same search as the checklist's own (one call as the user, not two).
 */
export async function planCrosswalk(projectKey: string, def: ChecklistDefinition): Promise<CrosswalkPlan | undefined> {
  // A damaged crosswalk must not take the score down with it: the rollup is served without it.
  const mappings = await loadCrosswalk().then(
    (loaded) => loaded.mappings,
    (error: unknown) => {
      console.warn(`[crosswalk] ${projectKey}: the saved crosswalk could not be read (${error instanceof Error ? error.name : 'error'}); scored without it`);
      return [];
    },
  );
  if (mappings.length === 0) return undefined;
  const { known, held } = await crosswalkDefinitions(projectKey, mappings, def);
  const resolved = resolveMappings(mappings, known, held);
  const mine = resolved.filter((entry) => entry.coverage === 'full' && entry.to.state === 'held' && entry.to.ref.checklistId === def.id && entry.from.state === 'held');
  const retired = retiredMappings(resolved).filter((entry) => [entry.mapping.from, entry.mapping.to].some((ref) => frameworkOf(ref.checklistId, known, def) === def.framework)).length;
  if (mine.length === 0 && retired === 0) return undefined;

  const sourceIds = [...new Set(mine.flatMap((entry) => (entry.from.state === 'held' ? [entry.from.ref.checklistId] : [])))];
  return { mine, held, retired, sourceIds };
}

/** The items of `sourceId` whose evidence covers items of the planned checklist (their titles are shown). */
export function crosswalkSourceItems(plan: CrosswalkPlan, sourceId: string): string[] {
  return plan.mine.flatMap((entry) => (entry.from.state === 'held' && entry.from.ref.checklistId === sourceId ? [entry.from.ref.itemId] : []));
}

function frameworkOf(checklistId: string, known: readonly ChecklistDefinition[], def: ChecklistDefinition): string | undefined {
  return checklistId === def.id ? def.framework : known.find((d) => d.id === checklistId)?.framework;
}

/** Strict mode with the covered items' source evidence added to their own. */
function rescore<T extends ScoredChecklist>(
  base: T,
  covered: RollupCrosswalk['covered'],
  sources: ReadonlyMap<string, { rollup: ScoredChecklist }>,
  today: string,
): T {
  const evidence = new Map(base.evidence);
  for (const { itemId, by } of covered) {
    const borrowed: EvidenceEntry[] = by.flatMap((source) =>
      (sources.get(source.checklistId)?.rollup.evidence.get(source.itemId)?.entries ?? []).map((entry) => ({ ...entry, id: `crosswalk:${source.checklistId}:${source.itemId}:${entry.id}` })),
    );
    const own = evidence.get(itemId);
    const entries = [...(own?.entries ?? []), ...borrowed];
    evidence.set(itemId, { ...(own ?? { count: 0, accepted: 0, pending: 0, rejected: 0, reviewState: 'none' }), entries } as EvidenceFieldValue);
  }
  const { report } = scoreWithEvidence(base.def, base.states, evidence, { strictMode: true, today, scoring: { waivers: toAppliedWaivers(base.waivers, today) } });
  const coveredIds = new Set(covered.map((entry) => entry.itemId));
  // Items now backed by another checklist's accepted evidence no longer lack evidence.
  const risks = base.risks.filter((risk) => !(coveredIds.has(risk.itemId) && (risk.kind === 'met-without-evidence' || risk.kind === 'only-rejected-evidence')));
  return { ...base, report, risks };
}


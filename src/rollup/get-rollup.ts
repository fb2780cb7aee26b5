/**
 * `getRollup`: the audit score of one checklist in the project, from the items' issues. Served from
 * the cache while no audit issue changed since it was read (the issue trigger records changes) and
 * it is younger than CACHE_MAX_AGE_MS; read from Jira otherwise, or when `refresh` is asked.
 * Null when the caller named no checklist and the project has none yet (the page offers an import).
 *
 * Waivers and strict mode are applied each time the states are scored, never cached, so applying or
 * removing a waiver shows at once and restores exactly the previous score. A read from Jira also
 * offers the score history a snapshot, kept only when the change is significant.
 *
 * Who sees what: the states are read as the app into one cache shared by everyone who may browse
 * the project, and the aggregate figures come from them. The item rows then keep issue data only
 * for issues the caller can see (issue security), from one ids-and-keys search made as the caller.
 * `refresh` is honoured only for a cache older than REFRESH_MIN_AGE_MS, so a browse-only user
 * cannot make the app read all of Jira on every click.
 *
 * Jira calls: one mypermissions (Browse projects, and the `can` flags from the same answer), one
 * visibility search (up to 5,000 items, the crosswalk's source checklists' included), and on a read from Jira either a delta on the cached read
 * (two searches and ceil(changed/100) bulk fetches: 4 calls when nothing changed) or, for
 * the first read or after the item map changed, a cold read (6 searches whatever evidence the items
 * hold, cold-read.ts) or, below 600 items, ceil(N/100) search pages (read-states.ts). A cache
 * holding a cold read's evidence stand-ins is served only on the day it was read and for an audit
 * date within its horizon. With a crosswalk, the entries of the source items that cover this
 * checklist's are read when their rollup holds stand-ins (entries.ts: a bulk fetch of those). The
 * evidence field's id comes from KVS (remembered by the import).
 */
import { naRuleOf } from '../domain/na-rule';
import type { AuditRisk, Rollup } from '../../common/contract';
import { requireChecklist } from '../catalogue';
import { checklistValidity } from '../domain/checklist-validity';
import type { EvidenceFieldValue } from '../domain/evidence';
import type { ChecklistDefinition, ScoreReport, ScoringOptions } from '../domain/types';
import { toAppliedWaivers, type WaiverRecord } from '../domain/waivers';
import { waiverRisks } from '../domain/waiver-proof';
import { historyDay, readHistory, recordChangeSnapshot, seriesOf } from '../platform/history-store';
import { readGrants } from '../platform/audit-access';
import { readReviews, readWaivers } from '../platform/records';
import { earliestReview, type ChapterReview } from '../domain/reviews';
import { standInsHold } from '../domain/evidence-stand-in';
import { evidenceFieldId } from '../platform/evidence-field-id';
import { scoreWithEvidence, utcDay } from '../domain/evidence-scoring';
import { readProjectSettings } from '../platform/settings';
import type { JiraClient } from '../jira';
import { chapterItemsJql } from '../jira/identity';
import type { ProjectCaller } from '../platform/context';
import { lastChecklist, projectChangedAt, projectChecklists } from '../storage/project-state';
import { beforeAuditRisks } from '../domain/audit-risks';
import { auditPlanDatesOf } from '../platform/plan-store';
import type { AuditPlanDates } from '../domain/plan';
import { nextDeadline, planDue } from './due';
import { CACHE_MAX_AGE_MS, readCachedStates, writeCachedStates } from './cache';
import { forgeCacheStore } from './cache-chunks';
import type { ItemRead } from '../platform/item-states';
import { digestEvidence, digestsOf, readItemStates, rememberBase } from './read-states';
import { HIDDEN_ITEM_REASON, visibleIssueKeys } from './visibility';
import { itemMapHandle } from '../item-map/ensure';
import { applyCrosswalk, crosswalkSourceItems, planCrosswalk } from '../crosswalk/rollup';
import { withEntriesOf } from './entries';
import { readUnclaimed, rememberUnclaimed, type UnclaimedIssue } from '../item-map/claims';

/** `refresh` re-reads Jira only when the cache is at least this old; a younger one is served. */
export const REFRESH_MIN_AGE_MS = 30_000;

/** REFRESH_MIN_AGE_MS, or `MSP_ROLLUP_REFRESH_MIN_AGE_MS` (a Forge environment variable; tests set 0). */
function refreshMinAgeMs(): number {
  const configured = Number(process.env.MSP_ROLLUP_REFRESH_MIN_AGE_MS);
  return process.env.MSP_ROLLUP_REFRESH_MIN_AGE_MS !== undefined && Number.isFinite(configured) && configured >= 0 ? configured : REFRESH_MIN_AGE_MS;
}

/** A scored checklist before it is shaped for the page: what getRollup, the audit day and the daily run share. */
export interface ComputedRollup extends Scored {
  def: ChecklistDefinition;
  /** The item states scored, each with its issue's last change when known. */
  states: ItemRead[];
  /** The waivers in force, as scored. */
  waivers: WaiverRecord[];
  /** Evidence by item id, as scored (rebuilt from the cache's digests when served from it). */
  evidence: ReadonlyMap<string, EvidenceFieldValue>;
  readAt: number;
  from: Rollup['from'];
  /** The audit plan's dates, as scored (read once with the settings and waivers). */
  plan?: AuditPlanDates | undefined;
  /** Issues claiming an item without the app's map, when read from Jira now (else getRollup reads the stored list). */
  unclaimed?: UnclaimedIssue[];
}

export async function getRollup(
  jira: JiraClient,
  caller: ProjectCaller,
  args: { checklistId?: string; refresh?: boolean },
  now: () => number = Date.now,
): Promise<Rollup | null> {
  const grants = await readGrants(jira, caller, ['CREATE_ISSUES', 'EDIT_ISSUES', 'ADMINISTER_PROJECTS'], 'see the audit score');
  const checklistId = args.checklistId ?? (await lastChecklist(caller.projectKey));
  if (checklistId === undefined) return null;
  const def = await requireChecklist(checklistId);
  // A checklist the project never imported is scored for the asker but leaves no cache or history:
  // a browse-only user must not be able to make the app write for any checklist id. The one the
  // app remembered as used last (no id asked) is the project's own: no need to read the list.
  const held = args.checklistId === undefined || (await projectChecklists(caller.projectKey)).includes(def.id);
  // Evidence from other checklists of the project that the site's crosswalk maps here (src/crosswalk);
  // the source issues' visibility is asked in the same search as the checklist's own.
  const plan = await planCrosswalk(caller.projectKey, def);
  const [scored, visible] = await Promise.all([
    computeRollup(jira, caller.projectKey, def, { refresh: args.refresh === true, store: held }, now),
    visibleIssueKeys(jira, caller.projectKey, def.id, plan?.sourceIds),
  ]);
  const { computed, crosswalk } = plan
    ? await applyCrosswalk(scored, { projectKey: caller.projectKey, rollupOf: async (source) => withEntriesOf(jira, await computeRollup(jira, caller.projectKey, source, {}, now), crosswalkSourceItems(plan, source.id)), visibleKeys: visible }, plan)
    : { computed: scored, crosswalk: undefined };
  const snapshot = held && computed.from === 'jira' ? await recordChangeSnapshot(caller.projectKey, def.id, computed.report, new Date(computed.readAt)) : undefined;
  const rollup = toRollup(def, computed, caller.projectKey, computed.readAt, computed.from, visible);
  if (held) {
    const today = historyDay(new Date(now()));
    rollup.history = { checklistId: def.id, today, history: seriesOf(snapshot ?? (await readHistory(caller.projectKey, def.id)), today) };
  }
  const unclaimed = (scored.unclaimed ?? (await readUnclaimed(caller.projectKey, def.id))).filter((claim) => visible.has(claim.issueKey));
  if (unclaimed.length > 0) rollup.unclaimed = unclaimed;
  if (crosswalk) rollup.crosswalk = crosswalk;
  rollup.validity = checklistValidity(def, new Date(now()).toISOString().slice(0, 10));
  // The glance's next deadline, as the Plan tab's due list has it (without crosswalk evidence, as there).
  rollup.nextDeadline = nextDeadline(planDue(def, scored, scored.plan, (key): key is string => key !== undefined && visible.has(key), utcDay(new Date(now()))).entries);
  rollup.can = { createIssues: grants.CREATE_ISSUES === true, editIssues: grants.EDIT_ISSUES === true, administerProjects: grants.ADMINISTER_PROJECTS === true };
  return rollup;
}

/**
 * Scores one checklist of a project, from the cache or from Jira. No permission check here: a
 * resolver checks the user first; the daily run acts as the app with no user.
 */
export async function computeRollup(
  jira: JiraClient,
  projectKey: string,
  def: ChecklistDefinition,
  /**
   * `refresh`: a person asked for a fresh read; honoured only when the cache is REFRESH_MIN_AGE_MS
   * old. `force`: read Jira whatever the cache (the app's own need, e.g. a cache without `updated`).
   * `store: false`: a checklist the project does not hold; read Jira and write nothing.
   * `reviews`: the checklist's chapter reviews, when the caller has read them (else read here when the cache is written).
   */
  options: { refresh?: boolean; force?: boolean; store?: boolean; reviews?: readonly ChapterReview[] },
  now: () => number = Date.now,
): Promise<ComputedRollup> {
  // Applied when serving, not cached, so a settings or waiver change shows at once.
  const [{ strictMode, fourEyes }, waivers, plan] = await Promise.all([readProjectSettings(projectKey), readWaivers(projectKey, def.id), auditPlanDatesOf(projectKey, def.id)]);
  const auditDate = plan?.validationDate;
  // A waiver whose proof expired before today no longer counts (waiver-proof.ts).
  const scoring: ScoringOptions = { waivers: toAppliedWaivers(waivers, utcDay(new Date(now()))) };

  const store = options.store !== false;
  const order = def.items.map((item) => item.id);
  const cached = store && options.force !== true ? await readCachedStates(projectKey, def.id, forgeCacheStore, order) : undefined;
  if (cached) {
    const age = now() - cached.readAt;
    const wanted = options.refresh === true ? Math.min(refreshMinAgeMs(), CACHE_MAX_AGE_MS) : CACHE_MAX_AGE_MS;
    const evidence = digestEvidence(cached);
    // A cold read's evidence stand-ins hold for the day and audit date they were read for only (cold-read.ts).
    if (age < wanted && cached.readAt >= (await projectChangedAt(projectKey)) && standInsHold(evidence, utcDay(new Date(now())), auditDate)) {
      const scored = score(def, cached.states, evidence, { strictMode, fourEyes, scoring, waivers, at: now(), auditDate });
      return { ...scored, def, states: cached.states, waivers, evidence, readAt: cached.readAt, from: 'cache', plan };
    }
  }
  // Taken before the search: a change landing during it makes this read stale, not the next one.
  const readAt = now();
  // Only issues in the app's item map count; the others are listed as claims not made by the app.
  const maps = await itemMapHandle(jira, projectKey, def.framework);
  // A delta on the cached read when it qualifies (read-states.ts); `force` always reads everything.
  // Read once: the delta's starting list and what rememberUnclaimed compares with.
  const previousUnclaimed = store && cached ? await readUnclaimed(projectKey, def.id) : undefined;
  const read = await readItemStates(jira, projectKey, def, await evidenceFieldId(jira), maps, {
    cached,
    previousUnclaimed: previousUnclaimed ?? [],
    now: readAt,
    allowDelta: options.force !== true && store,
    auditDate,
  });
  const { states, evidence } = read;
  await rememberUnclaimed(projectKey, def.id, read.unclaimed, previousUnclaimed);
  // What the cache held, as read above (null: read, none usable), so the write does not read it again.
  const held = cached ? cached.read : store && options.force !== true ? null : undefined;
  // The chapter reviews in force need the items' last changes exactly from the earliest of them on.
  const reviewedFrom = store ? earliestReview(options.reviews ?? (await readReviews(projectKey, def.id))) : undefined;
  if (store && (await writeCachedStates(projectKey, def.id, readAt, states, digestsOf(evidence), forgeCacheStore, held, order, reviewedFrom))) {
    await rememberBase(projectKey, def.id, readAt, read.base);
  } else if (store) {
    console.info(`[rollup] ${projectKey}/${def.id}: too many items to cache; computed from Jira each time`);
  }
  return { ...score(def, states, evidence, { strictMode, fourEyes, scoring, waivers, at: readAt, auditDate }), def, states, waivers, evidence, readAt, from: 'jira', plan, unclaimed: read.unclaimed };
}

interface Scored {
  report: ScoreReport;
  risks: AuditRisk[];
  strictMode: boolean;
  fourEyes?: boolean;
}

function score(
  def: ChecklistDefinition,
  states: ItemRead[],
  evidence: ReadonlyMap<string, EvidenceFieldValue>,
  options: { strictMode: boolean; fourEyes: boolean; scoring: ScoringOptions; waivers: WaiverRecord[]; at: number; auditDate?: string | undefined },
): Scored {
  // Team status mappings come from project settings once that feature stores them.
  const today = utcDay(new Date(options.at));
  const { report, risks } = scoreWithEvidence(def, states, evidence, { strictMode: options.strictMode, today, scoring: options.scoring });
  // A waiver lapsing within 30 days, lapsed, or named without proof on record is an audit risk too.
  const issueKeys = new Map(report.items.map((item) => [item.id, item.issueKey]));
  const waiverRiskList = waiverRisks(options.waivers, def, today).map((risk): AuditRisk => {
    const issueKey = issueKeys.get(risk.itemId);
    return { itemId: risk.itemId, ...(issueKey !== undefined ? { issueKey } : {}), kind: risk.kind, detail: risk.detail, waiverId: risk.waiverId, ...(risk.date !== undefined ? { date: risk.date } : {}) };
  });
  // With an audit plan: evidence valid today that lapses before the audit (src/plan/risks.ts).
  return { report, risks: [...risks, ...beforeAuditRisks(report, evidence, today, options.auditDate), ...waiverRiskList], strictMode: options.strictMode, fourEyes: options.fourEyes };
}

/**
 * The Rollup the page shows. With `visible` (the issue keys the caller can see), rows and risks of
 * other issues keep the item's catalogue data and result but no issue key, status words or
 * evidence detail, and `hiddenItems` counts them.
 */
export function toRollup(
  def: ChecklistDefinition,
  scored: Scored & { waivers?: WaiverRecord[] },
  projectKey: string,
  computedAt: number,
  from: Rollup['from'],
  visible?: ReadonlySet<string>,
): Rollup {
  const { report, strictMode } = scored;
  const hidden = (issueKey: string | undefined): boolean => visible !== undefined && issueKey !== undefined && !visible.has(issueKey);
  const hiddenItems = report.items.filter((item) => hidden(item.issueKey)).length;
  const risks = scored.risks.map((risk): AuditRisk => {
    if (!hidden(risk.issueKey)) return risk;
    return { itemId: risk.itemId, kind: risk.kind, detail: `${HIDDEN_ITEM_REASON}.` };
  });
  // The first waiver covering a chapter is the one scoring applied (scoring-result.ts).
  const chapterWaiver = (chapterId: string) => scored.waivers?.find((record) => record.chapters.includes(chapterId));
  // Who applied the waiver that decided an item, and when: "Waived: …, by …, on …" (common/result-words.ts).
  const waiverApplied = (waiverId: string | undefined): { waiverAppliedBy?: string; waiverAppliedAt?: string } => {
    const record = waiverId === undefined ? undefined : scored.waivers?.find((entry) => entry.id === waiverId);
    return record ? { waiverAppliedBy: record.appliedBy, waiverAppliedAt: record.appliedAt } : {};
  };
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
      ...(chapter.waivedBy !== undefined ? { waivedBy: chapter.waivedBy, waiverReason: chapterWaiver(chapter.id)?.reason ?? '' } : {}),
    })),
    items: report.items.map((item) => ({
      id: item.id,
      chapterId: item.chapterId,
      title: item.title,
      ...(item.issueKey !== undefined && !hidden(item.issueKey) ? { issueKey: item.issueKey } : {}),
      result: item.result,
      reason: hidden(item.issueKey) ? HIDDEN_ITEM_REASON : item.reason,
      points: item.points,
      mandatory: item.mandatory,
      earned: item.earned,
      cost: item.cost,
      inProgress: item.inProgress,
      ...(item.waivedBy !== undefined ? { waivedBy: item.waivedBy } : {}),
      ...waiverApplied(item.waiverId),
      ...(item.justification !== undefined && !hidden(item.issueKey) ? { justification: item.justification } : {}),
    })),
    counts: report.counts,
    projection: report.projection,
    computedAt: new Date(computedAt).toISOString(),
    from,
    risks,
    strictMode,
    ...(scored.fourEyes !== undefined ? { fourEyes: scored.fourEyes } : {}),
    naRefused: [...report.naRefused],
    naRule: naRuleOf(def),
    ...mandatoryPenaltyOf(def),
    ...(visible !== undefined ? { hiddenItems } : {}),
  };
}

/** The range of penalties of the checklist's mandatory items, so the page can say what an unmet one costs. */
function mandatoryPenaltyOf(def: ChecklistDefinition): Pick<Rollup, 'mandatoryPenalty'> {
  if (def.model !== 'points') return {};
  const penalties = def.items.filter((item) => item.mandatory).map((item) => item.penalty);
  if (penalties.length === 0) return {};
  return { mandatoryPenalty: { min: Math.min(...penalties), max: Math.max(...penalties) } };
}

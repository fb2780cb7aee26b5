/**
 * The score of one checklist: every figure on the Audit page, each one explainable item by item.
 * Pure and single-pass (maps, no nested scans) so a 10,000-item checklist scores in a few ms.
 *
 * Choices the design leaves open, made here:
 * - Max score and the points pass mark come from the items (Σ points), not from
 *   `def.maxScore`, so the report always adds up even if a custom file's total is off.
 * - Under `exclude`, the pass mark is scaled to the smaller max and rounded *up*, so a scaled
 *   audit is never easier than the published one. If every item is excluded the pass mark is 0.
 * - Under the `met` model N/A counts as met in both score and max (the report's definition), so
 *   `excluded` is false for every item there; nothing is left out of that model's figures.
 * - The projection ("if every item in progress is met") leaves explicit assessments alone: a
 *   person's "not met" on an in-progress issue is a verdict, not unfinished work.
 * - States for unknown item ids are ignored; if one item has several states, the first counts.
 * - Waived and N/A are results of their own in `counts` (`waived` apart from `met`), while the
 *   pass rules still count both as satisfying an item (a mandatory one included).
 * - An N/A assessment the checklist's N/A rule refuses counts as not met (or as waived when a
 *   waiver in force covers the item) and is listed in `naRefused`, never kept silently.
 */
import { buildResultRules, resolveItemResult, type ResultRules } from './scoring-result';
import type {
  ChapterScore,
  ChecklistDefinition,
  ChecklistItem,
  ItemResult,
  ItemScore,
  ItemState,
  Projection,
  ScoreReport,
  ScoringOptions,
} from './types';

/** The checklist's scoring model and pass rule disagree; the checklist file needs fixing. */
export class ScoringRuleError extends Error {
  override name = 'ScoringRuleError';
}

/**
 * Scores a checklist from its issues' states.
 *
 * @param def the checklist definition
 * @param states what Jira knows about each item's issue (items without a state have no issue)
 * @param options waivers in force on the project and the team's status / resolution mapping
 *
 * @example
 * const report = scoreChecklist(awsMsp41, [
 *   { itemId: '8.3', issueKey: 'MSP-12', statusCategory: 'done', statusName: 'Done' },
 *   { itemId: '8.4', issueKey: 'MSP-13', statusCategory: 'done', resolution: "Won't Do" },
 * ], { statusMapping: { resolutions: { "Won't Do": 'na' } } });
 * report.score;         // points earned minus penalties of open mandatory items
 * report.items[0].reason; // 'Issue MSP-12 is Done'
 */
export function scoreChecklist(
  def: ChecklistDefinition,
  states: ItemState[],
  options: ScoringOptions = {},
): ScoreReport {
  const rules = buildResultRules(options);
  const stateById = new Map<string, ItemState>();
  for (const state of states) if (!stateById.has(state.itemId)) stateById.set(state.itemId, state);

  const naRefused: string[] = [];
  const items = def.items.map((item) => scoreItem(def, item, stateById.get(item.id), rules, naRefused));
  const totals = tally(def, items);
  const passMark = def.model === 'points' ? scaledPassMark(def, totals.fullMax, totals.max) : null;
  const minOptionalPercent = def.model === 'met' ? metPassRule(def).minOptionalPercent : undefined;
  const score = def.model === 'points' ? totals.earned - totals.cost : totals.satisfied;
  const mandatoryOpen = items.filter(isOpenMandatory).map((item) => item.id);

  const passes = (candidateScore: number, openCount: number, optionalSatisfied: number): boolean =>
    passMark !== null
      ? candidateScore >= passMark
      : openCount === 0 && meetsOptionalShare(optionalSatisfied, totals.optionalTotal, minOptionalPercent);

  return {
    checklistId: def.id,
    model: def.model,
    score,
    maxScore: def.model === 'points' ? totals.max : items.length,
    passMark,
    passed: passes(score, mandatoryOpen.length, totals.optionalSatisfied),
    mandatoryOpen,
    chapters: chapterScores(def, items, rules),
    items,
    counts: totals.counts,
    projection: project(def, items, score, passes, totals.optionalSatisfied),
    naRefused,
  };
}

function scoreItem(def: ChecklistDefinition, item: ChecklistItem, state: ItemState | undefined, rules: ResultRules, naRefused: string[]): ItemScore {
  const resolved = resolveItemResult(item, state, rules, def);
  if (resolved.naRefused) naRefused.push(item.id);
  const points = def.model === 'points';
  const satisfied = isSatisfied(resolved.result);
  const excluded = points && resolved.result === 'na' && def.naPolicy === 'exclude';
  const scored: ItemScore = {
    id: item.id,
    chapterId: item.chapterId,
    title: item.title,
    result: resolved.result,
    source: resolved.source,
    reason: resolved.reason,
    points: item.points,
    mandatory: item.mandatory,
    earned: points && satisfied && !excluded ? item.points : 0,
    cost: points && item.mandatory && !satisfied ? item.penalty : 0,
    excluded,
    inProgress: state?.statusCategory === 'indeterminate',
  };
  if (state?.issueKey !== undefined) scored.issueKey = state.issueKey;
  if (resolved.waivedBy !== undefined) scored.waivedBy = resolved.waivedBy;
  if (resolved.source === 'waiver') {
    // The same lookup resolveItemResult made: an item waiver before a chapter one.
    const waiver = rules.itemWaivers.get(item.id) ?? rules.chapterWaivers.get(item.chapterId);
    if (waiver) scored.waiverId = waiver.id;
  }
  const justification = state?.assessmentJustification?.trim();
  if (resolved.result === 'na' && resolved.source === 'assessment' && justification) scored.justification = justification;
  return scored;
}

interface Totals {
  earned: number;
  cost: number;
  /** Σ points of every item. */
  fullMax: number;
  /** Σ points of items not excluded. */
  max: number;
  /** Items met, N/A or waived. */
  satisfied: number;
  optionalSatisfied: number;
  optionalTotal: number;
  counts: ScoreReport['counts'];
}

function tally(def: ChecklistDefinition, items: ItemScore[]): Totals {
  const totals: Totals = {
    earned: 0,
    cost: 0,
    fullMax: 0,
    max: 0,
    satisfied: 0,
    optionalSatisfied: 0,
    optionalTotal: 0,
    counts: { met: 0, notMet: 0, na: 0, notAssessed: 0, total: items.length, waived: 0 },
  };
  for (const item of items) {
    totals.earned += item.earned;
    totals.cost += item.cost;
    if (def.model === 'points') {
      totals.fullMax += item.points;
      if (!item.excluded) totals.max += item.points;
    }
    const satisfied = isSatisfied(item.result);
    if (satisfied) totals.satisfied += 1;
    if (!item.mandatory) {
      totals.optionalTotal += 1;
      if (satisfied) totals.optionalSatisfied += 1;
    }
    // Waived is a result of its own on every page and file: met by a waiver is not met on the issue.
    totals.counts[item.source === 'waiver' ? 'waived' : COUNT_KEY[item.result]] += 1;
  }
  return totals;
}

const COUNT_KEY: Record<ItemResult, 'met' | 'notMet' | 'na' | 'notAssessed'> = {
  met: 'met',
  not_met: 'notMet',
  na: 'na',
  not_assessed: 'notAssessed',
};

function scaledPassMark(def: ChecklistDefinition, fullMax: number, max: number): number {
  if (def.passRule.kind !== 'points') {
    throw new ScoringRuleError(
      `Checklist ${def.id} uses the points model but its pass rule has no pass mark; set passRule.passMark in the checklist file.`,
    );
  }
  const { passMark } = def.passRule;
  if (max === fullMax || fullMax === 0) return passMark;
  return Math.ceil((passMark * max) / fullMax);
}

function metPassRule(def: ChecklistDefinition): { minOptionalPercent?: number } {
  if (def.passRule.kind !== 'met') {
    throw new ScoringRuleError(
      `Checklist ${def.id} uses the met model but its pass rule is a pass mark; use passRule.minOptionalPercent (or none) in the checklist file.`,
    );
  }
  return def.passRule;
}

function meetsOptionalShare(satisfied: number, total: number, minPercent: number | undefined): boolean {
  // Compared as integers (satisfied/total ≥ min%) so 2 of 3 against 66.67 % never hits a float edge.
  return minPercent === undefined || total === 0 || satisfied * 100 >= minPercent * total;
}

function chapterScores(def: ChecklistDefinition, items: ItemScore[], rules: ResultRules): ChapterScore[] {
  const byId = new Map<string, ChapterScore>();
  const ordered = def.chapters
    .map((chapter, index) => ({ chapter, index }))
    .sort((a, b) => a.chapter.order - b.chapter.order || a.index - b.index);
  for (const { chapter } of ordered) {
    const score: ChapterScore = { id: chapter.id, title: chapter.title, earned: 0, max: 0, met: 0, total: 0 };
    const waiver = rules.chapterWaivers.get(chapter.id);
    if (waiver) score.waivedBy = waiver.name;
    byId.set(chapter.id, score);
  }
  for (const item of items) {
    const chapter = byId.get(item.chapterId);
    if (!chapter) continue;
    chapter.earned += item.earned;
    if (def.model === 'points' && !item.excluded) chapter.max += item.points;
    if (isSatisfied(item.result)) chapter.met += 1;
    chapter.total += 1;
  }
  return [...byId.values()];
}

function project(
  def: ChecklistDefinition,
  items: ItemScore[],
  score: number,
  passes: (score: number, openCount: number, optionalSatisfied: number) => boolean,
  optionalSatisfied: number,
): Projection {
  let projectedScore = score;
  let projectedOptional = optionalSatisfied;
  const mandatoryOpen: string[] = [];
  for (const item of items) {
    const becomesMet = item.inProgress && !isSatisfied(item.result) && item.source !== 'assessment';
    if (becomesMet) {
      // Unmet items earn nothing, so the gain is their points plus the penalty they no longer cost.
      projectedScore += def.model === 'points' ? item.points + item.cost : 1;
      if (!item.mandatory) projectedOptional += 1;
    } else if (isOpenMandatory(item)) {
      mandatoryOpen.push(item.id);
    }
  }
  return { score: projectedScore, passed: passes(projectedScore, mandatoryOpen.length, projectedOptional), mandatoryOpen };
}

function isSatisfied(result: ItemResult): boolean {
  return result === 'met' || result === 'na';
}

function isOpenMandatory(item: ItemScore): boolean {
  return item.mandatory && !isSatisfied(item.result);
}

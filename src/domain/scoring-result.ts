/**
 * One item's result and the plain-words reason for it. Split from the aggregation in
 * `scoring.ts` because the issue panel needs exactly this ("why is 8.3 met?") without a report.
 *
 * Precedence, strongest first:
 * 1. an explicit assessment on the issue — a person's verdict beats every rule, a waiver included,
 *    so an auditor's "not met" on a waived item is shown as not met rather than silently hidden.
 *    Given the definition, an N/A the checklist's N/A rule does not allow (na-rule.ts: e.g. N/A on
 *    AWS MSP 7.1 after a version update, or N/A without the justification UCS asks for) is never
 *    kept silently: a waiver in force covering the item decides instead (the exemption is the lawful
 *    way to N/A), else it counts as not met with a reason that says why (`naRefused`);
 * 2. a waiver in force covering the item or its chapter — beats the workflow, so a waived item
 *    counts as met whatever state its issue is in (or with no issue at all);
 * 3. no issue for the item → not assessed;
 * 4. the team's resolution mapping, then its status mapping (both matched case-insensitively,
 *    since Jira names are typed by people and "Won't do" vs "Won't Do" must not change a score);
 * 5. the status category: `done` → met, anything else → not assessed.
 */
import { checkNaAnswer } from './na-rule';
import { lapsedWords } from './waiver-proof';
import type {
  AppliedWaiver,
  ChecklistDefinition,
  ChecklistItem,
  ItemResult,
  ItemState,
  ResultSource,
  ScoringOptions,
  StatusCategory,
} from './types';

/** An item's result, where it came from, and why, in words a team can read. */
export interface ResolvedResult {
  result: ItemResult;
  source: ResultSource;
  reason: string;
  /** Name of the waiver that decided the result. */
  waivedBy?: string;
  /** An N/A assessment the checklist's N/A rule refuses, counted as not met. */
  naRefused?: true;
}

/** Options turned into lookup maps once per report, so each item costs O(1). */
export interface ResultRules {
  itemWaivers: ReadonlyMap<string, AppliedWaiver>;
  chapterWaivers: ReadonlyMap<string, AppliedWaiver>;
  /** Waivers whose proof expired (`lapsedOn`): they decide nothing, their items' reasons say they lapsed. */
  lapsedItemWaivers?: ReadonlyMap<string, AppliedWaiver>;
  lapsedChapterWaivers?: ReadonlyMap<string, AppliedWaiver>;
  /** Lower-cased status name → result. */
  statuses: ReadonlyMap<string, ItemResult>;
  /** Lower-cased resolution name → result. */
  resolutions: ReadonlyMap<string, ItemResult>;
}

const RESULT_WORDS: Record<ItemResult, string> = {
  met: 'met',
  not_met: 'not met',
  na: 'N/A',
  not_assessed: 'not assessed',
};

const CATEGORY_WORDS: Record<StatusCategory, string> = {
  new: 'To Do',
  indeterminate: 'In Progress',
  done: 'Done',
};

/**
 * Builds the lookup maps for {@link resolveItemResult}. When several waivers cover the same item
 * or chapter, the first in the list wins, so the reason shown is stable.
 *
 * @example
 * const rules = buildResultRules({ statusMapping: { resolutions: { "Won't Do": 'na' } } });
 * rules.resolutions.get("won't do"); // 'na'
 */
export function buildResultRules(options: ScoringOptions = {}): ResultRules {
  const itemWaivers = new Map<string, AppliedWaiver>();
  const chapterWaivers = new Map<string, AppliedWaiver>();
  const lapsedItemWaivers = new Map<string, AppliedWaiver>();
  const lapsedChapterWaivers = new Map<string, AppliedWaiver>();
  for (const waiver of options.waivers ?? []) {
    // A waiver whose proof expired decides nothing; it is kept only to say why its items count on their own.
    const [byItem, byChapter] = waiver.lapsedOn === undefined ? [itemWaivers, chapterWaivers] : [lapsedItemWaivers, lapsedChapterWaivers];
    for (const id of waiver.items) if (!byItem.has(id)) byItem.set(id, waiver);
    for (const id of waiver.chapters) if (!byChapter.has(id)) byChapter.set(id, waiver);
  }
  return {
    itemWaivers,
    chapterWaivers,
    lapsedItemWaivers,
    lapsedChapterWaivers,
    statuses: lowerCaseKeys(options.statusMapping?.statuses),
    resolutions: lowerCaseKeys(options.statusMapping?.resolutions),
  };
}

/**
 * Decides one item's result from its issue state and the rules in force (see the module comment
 * for the precedence).
 *
 * @example
 * const rules = buildResultRules();
 * resolveItemResult(item, { itemId: '8.3', issueKey: 'MSP-12', statusCategory: 'done', statusName: 'Done' }, rules);
 * // { result: 'met', source: 'status', reason: 'Issue MSP-12 is Done' }
 */
export function resolveItemResult(
  item: ChecklistItem,
  state: ItemState | undefined,
  rules: ResultRules,
  /** With the definition, an N/A assessment is checked against the checklist's N/A rule. */
  def?: ChecklistDefinition,
): ResolvedResult {
  const resolved = resolveOwnResult(item, state, rules, def);
  if (resolved.source === 'waiver' || (resolved.source === 'assessment' && resolved.naRefused !== true)) return resolved;
  // A waiver that would have decided lapsed with its proof: the item counts on its own, and says why.
  const lapsed = rules.lapsedItemWaivers?.get(item.id) ?? rules.lapsedChapterWaivers?.get(item.chapterId);
  if (lapsed?.lapsedOn === undefined) return resolved;
  return { ...resolved, reason: `${lapsedWords(lapsed.name, lapsed.lapsedOn)}. ${resolved.reason}` };
}

function resolveOwnResult(item: ChecklistItem, state: ItemState | undefined, rules: ResultRules, def?: ChecklistDefinition): ResolvedResult {
  const assessment = state?.assessment;
  // An item-level waiver is the more specific reason, so it is preferred over a chapter one.
  const waiver = rules.itemWaivers.get(item.id) ?? rules.chapterWaivers.get(item.chapterId);
  if (assessment) {
    if (assessment === 'na' && def !== undefined) {
      const check = checkNaAnswer(def, item, state.assessmentJustification);
      if (!check.ok) {
        // The exemption in force is the lawful way to N/A under `exemptions`: it decides.
        if (waiver) return waived(waiver);
        return { result: 'not_met', source: 'assessment', reason: `Counted as not met: the N/A answer on the issue is refused. ${check.message}`, naRefused: true };
      }
    }
    const reason =
      assessment === 'not_assessed' ? 'Marked not assessed on the issue' : `Assessed ${RESULT_WORDS[assessment]} on the issue`;
    return { result: assessment, source: 'assessment', reason };
  }

  if (waiver) return waived(waiver);

  if (!state || (state.issueKey === undefined && state.statusCategory === undefined)) {
    return { result: 'not_assessed', source: 'no-issue', reason: 'No issue for this item yet' };
  }

  if (state.resolution) {
    const mapped = rules.resolutions.get(state.resolution.toLowerCase());
    if (mapped) {
      return {
        result: mapped,
        source: 'resolution-map',
        reason: `Resolution ${state.resolution} counts as ${RESULT_WORDS[mapped]}`,
      };
    }
  }

  if (state.statusName) {
    const mapped = rules.statuses.get(state.statusName.toLowerCase());
    if (mapped) {
      return {
        result: mapped,
        source: 'status-map',
        reason: `Status ${state.statusName} counts as ${RESULT_WORDS[mapped]}`,
      };
    }
  }

  const issue = state.issueKey ? `Issue ${state.issueKey}` : 'The issue';
  if (!state.statusCategory) {
    return { result: 'not_assessed', source: 'status', reason: `${issue} has no status yet` };
  }
  const status = state.statusName ?? CATEGORY_WORDS[state.statusCategory];
  return {
    result: state.statusCategory === 'done' ? 'met' : 'not_assessed',
    source: 'status',
    reason: `${issue} is ${status}`,
  };
}

function waived(waiver: AppliedWaiver): ResolvedResult {
  const reason = waiver.reason ? `Waived: ${waiver.name} — ${waiver.reason}` : `Waived: ${waiver.name}`;
  return { result: 'met', source: 'waiver', reason, waivedBy: waiver.name };
}

function lowerCaseKeys(record: Record<string, ItemResult> | undefined): Map<string, ItemResult> {
  const map = new Map<string, ItemResult>();
  for (const [name, result] of Object.entries(record ?? {})) {
    const key = name.toLowerCase();
    // Two spellings of one name: the first one listed decides, as for waivers.
    if (!map.has(key)) map.set(key, result);
  }
  return map;
}

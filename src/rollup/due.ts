/**
 * What is due when under the audit plan, from a scored checklist: the plan's due list (the Plan
 * tab, src/plan/road.ts) and its next deadline (the Overview's glance, from getRollup, so opening
 * the page does not score the checklist a second time for one line). One rule for both: items and
 * expiring evidence only of issues the caller can see, as the plan's due list always kept them.
 */
import type { PlanDueEntry } from '../../common/contract';
import { dueList, type AuditPlanDates, type DueEntry, type PlanItem } from '../domain/plan';
import type { ChecklistDefinition } from '../domain/types';
import type { ComputedRollup } from './get-rollup';

/** The due list of a scored checklist under `plan`; `seen` says which issues the caller can see. */
export function planDue(
  def: ChecklistDefinition,
  computed: Pick<ComputedRollup, 'report' | 'risks' | 'states'>,
  plan: AuditPlanDates | undefined,
  seen: (issueKey: string | undefined) => issueKey is string,
  today: string,
): { entries: DueEntry[]; more: number } {
  if (!plan) return { entries: [], more: 0 };
  const items = planItems(computed, seen).map(({ plan: planItem }) => planItem);
  const expiring = computed.risks.filter(
    (risk) => seen(risk.issueKey) && risk.date !== undefined && risk.date < plan.validationDate && (risk.kind === 'evidence-expiring' || risk.kind === 'evidence-expires-before-audit'),
  );
  return dueList(def, plan, items, expiring.map((risk) => ({ itemId: risk.itemId, issueKey: risk.issueKey, date: risk.date as string, detail: risk.detail })), today);
}

/** The first line of the due list not yet past (the glance's "next deadline"), without its owner; null when none. */
export function nextDeadline(entries: readonly DueEntry[]): PlanDueEntry | null {
  const next = [...entries].filter((entry) => entry.daysLeft >= 0).sort((a, b) => a.daysLeft - b.daysLeft)[0];
  if (!next) return null;
  const { owner: _owner, ...rest } = next;
  return rest;
}

/** The rollup's items the caller can see, as the plan's items (with their owners), beside the report's item. */
export function planItems(
  computed: Pick<ComputedRollup, 'report' | 'states'>,
  seen: (issueKey: string | undefined) => issueKey is string,
): { item: ComputedRollup['report']['items'][number]; plan: PlanItem }[] {
  const owners = new Map(computed.states.map((state) => [state.itemId, state.assignee ?? null]));
  return computed.report.items
    .filter((item) => seen(item.issueKey))
    .map((item) => ({
      item,
      plan: {
        itemId: item.id,
        chapterId: item.chapterId,
        title: item.title,
        ...(item.issueKey !== undefined ? { issueKey: item.issueKey } : {}),
        mandatory: item.mandatory,
        result: item.result,
        assignee: owners.get(item.id) ?? null,
      },
    }));
}

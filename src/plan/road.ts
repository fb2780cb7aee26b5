/**
 * The road to audit day (issue 14), on the Audit page: the audit plan of a checklist, what is due
 * when, who owns what, and when the project reaches the pass at the current pace.
 *
 * - Reading needs Browse projects; saving the plan needs Edit issues as well (checked as the user
 *   on the server). The project and the user come from the invocation context.
 * - Items, results, owners (assignees) and evidence come from the rollup's one paged search, or its
 *   cache (a cache written before assignees were read is read again once). Rows and due lines keep
 *   only items whose issue the caller can see (issue security), from one keys-only search made as
 *   the caller, so an owner of a hidden issue is not revealed.
 * - A save with unchanged dates writes nothing (a retried request), and a save from a page that
 *   missed a colleague's save is refused (revision check); every save that changes the plan is
 *   recorded in the decision trail as `plan.set` with the dates before and after.
 */
import { AppError, ConflictError } from '../../common/errors';
import type { AuditPlanView, OwnerRowView, RoadToAudit, SetAuditPlanPayload } from '../../common/contract';
import { readAccess, requireEditAccess } from '../platform/audit-access';
import { auditChecklist, importedChecklist } from '../catalogue/audit-checklist';
import { historyDay, readHistory } from '../platform/history-store';
import { readReviews, readWaivers } from '../platform/records';
import { forecast } from '../domain/forecast';
import { awsDeadlines, checkPlanDates, isAwsChecklist, PlanInputError, type AuditPlanDates } from '../domain/plan';
import { daysFrom } from '../domain/plan-dates';
import { ownerRows, type OwnerCell, type OwnerItem } from '../domain/plan-owners';
import type { ChecklistDefinition } from '../domain/types';
import type { JiraClient } from '../jira';
import type { JiraHttp } from '../jira/http';
import { jqlString } from '../jira/jql';
import type { ProjectCaller } from '../platform/context';
import { computeRollup } from '../rollup/get-rollup';
import { planDue, planItems } from '../rollup/due';
import { hasStandIns } from '../domain/evidence-stand-in';
import { visibleIssueKeys } from '../rollup/visibility';
import { writeRecordWithDecision } from '../trail/wal';
import { auditPlanKey } from '../storage/keys';
import { peopleNames } from '../platform/people';
import { planDates, readPlan, withPlanLock, writePlan, type StoredPlan } from '../platform/plan-store';

type Clock = () => number;

/** Issue keys a cell's JQL lists one by one; a bigger cell links to the owner's items instead. */
export const MAX_KEYS_IN_JQL = 200;

/** `getAuditPlan { checklistId? }`. */
export async function getAuditPlan(jira: JiraClient, http: JiraHttp, caller: ProjectCaller, args: { checklistId?: string }, now: Clock = Date.now): Promise<RoadToAudit> {
  const { canEdit } = await readAccess(jira, caller, 'see the audit plan');
  const def = await auditChecklist(caller.projectKey, args.checklistId);
  return roadOf(jira, http, caller.projectKey, def, { canEdit, warnings: [], now });
}

/** `setAuditPlan { checklistId?, validationDate, preAuditDate?, selfAssessmentSentDate?, revision? }`. */
export async function setAuditPlan(jira: JiraClient, http: JiraHttp, caller: ProjectCaller, args: SetAuditPlanPayload, now: Clock = Date.now): Promise<RoadToAudit> {
  await requireEditAccess(jira, caller, 'change the audit plan');
  const def = args.checklistId !== undefined ? await importedChecklist(caller.projectKey, args.checklistId) : await auditChecklist(caller.projectKey, undefined);
  const today = historyDay(new Date(now()));
  let checked: { dates: AuditPlanDates; warnings: string[] };
  try {
    checked = checkPlanDates(
      {
        validationDate: args.validationDate,
        ...(args.preAuditDate !== undefined ? { preAuditDate: args.preAuditDate } : {}),
        ...(args.selfAssessmentSentDate !== undefined ? { selfAssessmentSentDate: args.selfAssessmentSentDate } : {}),
      },
      today,
    );
  } catch (error) {
    if (error instanceof PlanInputError) throw new AppError('invalid-input', error.message);
    throw error;
  }
  await withPlanLock(caller.projectKey, def.id, async () => {
    const before = await readPlan(caller.projectKey, def.id);
    const unchanged = before !== undefined && samePlan(planDates(before), checked.dates);
    if (!unchanged && args.revision !== undefined && args.revision !== (before?.revision ?? 0)) {
      throw new ConflictError(
        `Someone else saved the audit plan of ${def.name} ${def.version} while you were editing it${before ? ` (${before.updatedAt.slice(0, 16).replace('T', ' ')} UTC)` : ''}; nothing of yours was saved. Reload the page, check their dates, and save again.`,
      );
    }
    if (!unchanged) {
      const plan: StoredPlan = { ...checked.dates, revision: (before?.revision ?? 0) + 1, updatedBy: caller.accountId, updatedAt: new Date(now()).toISOString() };
      const decision = {
        projectKey: caller.projectKey,
        actor: caller.accountId,
        action: 'plan.set' as const,
        checklistId: def.id,
        before: before ? planDates(before) : null,
        after: checked.dates,
        at: new Date(now()),
      };
      await writeRecordWithDecision(decision, { key: auditPlanKey(caller.projectKey, def.id), value: plan }, () => writePlan(caller.projectKey, def.id, plan));
      console.info(`[plan] ${caller.projectKey}/${def.id}: audit plan saved (revision ${plan.revision}, validation ${plan.validationDate})`);
    }
  });
  return roadOf(jira, http, caller.projectKey, def, { canEdit: true, warnings: checked.warnings, now });
}

/**
 * `getPeople { accountIds }`: display names, only for accounts that appear in the project's audit
 * data (owners, waiver authors, chapter reviewers, who saved the plan); any other id answers null.
 */
export async function getPeople(jira: JiraClient, http: JiraHttp, caller: ProjectCaller, args: { accountIds: string[]; checklistId?: string }, now: Clock = Date.now): Promise<Record<string, string | null>> {
  await readAccess(jira, caller, 'see the people of the audit');
  const def = await auditChecklist(caller.projectKey, args.checklistId);
  const [computed, visible, waivers, plan] = await Promise.all([
    computeRollup(jira, caller.projectKey, def, {}, now),
    visibleIssueKeys(jira, caller.projectKey, def.id),
    readWaivers(caller.projectKey, def.id),
    readPlan(caller.projectKey, def.id),
  ]);
  const known = new Set<string>();
  for (const state of computed.states) if (state.assignee && state.issueKey !== undefined && visible.has(state.issueKey)) known.add(state.assignee);
  for (const waiver of waivers) known.add(waiver.appliedBy);
  for (const review of await readReviews(caller.projectKey, def.id)) known.add(review.reviewedBy);
  if (plan) known.add(plan.updatedBy);
  const asked = [...new Set(args.accountIds)];
  const names = await peopleNames(http, caller.projectKey, asked.filter((id) => known.has(id)), now);
  return Object.fromEntries(asked.map((id) => [id, names[id]?.displayName ?? null]));
}

async function roadOf(
  jira: JiraClient,
  http: JiraHttp,
  projectKey: string,
  def: ChecklistDefinition,
  options: { canEdit: boolean; warnings: string[]; now: Clock },
): Promise<RoadToAudit> {
  const [first, visible, stored, history] = await Promise.all([
    computeRollup(jira, projectKey, def, {}, options.now),
    visibleIssueKeys(jira, projectKey, def.id),
    readPlan(projectKey, def.id),
    readHistory(projectKey, def.id),
  ]);
  let computed = first;
  // States without assignees (a cache written before the rollup read them, or a cold read: rollup/cold-read.ts) cannot tell an unassigned item,
  // nor a cold read's evidence stand-ins the pending reviews: read Jira once.
  if (computed.states.some((state) => state.assignee === undefined) || hasStandIns(computed.evidence)) {
    computed = await computeRollup(jira, projectKey, def, { force: true }, options.now);
  }
  const today = historyDay(new Date(options.now()));
  const seen = (issueKey: string | undefined): issueKey is string => issueKey !== undefined && visible.has(issueKey);
  const items: OwnerItem[] = planItems(computed, seen).map(({ item, plan: planItem }) => ({
    ...planItem,
    points: item.points,
    cost: item.cost,
    excluded: item.excluded,
    pendingReview: (computed.evidence.get(item.id)?.entries ?? []).filter((entry) => entry.reviewState === 'pending').length,
  }));
  const plan = stored ? planDates(stored) : undefined;
  // The same rule as the Overview's next deadline (getRollup): src/rollup/due.ts.
  const due = planDue(def, computed, plan, seen, today);
  const rows = ownerRows(items, def.model);
  const ownerIds = rows.flatMap((row) => (row.accountId !== null ? [row.accountId] : []));
  const names = await peopleNames(http, projectKey, [...ownerIds, ...(stored ? [stored.updatedBy] : [])], options.now);
  return {
    checklistId: def.id,
    checklistName: def.name,
    model: def.model,
    aws: isAwsChecklist(def),
    today,
    canEdit: options.canEdit,
    plan: stored ? planView(stored) : null,
    warnings: options.warnings,
    daysToAudit: plan ? daysFrom(today, plan.validationDate) : null,
    ...(plan && isAwsChecklist(def) ? { deadlines: awsDeadlines(plan.validationDate) } : {}),
    due: due.entries,
    dueMore: due.more,
    owners: rows.map((row) => rowView(projectKey, def.id, row)),
    atStakeUnit: def.model === 'points' ? 'points' : 'open-items',
    forecast: forecast({ history, model: def.model, today, ...(plan ? { validationDate: plan.validationDate } : {}) }),
    people: Object.fromEntries(Object.values(names).map((person) => [person.accountId, person.displayName])),
  };
}

function planView(plan: StoredPlan): AuditPlanView {
  return { ...planDates(plan), revision: plan.revision, updatedBy: plan.updatedBy, updatedAt: plan.updatedAt };
}

function samePlan(a: AuditPlanDates, b: AuditPlanDates): boolean {
  return a.validationDate === b.validationDate && a.preAuditDate === b.preAuditDate && a.selfAssessmentSentDate === b.selfAssessmentSentDate;
}

/** The JQL of the owner's items (`assignee is EMPTY` for the unassigned row). */
export function ownerItemsJql(projectKey: string, checklistId: string, accountId: string | null): string {
  const owner = accountId === null ? 'assignee is EMPTY' : `assignee = ${jqlString(accountId)}`;
  return `project = ${jqlString(projectKey)} AND auditChecklist = ${jqlString(checklistId)} AND auditItemState = "active" AND ${owner} ORDER BY key`;
}

function rowView(projectKey: string, checklistId: string, row: ReturnType<typeof ownerRows>[number]): OwnerRowView {
  const items = ownerItemsJql(projectKey, checklistId, row.accountId);
  const cellOf = (cell: OwnerCell, whole = false) => {
    if (cell.count === 0) return { count: 0 };
    if (whole || cell.issueKeys.length === 0 || cell.issueKeys.length > MAX_KEYS_IN_JQL) return { count: cell.count, jql: items };
    return { count: cell.count, jql: `key in (${cell.issueKeys.map(jqlString).join(', ')}) ORDER BY key` };
  };
  return { accountId: row.accountId, items: cellOf(row.items, true), openMandatory: cellOf(row.openMandatory), atStake: cellOf(row.atStake), pendingReview: cellOf(row.pendingReview) };
}

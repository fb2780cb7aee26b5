/**
 * `listFindings`: the findings of a checklist, open (and still recording) first with the days left,
 * then closed ones. A finding is closed when its Jira issue's status is in the done category:
 * closing the issue in Jira closes the finding, nothing else to do in the app.
 *
 * Days left come from the plan's validation date as it is now (AWS: +10 business days), so moving
 * the audit moves every finding's deadline; without a plan the due date set at creation is kept.
 * The finding issues are read as the caller (bulkfetch: no index lag), so a finding whose issue the
 * caller cannot see is left out rather than revealed.
 */
import type { FindingView, FindingsView, ListFindingsPayload } from '../../common/contract-findings';
import { readAccess } from '../platform/audit-access';
import { auditChecklist } from '../catalogue/audit-checklist';
import { historyDay } from '../platform/history-store';
import { compareFindings, findingDaysLeft, findingDueDate, findingState, FINDING_LABEL } from '../domain/findings';
import { isAwsChecklist } from '../domain/plan';
import type { ChecklistDefinition } from '../domain/types';
import type { JiraClient } from '../jira';
import type { JiraHttp } from '../jira/http';
import { jqlString } from '../jira/jql';
import { checklistMap } from '../item-map/model';
import { openItemMap } from '../item-map/ensure';
import { peopleNames } from '../platform/people';
import { readPlan } from '../platform/plan-store';
import type { ProjectCaller } from '../platform/context';
import { visibleIssueKeys } from '../rollup/visibility';
import { readFindings } from './store';

type Clock = () => number;

export async function listFindings(jira: JiraClient, http: JiraHttp, caller: ProjectCaller, args: ListFindingsPayload, now: Clock = Date.now): Promise<FindingsView> {
  const { canEdit } = await readAccess(jira, caller, 'see the audit findings');
  const def = await auditChecklist(caller.projectKey, args.checklistId);
  return findingsView(jira, http, caller, def, canEdit, now);
}

/** The JQL listing the project's finding issues (by their label: the finding property is not indexed). */
export function findingsJql(projectKey: string): string {
  return `project = ${jqlString(projectKey)} AND labels = ${jqlString(FINDING_LABEL)} ORDER BY key ASC`;
}

export async function findingsView(jira: JiraClient, http: JiraHttp, caller: ProjectCaller, def: ChecklistDefinition, canRecord: boolean, now: Clock): Promise<FindingsView> {
  const [stored, plan, map, visible] = await Promise.all([
    readFindings(caller.projectKey, def.id),
    readPlan(caller.projectKey, def.id),
    openItemMap(jira, caller.projectKey, def.framework),
    visibleIssueKeys(jira, caller.projectKey, def.id),
  ]);
  const today = historyDay(new Date(now()));
  const aws = isAwsChecklist(def);
  const planDue = findingDueDate({ aws, ...(plan ? { validationDate: plan.validationDate } : {}) });
  const keys = stored.flatMap((finding) => (finding.issueKey !== undefined ? [finding.issueKey] : []));
  const issues = keys.length > 0 ? await jira.bulkFetchIssues({ issueIdsOrKeys: keys, fields: ['status'], as: 'user' }) : [];
  const categoryOf = new Map(issues.map((issue) => [issue.key ?? issue.id, statusCategory(issue.fields?.status)]));
  const titles = new Map(def.items.map((item) => [item.id, item.title]));
  const findings: FindingView[] = [];
  for (const finding of stored) {
    // A created finding whose issue the caller cannot see (or that is gone) is not listed.
    if (finding.issueKey !== undefined && !categoryOf.has(finding.issueKey)) continue;
    if (!visible.has(finding.itemIssueKey)) continue;
    const dueDate = planDue ?? finding.dueDate;
    findings.push({
      id: finding.id,
      itemId: finding.itemId,
      itemTitle: titles.get(finding.itemId) ?? finding.itemId,
      itemIssueKey: finding.itemIssueKey,
      summary: finding.summary,
      ...(finding.detail !== undefined ? { detail: finding.detail } : {}),
      state: findingState({ ...(finding.issueKey !== undefined ? { issueKey: finding.issueKey, statusCategory: categoryOf.get(finding.issueKey) } : {}) }),
      ...(finding.issueKey !== undefined ? { issueKey: finding.issueKey } : {}),
      ...(finding.tie !== undefined ? { tie: finding.tie } : {}),
      ...(dueDate !== undefined ? { dueDate } : {}),
      daysLeft: findingDaysLeft(today, dueDate),
      recordedBy: finding.recordedBy,
      recordedAt: finding.recordedAt,
    });
  }
  findings.sort(compareFindings);
  const items = [...checklistMap(map, def.id).items.entries()]
    .filter(([, issue]) => issue.state === 'active' && visible.has(issue.key))
    .map(([itemId, issue]) => ({ itemId, title: titles.get(itemId) ?? itemId, issueKey: issue.key }));
  const order = new Map(def.items.map((item, index) => [item.id, index]));
  items.sort((a, b) => (order.get(a.itemId) ?? 0) - (order.get(b.itemId) ?? 0));
  const names = await peopleNames(http, caller.projectKey, findings.map((finding) => finding.recordedBy), now);
  return {
    checklistId: def.id,
    checklistName: `${def.name} ${def.version}`,
    aws,
    today,
    validationDate: plan?.validationDate ?? null,
    dueDate: planDue ?? null,
    canRecord,
    findings,
    jql: findingsJql(caller.projectKey),
    items,
    people: Object.fromEntries(Object.values(names).map((person) => [person.accountId, person.displayName])),
  };
}

function statusCategory(status: unknown): string | undefined {
  if (typeof status !== 'object' || status === null) return undefined;
  const category = (status as { statusCategory?: { key?: unknown } }).statusCategory;
  return typeof category?.key === 'string' ? category.key : undefined;
}

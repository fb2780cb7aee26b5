/**
 * What version sync starts from: every issue of the checklist's framework in the project (all
 * versions the project ever held, and every version the catalogue knows), and the domain plan.
 */
import type { SyncPreview } from '../../common/contract';
import { checklistIdsOfFramework } from '../catalogue';
import { planSync, summarizePlan, type SyncPlan } from '../domain/sync-plan';
import type { ChecklistDefinition } from '../domain/types';
import type { JiraClient } from '../jira';
import { findAuditIssues, type AuditChapterIssue, type AuditItemIssue } from '../jira/audit-issues';
import { toExistingItem } from '../jira/identity';
import { projectChecklists } from '../storage/project-state';

export interface SyncState {
  plan: SyncPlan;
  items: AuditItemIssue[];
  chapters: AuditChapterIssue[];
}

export async function loadSyncState(jira: JiraClient, projectKey: string, def: ChecklistDefinition, pointsFieldId?: string): Promise<SyncState> {
  const ids = new Set([def.id, ...(await checklistIdsOfFramework(def.framework)), ...(await projectChecklists(projectKey))]);
  const found = await findAuditIssues(jira, { projectKey, checklistIds: [...ids], ...(pointsFieldId !== undefined ? { pointsFieldId } : {}) });
  const items = found.items.filter((issue) => issue.identity.framework === def.framework);
  const chapters = found.chapters.filter((issue) => issue.identity.framework === def.framework);
  const plan = planSync(def, items.map((issue) => toExistingItem(issue.key, issue.identity)));
  return { plan, items, chapters };
}

export function toPreview(def: ChecklistDefinition, state: SyncState): SyncPreview {
  const { plan } = state;
  return {
    checklistId: def.id,
    framework: def.framework,
    version: def.version,
    fromChecklistIds: [...new Set(state.items.map((issue) => issue.identity.checklistId))].sort(),
    summary: summarizePlan(plan),
    create: plan.create.map((item) => ({ itemId: item.id, chapterId: item.chapterId, title: item.title })),
    update: plan.update.map((update) => ({
      issueKey: update.issueKey,
      itemId: update.itemId,
      changes: [...update.changes],
      ...(update.previousItemId !== undefined ? { previousItemId: update.previousItemId } : {}),
      ...(update.restored ? { restored: true } : {}),
    })),
    retire: plan.retire.map((ref) => ({ ...ref })),
    duplicates: plan.duplicates.map((duplicate) => ({ ...duplicate, issueKeys: [...duplicate.issueKeys] })),
  };
}

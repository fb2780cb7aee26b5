/**
 * Finding the app's issues in a project by their identity property: one paged search returns every
 * item and chapter Epic of the given checklist ids, with what import, sync and rollup need.
 */
import type { JiraClient } from './client';
import { checklistIssuesJql, readIdentity, ITEM_PROPERTY, type ChapterIdentity, type ItemIdentity } from './identity';
import { compareIssueKeys } from '../domain/sync-plan';

export interface AuditItemIssue {
  id: string;
  key: string;
  identity: ItemIdentity;
  /** The points field value, when the field was asked for (null: not set). */
  points?: number | null;
}

export interface AuditChapterIssue {
  id: string;
  key: string;
  identity: ChapterIdentity;
}

export interface AuditIssues {
  items: AuditItemIssue[];
  chapters: AuditChapterIssue[];
}

/** Every item and chapter issue of these checklists in the project, lowest key first. */
export async function findAuditIssues(
  jira: JiraClient,
  args: { projectKey: string; checklistIds: readonly string[]; pointsFieldId?: string },
): Promise<AuditIssues> {
  const result: AuditIssues = { items: [], chapters: [] };
  if (args.checklistIds.length === 0) return result;
  const issues = await jira.searchJql({
    jql: checklistIssuesJql(args.projectKey, args.checklistIds),
    fields: args.pointsFieldId !== undefined ? [args.pointsFieldId] : ['labels'],
    properties: [ITEM_PROPERTY],
  });
  for (const issue of issues) {
    const identity = readIdentity(issue.properties);
    if (!identity || issue.key === undefined) continue;
    if (identity.kind === 'chapter') {
      result.chapters.push({ id: issue.id, key: issue.key, identity });
      continue;
    }
    const item: AuditItemIssue = { id: issue.id, key: issue.key, identity };
    if (args.pointsFieldId !== undefined) {
      const value = issue.fields?.[args.pointsFieldId];
      item.points = typeof value === 'number' ? value : null;
    }
    result.items.push(item);
  }
  result.items.sort((a, b) => compareIssueKeys(a.key, b.key));
  result.chapters.sort((a, b) => compareIssueKeys(a.key, b.key));
  return result;
}

/** The issue standing for each item id (lowest key when Jira holds several). */
export function itemsById(items: readonly AuditItemIssue[]): Map<string, AuditItemIssue> {
  const byId = new Map<string, AuditItemIssue>();
  for (const item of items) if (!byId.has(item.identity.itemId)) byId.set(item.identity.itemId, item);
  return byId;
}

/** The Epic standing for each chapter id (lowest key first). */
export function chaptersById(chapters: readonly AuditChapterIssue[]): Map<string, AuditChapterIssue> {
  const byId = new Map<string, AuditChapterIssue>();
  for (const chapter of chapters) if (!byId.has(chapter.identity.chapterId)) byId.set(chapter.identity.chapterId, chapter);
  return byId;
}

/**
 * Test hooks that change the site the way an administrator or a person in Jira's UI would, for
 * which the emulator has no REST route: per-project permission grants and moving an issue to
 * another project. Called through the emulator API (and `/jira/__admin/permissions`).
 */
import { PROJECT_PERMISSIONS } from './catalog';
import type { Store } from './store';
import { changeEvent } from '../issues/mutate';
import type { IssueChangeEvent } from '../types';

export class TestHookError extends Error {}

/** Replaces `accountId`'s project permissions in `projectKey` (null: back to their defaults). */
export function setProjectPermissions(store: Store, accountId: string, projectKey: string, permissions: readonly string[] | null): void {
  if (!store.user(accountId)) throw new TestHookError(`No user ${accountId}.`);
  const project = store.project(projectKey);
  if (!project) throw new TestHookError(`No project ${projectKey}.`);
  const unknown = (permissions ?? []).filter((p) => !Object.hasOwn(PROJECT_PERMISSIONS, p));
  if (unknown.length > 0) throw new TestHookError(`Unknown project permission(s): ${unknown.join(', ')}.`);
  const all = (store.state.projectGrants ??= {});
  const mine = Object.hasOwn(all, accountId) ? all[accountId]! : (all[accountId] = {});
  if (permissions === null) delete mine[project.key];
  else mine[project.key] = [...new Set(permissions)];
}

/**
 * Moves an issue to another project as Jira's move does: a new key in the target project (the next
 * number there), the same id, fields, properties, status, links and attachments. The old key keeps
 * resolving to the issue (Jira redirects a moved issue's old key). A parent in another project is
 * dropped; sub-tasks move with their parent. Returns the new key and, per moved issue, the update
 * event Jira sends for a move (changelog `project` and `Key`), as made by `admin` from outside.
 */
export function moveIssue(store: Store, issueKey: string, targetProjectKey: string): { key: string; events: IssueChangeEvent[] } {
  const issue = store.issue(issueKey);
  if (!issue) throw new TestHookError(`No issue ${issueKey}.`);
  const target = store.project(targetProjectKey);
  if (!target) throw new TestHookError(`No project ${targetProjectKey}.`);
  if (store.issueType(issue.issueTypeId).hierarchyLevel < 0) throw new TestHookError(`${issue.key} is a sub-task: move its parent.`);
  if (!target.issueTypeIds.includes(issue.issueTypeId)) throw new TestHookError(`Project ${target.key} has no issue type ${store.issueType(issue.issueTypeId).name}.`);
  if (issue.projectId === target.id) return { key: issue.key, events: [] };
  const moving = [issue, ...store.children(issue)];
  const source = store.projectById(issue.projectId);
  const changes = new Map<string, string>();
  for (const one of moving) {
    const oldKey = one.key;
    changes.set(one.id, oldKey);
    one.key = `${target.key}-${target.nextIssueNumber}`;
    target.nextIssueNumber += 1;
    one.projectId = target.id;
    one.updated = store.nowString();
    (store.state.movedKeys ??= {})[oldKey] = one.id;
    store.indexIssue(one);
  }
  if (issue.parentId !== null && store.issueById(issue.parentId)?.projectId !== target.id) issue.parentId = null;
  const events = moving.map((one) =>
    changeEvent(store, one, 'updated', [
      { field: 'project', fieldtype: 'jira', fieldId: 'project', from: source.id, fromString: source.name, to: target.id, toString: target.name },
      { field: 'Key', fieldtype: 'jira', from: null, fromString: changes.get(one.id) ?? null, to: null, toString: one.key },
    ], 'admin', 'outside'),
  );
  return { key: issue.key, events };
}

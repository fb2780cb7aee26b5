/**
 * Applying validated changes to issues and describing them as Jira changelog items, which the
 * update events carry (Forge triggers filter on them, e.g. "status changed").
 */
import { DEFAULT_PRIORITY_ID, DEFAULT_RESOLUTION_ID, INITIAL_STATUS_ID, PRIORITIES, RESOLUTIONS } from '../state/catalog';
import type { AdfDoc, IssueRecord, ProjectRecord, StatusDef } from '../state/model';
import type { Store } from '../state/store';
import type { ChangelogItem, IssueChangeEvent } from '../types';
import type { IssueChanges } from './validate';
import { renderIssueForEvent } from '../render/issue';

function item(field: string, fieldtype: string, from: string | null, fromString: string | null, to: string | null, toString: string | null, fieldId?: string): ChangelogItem {
  return { field, fieldtype, ...(fieldId ? { fieldId } : {}), from, fromString, to, toString };
}

/** Plain text of an ADF document, for changelog strings. */
export function adfText(doc: AdfDoc | null): string | null {
  if (!doc) return null;
  const parts: string[] = [];
  const walk = (node: unknown): void => {
    if (typeof node !== 'object' || node === null) return;
    const n = node as { text?: unknown; content?: unknown };
    if (typeof n.text === 'string') parts.push(n.text);
    if (Array.isArray(n.content)) n.content.forEach(walk);
  };
  walk(doc);
  return parts.join(' ');
}

function valueString(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  return typeof value === 'string' ? value : JSON.stringify(value);
}

export function createIssueRecord(store: Store, project: ProjectRecord, issueTypeId: string, changes: IssueChanges, actorId: string): IssueRecord {
  const now = store.nowString();
  const issue: IssueRecord = {
    id: String(store.state.nextIssueId++),
    key: `${project.key}-${project.nextIssueNumber++}`,
    projectId: project.id,
    issueTypeId,
    statusId: INITIAL_STATUS_ID,
    summary: changes.summary ?? '',
    description: changes.description ?? null,
    labels: changes.labels ?? [],
    parentId: changes.parentId ?? null,
    assigneeId: changes.assigneeId ?? null,
    reporterId: changes.reporterId ?? actorId,
    creatorId: actorId,
    priorityId: changes.priorityId ?? DEFAULT_PRIORITY_ID,
    dueDate: changes.dueDate ?? null,
    resolutionId: null,
    resolutionDate: null,
    created: now,
    updated: now,
    statusCategoryChangeDate: now,
    customFields: { ...changes.customFields },
    properties: {},
  };
  store.state.issues.push(issue);
  store.indexIssue(issue);
  return issue;
}

/** Applies changes and returns the changelog items of what actually changed. */
export function applyChanges(store: Store, issue: IssueRecord, changes: IssueChanges): ChangelogItem[] {
  const items: ChangelogItem[] = [];
  if (changes.summary !== undefined && changes.summary !== issue.summary) {
    items.push(item('summary', 'jira', null, issue.summary, null, changes.summary, 'summary'));
    issue.summary = changes.summary;
  }
  if (changes.description !== undefined && JSON.stringify(changes.description) !== JSON.stringify(issue.description)) {
    items.push(item('description', 'jira', null, adfText(issue.description), null, adfText(changes.description), 'description'));
    issue.description = changes.description;
  }
  if (changes.labels !== undefined && changes.labels.join(' ') !== issue.labels.join(' ')) {
    items.push(item('labels', 'jira', null, issue.labels.join(' ') || null, null, changes.labels.join(' ') || null, 'labels'));
    issue.labels = changes.labels;
  }
  if (changes.issueTypeId !== undefined && changes.issueTypeId !== issue.issueTypeId) {
    items.push(item('issuetype', 'jira', issue.issueTypeId, store.issueType(issue.issueTypeId).name, changes.issueTypeId, store.issueType(changes.issueTypeId).name, 'issuetype'));
    issue.issueTypeId = changes.issueTypeId;
  }
  if (changes.parentId !== undefined && changes.parentId !== issue.parentId) {
    const keyOf = (id: string | null): string | null => (id ? (store.issueById(id)?.key ?? null) : null);
    items.push(item('IssueParentAssociation', 'jira', issue.parentId, keyOf(issue.parentId), changes.parentId, keyOf(changes.parentId), 'parent'));
    issue.parentId = changes.parentId;
  }
  if (changes.assigneeId !== undefined && changes.assigneeId !== issue.assigneeId) {
    const nameOf = (id: string | null): string | null => (id ? (store.user(id)?.displayName ?? null) : null);
    items.push(item('assignee', 'jira', issue.assigneeId, nameOf(issue.assigneeId), changes.assigneeId, nameOf(changes.assigneeId), 'assignee'));
    issue.assigneeId = changes.assigneeId;
  }
  if (changes.reporterId !== undefined && changes.reporterId !== issue.reporterId) {
    items.push(item('reporter', 'jira', issue.reporterId, store.user(issue.reporterId)?.displayName ?? null, changes.reporterId, store.user(changes.reporterId)?.displayName ?? null, 'reporter'));
    issue.reporterId = changes.reporterId;
  }
  if (changes.priorityId !== undefined && changes.priorityId !== issue.priorityId) {
    const nameOf = (id: string): string | null => PRIORITIES.find((p) => p.id === id)?.name ?? null;
    items.push(item('priority', 'jira', issue.priorityId, nameOf(issue.priorityId), changes.priorityId, nameOf(changes.priorityId), 'priority'));
    issue.priorityId = changes.priorityId;
  }
  if (changes.dueDate !== undefined && changes.dueDate !== (issue.dueDate ?? null)) {
    items.push(item('duedate', 'jira', issue.dueDate ?? null, issue.dueDate ?? null, changes.dueDate, changes.dueDate, 'duedate'));
    issue.dueDate = changes.dueDate;
  }
  for (const [fieldId, value] of Object.entries(changes.customFields)) {
    const before = issue.customFields[fieldId] ?? null;
    if (JSON.stringify(before) === JSON.stringify(value)) continue;
    const field = store.customField(fieldId);
    items.push(item(field?.name ?? fieldId, 'custom', null, valueString(before), null, valueString(value), fieldId));
    if (value === null) delete issue.customFields[fieldId];
    else issue.customFields[fieldId] = value;
  }
  if (items.length > 0) issue.updated = store.nowString();
  return items;
}

/** Moves an issue to a status; done categories set a resolution, leaving them clears it. */
export function applyStatus(store: Store, issue: IssueRecord, to: StatusDef, resolutionId: string | undefined): ChangelogItem[] {
  const from = store.status(issue.statusId);
  if (from.id === to.id) return [];
  const now = store.nowString();
  const items = [item('status', 'jira', from.id, from.name, to.id, to.name, 'status')];
  issue.statusId = to.id;
  if (from.category !== to.category) issue.statusCategoryChangeDate = now;
  const nameOf = (id: string | null): string | null => RESOLUTIONS.find((r) => r.id === id)?.name ?? null;
  const nextResolution = to.category === 'done' ? (resolutionId ?? issue.resolutionId ?? DEFAULT_RESOLUTION_ID) : null;
  if (nextResolution !== issue.resolutionId) {
    items.push(item('resolution', 'jira', issue.resolutionId, nameOf(issue.resolutionId), nextResolution, nameOf(nextResolution), 'resolution'));
    issue.resolutionId = nextResolution;
    issue.resolutionDate = nextResolution ? now : null;
  }
  issue.updated = now;
  return items;
}

export function changeEvent(
  store: Store,
  issue: IssueRecord,
  kind: IssueChangeEvent['kind'],
  items: ChangelogItem[] | null,
  actor: string,
  origin: IssueChangeEvent['origin'],
  generateEvents = true,
): IssueChangeEvent {
  return {
    kind,
    issue: renderIssueForEvent(store, issue),
    ...(items ? { changelog: { id: String(store.state.nextChangelogId++), items } } : {}),
    actor,
    origin,
    generateEvents,
  };
}

/**
 * Validation of issue create and edit requests into a change set, with Jira's field errors
 * (`errors: {summary: "You must specify a summary of the issue."}`). Create and edit share the
 * per-field rules; only the required fields and permissions differ.
 */
import { PRIORITIES } from '../state/catalog';
import type { AdfDoc, IssueRecord, ProjectRecord, UserDef } from '../state/model';
import type { Store } from '../state/store';
import { JiraError, errorCollection, messages } from '../http/errors';
import { isRecord } from '../http/params';
import { checkCustomValue } from './custom-values';
import { checkProperty } from './properties';

/** Summaries containing this marker fail validation, so tests can make one bulk element fail. */
export const REJECT_MARKER = '[[reject]]';

export interface IssueChanges {
  summary?: string;
  description?: AdfDoc | null;
  labels?: string[];
  parentId?: string | null;
  issueTypeId?: string;
  assigneeId?: string | null;
  reporterId?: string;
  priorityId?: string;
  dueDate?: string | null;
  customFields: Record<string, unknown>;
}

interface FieldCtx {
  store: Store;
  actor: UserDef;
  project: ProjectRecord;
  issue?: IssueRecord;
  errors: Record<string, string>;
  changes: IssueChanges;
  /** `overrideEditableFlag` granted (the route checked who may use it): read-only fields are settable. */
  overrideEditable?: boolean;
}

const ADF_MESSAGE = 'Operation value must be an Atlassian Document (see the Atlassian Document Format)';

function isAdf(value: unknown): value is AdfDoc {
  return isRecord(value) && value.type === 'doc' && value.version === 1 && Array.isArray(value.content);
}

function ref(value: unknown): { id?: string; key?: string; name?: string; accountId?: string } | null {
  if (!isRecord(value)) return null;
  const pick = (k: string): string | undefined => (typeof value[k] === 'string' ? (value[k] as string) : typeof value[k] === 'number' ? String(value[k]) : undefined);
  return { id: pick('id'), key: pick('key'), name: pick('name'), accountId: pick('accountId') };
}

function checkLabels(value: unknown, errors: Record<string, string>): string[] | undefined {
  if (!Array.isArray(value) || value.some((l) => typeof l !== 'string')) {
    errors.labels = 'Operation value must be an array of strings';
    return undefined;
  }
  for (const label of value as string[]) {
    if (/\s/.test(label)) {
      errors.labels = `The label '${label}' contains spaces which is invalid.`;
      return undefined;
    }
    if (label.length > 255) {
      errors.labels = `The label '${label}' exceeds the maximum length for a single label of 255 characters.`;
      return undefined;
    }
  }
  // Jira keeps labels as a sorted set.
  return [...new Set((value as string[]).filter((l) => l.length > 0))].sort();
}

function isCalendarDay(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

function setField(ctx: FieldCtx, fieldId: string, value: unknown): void {
  const { store, errors, changes } = ctx;
  switch (fieldId) {
    case 'summary': {
      if (typeof value !== 'string' || value.trim() === '') errors.summary = 'You must specify a summary of the issue.';
      else if (value.length > 255) errors.summary = 'Summary must be less than 255 characters.';
      else if (/[\r\n]/.test(value)) errors.summary = 'The summary is invalid because it contains newline characters.';
      else if (value.includes(REJECT_MARKER)) errors.summary = `The summary contains ${REJECT_MARKER}, which the local Jira emulator rejects on purpose (test marker).`;
      else changes.summary = value;
      return;
    }
    case 'description':
      if (value === null) changes.description = null;
      else if (isAdf(value)) changes.description = structuredClone(value);
      else errors.description = ADF_MESSAGE;
      return;
    case 'labels': {
      const labels = value === null ? [] : checkLabels(value, errors);
      if (labels) changes.labels = labels;
      return;
    }
    case 'parent':
      changes.parentId = value === null ? null : resolveParentRef(ctx, value);
      return;
    case 'assignee': {
      if (value === null) {
        changes.assigneeId = null;
        return;
      }
      const user = store.user(ref(value)?.accountId ?? ref(value)?.id ?? '');
      if (!user) errors.assignee = 'Specified user does not exist or you do not have required permissions';
      else if (!store.can(user, 'ASSIGNABLE_USER', ctx.project)) errors.assignee = `User '${user.displayName}' cannot be assigned issues.`;
      else changes.assigneeId = user.accountId;
      return;
    }
    case 'reporter': {
      const user = store.user(ref(value)?.accountId ?? '');
      if (!user) errors.reporter = 'Specified user does not exist or you do not have required permissions';
      else changes.reporterId = user.accountId;
      return;
    }
    case 'duedate':
      // Jira takes a calendar day (`YYYY-MM-DD`); anything else is a field error in its wording.
      if (value === null || value === '') changes.dueDate = null;
      else if (typeof value === 'string' && isCalendarDay(value)) changes.dueDate = value;
      else errors.duedate = `Error parsing date string: ${String(value)}`;
      return;
    case 'priority': {
      const r = ref(value);
      const p = PRIORITIES.find((x) => x.id === r?.id || x.name === r?.name);
      if (!p) errors.priority = 'The priority selected is invalid.';
      else changes.priorityId = p.id;
      return;
    }
    default: {
      const field = fieldId.startsWith('customfield_') ? store.customField(fieldId) : undefined;
      // Read-only app fields are written only through /rest/api/3/app/field/value.
      if (!field || (field.readOnly && ctx.overrideEditable !== true)) {
        errors[fieldId] = messages.cannotSet(fieldId);
        return;
      }
      const err = checkCustomValue(field, value);
      if (err) errors[fieldId] = err;
      else changes.customFields[field.id] = structuredClone(value);
    }
  }
}

function resolveParentRef(ctx: FieldCtx, value: unknown): string | undefined {
  const r = ref(value);
  const idOrKey = r?.key ?? r?.id;
  const parent = idOrKey ? ctx.store.visibleIssue(ctx.actor, idOrKey) : undefined;
  if (!parent) {
    ctx.errors.parent = 'Could not find issue by id or key.';
    return undefined;
  }
  return parent.id;
}

/** Parent rules once the issue type is known: one level up, same project, sub-tasks need one. */
function checkHierarchy(ctx: FieldCtx, issueTypeId: string, parentId: string | null): void {
  const { store, errors } = ctx;
  const level = store.issueType(issueTypeId).hierarchyLevel;
  if (parentId === null) {
    if (level < 0) errors.parent = 'Issue type is a sub-task but parent issue key or id not specified.';
    return;
  }
  const parent = store.issueById(parentId);
  if (!parent) return;
  if (ctx.issue && parent.id === ctx.issue.id) {
    errors.parent = 'An issue cannot be its own parent.';
    return;
  }
  const parentLevel = store.issueType(parent.issueTypeId).hierarchyLevel;
  if (parentLevel !== (level < 0 ? 0 : level + 1)) {
    errors.parent = 'Given parent work item does not belong to appropriate hierarchy.';
  } else if (parent.projectId !== ctx.project.id) {
    if (level < 0) errors.project = 'Sub-tasks must be created in the same project as the parent.';
    else errors.parent = 'Given parent work item does not belong to the same project.';
  }
}

/** `update: {labels: [{add}, {remove}, {set}], summary: [{set}]}` folded into plain field values. */
function foldUpdate(ctx: FieldCtx, update: Record<string, unknown>, fields: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [fieldId, ops] of Object.entries(update)) {
    if (fieldId in fields) {
      ctx.errors[fieldId] = `Field '${fieldId}' cannot be set in both 'fields' and 'update'.`;
      continue;
    }
    if (!Array.isArray(ops)) {
      ctx.errors[fieldId] = `The operations for field '${fieldId}' must be an array.`;
      continue;
    }
    let labels = fieldId === 'labels' ? [...(ctx.issue?.labels ?? [])] : null;
    for (const op of ops) {
      if (!isRecord(op)) continue;
      if ('set' in op) {
        if (labels) labels = Array.isArray(op.set) ? [...(op.set as string[])] : [];
        else out[fieldId] = op.set;
      } else if (labels && 'add' in op) {
        labels.push(op.add as string);
      } else if (labels && 'remove' in op) {
        labels = labels.filter((l) => l !== op.remove);
      } else {
        ctx.errors[fieldId] = `Field '${fieldId}' does not support operation '${Object.keys(op)[0] ?? ''}'.`;
      }
    }
    if (labels) out.labels = labels;
  }
  return out;
}

function bodyParts(input: unknown): { fields: Record<string, unknown>; update: Record<string, unknown> } {
  if (!isRecord(input)) throw new JiraError(400, errorCollection([messages.invalidPayload]));
  return { fields: isRecord(input.fields) ? input.fields : {}, update: isRecord(input.update) ? input.update : {} };
}

function throwIfErrors(errors: Record<string, string>): void {
  if (Object.keys(errors).length > 0) throw new JiraError(400, errorCollection([], errors));
}

export interface ValidCreate {
  project: ProjectRecord;
  issueTypeId: string;
  changes: IssueChanges;
  properties: { key: string; value: unknown }[];
}

export function validateCreate(store: Store, actor: UserDef, input: unknown): ValidCreate {
  const { fields, update } = bodyParts(input);
  const projectRef = ref(fields.project);
  const project = store.project(projectRef?.key ?? projectRef?.id ?? '');
  if (!project || !store.canBrowse(actor, project)) throw new JiraError(400, errorCollection([], { project: 'Specify a valid project ID or key' }));
  if (!store.can(actor, 'CREATE_ISSUES', project)) {
    throw new JiraError(400, errorCollection([], { project: 'You do not have permission to create issues in this project.' }));
  }
  const ctx: FieldCtx = { store, actor, project, errors: {}, changes: { customFields: {} } };
  const typeRef = ref(fields.issuetype);
  const type = store.projectIssueTypes(project).find((t) => t.id === typeRef?.id || (typeRef?.name !== undefined && t.name.toLowerCase() === typeRef.name.toLowerCase()));
  if (!typeRef) ctx.errors.issuetype = 'Specify an issue type';
  else if (!type) ctx.errors.issuetype = 'The issue type selected is invalid.';

  const folded = foldUpdate(ctx, update, fields);
  const all = { ...fields, ...folded };
  for (const [fieldId, value] of Object.entries(all)) {
    if (fieldId === 'project' || fieldId === 'issuetype') continue;
    setField(ctx, fieldId, value);
  }
  if (!('summary' in all)) ctx.errors.summary = 'You must specify a summary of the issue.';
  if (type && !('parent' in ctx.errors)) checkHierarchy(ctx, type.id, ctx.changes.parentId ?? null);

  const properties: { key: string; value: unknown }[] = [];
  const rawProps = isRecord(input) ? input.properties : undefined;
  for (const p of Array.isArray(rawProps) ? rawProps : []) {
    const key = isRecord(p) && typeof p.key === 'string' ? p.key : '';
    const err = checkProperty(key, isRecord(p) ? p.value : undefined);
    if (err) throw new JiraError(400, errorCollection([err]));
    properties.push({ key, value: structuredClone((p as { value: unknown }).value) });
  }
  throwIfErrors(ctx.errors);
  return { project, issueTypeId: type!.id, changes: ctx.changes, properties };
}

export function validateEdit(store: Store, actor: UserDef, issue: IssueRecord, input: unknown, options: { overrideEditable?: boolean } = {}): IssueChanges {
  const { fields, update } = bodyParts(input);
  const project = store.projectById(issue.projectId);
  const touched = [...new Set([...Object.keys(fields), ...Object.keys(update)])];
  if (!store.can(actor, 'EDIT_ISSUES', project)) {
    // Without Edit Issues no field is on the user's edit screen; Jira answers with that, per field.
    if (touched.length > 0) throw new JiraError(400, errorCollection([], Object.fromEntries(touched.map((f) => [f, messages.cannotSet(f)]))));
    return { customFields: {} };
  }
  const ctx: FieldCtx = { store, actor, project, issue, errors: {}, changes: { customFields: {} }, ...(options.overrideEditable === true ? { overrideEditable: true } : {}) };
  const all = { ...fields, ...foldUpdate(ctx, update, fields) };
  for (const [fieldId, value] of Object.entries(all)) {
    if (fieldId === 'project') {
      ctx.errors.project = messages.cannotSet('project');
    } else if (fieldId === 'issuetype') {
      const r = ref(value);
      const type = store.projectIssueTypes(project).find((t) => t.id === r?.id || t.name === r?.name);
      const level = store.issueType(issue.issueTypeId).hierarchyLevel;
      // Changing level is a move in Jira, not an edit.
      if (!type || type.hierarchyLevel !== level) ctx.errors.issuetype = 'The issue type selected is invalid.';
      else ctx.changes.issueTypeId = type.id;
    } else {
      setField(ctx, fieldId, value);
    }
  }
  if (('parent' in all || 'issuetype' in all) && !('parent' in ctx.errors) && !('issuetype' in ctx.errors)) {
    const parentId = ctx.changes.parentId !== undefined ? ctx.changes.parentId : issue.parentId;
    checkHierarchy(ctx, ctx.changes.issueTypeId ?? issue.issueTypeId, parentId);
  }
  throwIfErrors(ctx.errors);
  return ctx.changes;
}

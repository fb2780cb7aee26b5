/**
 * The issue as Jira answers it (`IssueBean`): `{expand, id, self, key, fields, properties}` with
 * fields chosen by the `fields` parameter. One renderer serves GET issue, search, bulkfetch and the
 * issue carried by change events, so they can never disagree.
 */
import type { IssueRecord } from '../state/model';
import type { Store } from '../state/store';
import { renderIssueType, renderPriority, renderProjectRef, renderResolution, renderStatus, renderUserRef } from './entities';
import { selectFields, type FieldSelection } from './fields';
import { renderIssueLinks } from '../routes/links';

type Json = Record<string, unknown>;

export interface RenderOptions {
  fields?: string[];
  /** The default when `fields` is absent: `*all` for GET issue, `id` for search, `*navigable` for bulkfetch. */
  defaultFields: string[];
  properties?: string[];
  /** Search answers `{id}` alone when no field is requested. */
  idOnlyWhenNoFields?: boolean;
}

const EXPAND = 'renderedFields,names,schema,operations,editmeta,changelog,versionedRepresentations';

function issueRef(store: Store, issue: IssueRecord): Json {
  return {
    id: issue.id,
    key: issue.key,
    self: store.url(`/rest/api/3/issue/${issue.id}`),
    fields: {
      summary: issue.summary,
      status: renderStatus(store, store.status(issue.statusId)),
      priority: renderPriority(store, issue.priorityId),
      issuetype: renderIssueType(store, store.issueType(issue.issueTypeId)),
    },
  };
}

function fieldValue(store: Store, issue: IssueRecord, id: string): { present: boolean; value?: unknown } {
  switch (id) {
    case 'summary':
      return { present: true, value: issue.summary };
    case 'description':
      return { present: true, value: issue.description ? structuredClone(issue.description) : null };
    case 'issuetype':
      return { present: true, value: renderIssueType(store, store.issueType(issue.issueTypeId)) };
    case 'project':
      return { present: true, value: renderProjectRef(store, store.projectById(issue.projectId)) };
    case 'status':
      return { present: true, value: renderStatus(store, store.status(issue.statusId)) };
    case 'labels':
      return { present: true, value: [...issue.labels] };
    case 'parent': {
      // Jira leaves `parent` out of an issue that has none.
      const parent = issue.parentId ? store.issueById(issue.parentId) : undefined;
      return parent ? { present: true, value: issueRef(store, parent) } : { present: false };
    }
    case 'subtasks': {
      const level = store.issueType(issue.issueTypeId).hierarchyLevel;
      const subtasks = store.children(issue).filter((c) => store.issueType(c.issueTypeId).hierarchyLevel < Math.min(level, 0));
      return { present: true, value: subtasks.map((c) => issueRef(store, c)) };
    }
    case 'issuelinks':
      return { present: true, value: renderIssueLinks(store, issue, (other) => issueRef(store, other)) };
    case 'created':
      return { present: true, value: issue.created };
    case 'updated':
      return { present: true, value: issue.updated };
    case 'creator':
      return { present: true, value: renderUserRef(store, issue.creatorId) };
    case 'reporter':
      return { present: true, value: renderUserRef(store, issue.reporterId) };
    case 'assignee':
      return { present: true, value: renderUserRef(store, issue.assigneeId) };
    case 'priority':
      return { present: true, value: renderPriority(store, issue.priorityId) };
    case 'resolution':
      return { present: true, value: renderResolution(store, issue.resolutionId) };
    case 'duedate':
      return { present: true, value: issue.dueDate ?? null };
    case 'resolutiondate':
      return { present: true, value: issue.resolutionDate };
    case 'statuscategorychangedate':
      return { present: true, value: issue.statusCategoryChangeDate };
    case 'attachment':
      return {
        present: true,
        value: (issue.attachments ?? []).map((a) => ({
          self: store.url(`/rest/api/3/attachment/${a.id}`),
          id: a.id,
          filename: a.filename,
          author: renderUserRef(store, a.authorId),
          created: a.created,
          size: a.size,
          mimeType: a.mimeType,
          content: store.url(`/rest/api/3/attachment/content/${a.id}`),
        })),
      };
    default:
      if (id.startsWith('customfield_')) {
        const v = issue.customFields[id];
        return { present: true, value: v === undefined ? null : structuredClone(v) };
      }
      return { present: false };
  }
}

export function renderFields(store: Store, issue: IssueRecord, selection: FieldSelection): Json {
  const fields: Json = {};
  for (const id of selection.ids) {
    const { present, value } = fieldValue(store, issue, id);
    if (present) fields[id] = value;
  }
  return fields;
}

/** `properties` parameter: property keys, `*all`, `-key` exclusions. */
export function renderProperties(issue: IssueRecord, requested: string[]): Json {
  const keys = Object.keys(issue.properties);
  const all = requested.includes('*all');
  const excluded = new Set(requested.filter((k) => k.startsWith('-')).map((k) => k.slice(1)));
  const out: Json = {};
  for (const key of keys) {
    if ((all || requested.includes(key)) && !excluded.has(key)) out[key] = structuredClone(issue.properties[key]);
  }
  return out;
}

export function renderIssue(store: Store, issue: IssueRecord, options: RenderOptions): Json {
  const selection = selectFields(store, options.fields, options.defaultFields);
  const props = options.properties && options.properties.length > 0 ? { properties: renderProperties(issue, options.properties) } : {};
  if (options.idOnlyWhenNoFields && selection.ids.length === 0) {
    return { id: issue.id, ...(selection.wantsKey ? { key: issue.key } : {}), ...props };
  }
  return {
    expand: EXPAND,
    id: issue.id,
    self: store.url(`/rest/api/3/issue/${issue.id}`),
    key: issue.key,
    fields: renderFields(store, issue, selection),
    ...props,
  };
}

/** The issue as events carry it: what GET issue answers with default parameters. */
export function renderIssueForEvent(store: Store, issue: IssueRecord): { id: string; key: string; fields: Json } {
  const rendered = renderIssue(store, issue, { defaultFields: ['*all'] });
  return { ...rendered, id: issue.id, key: issue.key, fields: rendered.fields as Json };
}

/**
 * The fields Jira knows: system fields the emulator models plus the app's custom fields, as
 * `GET /rest/api/3/field` lists them and as the `fields` parameter of issue reads selects them.
 */
import type { CustomFieldRecord } from '../state/model';
import type { Store } from '../state/store';

interface SystemField {
  id: string;
  name: string;
  clauseNames: string[];
  schema?: { type: string; items?: string; system: string };
  orderable: boolean;
  /** False for pseudo fields that /field lists but issues never carry (issuekey, statusCategory). */
  onIssue: boolean;
}

const sys = (id: string, name: string, type: string | null, clauseNames: string[] = [id], extra: Partial<SystemField> = {}): SystemField => ({
  id,
  name,
  clauseNames,
  ...(type ? { schema: type.startsWith('array:') ? { type: 'array', items: type.slice('array:'.length), system: id } : { type, system: id } } : {}),
  orderable: true,
  onIssue: true,
  ...extra,
});

export const SYSTEM_FIELDS: readonly SystemField[] = [
  sys('summary', 'Summary', 'string'),
  sys('description', 'Description', 'string'),
  sys('issuetype', 'Issue Type', 'issuetype', ['issuetype', 'type']),
  sys('project', 'Project', 'project'),
  sys('status', 'Status', 'status', ['status'], { orderable: false }),
  sys('labels', 'Labels', 'array:string'),
  sys('parent', 'Parent', null, ['parent']),
  sys('subtasks', 'Sub-tasks', null, ['subtasks'], { orderable: false }),
  sys('issuelinks', 'Linked Issues', null, ['issueLink'], { orderable: false }),
  sys('created', 'Created', 'datetime', ['created', 'createdDate'], { orderable: false }),
  sys('updated', 'Updated', 'datetime', ['updated', 'updatedDate'], { orderable: false }),
  sys('creator', 'Creator', 'user', ['creator'], { orderable: false }),
  sys('reporter', 'Reporter', 'user'),
  sys('assignee', 'Assignee', 'user'),
  sys('priority', 'Priority', 'priority'),
  sys('duedate', 'Due date', 'date', ['due', 'duedate']),
  sys('resolution', 'Resolution', 'resolution'),
  sys('resolutiondate', 'Resolved', 'datetime', ['resolutiondate', 'resolved'], { orderable: false }),
  sys('attachment', 'Attachment', 'array:attachment', ['attachments'], { orderable: false }),
  sys('statuscategorychangedate', 'Status Category Changed', 'datetime', ['statusCategoryChangedDate'], { orderable: false }),
  sys('issuekey', 'Key', null, ['id', 'issue', 'issuekey', 'key'], { orderable: false, onIssue: false }),
  sys('statusCategory', 'Status Category', 'statusCategory', ['statusCategory'], { orderable: false, onIssue: false }),
];

export const ISSUE_SYSTEM_FIELD_IDS: readonly string[] = SYSTEM_FIELDS.filter((f) => f.onIssue).map((f) => f.id);

/** Manifest type → `schema.type` Jira reports for a Forge field (object fields are untyped JSON). */
function customSchemaType(field: CustomFieldRecord): { type: string; items?: string } {
  const base = field.type === 'object' ? 'any' : field.type;
  return field.collection ? { type: 'array', items: base } : { type: base };
}

export function renderCustomFieldDetails(store: Store, field: CustomFieldRecord): Record<string, unknown> {
  return {
    id: field.id,
    key: field.id,
    name: field.name,
    custom: true,
    orderable: true,
    navigable: true,
    searchable: true,
    clauseNames: [`cf[${field.numericId}]`, field.name],
    schema: { ...customSchemaType(field), custom: store.customFieldAri(field), customId: field.numericId },
  };
}

export function renderFieldList(store: Store): Record<string, unknown>[] {
  const system = SYSTEM_FIELDS.map((f) => ({
    id: f.id,
    key: f.id,
    name: f.name,
    custom: false,
    orderable: f.orderable,
    navigable: true,
    searchable: true,
    clauseNames: f.clauseNames,
    ...(f.schema ? { schema: f.schema } : {}),
  }));
  return [...system, ...store.state.customFields.map((f) => renderCustomFieldDetails(store, f))];
}

export interface FieldSelection {
  /** Field ids to render, in order. */
  ids: string[];
  /** True when the caller asked for `key` (search answers `{id, key}` without other fields). */
  wantsKey: boolean;
}

/**
 * Resolves Jira's `fields` parameter: `*all`, `*navigable`, field ids, `-field` exclusions; unknown
 * names are ignored as Jira does. `fieldsByKeys` makes names keys, which equal ids here.
 */
export function selectFields(store: Store, requested: string[] | undefined, fallback: string[]): FieldSelection {
  const terms = requested && requested.length > 0 ? requested : fallback;
  const every = [...ISSUE_SYSTEM_FIELD_IDS, ...store.state.customFields.map((f) => f.id)];
  const chosen = new Set<string>();
  const excluded = new Set<string>();
  let wantsKey = false;
  for (const raw of terms) {
    const term = raw.trim();
    if (term === '*all' || term === '*navigable') every.forEach((id) => chosen.add(id));
    else if (term.startsWith('-')) excluded.add(term.slice(1));
    else if (term === 'key') wantsKey = true;
    else if (every.includes(term)) chosen.add(term);
  }
  return { ids: every.filter((id) => chosen.has(id) && !excluded.has(id)), wantsKey };
}

/**
 * The searchable fields: how each resolves the values written in JQL (project keys, status names,
 * issue keys…) and reads an issue's values, and which operators it takes. Jira validates values
 * against the site (an unknown project is an error, not an empty result), so these do too.
 */
import { ISSUE_TYPES, STATUSES, STATUS_CATEGORIES } from '../state/catalog';
import type { IndexedPropertyPath, IssueRecord, UserDef } from '../state/model';
import type { Store } from '../state/store';
import type { Operator, OperandValue } from './ast';
import { semantic } from './errors';
import { jqlDateValue } from './dates';

export type Scalar = string | number;

export interface Env {
  store: Store;
  actor: UserDef;
}

/** A searchable field: resolves JQL values, reads issue values, declares what it supports. */
export interface FieldHandler {
  name: string;
  operators: readonly Operator[];
  /** False for fields every issue has (project, status…): EMPTY is an error. */
  canBeEmpty: boolean;
  resolve(value: OperandValue): Scalar[];
  get(issue: IssueRecord): Scalar[];
  /** Ordering for >, <, >=, <=; absent when the field has none. */
  compare?(a: Scalar, b: Scalar): number;
  /** Text search for ~ and !~. */
  textMatch?(issue: IssueRecord, query: string): boolean;
}

const EQUALITY: readonly Operator[] = ['=', '!=', 'in', 'not in'];
const WITH_EMPTY: readonly Operator[] = [...EQUALITY, 'is', 'is not'];
const ORDERED: readonly Operator[] = [...WITH_EMPTY, '>', '<', '>=', '<='];
const TEXT: readonly Operator[] = ['~', '!~', 'is', 'is not'];

function valueOnly(name: string, v: OperandValue, functions: Record<string, () => Scalar[]> = {}): string | Scalar[] {
  if (v.kind === 'value') return v.value;
  const fn = Object.keys(functions).find((f) => f.toLowerCase() === v.name.toLowerCase());
  if (fn) return functions[fn]!();
  if (['standardissuetypes', 'subtaskissuetypes', 'currentuser'].includes(v.name.toLowerCase())) throw semantic.functionNotForField(v.name, name);
  throw semantic.unknownFunction(v.name);
}

function single<T>(name: string, v: OperandValue, find: (raw: string) => T | undefined, id: (t: T) => Scalar, functions?: Record<string, () => Scalar[]>): Scalar[] {
  const raw = valueOnly(name, v, functions);
  if (Array.isArray(raw)) return raw;
  const found = find(raw);
  if (found === undefined) throw semantic.unknownValue(raw, name);
  return [id(found)];
}

const eq = (a: string, b: string): boolean => a.toLowerCase() === b.toLowerCase();

function issueNumber(key: string): number {
  return Number(key.slice(key.lastIndexOf('-') + 1));
}

function issueResolver(env: Env, name: string) {
  return (v: OperandValue): Scalar[] => {
    const raw = valueOnly(name, v);
    if (Array.isArray(raw)) return raw;
    if (!/^\d+$/.test(raw) && !/^[A-Za-z][A-Za-z0-9_]*-\d+$/.test(raw)) throw semantic.badIssueKey(raw, name);
    const issue = env.store.visibleIssue(env.actor, raw);
    if (!issue) throw semantic.issueMissing(raw, name);
    return [issue.id];
  };
}

function userHandler(env: Env, name: string, read: (i: IssueRecord) => string | null): FieldHandler {
  return {
    name,
    operators: WITH_EMPTY,
    canBeEmpty: true,
    resolve: (v) => single(name, v, (raw) => env.store.user(raw), (u) => u.accountId, { currentUser: () => [env.actor.accountId] }),
    get: (i) => {
      const id = read(i);
      return id ? [id] : [];
    },
  };
}

/** Handlers for system fields, by lower-cased clause name. */
export function systemField(env: Env, typed: string): FieldHandler | undefined {
  const { store } = env;
  switch (typed.toLowerCase()) {
    case 'project':
      return {
        name: typed,
        operators: EQUALITY,
        canBeEmpty: false,
        resolve: (v) => single(typed, v, (raw) => store.state.projects.find((p) => (p.id === raw || eq(p.key, raw) || eq(p.name, raw)) && store.canBrowse(env.actor, p)), (p) => p.id),
        get: (i) => [i.projectId],
      };
    case 'issuetype':
    case 'type':
      return {
        name: typed,
        operators: EQUALITY,
        canBeEmpty: false,
        resolve: (v) =>
          single(typed, v, (raw) => ISSUE_TYPES.find((t) => t.id === raw || eq(t.name, raw)), (t) => t.id, {
            standardIssueTypes: () => ISSUE_TYPES.filter((t) => t.hierarchyLevel >= 0).map((t) => t.id),
            subTaskIssueTypes: () => ISSUE_TYPES.filter((t) => t.hierarchyLevel < 0).map((t) => t.id),
          }),
        get: (i) => [i.issueTypeId],
      };
    case 'status':
      return {
        name: typed,
        operators: EQUALITY,
        canBeEmpty: false,
        resolve: (v) => single(typed, v, (raw) => STATUSES.find((s) => s.id === raw || eq(s.name, raw)), (s) => s.id),
        get: (i) => [i.statusId],
      };
    case 'statuscategory':
      return {
        name: typed,
        operators: EQUALITY,
        canBeEmpty: false,
        resolve: (v) => single(typed, v, (raw) => Object.values(STATUS_CATEGORIES).find((c) => String(c.id) === raw || eq(c.key, raw) || eq(c.name, raw)), (c) => c.key),
        get: (i) => [store.status(i.statusId).category],
      };
    case 'labels':
      return { name: typed, operators: WITH_EMPTY, canBeEmpty: true, resolve: (v) => [valueOnly(typed, v) as string], get: (i) => i.labels };
    case 'parent':
      return { name: typed, operators: WITH_EMPTY, canBeEmpty: true, resolve: issueResolver(env, typed), get: (i) => (i.parentId ? [i.parentId] : []) };
    case 'key':
    case 'issuekey':
    case 'id':
    case 'issue':
      return {
        name: typed,
        operators: [...EQUALITY, '>', '<', '>=', '<='],
        canBeEmpty: false,
        resolve: issueResolver(env, typed),
        get: (i) => [i.id],
        // Keys order within a project; across projects Jira has no order, so nothing matches.
        compare: (a, b) => {
          const x = store.issueById(String(a));
          const y = store.issueById(String(b));
          if (!x || !y || x.projectId !== y.projectId) return Number.NaN;
          return issueNumber(x.key) - issueNumber(y.key);
        },
      };
    case 'summary':
      return {
        name: typed,
        operators: ['~', '!~'],
        canBeEmpty: false,
        resolve: (v) => [valueOnly(typed, v) as string],
        get: (i) => [i.summary],
        textMatch: (i, q) => textContains(i.summary, q),
      };
    case 'updated':
    case 'updateddate':
    case 'created':
    case 'createddate': {
      const read = typed.toLowerCase().startsWith('updated') ? (i: IssueRecord) => i.updated : (i: IssueRecord) => i.created;
      return {
        name: typed,
        operators: ORDERED.filter((op) => op !== 'is' && op !== 'is not'),
        canBeEmpty: false,
        resolve: (v) => [jqlDateValue(valueOnly(typed, v) as string, typed, store.config.now())],
        get: (i) => [Date.parse(read(i))],
        compare: (a, b) => Number(a) - Number(b),
      };
    }
    case 'assignee':
      return userHandler(env, typed, (i) => i.assigneeId);
    case 'reporter':
      return userHandler(env, typed, (i) => i.reporterId);
    case 'creator':
      return userHandler(env, typed, (i) => i.creatorId);
    default:
      return undefined;
  }
}

/** Jira's text search, simplified: every word of the query appears in the text, any case. */
export function textContains(text: string, query: string): boolean {
  const haystack = text.toLowerCase();
  const words = query
    .split(/\s+/)
    .map((w) => w.replace(/^["*?]+|["*?]+$/g, '').toLowerCase())
    .filter((w) => w.length > 0);
  return words.length > 0 && words.every((w) => haystack.includes(w));
}

/** Values at a dotted path of a property, arrays flattened as Jira indexes them. */
export function valuesAtPath(value: unknown, path: string): unknown[] {
  let current: unknown[] = [value];
  for (const segment of path ? path.split('.') : []) {
    current = current.flatMap((v) => (Array.isArray(v) ? v : [v])).flatMap((v) => (typeof v === 'object' && v !== null && segment in v ? [(v as Record<string, unknown>)[segment]] : []));
  }
  return current.flatMap((v) => (Array.isArray(v) ? v : [v])).filter((v) => v !== null && v !== undefined);
}

/** A field for an indexed entity property (by `searchAlias` or `issue.property[key].path`). */
export function propertyField(env: Env, typed: string, index: IndexedPropertyPath, source: (i: IssueRecord) => unknown = (i) => i.properties[index.propertyKey]): FieldHandler {
  const leaves = (i: IssueRecord): unknown[] => valuesAtPath(source(i), index.path);
  switch (index.type) {
    case 'number':
      return {
        name: typed,
        operators: ORDERED,
        canBeEmpty: true,
        resolve: (v) => {
          const raw = valueOnly(typed, v) as string;
          const n = Number(raw);
          if (raw.trim() === '' || !Number.isFinite(n)) throw semantic.invalidValue(raw, typed);
          return [n];
        },
        get: (i) => leaves(i).filter((x): x is number => typeof x === 'number'),
        compare: (a, b) => Number(a) - Number(b),
      };
    case 'date':
      return {
        name: typed,
        operators: ORDERED,
        canBeEmpty: true,
        resolve: (v) => {
          const raw = valueOnly(typed, v) as string;
          const t = Date.parse(raw);
          if (Number.isNaN(t)) throw semantic.invalidValue(raw, typed);
          return [t];
        },
        get: (i) => leaves(i).map((x) => (typeof x === 'string' ? Date.parse(x) : Number.NaN)).filter((t) => !Number.isNaN(t)),
        compare: (a, b) => Number(a) - Number(b),
      };
    case 'text':
      return {
        name: typed,
        operators: TEXT,
        canBeEmpty: true,
        resolve: (v) => [valueOnly(typed, v) as string],
        get: (i) => leaves(i).map(String),
        textMatch: (i, q) => leaves(i).some((x) => textContains(String(x), q)),
      };
    case 'user':
      return { ...userHandler(env, typed, () => null), get: (i) => leaves(i).map(String) };
    default:
      return {
        name: typed,
        operators: WITH_EMPTY,
        canBeEmpty: true,
        resolve: (v) => [valueOnly(typed, v) as string],
        get: (i) => leaves(i).filter((x) => typeof x !== 'object').map(String),
      };
  }
}

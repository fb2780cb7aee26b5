/**
 * Turns a parsed JQL query into a predicate and an ordering over issues, checking fields,
 * operators and values the way Jira does before it runs a search.
 */
import type { IndexedPropertyPath, IssueRecord, UserDef } from '../state/model';
import type { Store } from '../state/store';
import { type Clause, type JqlQuery, type Operand, type OrderTerm, type Terminal, fieldText } from './ast';
import { semantic } from './errors';
import { type Env, type FieldHandler, type Scalar, propertyField, systemField, valuesAtPath } from './clauses';
import { parseJql } from './parser';
import { SYSTEM_FIELDS } from '../render/fields';

export interface CompiledJql {
  /** False for a query without a search restriction (empty, or only ORDER BY). */
  bounded: boolean;
  matches(issue: IssueRecord): boolean;
  compare(a: IssueRecord, b: IssueRecord): number;
}

type Predicate = (issue: IssueRecord) => boolean;

function aliasIndex(store: Store, name: string): IndexedPropertyPath | undefined {
  return store.config.indexedProperties.find((p) => p.searchAlias !== undefined && p.searchAlias.toLowerCase() === name.toLowerCase());
}

/**
 * The property of an object field's JSON schema that carries this `searchAlias`, with its JQL type
 * (Forge: integer and number → number, string and boolean → string, `searchType` overrides; other
 * schema types are ignored). Nested objects are walked: the alias may sit on a nested property.
 */
export function aliasInSchema(schema: Record<string, unknown> | undefined, alias: string, prefix = ''): { path: string; type: string } | undefined {
  const properties = schema?.properties;
  if (typeof properties !== 'object' || properties === null) return undefined;
  for (const [name, raw] of Object.entries(properties as Record<string, unknown>)) {
    if (typeof raw !== 'object' || raw === null) continue;
    const property = raw as Record<string, unknown>;
    const path = prefix === '' ? name : `${prefix}.${name}`;
    if (typeof property.searchAlias === 'string' && property.searchAlias.toLowerCase() === alias.toLowerCase()) {
      const searchType = typeof property.searchType === 'string' ? property.searchType : undefined;
      const type = searchType ?? ({ integer: 'number', number: 'number', string: 'string', boolean: 'string' } as Record<string, string>)[String(property.type)];
      if (type !== undefined) return { path, type };
    }
    if (property.type === 'object') {
      const nested = aliasInSchema(property, alias, path);
      if (nested) return nested;
    }
  }
  return undefined;
}

function isKnownSystemField(store: Store, name: string): boolean {
  const lower = name.toLowerCase();
  return SYSTEM_FIELDS.some((f) => f.clauseNames.some((c) => c.toLowerCase() === lower)) || store.state.customFields.some((f) => f.name.toLowerCase() === lower);
}

function handlerFor(env: Env, t: Terminal): FieldHandler {
  const { store } = env;
  const f = t.field;
  if (f.kind === 'property') {
    // Only paths an entityProperty module indexes are searchable in Jira.
    const index = store.config.indexedProperties.find((p) => p.propertyKey === f.propertyKey && p.path === f.path);
    if (!index) throw semantic.unknownField(f.text);
    return propertyField(env, f.text, index);
  }
  if (f.kind === 'cfProperty') {
    const field = store.state.customFields.find((c) => ('id' in f.field ? c.numericId === f.field.id : c.name.toLowerCase() === f.field.name.toLowerCase()));
    const alias = field?.type === 'object' ? aliasInSchema(field.schema, f.alias) : undefined;
    if (!field || !alias) throw semantic.unknownField(f.text);
    return propertyField(env, f.text, { propertyKey: field.id, ...alias }, (issue) => issue.customFields[field.id]);
  }
  if (f.kind === 'cf') {
    if (store.state.customFields.some((c) => c.numericId === f.id)) throw semantic.notEmulated(f.text);
    throw semantic.unknownField(f.text);
  }
  const system = systemField(env, f.name);
  if (system) return system;
  const alias = aliasIndex(store, f.name);
  if (alias) return propertyField(env, f.name, alias);
  if (isKnownSystemField(store, f.name)) throw semantic.notEmulated(f.name);
  throw semantic.unknownField(f.name);
}

function resolveOperand(h: FieldHandler, operand: Operand): Scalar[] {
  if (operand.kind === 'list') return operand.values.flatMap((v) => h.resolve(v));
  if (operand.kind === 'empty') return [];
  return h.resolve(operand);
}

function compileTerminal(env: Env, t: Terminal): Predicate {
  const h = handlerFor(env, t);
  const name = fieldText(t.field);
  const { operand } = t;
  let op = t.operator;
  // `= EMPTY` and `!= EMPTY` are Jira's synonyms of IS and IS NOT.
  if (operand.kind === 'empty' && (op === '=' || op === '!=')) op = op === '=' ? 'is' : 'is not';
  if ((op === 'is' || op === 'is not') && !h.canBeEmpty) throw semantic.noEmpty(name);
  if (!h.operators.includes(op)) throw semantic.unsupportedOperator(op.toUpperCase(), name);
  if (op === 'is' || op === 'is not') {
    if (operand.kind !== 'empty') throw semantic.isNeedsEmpty(op.toUpperCase());
    return op === 'is' ? (i) => h.get(i).length === 0 : (i) => h.get(i).length > 0;
  }
  if (operand.kind === 'empty') {
    if (!h.canBeEmpty) throw semantic.noEmpty(name);
    throw semantic.unsupportedOperator(op.toUpperCase(), name);
  }
  const isList = operand.kind === 'list' || operand.kind === 'function';
  if ((op === 'in' || op === 'not in') && !isList) throw semantic.listRequired(op.toUpperCase(), name);
  if (op !== 'in' && op !== 'not in' && operand.kind === 'list') throw semantic.listNotAllowed(op.toUpperCase(), name);

  if (op === '~' || op === '!~') {
    const query = String(resolveOperand(h, operand)[0] ?? '');
    const match = h.textMatch!;
    return op === '~' ? (i) => match(i, query) : (i) => h.get(i).length > 0 && !match(i, query);
  }
  const targets = resolveOperand(h, operand);
  const has = (i: IssueRecord): boolean => h.get(i).some((v) => targets.includes(v));
  switch (op) {
    case '=':
    case 'in':
      return has;
    case '!=':
    case 'not in':
      // Jira never matches an empty field with != or NOT IN.
      return (i) => h.get(i).length > 0 && !has(i);
    default: {
      const cmp = h.compare!;
      const target = targets[0]!;
      const test = { '>': (d: number) => d > 0, '<': (d: number) => d < 0, '>=': (d: number) => d >= 0, '<=': (d: number) => d <= 0 }[op];
      return (i) => h.get(i).some((v) => test(cmp(v, target)));
    }
  }
}

function compileClause(env: Env, c: Clause): Predicate {
  switch (c.kind) {
    case 'terminal':
      return compileTerminal(env, c);
    case 'not': {
      const inner = compileClause(env, c.clause);
      return (i) => !inner(i);
    }
    case 'and': {
      const parts = c.clauses.map((x) => compileClause(env, x));
      return (i) => parts.every((p) => p(i));
    }
    case 'or': {
      const parts = c.clauses.map((x) => compileClause(env, x));
      return (i) => parts.some((p) => p(i));
    }
  }
}

type Comparator = (a: IssueRecord, b: IssueRecord) => number;

function byKey(store: Store): Comparator {
  return (a, b) => {
    const pa = store.projectById(a.projectId).key;
    const pb = store.projectById(b.projectId).key;
    if (pa !== pb) return pa < pb ? -1 : 1;
    return Number(a.key.slice(pa.length + 1)) - Number(b.key.slice(pb.length + 1));
  };
}

function orderComparator(env: Env, term: OrderTerm): Comparator {
  const { store } = env;
  const lower = term.field.toLowerCase();
  let cmp: Comparator;
  if (['key', 'issuekey', 'id', 'issue'].includes(lower)) cmp = byKey(store);
  else if (lower === 'created' || lower === 'createddate') cmp = (a, b) => a.created.localeCompare(b.created) || Number(a.id) - Number(b.id);
  else if (lower === 'updated' || lower === 'updateddate') cmp = (a, b) => a.updated.localeCompare(b.updated) || Number(a.id) - Number(b.id);
  else if (lower === 'summary') cmp = (a, b) => a.summary.localeCompare(b.summary);
  else {
    const alias = aliasIndex(store, term.field);
    if (!alias) throw isKnownSystemField(store, term.field) ? semantic.cannotSort(term.field) : semantic.unknownField(term.field);
    const first = (i: IssueRecord): unknown => valuesAtPath(i.properties[alias.propertyKey], alias.path)[0];
    cmp = (a, b) => {
      const x = first(a);
      const y = first(b);
      // Issues without the value sort last, as Jira sorts EMPTY.
      if (x === undefined || y === undefined) return x === y ? 0 : x === undefined ? 1 : -1;
      return typeof x === 'number' && typeof y === 'number' ? x - y : String(x).localeCompare(String(y));
    };
  }
  return term.direction === 'desc' ? (a, b) => -cmp(a, b) : cmp;
}

export function compileQuery(store: Store, actor: UserDef, query: JqlQuery): CompiledJql {
  const env: Env = { store, actor };
  const matches = query.where ? compileClause(env, query.where) : () => true;
  const comparators = query.orderBy.map((t) => orderComparator(env, t));
  // Without ORDER BY, newest first; the id breaks every tie so paging is stable.
  const tieBreak: Comparator = (a, b) => Number(b.id) - Number(a.id);
  return {
    bounded: query.where !== null,
    matches,
    compare: (a, b) => {
      for (const c of comparators) {
        const d = c(a, b);
        if (d !== 0) return d;
      }
      return tieBreak(a, b);
    },
  };
}

/** Parses and compiles JQL; throws JqlError with Jira's message. */
export function compileJql(store: Store, actor: UserDef, text: string): CompiledJql {
  return compileQuery(store, actor, parseJql(text));
}

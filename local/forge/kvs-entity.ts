/**
 * Custom-entity queries and transaction conditions for the local KVS: indexes come from the
 * manifest's `app.storage.entities`, as in Forge. A small, exact subset: partition + range
 * condition + filters + sort + cursor paging.
 */
import type { ManifestStorageEntity } from './manifest';
import type { KvsRecord } from './kvs-store';

export interface Filter {
  property: string;
  condition: string;
  values: unknown[];
}
export interface Conditions {
  and?: Filter[];
  or?: Filter[];
}

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

function compare(a: unknown, b: unknown): number {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  const sa = String(a);
  const sb = String(b);
  return sa < sb ? -1 : sa > sb ? 1 : 0;
}

function test(value: unknown, condition: string, values: unknown[]): boolean {
  const [v0, v1] = values;
  switch (condition) {
    case 'EXISTS':
      return value !== undefined;
    case 'NOT_EXISTS':
      return value === undefined;
    case 'EQUAL_TO':
      return value === v0;
    case 'NOT_EQUAL_TO':
      return value !== v0;
    case 'BEGINS_WITH':
      return typeof value === 'string' && value.startsWith(String(v0));
    case 'CONTAINS':
      return (typeof value === 'string' && value.includes(String(v0))) || (Array.isArray(value) && value.includes(v0));
    case 'NOT_CONTAINS':
      return !((typeof value === 'string' && value.includes(String(v0))) || (Array.isArray(value) && value.includes(v0)));
    case 'BETWEEN':
      return value !== undefined && compare(value, v0) >= 0 && compare(value, v1) <= 0;
    case 'GREATER_THAN':
      return value !== undefined && compare(value, v0) > 0;
    case 'GREATER_THAN_EQUAL_TO':
      return value !== undefined && compare(value, v0) >= 0;
    case 'LESS_THAN':
      return value !== undefined && compare(value, v0) < 0;
    case 'LESS_THAN_EQUAL_TO':
      return value !== undefined && compare(value, v0) <= 0;
    default:
      throw new Error(`Unsupported condition ${condition}`);
  }
}

const prop = (value: unknown, property: string): unknown => (isObj(value) ? value[property] : undefined);

/** True when `value` (an entity's current value, or undefined) meets the and/or conditions. */
export function matchesConditions(value: unknown, conditions: Conditions): boolean {
  const and = conditions.and ?? [];
  const or = conditions.or ?? [];
  const okAnd = and.every((f) => test(prop(value, f.property), f.condition, f.values));
  const okOr = or.length === 0 || or.some((f) => test(prop(value, f.property), f.condition, f.values));
  return okAnd && okOr;
}

export function entityQuery(
  def: ManifestStorageEntity,
  records: { key: string; rec: KvsRecord }[],
  o: Obj & { limit: number; cursor?: string },
): { page: { key: string; rec: KvsRecord }[]; next?: string } {
  const index = def.indexes.find((ix) => ix.name === o.indexName);
  if (!index) throw new Error(`Entity "${def.name}" has no index "${String(o.indexName)}".`);
  const partition = Array.isArray(o.partition) ? o.partition : [];
  const range = isObj(o.range) ? o.range : undefined;
  const filters = isObj(o.filters) ? (o.filters as Conditions) : undefined;
  const desc = o.sort === 'DESC';
  const rows = records
    .filter(({ rec }) => prop(rec.value, index.range) !== undefined)
    .filter(({ rec }) => index.partition.every((attr, i) => i >= partition.length || prop(rec.value, attr) === partition[i]))
    .filter(({ rec }) => !range || test(prop(rec.value, index.range), String(range.condition), Array.isArray(range.values) ? range.values : []))
    .filter(({ rec }) => !filters || matchesConditions(rec.value, filters))
    .sort((a, b) => {
      const c = compare(prop(a.rec.value, index.range), prop(b.rec.value, index.range)) || compare(a.key, b.key);
      return desc ? -c : c;
    });
  const start = o.cursor === undefined ? 0 : rows.findIndex((r) => r.key === o.cursor) + 1;
  const page = rows.slice(start, start + o.limit);
  const last = page[page.length - 1];
  return { page, next: start + o.limit < rows.length && last ? last.key : undefined };
}

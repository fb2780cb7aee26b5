/**
 * Reading query parameters and JSON bodies the way Jira does: repeated parameters and
 * comma-separated lists are the same thing, booleans are `true`/`false`, bad numbers are a 400.
 */
import { fail, messages } from './errors';

export type Query = Record<string, string | string[]>;

export function queryString(query: Query, name: string): string | undefined {
  const v = query[name];
  if (v === undefined) return undefined;
  return Array.isArray(v) ? v[0] : v;
}

/** `fields=a,b&fields=c` → [a, b, c]; undefined when the parameter is absent. */
export function queryList(query: Query, name: string): string[] | undefined {
  const v = query[name];
  if (v === undefined) return undefined;
  return splitList(Array.isArray(v) ? v : [v]);
}

export function splitList(values: unknown): string[] {
  if (!Array.isArray(values)) return [];
  return values
    .filter((x): x is string => typeof x === 'string')
    .flatMap((x) => x.split(','))
    .map((x) => x.trim())
    .filter((x) => x.length > 0);
}

export function queryBool(query: Query, name: string, fallback: boolean): boolean {
  const v = queryString(query, name);
  if (v === undefined) return fallback;
  return v.toLowerCase() === 'true';
}

export function parseIntParam(raw: unknown, name: string, fallback: number): number {
  if (raw === undefined || raw === null || raw === '') return fallback;
  const n = typeof raw === 'number' ? raw : Number(raw);
  if (!Number.isInteger(n)) fail(400, `The value '${String(raw)}' for '${name}' is not a valid number.`);
  return n;
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The JSON body as an object, or Jira's "invalid payload" 400. */
export function bodyObject(body: unknown): Record<string, unknown> {
  if (!isRecord(body)) fail(400, messages.invalidPayload);
  return body;
}

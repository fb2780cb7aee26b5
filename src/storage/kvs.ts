/**
 * Typed access to Forge KVS. Values are checked with a zod schema on the way out: a record written
 * by an older app version, or damaged, reads as a clear error rather than a crash somewhere later.
 */
import { ForgeKvsAPIError, kvs, WhereConditions } from '@forge/kvs';
import type { z } from 'zod';
import { withBackoff } from './backoff';

/** Forge's limit for one value is 240 KiB; keep a margin for JSON overhead. */
export const MAX_VALUE_BYTES = 200 * 1024;

export class StoredValueError extends Error {
  override name = 'StoredValueError';
}

/**
 * Forge bills an empty KVS read (a key that is not there, a query that finds nothing) as 1 KB, ten
 * times what a small record costs (Forge pricing page: "Empty KVS reads count as 1KB towards your
 * usage, whereas non-empty reads are based on actual size"). The records an Audit page open reads
 * that are usually absent (no plan, no waivers, default settings…) are therefore, once found
 * missing, stored as ABSENT: a tiny marker that every read here answers as "no record". It is
 * written create-if-absent, so it never overwrites a writer that got there first, and a writer
 * simply overwrites it; a delete makes the key empty again until the next read marks it.
 */
export const ABSENT = { absent: 1 } as const;
/** Key kinds marked ABSENT when missing: read on every page open (or daily), plain readValue/writeValue records. */
const MARKED_KINDS = new Set(['audit-reviews', 'audit-plan', 'audit-prerequisites', 'audit-waivers', 'crosswalk', 'item-map-unclaimed', 'project-retired-checklists', 'project-settings', 'reminder-settings', 'score-history-cursor']);
/**
 * Query prefixes that, when they find nothing, get one ABSENT record under them (`<prefix>#none`):
 * the site's custom checklists, and a project's pending trail decisions (`trail-pending:<project>:`,
 * queried by every decision, the Trail tab and the daily run; usually none).
 */
const MARKED_PREFIXES = new Set(['custom-checklist:']);
const MARKED_PREFIX_KINDS = new Set(['trail-pending']);
const isMarkedPrefix = (prefix: string): boolean => MARKED_PREFIXES.has(prefix) || MARKED_PREFIX_KINDS.has(prefix.split(':')[0] ?? '');

/** The ABSENT marker: what a read here answers as "no record" (tests use it to tell "nothing written"). */
export function isAbsent(raw: unknown): boolean {
  return typeof raw === 'object' && raw !== null && !Array.isArray(raw) && Object.keys(raw).length === 1 && (raw as { absent?: unknown }).absent === ABSENT.absent;
}

/** Best effort: a marker that is not written only costs the next read 1 KB again. */
async function markAbsent(key: string): Promise<void> {
  try {
    await kvs.set(key, ABSENT, { keyPolicy: 'FAIL_IF_EXISTS' });
  } catch {
    // Already there (a writer or another reader won) or throttled: either way nothing to do.
  }
}

export async function readValue<T>(key: string, schema: z.ZodType<T>): Promise<T | undefined> {
  const raw = await withBackoff('storage reads', () => kvs.get<unknown>(key));
  if (raw === undefined || raw === null) {
    if (MARKED_KINDS.has(key.split(':')[0] ?? '')) await markAbsent(key);
    return undefined;
  }
  if (isAbsent(raw)) return undefined;
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    throw new StoredValueError(`Stored record ${key.split(':')[0] ?? 'value'} is not in the expected shape; it may need to be recreated.`);
  }
  return parsed.data;
}

export async function writeValue<T>(key: string, value: T, options: { ttlSeconds?: number } = {}): Promise<void> {
  const ttl = options.ttlSeconds !== undefined ? { ttl: { value: options.ttlSeconds, unit: 'SECONDS' as const } } : undefined;
  await withBackoff('storage writes', () => kvs.set(key, value, ttl));
}

/**
 * Writes only if the key is free; false when it already exists. Used to claim a single slot
 * (e.g. the one running import of a checklist) without a race between two resolvers.
 */
export async function claimValue<T>(key: string, value: T, options: { ttlSeconds?: number } = {}): Promise<boolean> {
  const ttl = options.ttlSeconds !== undefined ? { ttl: { value: options.ttlSeconds, unit: 'SECONDS' as const } } : {};
  try {
    await withBackoff('storage writes', () => kvs.set(key, value, { keyPolicy: 'FAIL_IF_EXISTS', ...ttl }));
    return true;
  } catch (error) {
    if (isKeyExists(error)) return false;
    throw error;
  }
}

export async function deleteValue(key: string): Promise<void> {
  await withBackoff('storage writes', () => kvs.delete(key));
}

/**
 * Every value whose key starts with `prefix`, in key order (KVS pages by 20 at most); with
 * `maxPages`, only that many pages (bounded work when the caller handles a few at a time).
 */
export async function readByPrefix<T>(prefix: string, schema: z.ZodType<T>, options: { maxPages?: number } = {}): Promise<{ key: string; value: T }[]> {
  const results: { key: string; value: T }[] = [];
  let cursor: string | undefined;
  let found = 0;
  let pages = 0;
  do {
    let query = kvs.query().where('key', WhereConditions.beginsWith(prefix)).limit(20);
    if (cursor !== undefined) query = query.cursor(cursor);
    const page = await withBackoff('storage reads', () => query.getMany<unknown>());
    for (const entry of page.results) {
      if (isAbsent(entry.value)) continue;
      const parsed = schema.safeParse(entry.value);
      if (!parsed.success) throw new StoredValueError(`Stored record ${prefix}… is not in the expected shape; it may need to be recreated.`);
      results.push({ key: entry.key, value: parsed.data });
    }
    cursor = page.nextCursor;
    found += page.results.length;
    pages += 1;
  } while (cursor !== undefined && pages < (options.maxPages ?? Number.POSITIVE_INFINITY));
  if (found === 0 && isMarkedPrefix(prefix)) await markAbsent(`${prefix}#none`);
  return results;
}

/** Size of a value as KVS stores it (JSON), for chunking. */
export function jsonBytes(value: unknown): number {
  return Buffer.byteLength(JSON.stringify(value), 'utf8');
}

function isKeyExists(error: unknown): boolean {
  return error instanceof ForgeKvsAPIError && (error.code === 'KEY_ALREADY_EXISTS' || error.responseDetails.status === 409);
}

/**
 * Writes every value or none (one KVS transaction, at most 25 keys, each once): for records that
 * must never be seen half-written, such as a trail chunk and the head that counts it.
 */
export async function writeAll(values: readonly { key: string; value: unknown }[]): Promise<void> {
  await withBackoff('storage writes', async () => {
    const transaction = kvs.transact();
    for (const { key, value } of values) transaction.set(key, value);
    await transaction.execute();
  });
}

/**
 * The values of `keys` that exist (batches of 20), each checked by `schema`; a missing key is left
 * out of the map, any other failure throws.
 */
export async function readMany<T>(keys: readonly string[], schema: z.ZodType<T>): Promise<Map<string, T>> {
  const found = new Map<string, T>();
  for (let start = 0; start < keys.length; start += 20) {
    const batch = keys.slice(start, start + 20);
    const result = await withBackoff('storage reads', () => kvs.batchGet<unknown>(batch.map((key) => ({ key }))));
    const failed = result.failedKeys.find((item) => item.error.code !== 'KEY_NOT_FOUND');
    if (failed) throw new StoredValueError(`Could not read stored record ${failed.key.split(':')[0] ?? 'value'}: ${failed.error.message}`);
    for (const item of result.successfulKeys) {
      if (isAbsent(item.value)) continue;
      const parsed = schema.safeParse(item.value);
      if (!parsed.success) throw new StoredValueError(`Stored record ${item.key.split(':')[0] ?? 'value'} is not in the expected shape; it may need to be recreated.`);
      found.set(item.key, parsed.data);
    }
  }
  return found;
}

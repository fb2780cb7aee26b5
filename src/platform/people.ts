/**
 * Display names for the account ids the Audit page shows (owners, reviewers, waiver authors), from
 * Jira's bulk user lookup, cached per project in one KVS value: each name is kept
 * {@link NAME_TTL_MS} (a renamed person shows the new name within a day), the value itself expires
 * after a week unused, and it holds at most {@link MAX_CACHED_NAMES} names (the oldest go first).
 * An account Jira does not return (deleted, private) is cached as unknown for the same time, so it
 * is not asked for on every load; the page then shows the account id.
 */
import { z } from 'zod';
import { JiraHttp as JiraHttpClass, type JiraHttp } from '../jira/http';
import { getUsersBulk } from '../jira/users';
import { peopleCacheKey } from '../storage/keys';
import { readValue, writeValue } from '../storage/kvs';

export const NAME_TTL_MS = 24 * 3_600_000;
export const MAX_CACHED_NAMES = 1_000;
const VALUE_TTL_SECONDS = 7 * 24 * 3_600;

const cacheSchema = z.record(z.string(), z.object({ name: z.string().nullable(), at: z.number() }));
type NameCache = z.infer<typeof cacheSchema>;

export interface Person {
  accountId: string;
  /** Null when Jira does not return the account. */
  displayName: string | null;
}

/** Names of `accountIds` (deduplicated), from the cache or one bulk lookup per 50 missing. */
export async function peopleNames(http: JiraHttp, projectKey: string, accountIds: readonly string[], now: () => number = Date.now): Promise<Record<string, Person>> {
  const ids = [...new Set(accountIds.filter((id) => id.length > 0))];
  const result: Record<string, Person> = {};
  if (ids.length === 0) return result;
  let cache: NameCache = {};
  try {
    cache = (await readValue(peopleCacheKey(projectKey), cacheSchema)) ?? {};
  } catch {
    cache = {};
  }
  const at = now();
  const missing = ids.filter((id) => {
    const entry = cache[id];
    return entry === undefined || at - entry.at >= NAME_TTL_MS;
  });
  if (missing.length > 0) {
    const found = new Map((await getUsersBulk(http, missing)).map((user) => [user.accountId, user.displayName]));
    for (const id of missing) cache[id] = { name: found.get(id) ?? null, at };
    await writeValue(peopleCacheKey(projectKey), bounded(cache), { ttlSeconds: VALUE_TTL_SECONDS });
  }
  for (const id of ids) result[id] = { accountId: id, displayName: cache[id]?.name ?? null };
  return result;
}

function bounded(cache: NameCache): NameCache {
  const entries = Object.entries(cache);
  if (entries.length <= MAX_CACHED_NAMES) return cache;
  return Object.fromEntries(entries.sort((a, b) => b[1].at - a[1].at).slice(0, MAX_CACHED_NAMES));
}

/**
 * Display names by account id for a view (`people` in an answer): the cached lookup above, with the
 * app's own actor (`app`) and empty ids left out. Names are cosmetic: when Jira cannot be asked the
 * answer is empty and the page shows account ids, so a view never fails for them.
 */
export async function displayNames(projectKey: string, accountIds: readonly (string | undefined)[], now: () => number = Date.now, http?: JiraHttp): Promise<Record<string, string | null>> {
  const wanted = accountIds.filter((id): id is string => id !== undefined && id !== '' && id !== 'app');
  if (wanted.length === 0) return {};
  try {
    const names = await peopleNames(http ?? new JiraHttpClass(), projectKey, wanted, now);
    return Object.fromEntries(Object.values(names).map((person) => [person.accountId, person.displayName]));
  } catch (error) {
    console.warn(`[people] ${projectKey}: names not read (${error instanceof Error ? error.name : 'error'}); account ids shown`);
    return {};
  }
}

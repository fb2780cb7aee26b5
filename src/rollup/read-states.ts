/**
 * The rollup's read of a checklist's item states from Jira, in a constant number of calls whenever
 * it can be: a **delta read** on top of the last read (kept in the rollup cache) instead of a full
 * read of every item.
 *
 * Why not always a delta: there must be a read to build on. An item's status name, resolution,
 * assignee, `updated` and the value of the app-owned evidence field (its assessment and evidence)
 * come back only with fields requested, and Jira then pages at 100 (search/jql and bulkfetch alike).
 * So the first read of a checklist (or one after the app rebuilt its items) is a **cold read**
 * (cold-read.ts): five ids-only searches, 5,000 a page, that give each issue's status category,
 * the assessment the app recorded and whether accepted evidence is in force today, with the item map
 * saying which item each issue holds, and only the members whose figures that cannot give (N/A,
 * evidence with a risk, values older than the in-force summary) read with their fields: 6 calls at
 * any N ≤ 5,000 while ≤ 100 are (+1 a further 100 of those). When it declines (a checklist under 600 items, where
 * that costs no more) it is a **full read**, ceil(N/100) search pages. Every later read asks Jira
 * only what changed:
 *
 * 1. ids-only search of the checklist's active item issues (membership: one call up to 5,000),
 * 2. search of those updated since the last read, less a margin for index lag, with `updated`
 *    (100 a page): one whose `updated` is the one the cache holds did not change since that read,
 * 3. bulkfetch (100 a call) of the changed issues and of members the last read did not know:
 *    the per-item fallback, so it costs ceil(changed/100) calls.
 *
 * The app's own verdict writes (the evidence field, through the app field value API: an issue
 * update, which fires `avi:jira:updated:issue` unless `generateAppEvents=false`; to confirm on a real
 * site) and every change people make (status, resolution, assignee, moves) update the issue's
 * `updated`; deleted,
 * moved-away, retired or re-labelled issues drop out of the membership search. A cold (or full)
 * read is made instead when any of these fail to hold: no cached read of this checklist, the item
 * map changed since (an import, sync or adoption: identity properties may have changed, which
 * `updated` does not show), the last full read is older than FULL_READ_MAX_AGE_MS (the
 * backstop for an identity property rewritten outside the app, which changes neither `updated` nor
 * membership: only a full read catches that one, so that read is always full while the cache lives;
 * after an hour without reads the cache has expired and the next read is a first read, cold), more than
 * DELTA_FETCH_MAX issues changed, or the cache holds a cold read's evidence stand-ins from another
 * day or for an earlier audit date (src/domain/evidence-stand-in.ts standInsHold). A `force`d read (the reminders of a planned checklist; a view
 * that needs every issue's assignee or `updated`) is always a full read.
 */
import { createHash } from 'node:crypto';
import { z } from 'zod';
import type { EvidenceFieldValue } from '../domain/evidence';
import type { ChecklistDefinition } from '../domain/types';
import { fromDigest, toDigest, type EvidenceDigest } from '../domain/evidence-digest';
import type { JiraClient, JiraSearchIssue } from '../jira';
import { activeItemsJql, ITEM_PROPERTY } from '../jira/identity';
import type { ItemMap } from '../item-map/model';
import { splitByMap, type UnclaimedIssue } from '../item-map/claims';
import type { ItemMapHandle } from '../item-map/ensure';
import { rollupBaseKey } from '../storage/keys';
import { readValue, writeValue } from '../storage/kvs';
import type { CachedStates } from './cache';
import { readFields, statesOf, type Accept, type ReadBase, type StatesRead } from './states-of';
import { coldRead } from './cold-read';
import { standInHorizon, standInsHold } from '../domain/evidence-stand-in';
import { utcDay } from '../domain/evidence-scoring';

/** A delta read older than this since the last full read makes a full read instead (never a cold one). */
export const FULL_READ_MAX_AGE_MS = 60 * 60_000;
/** Changes looked for since the last read less this: Jira's search index may lag a change by this much. */
export const INDEX_LAG_MARGIN_MINUTES = 15;
/** More changed or unknown issues than this (4 bulkfetch calls) makes a full read instead. */
export const DELTA_FETCH_MAX = 400;
/** Member issues that are not items (chapter Epics…) remembered at most; beyond, always a full read. */
const MAX_OTHER_KEYS = 2_000;

const baseSchema = z.object({
  /** The cached read (its `readAt`) this record describes. */
  readAt: z.number(),
  fullReadAt: z.number(),
  mapHash: z.string(),
  /** The item map's generation the read was made with (absent in bases written before it was kept). */
  mapGeneration: z.string().optional(),
  /** Active member issues of the checklist that gave no item state and no claim. */
  otherKeys: z.array(z.string()),
});
type Base = z.infer<typeof baseSchema>;

export type { StatesRead } from './states-of';

/** The item map's part a read depends on: this checklist's items and the closed duplicates. */
export function mapFingerprint(map: ItemMap, checklistId: string): string {
  const items = [...(map.checklists.get(checklistId)?.items ?? new Map())].map(([itemId, issue]) => [itemId, issue.id, issue.key, issue.state]);
  const duplicates = [...map.duplicates].map(([id, duplicate]) => [id, duplicate.key, duplicate.checklistId, duplicate.itemId, duplicate.closed]);
  return createHash('sha256').update(JSON.stringify([items, duplicates])).digest('base64url').slice(0, 16);
}

/** Whether the map holds the state's issue for its item (true), or the claim the issue makes instead. */
export function acceptWith(map: ItemMap, checklistId: string): Accept {
  return (state) => {
    const { trusted, unclaimed } = splitByMap(map, checklistId, [state]);
    return trusted.length > 0 ? true : unclaimed[0];
  };
}

/**
 * Runs `read` with an `accept` from what the last read trusted, when the map is the one it was made
 * with: an issue it found holding an item still holds it. Any other state (a new issue, a claim, an
 * issue now naming another item) and the map is read after all and `read` runs again with it.
 */
async function withAccept<T>(read: (accept: Accept) => T, known: ReadonlySet<string> | undefined, load: () => Promise<Accept>): Promise<T> {
  if (known) {
    let unknown = false;
    const result = read((state) => (known.has(pairOf(state)) ? true : ((unknown = true), undefined)));
    if (!unknown) return result;
  }
  return read(await load());
}

const pairOf = (state: { itemId: string; issueKey?: string | undefined }): string => `${state.itemId}\u0000${state.issueKey ?? ''}`;

export async function rememberBase(projectKey: string, checklistId: string, readAt: number, base: ReadBase): Promise<void> {
  if (base.otherKeys.length > MAX_OTHER_KEYS) return;
  await writeValue(rollupBaseKey(projectKey, checklistId), { readAt, ...base });
}

/**
 * Reads the states of `def`'s items: a delta on `cached` when it qualifies (see the file comment),
 * a full read otherwise. Only issues the item map holds for their item count (`maps`); the map
 * itself is read only when it changed since the cached read or a state the cached read did not
 * trust turns up (withAccept): the header's generation says whether it changed.
 */
export async function readItemStates(
  jira: JiraClient,
  projectKey: string,
  def: ChecklistDefinition,
  fieldId: string | undefined,
  maps: ItemMapHandle,
  /** `auditDate`: the checklist's audit date, if planned (the cold read reads whole the evidence expiring before it). */
  context: { cached: CachedStates | undefined; previousUnclaimed: readonly UnclaimedIssue[]; now: number; allowDelta: boolean; auditDate?: string | undefined },
): Promise<StatesRead> {
  const today = utcDay(new Date(context.now));
  const base = context.allowDelta && context.cached ? await readValue(rollupBaseKey(projectKey, def.id), baseSchema) : undefined;
  // The same map as the cached read's (same generation): what it trusted holds, and its fingerprint.
  const sameMap = base !== undefined && base.mapGeneration !== undefined && base.mapGeneration === maps.generation && base.readAt === context.cached?.readAt;
  const known = sameMap && context.cached ? new Set(context.cached.states.map(pairOf)) : undefined;
  const mapHash = sameMap ? base.mapHash : mapFingerprint(await maps.load(), def.id);
  const load = async (): Promise<Accept> => acceptWith(await maps.load(), def.id);
  const mapGeneration = maps.generation !== undefined ? { mapGeneration: maps.generation } : {};
  if (
    context.cached &&
    base &&
    // A cold read's evidence stand-ins hold for the day and audit date they were read for only.
    standInsHold(digestEvidence(context.cached), today, context.auditDate) &&
    base.readAt === context.cached.readAt &&
    base.mapHash === mapHash &&
    context.now - base.fullReadAt < FULL_READ_MAX_AGE_MS &&
    recentlyUpdated(context.cached) <= DELTA_FETCH_MAX
  ) {
    const delta = await deltaRead(jira, projectKey, def, fieldId, known, load, { ...context, cached: context.cached, base });
    if (delta) return { ...delta, base: { ...delta.base, ...mapGeneration } };
  }
  // No delta: the partition read (cold-read.ts), else every item with its fields. Not when the cache
  // lives and the last full read is an hour old: that backstop is for what only a full read sees (an
  // identity rewritten outside the app), so a cold read keeps the last full read's time.
  const backstopDue = base !== undefined && context.now - base.fullReadAt >= FULL_READ_MAX_AGE_MS;
  if (context.allowDelta && !backstopDue) {
    const map = await maps.load();
    const cold = await coldRead(jira, projectKey, def, fieldId, map, acceptWith(map, def.id), { fullReadAt: base?.fullReadAt ?? context.now, mapHash, today, horizon: standInHorizon(today, context.auditDate) });
    if (cold) return { ...cold, base: { ...cold.base, ...mapGeneration } };
  }
  const issues = await jira.searchJql({ jql: activeItemsJql(projectKey, def.id), fields: readFields(fieldId), properties: [ITEM_PROPERTY] });
  const read = await withAccept((accept) => statesOf(issues, fieldId, accept), known, load);
  if (read.ignored > 0) console.info(`[rollup] ${projectKey}/${def.id}: ${read.ignored} stored evidence problem(s) ignored`);
  return { states: read.states, evidence: read.evidence, unclaimed: read.unclaimed, kind: 'full', base: { fullReadAt: context.now, mapHash, otherKeys: read.otherKeys, ...mapGeneration } };
}

/**
 * Cached items whose issue changed within the lag margin before that read: a delta would fetch them
 * all again, so with more than DELTA_FETCH_MAX (right after an import) a full read is cheaper at once.
 * Only a shortcut: the delta makes the same check on what Jira answers.
 */
function recentlyUpdated(cached: CachedStates): number {
  const since = cached.readAt - (INDEX_LAG_MARGIN_MINUTES + 1) * 60_000;
  return cached.states.filter((state) => state.updatedAt !== undefined && Date.parse(state.updatedAt) >= since).length;
}

async function deltaRead(
  jira: JiraClient,
  projectKey: string,
  def: ChecklistDefinition,
  fieldId: string | undefined,
  /** What the cached read trusted, when the map is the same (else undefined: `load` it). */
  trusted: ReadonlySet<string> | undefined,
  load: () => Promise<Accept>,
  context: { cached: CachedStates; base: Base; previousUnclaimed: readonly UnclaimedIssue[]; now: number },
): Promise<StatesRead | undefined> {
  const { cached, base } = context;
  const jql = activeItemsJql(projectKey, def.id);
  // Relative to Jira's clock, so no time zone enters; minute precision, hence the +1.
  const sinceMinutes = Math.ceil(Math.max(0, context.now - cached.readAt) / 60_000) + 1 + INDEX_LAG_MARGIN_MINUTES;
  // With `updated` (100 a page instead of 5,000: the changed few fit one page as well), unless the
  // cache holds states without it (a cold read's): nothing to compare with, so ids only, one page,
  // and every issue changed within the margin is fetched (more than DELTA_FETCH_MAX: a cold read).
  // A state kept as "changed before" an instant earlier than the look-back window has nothing to
  // compare and needs nothing: if it shows in the window, it changed (cache-codec.ts).
  const windowStart = context.now - sinceMinutes * 60_000;
  const compare = cached.states.every((state) => state.updatedAt !== undefined || (state.updatedBefore !== undefined && Date.parse(state.updatedBefore) <= windowStart));
  const [members, changed] = await Promise.all([
    jira.searchJql({ jql, fields: ['key'] }),
    jira.searchJql({ jql: `${jql} AND updated >= "-${sinceMinutes}m"`, fields: compare ? ['key', 'updated'] : ['key'] }),
  ]);
  // As instants: the cache keeps `updated` as an ISO string in UTC, Jira answers with its offset.
  const heldUpdated = new Map(cached.states.flatMap((state) => (state.issueKey !== undefined && state.updatedAt !== undefined ? [[state.issueKey, Date.parse(state.updatedAt)]] : [])));
  const unchanged = (issue: JiraSearchIssue): boolean => {
    const at = typeof issue.fields?.updated === 'string' ? Date.parse(issue.fields.updated) : Number.NaN;
    return issue.key !== undefined && Number.isFinite(at) && heldUpdated.get(issue.key) === at;
  };
  // Within the lag margin but with the very `updated` the cache holds: unchanged since that read, not
  // fetched again (else every read within 15 minutes of an import fetches every item). A change the
  // index has not caught up with yet shows with a new `updated` on a later read, as with the margin.
  const changedIds = new Set(changed.filter((issue) => !unchanged(issue)).map((issue) => issue.id));
  const known = new Map<string, 'state' | 'claim' | 'other'>();
  for (const state of cached.states) if (state.issueKey !== undefined) known.set(state.issueKey, 'state');
  for (const claim of context.previousUnclaimed) known.set(claim.issueKey, 'claim');
  for (const key of base.otherKeys) known.set(key, 'other');
  const memberKeys = new Set(members.flatMap((issue) => (issue.key !== undefined ? [issue.key] : [])));
  const toFetch = members.filter((issue) => changedIds.has(issue.id) || issue.key === undefined || !known.has(issue.key));
  if (toFetch.length > DELTA_FETCH_MAX) return undefined;
  const fetched = toFetch.length === 0 ? [] : await jira.bulkFetchIssues({ issueIdsOrKeys: toFetch.map((issue) => issue.id), fields: readFields(fieldId), properties: [ITEM_PROPERTY] });
  const fetchedKeys = new Set([...toFetch, ...fetched].flatMap((issue) => (issue.key !== undefined ? [issue.key] : [])));
  const stays = (key: string | undefined): key is string => key !== undefined && memberKeys.has(key) && !fetchedKeys.has(key);
  // An issue that is still a member and did not change holds what the last read found.
  const { fresh, keptStates } = await withAccept(
    (accept) => ({ fresh: statesOf(fetched, fieldId, accept), keptStates: cached.states.filter((state) => stays(state.issueKey) && accept(state) === true) }),
    trusted,
    load,
  );
  const evidence = new Map<string, EvidenceFieldValue>();
  for (const state of keptStates) {
    const digest: EvidenceDigest | undefined = cached.evidence.get(state.itemId);
    if (digest !== undefined) evidence.set(state.itemId, fromDigest(digest));
  }
  for (const [itemId, value] of fresh.evidence) if (!evidence.has(itemId)) evidence.set(itemId, value);
  const unclaimed = [...context.previousUnclaimed.filter((claim) => stays(claim.issueKey)), ...fresh.unclaimed];
  const otherKeys = [...base.otherKeys.filter(stays), ...fresh.otherKeys];
  return { states: [...keptStates, ...fresh.states], evidence, unclaimed, kind: 'delta', base: { fullReadAt: base.fullReadAt, mapHash: base.mapHash, otherKeys } };
}

/** The cached evidence, rebuilt from its digests. */
export function digestEvidence(cached: Pick<CachedStates, 'evidence'>): Map<string, EvidenceFieldValue> {
  return new Map([...cached.evidence].map(([itemId, digest]) => [itemId, fromDigest(digest)]));
}

/** Evidence as the cache keeps it. */
export function digestsOf(evidence: ReadonlyMap<string, EvidenceFieldValue>): Map<string, EvidenceDigest> {
  return new Map([...evidence].map(([itemId, value]) => [itemId, toDigest(value)]));
}

/**
 * Search: `search/jql` (GET and POST) with `nextPageToken` paging, approximate count, bulk fetch,
 * and the removed `/search` (410). Searches see only issues the caller may browse.
 */
import { createHash } from 'node:crypto';
import type { Router, RouteContext, RouteResult } from '../http/router';
import { JiraError, errorCollection, fail } from '../http/errors';
import { bodyObject, parseIntParam, queryList, queryString, splitList } from '../http/params';
import { compileJql } from '../jql/compile';
import { JqlError } from '../jql/errors';
import { renderIssue } from '../render/issue';
import { selectFields } from '../render/fields';
import type { IssueRecord } from '../state/model';

export const DEFAULT_MAX_RESULTS = 50;
/** Page size caps: ids (or keys) only, and with any other field. */
export const MAX_RESULTS_IDS_ONLY = 5000;
export const MAX_RESULTS_WITH_FIELDS = 100;
export const BULK_FETCH_LIMIT = 100;
export const BULK_FETCH_PROPERTIES_LIMIT = 5;

const UNBOUNDED = 'Unbounded JQL queries are not allowed here. Please add a search restriction to your query.';

interface SearchInput {
  jql: string;
  fields?: string[];
  properties?: string[];
  maxResults?: unknown;
  nextPageToken?: string;
  /** Issue ids the answer must reflect even while the index lags (read-after-write), ≤ 50. */
  reconcileIssues?: unknown;
}

/** Jira's cap on `reconcileIssues`. */
export const RECONCILE_LIMIT = 50;

function reconcileIds(raw: unknown): Set<string> {
  if (raw === undefined) return new Set();
  if (!Array.isArray(raw) || !raw.every((id) => typeof id === 'number' && Number.isInteger(id))) fail(400, 'reconcileIssues must be a list of issue ids (numbers).');
  if (raw.length > RECONCILE_LIMIT) fail(400, `reconcileIssues accepts at most ${RECONCILE_LIMIT} issue ids.`);
  return new Set(raw.map(String));
}

function jqlHash(jql: string): string {
  return createHash('sha1').update(jql).digest('hex').slice(0, 12);
}

/** Opaque to clients; bound to the query so a token from another search is refused. */
function encodeToken(offset: number, jql: string): string {
  return Buffer.from(JSON.stringify({ o: offset, q: jqlHash(jql) })).toString('base64url');
}

function decodeToken(token: string, jql: string): number {
  try {
    const t = JSON.parse(Buffer.from(token, 'base64url').toString('utf8')) as { o?: unknown; q?: unknown };
    if (typeof t.o === 'number' && Number.isInteger(t.o) && t.o >= 0 && t.q === jqlHash(jql)) return t.o;
  } catch {
    // fall through to the error below
  }
  fail(400, 'The provided next page token is invalid or expired.');
}

/** Matching issues the actor may see, in query order; JQL errors become Jira's 400. */
export function runJql(ctx: RouteContext, jql: string, requireBound: boolean, reconcile: ReadonlySet<string> = new Set()): IssueRecord[] {
  const { store, actor } = ctx;
  try {
    const compiled = compileJql(store, actor, jql);
    if (requireBound && !compiled.bounded) fail(400, UNBOUNDED);
    // Index lag: every search matches the index's copy (none yet for a new issue); ids named in
    // reconcileIssues are matched as they are now. Hits are answered with the issue's current data.
    const hits: { view: IssueRecord; issue: IssueRecord }[] = [];
    for (const issue of store.state.issues) {
      const view = reconcile.has(issue.id) || !ctx.indexed ? issue : ctx.indexed(issue);
      if (view && store.canSeeIssue(actor, issue) && compiled.matches(view)) hits.push({ view, issue });
    }
    return hits.sort((a, b) => compiled.compare(a.view, b.view)).map((hit) => hit.issue);
  } catch (err) {
    if (err instanceof JqlError) throw new JiraError(400, errorCollection([err.message]));
    throw err;
  }
}

function search(ctx: RouteContext, input: SearchInput): RouteResult {
  const { store } = ctx;
  const matching = runJql(ctx, input.jql, true, reconcileIds(input.reconcileIssues));
  const selection = selectFields(store, input.fields, ['id']);
  // "The greatest number of items returned per page is achieved when requesting id or key only"
  // (OpenAPI, search/jql maxResults): up to 5,000 then; any other field or any property gives
  // Jira's usual 100 ("may return fewer where … fields or properties are requested").
  const idsOnly = selection.ids.length === 0 && (input.properties ?? []).length === 0;
  const cap = idsOnly ? MAX_RESULTS_IDS_ONLY : MAX_RESULTS_WITH_FIELDS;
  const requested = parseIntParam(input.maxResults, 'maxResults', DEFAULT_MAX_RESULTS);
  if (requested < 0) fail(400, "The value for 'maxResults' must not be negative.");
  const pageSize = Math.min(requested, cap);
  const offset = input.nextPageToken ? decodeToken(input.nextPageToken, input.jql) : 0;
  const page = matching.slice(offset, offset + pageSize);
  const next = offset + page.length;
  const isLast = next >= matching.length;
  return {
    status: 200,
    body: {
      issues: page.map((i) => renderIssue(store, i, { fields: input.fields, defaultFields: ['id'], properties: input.properties, idOnlyWhenNoFields: true })),
      ...(isLast ? {} : { nextPageToken: encodeToken(next, input.jql) }),
      isLast,
    },
  };
}

function searchGet(ctx: RouteContext): RouteResult {
  const q = ctx.req.query;
  const token = queryString(q, 'nextPageToken');
  return search(ctx, {
    jql: queryString(q, 'jql') ?? '',
    fields: queryList(q, 'fields'),
    properties: queryList(q, 'properties'),
    maxResults: queryString(q, 'maxResults'),
    ...(token ? { nextPageToken: token } : {}),
  });
}

function searchPost(ctx: RouteContext): RouteResult {
  const b = bodyObject(ctx.req.body);
  return search(ctx, {
    jql: typeof b.jql === 'string' ? b.jql : '',
    fields: Array.isArray(b.fields) ? splitList(b.fields) : undefined,
    properties: Array.isArray(b.properties) ? splitList(b.properties) : undefined,
    maxResults: b.maxResults,
    reconcileIssues: b.reconcileIssues,
    ...(typeof b.nextPageToken === 'string' && b.nextPageToken ? { nextPageToken: b.nextPageToken } : {}),
  });
}

function approximateCount(ctx: RouteContext): RouteResult {
  const b = bodyObject(ctx.req.body);
  return { status: 200, body: { count: runJql(ctx, typeof b.jql === 'string' ? b.jql : '', true).length } };
}

function bulkFetch(ctx: RouteContext): RouteResult {
  const { store, actor } = ctx;
  const b = bodyObject(ctx.req.body);
  const refs = Array.isArray(b.issueIdsOrKeys) ? b.issueIdsOrKeys.filter((x): x is string => typeof x === 'string') : [];
  if (refs.length === 0) fail(400, 'issueIdsOrKeys must list at least one issue id or key.');
  if (refs.length > BULK_FETCH_LIMIT) fail(400, `Bulk fetch accepts at most ${BULK_FETCH_LIMIT} issue ids or keys in one request.`);
  if (Array.isArray(b.properties) && b.properties.length > BULK_FETCH_PROPERTIES_LIMIT) fail(400, `Bulk fetch returns at most ${BULK_FETCH_PROPERTIES_LIMIT} issue properties.`);
  const found = new Map<string, IssueRecord>();
  const issueErrors: { id: string; errorMessage: string }[] = [];
  for (const ref of refs) {
    const issue = store.visibleIssue(actor, ref);
    if (issue) found.set(issue.id, issue);
    else issueErrors.push({ id: ref, errorMessage: 'Issue does not exist or you do not have permission to see it.' });
  }
  const fields = Array.isArray(b.fields) ? splitList(b.fields) : undefined;
  const properties = Array.isArray(b.properties) ? splitList(b.properties) : undefined;
  const issues = [...found.values()]
    .sort((x, y) => Number(x.id) - Number(y.id))
    .map((i) => renderIssue(store, i, { fields, defaultFields: ['*navigable'], properties }));
  return { status: 200, body: { issues, issueErrors } };
}

function removedSearch(): RouteResult {
  return {
    status: 410,
    body: errorCollection(['The requested API has been removed. Please migrate to the /rest/api/3/search/jql API. A full migration guideline is available at https://developer.atlassian.com/changelog/#CHANGE-2046']),
  };
}

export function registerSearchRoutes(router: Router): void {
  router
    .get('/rest/api/3/search/jql', searchGet)
    .post('/rest/api/3/search/jql', searchPost)
    .post('/rest/api/3/search/approximate-count', approximateCount)
    .post('/rest/api/3/issue/bulkfetch', bulkFetch)
    .get('/rest/api/3/search', removedSearch)
    .post('/rest/api/3/search', removedSearch);
}


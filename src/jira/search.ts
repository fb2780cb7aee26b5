/** JQL search (`/rest/api/3/search/jql`, paged by `nextPageToken`) and approximate counts. */
import { route } from '@forge/api';
import { product, type Actor } from './actor';
import { jsonBody, type JiraHttp } from './http';
import { countSchema, searchPageSchema, type JiraSearchIssue } from './schemas';
import { JiraResponseError } from './errors';

/** Jira's page size when fields or properties are requested. */
export const SEARCH_PAGE_WITH_FIELDS = 100;
/** Jira's page size when only issue ids (or keys) are requested. */
export const SEARCH_PAGE_IDS_ONLY = 5000;
/** 1,000 pages of 100 is 100,000 issues: beyond any checklist; a search needing more fails rather than return part. */
const MAX_PAGES = 1000;

export interface SearchJqlArgs {
  jql: string;
  /** Field ids to return; none (or only `id`/`key`) means ids only, in the biggest pages. */
  fields?: readonly string[];
  /** Issue entity property keys to return. */
  properties?: readonly string[];
  /** Page size; defaults to Jira's maximum for what is requested. */
  maxResults?: number;
  /** Stop once this many issues are read (a page of `limit` when it is the smaller). */
  limit?: number;
  /** Issue ids (≤ 50) that must be reflected even if the index lags (read-after-write). */
  reconcileIssues?: readonly number[];
  as?: Actor;
}

/** Every issue matching the JQL, all pages, in Jira's order. */
export async function searchJql(http: JiraHttp, args: SearchJqlArgs): Promise<JiraSearchIssue[]> {
  const fields = args.fields ?? [];
  const properties = args.properties ?? [];
  // Ids and keys only (no other field, no property) get Jira's biggest pages.
  const idsOnly = fields.every((field) => field === 'id' || field === 'key') && properties.length === 0;
  const pageSize = args.maxResults ?? (idsOnly ? SEARCH_PAGE_IDS_ONLY : SEARCH_PAGE_WITH_FIELDS);
  const maxResults = args.limit !== undefined ? Math.min(args.limit, pageSize) : pageSize;
  const issues: JiraSearchIssue[] = [];
  let nextPageToken: string | undefined;
  for (let page = 0; page < MAX_PAGES; page++) {
    const request = {
      jql: args.jql,
      fields: idsOnly && fields.length === 0 ? ['id'] : [...fields],
      ...(properties.length > 0 ? { properties: [...properties] } : {}),
      maxResults,
      ...(nextPageToken !== undefined ? { nextPageToken } : {}),
      ...(args.reconcileIssues && args.reconcileIssues.length > 0 ? { reconcileIssues: [...args.reconcileIssues] } : {}),
    };
    const { body } = await http.json(
      'searchJql',
      () => product(args.as).requestJira(route`/rest/api/3/search/jql`, { method: 'POST', ...jsonBody(request) }),
      searchPageSchema,
    );
    issues.push(...(body.issues ?? []));
    if (args.limit !== undefined && issues.length >= args.limit) return issues.slice(0, args.limit);
    const token = body.nextPageToken ?? undefined;
    if (body.isLast === true || token === undefined) return issues;
    if (token === nextPageToken) {
      throw new JiraResponseError(
        { operation: 'searchJql', status: 200, errorMessages: [], errors: {} },
        'Jira returned the same search page token twice; stopped paging to avoid a loop.',
      );
    }
    nextPageToken = token;
  }
  // Never hand back part of the matches as if it were all of them.
  throw new JiraResponseError(
    { operation: 'searchJql', status: 200, errorMessages: [], errors: {} },
    `Jira still had more results after ${MAX_PAGES} search pages (${issues.length} issues); stopped rather than return part of them.`,
  );
}

/** Jira's estimate of how many issues match (cheap; may lag recent changes). */
export async function approximateCount(http: JiraHttp, args: { jql: string; as?: Actor }): Promise<number> {
  const { body } = await http.json(
    'approximateCount',
    () => product(args.as).requestJira(route`/rest/api/3/search/approximate-count`, { method: 'POST', ...jsonBody({ jql: args.jql }) }),
    countSchema,
  );
  return body.count;
}

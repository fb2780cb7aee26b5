/**
 * Reads that do not depend on Jira's search index: `POST /rest/api/3/issue/bulkfetch` (≤ 100 issue
 * ids or keys a call, ≤ 5 properties, issues in ascending id order). What Jira cannot return (no
 * such issue, not visible, or an `issueErrors` entry) is simply absent from the answer: callers
 * treat "not in `issues`" as "not there", whether or not Jira listed it in `issueErrors`.
 */
import { route } from '@forge/api';
import { z } from 'zod';
import { product, type Actor } from './actor';
import { jsonBody, type JiraHttp } from './http';
import { searchIssueSchema, type JiraSearchIssue } from './schemas';

/** Jira's cap on issue ids or keys in one bulk fetch. */
export const BULK_FETCH_MAX = 100;

const bulkFetchSchema = z.looseObject({
  issues: z.array(searchIssueSchema).optional(),
  issueErrors: z.array(z.looseObject({ id: z.string().optional(), errorMessage: z.string().optional() })).optional(),
});

export interface BulkFetchArgs {
  issueIdsOrKeys: readonly string[];
  /** Field ids; none asks for `id` alone (Jira's default would be every navigable field). */
  fields?: readonly string[];
  properties?: readonly string[];
  as?: Actor;
}

/** Every issue of `issueIdsOrKeys` that exists and the actor may see, 100 a call, in id order per call. */
export async function bulkFetchIssues(http: JiraHttp, args: BulkFetchArgs): Promise<JiraSearchIssue[]> {
  const found: JiraSearchIssue[] = [];
  for (let start = 0; start < args.issueIdsOrKeys.length; start += BULK_FETCH_MAX) {
    const request = {
      issueIdsOrKeys: args.issueIdsOrKeys.slice(start, start + BULK_FETCH_MAX),
      fields: args.fields && args.fields.length > 0 ? [...args.fields] : ['id'],
      ...(args.properties && args.properties.length > 0 ? { properties: [...args.properties] } : {}),
    };
    const { body } = await http.json(
      'bulkFetchIssues',
      () => product(args.as).requestJira(route`/rest/api/3/issue/bulkfetch`, { method: 'POST', ...jsonBody(request) }),
      bulkFetchSchema,
    );
    found.push(...(body.issues ?? []));
  }
  return found;
}

/** `POST /rest/api/3/issueLink` (201, no body): `outwardKey` "duplicates" `inwardKey` for type Duplicate. */
export async function createIssueLink(http: JiraHttp, args: { typeName: string; inwardKey: string; outwardKey: string; as?: Actor }): Promise<void> {
  const request = { type: { name: args.typeName }, inwardIssue: { key: args.inwardKey }, outwardIssue: { key: args.outwardKey } };
  await http.empty('createIssueLink', () => product(args.as).requestJira(route`/rest/api/3/issueLink`, { method: 'POST', ...jsonBody(request) }));
}

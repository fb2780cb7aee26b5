/**
 * Issue writes: bulk create (50 a call, per-element results, retry of the elements Jira could not
 * take for now), edit, and issue entity properties.
 */
import { route } from '@forge/api';
import { product, type Actor } from './actor';
import type { AdfDoc } from './adf';
import { errorForStatus, JiraResponseError } from './errors';
import { ACCEPT_JSON, jsonBody, readBody, type JiraHttp } from './http';
import { createdIssuesSchema, entityPropertySchema } from './schemas';

/** Jira's cap on issues per bulk-create call. */
export const BULK_CREATE_MAX = 50;
/** Rounds of retrying elements that failed with 429/5xx inside a successful bulk call. */
const ELEMENT_RETRY_ROUNDS = 4;

export type IssueRef = { key: string } | { id: string };

export interface IssueFieldsInput {
  project?: IssueRef;
  issuetype?: { id: string };
  summary?: string;
  description?: AdfDoc;
  labels?: string[];
  parent?: IssueRef;
  [fieldId: string]: unknown;
}

export interface EntityPropertyInput {
  key: string;
  value: unknown;
}

export interface IssueCreateInput {
  fields: IssueFieldsInput & { project: IssueRef; issuetype: { id: string }; summary: string };
  properties?: EntityPropertyInput[];
}

export type LabelOperation = { add: string } | { remove: string };

export type BulkElementResult =
  | { ok: true; id: string; key: string }
  | { ok: false; status: number; errorMessages: string[]; errors: Record<string, string> };

/**
 * Creates issues, 50 a call, and returns one result per input in input order. Elements Jira
 * refused with 429 or 5xx are sent again (only those, a few rounds); elements refused for their
 * content (4xx) come back as `ok: false` with Jira's field errors. A 5xx to the whole call is not
 * resent: it throws JiraAmbiguousWriteError (the issues may exist), see src/import/create-issues.ts.
 */
export async function bulkCreateIssues(http: JiraHttp, args: { issues: readonly IssueCreateInput[] }): Promise<BulkElementResult[]> {
  const results: (BulkElementResult | undefined)[] = new Array<BulkElementResult | undefined>(args.issues.length).fill(undefined);
  let pending = args.issues.map((_, index) => index);
  for (let round = 0; pending.length > 0; round++) {
    if (round > 0) await http.pause(round);
    const retry: number[] = [];
    for (let start = 0; start < pending.length; start += BULK_CREATE_MAX) {
      const chunk = pending.slice(start, start + BULK_CREATE_MAX);
      const chunkResults = await bulkCreateChunk(http, chunk.map((index) => args.issues[index]!));
      chunkResults.forEach((result, position) => {
        const index = chunk[position]!;
        const transient = !result.ok && (result.status === 429 || result.status >= 500);
        if (transient && round + 1 < ELEMENT_RETRY_ROUNDS) retry.push(index);
        else results[index] = result;
      });
    }
    pending = retry;
  }
  return results.map((result) => result ?? { ok: false, status: 0, errorMessages: ['not sent'], errors: {} });
}

async function bulkCreateChunk(http: JiraHttp, issues: IssueCreateInput[]): Promise<BulkElementResult[]> {
  const request = { issueUpdates: issues };
  // 400 means "every element failed" and still carries per-element errors. Never resent on a 5xx:
  // Jira may have created the issues before the gateway failed (JiraAmbiguousWriteError).
  const response = await http.send(
    'bulkCreateIssues',
    () => product('app').requestJira(route`/rest/api/3/issue/bulk`, { method: 'POST', ...jsonBody(request) }),
    [400],
    { retryOn5xx: false },
  );
  const raw = await readBody(response);
  const parsed = createdIssuesSchema.safeParse(raw);
  const elementErrors = parsed.success ? (parsed.data.errors ?? []) : [];
  if (!parsed.success || (response.status === 400 && elementErrors.length === 0)) {
    throw response.status === 400 ? errorForStatus('bulkCreateIssues', 400, raw) : unreadable('the bulk-create answer could not be read');
  }
  const failed = new Map<number, BulkElementResult>();
  for (const error of elementErrors) {
    const index = error.failedElementNumber;
    if (index === undefined || index < 0 || index >= issues.length) throw unreadable('a bulk-create error names no valid element');
    failed.set(index, {
      ok: false,
      status: error.status ?? 400,
      errorMessages: error.elementErrors?.errorMessages ?? [],
      errors: error.elementErrors?.errors ?? {},
    });
  }
  // Jira lists the created issues in request order, skipping the failed elements.
  const created = parsed.data.issues ?? [];
  if (created.length !== issues.length - failed.size) throw unreadable('bulk-create reported a different number of issues than it was sent');
  let next = 0;
  return issues.map((_, index) => {
    const failure = failed.get(index);
    if (failure) return failure;
    const issue = created[next++]!;
    return { ok: true, id: issue.id, key: issue.key };
  });
}

function unreadable(what: string): JiraResponseError {
  return new JiraResponseError({ operation: 'bulkCreateIssues', status: 0, errorMessages: [], errors: {} }, `Jira's answer to bulkCreateIssues was not as expected: ${what}.`);
}

/** Edits fields (`fields` sets, `update` adds/removes, e.g. labels) without touching the rest. */
export async function editIssue(
  http: JiraHttp,
  args: { issueKey: string; fields?: IssueFieldsInput; update?: { labels?: LabelOperation[] }; as?: Actor },
): Promise<void> {
  const request = { ...(args.fields ? { fields: args.fields } : {}), ...(args.update ? { update: args.update } : {}) };
  await http.empty('editIssue', () => product(args.as).requestJira(route`/rest/api/3/issue/${args.issueKey}`, { method: 'PUT', ...jsonBody(request) }));
}

export async function setIssueProperty(http: JiraHttp, args: { issueKey: string; propertyKey: string; value: unknown; as?: Actor }): Promise<void> {
  await http.empty('setIssueProperty', () =>
    product(args.as).requestJira(route`/rest/api/3/issue/${args.issueKey}/properties/${args.propertyKey}`, {
      method: 'PUT',
      ...jsonBody(args.value),
    }),
  );
}

/** The property's value, or undefined when the issue has no such property. */
export async function getIssueProperty(http: JiraHttp, args: { issueKey: string; propertyKey: string; as?: Actor }): Promise<unknown> {
  const response = await http.send(
    'getIssueProperty',
    () => product(args.as).requestJira(route`/rest/api/3/issue/${args.issueKey}/properties/${args.propertyKey}`, { headers: ACCEPT_JSON }),
    [404],
  );
  if (response.status === 404) return undefined;
  const parsed = entityPropertySchema.safeParse(await readBody(response));
  return parsed.success ? parsed.data.value : undefined;
}

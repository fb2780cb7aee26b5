/**
 * Atlassian's OpenAPI description of the Jira Cloud platform REST API (../shared, beside the
 * project), loaded once per test file, and the checks the contract tests share.
 */
import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import addFormats from 'ajv-formats';
import { OpenAPIBackend, type Document } from 'openapi-backend';

export const JIRA_OPENAPI_PATH = path.resolve(__dirname, '../../../shared/jira-platform-openapi.v3.json');

/** `describe`, or `describe.skip` with a console line saying why, when ../shared is absent. */
export function describeWithJiraSpec(what: string): jest.Describe {
  if (existsSync(JIRA_OPENAPI_PATH)) return describe;
  console.log(`${what} skipped: ${JIRA_OPENAPI_PATH} is absent (it lives in ../shared beside the project).`);
  return describe.skip;
}

export type JiraDocument = Document & { components: { schemas: Record<string, object> } };
export type Operation = NonNullable<ReturnType<OpenAPIBackend['router']['matchOperation']>>;

/** The description (2.4 MB) as a validating router; call once per file, in beforeAll. */
export async function loadJiraOpenApi(): Promise<{ api: OpenAPIBackend; definition: JiraDocument }> {
  const definition = JSON.parse(readFileSync(JIRA_OPENAPI_PATH, 'utf8')) as JiraDocument;
  // The description types entity property values (bulk set issue properties) as Jackson's JsonNode
  // class, whose bean fields no client sends; the operation takes any valid, non-empty JSON value.
  definition.components.schemas.JsonNode = {};
  const api = new OpenAPIBackend({
    definition,
    quick: true,
    customizeAjv: (ajv) => {
      addFormats(ajv);
      return ajv;
    },
  });
  await api.init();
  return { api, definition };
}

export interface LoggedRequest {
  method: string;
  path: string;
  query: Record<string, string | string[]>;
  body?: unknown;
}

export function matchOperation(api: OpenAPIBackend, request: Pick<LoggedRequest, 'method' | 'path'>): Operation | undefined {
  return api.router.matchOperation({ method: request.method.toLowerCase(), path: request.path, headers: {}, query: {} }) || undefined;
}

type ParamSpec = { name: string; in: string; schema?: { type?: string } };

/** Why the description refuses this request (empty when it accepts it). */
export function requestProblems(api: OpenAPIBackend, request: LoggedRequest, operation: Operation): string[] {
  // Query values as a server sees them: array parameters (form, explode) are always arrays.
  const params = (operation.parameters ?? []) as ParamSpec[];
  const query: Record<string, string | string[]> = {};
  for (const [name, value] of Object.entries(request.query)) {
    const isArray = params.some((p) => p.in === 'query' && p.name === name && p.schema?.type === 'array');
    query[name] = isArray && !Array.isArray(value) ? [value] : value;
  }
  const result = api.validateRequest({
    method: request.method.toLowerCase(),
    path: request.path,
    query,
    headers: { 'content-type': 'application/json' },
    // openapi-backend reads a string body as raw JSON text; a JSON string value must be encoded.
    ...(request.body !== undefined ? { body: typeof request.body === 'string' ? JSON.stringify(request.body) : request.body } : {}),
  });
  return result.valid ? [] : [JSON.stringify(result.errors)];
}

/** One line per request the description refuses, or that is no Jira operation at all. */
export function refusedRequests(api: OpenAPIBackend, requests: readonly LoggedRequest[]): string[] {
  return requests.flatMap((request) => {
    const operation = matchOperation(api, request);
    if (!operation) return [`${request.method} ${request.path}: not an operation of the Jira API`];
    return requestProblems(api, request, operation).map((problem) => `${request.method} ${request.path} (${operation.operationId}): ${problem}`);
  });
}

/** The operation ids the requests reach, sorted. */
export function operationIdsOf(api: OpenAPIBackend, requests: readonly LoggedRequest[]): string[] {
  return [...new Set(requests.map((request) => matchOperation(api, request)?.operationId ?? `${request.method} ${request.path}`))].sort();
}

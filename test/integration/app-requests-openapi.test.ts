/**
 * Every REST request the app itself sends (import, re-import, version sync, rollup, the issue
 * trigger) is one the Jira OpenAPI description accepts: path, query parameters and body.
 */
import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import addFormats from 'ajv-formats';
import { OpenAPIBackend, type Document } from 'openapi-backend';
import { syncV1, syncV2 } from '../fixtures/sync-v1-v2';
import { registerChecklist } from './checklists';
import { startHarness, type Harness } from './harness';
import type { RequestLogEntry } from '../../local/jira';

// openapi-backend loads an ES-module-only ref parser it does not need with an in-memory document
// in quick mode (see test/contract/emulator-openapi.test.ts).
jest.mock('@apidevtools/json-schema-ref-parser', () => {
  const unused = async (): Promise<never> => {
    throw new Error('json-schema-ref-parser is not available under jest');
  };
  return { __esModule: true, default: { parse: async (doc: unknown) => doc, dereference: unused, resolve: unused } };
});

const SPEC = path.resolve(__dirname, '../../../shared/jira-platform-openapi.v3.json');
const specPresent = existsSync(SPEC);
if (!specPresent) console.log(`app request contract test skipped: ${SPEC} is absent (it lives in ../shared beside the project).`);

type ParamSpec = { name: string; in: string; schema?: { type?: string } };

(specPresent ? describe : describe.skip)('the app’s Jira requests against the OpenAPI description', () => {
  let api: OpenAPIBackend;
  let h: Harness;
  let requests: RequestLogEntry[];

  beforeAll(async () => {
    api = new OpenAPIBackend({
      definition: JSON.parse(readFileSync(SPEC, 'utf8')) as Document,
      quick: true,
      customizeAjv: (ajv) => {
        addFormats(ajv);
        return ajv;
      },
    });
    await api.init();

    h = startHarness();
    await registerChecklist(syncV1);
    await registerChecklist(syncV2);
    await h.importChecklist(syncV1.id);
    await h.importChecklist(syncV1.id);
    await h.invoke('getRollup', {});
    await h.invoke('planSync', { checklistId: syncV2.id });
    await h.invoke('applySync', { checklistId: syncV2.id });
    const issue = (await h.issues()).find((candidate) => (candidate.fields.labels as string[]).includes('msp-audit'))!;
    await h.outside('PUT', `/rest/api/3/issue/${issue.key}`, { fields: { labels: ['unrelated'] } });
    await h.runtime.idle();
    await h.invoke('getRollup', { refresh: true });
    requests = h.appRequests();
  }, 60_000);

  afterAll(async () => {
    await h.close();
  });

  it('covers the calls the backend makes', () => {
    const operations = new Set(
      requests.map((request) => api.router.matchOperation({ method: request.method.toLowerCase(), path: request.path, headers: {}, query: {} })?.operationId),
    );
    expect([...operations].sort()).toEqual(
      [
        'createIssues',
        'editIssue',
        'getCreateIssueMetaIssueTypes',
        'getFields',
        'getMyPermissions',
        'searchAndReconsileIssuesUsingJqlPost',
        'setIssueProperty',
        'updateMultipleCustomFieldValues',
      ].sort(),
    );
  });

  it('sends only requests the description accepts', () => {
    const failures = requests.flatMap((request) => {
      const operation = api.router.matchOperation({ method: request.method.toLowerCase(), path: request.path, headers: {}, query: {} });
      if (!operation) return [`${request.method} ${request.path}: not an operation of the Jira API`];
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
        ...(request.body !== undefined ? { body: typeof request.body === 'string' ? JSON.stringify(request.body) : request.body } : {}),
      });
      return result.valid ? [] : [`${request.method} ${request.path} (${operation.operationId}): ${JSON.stringify(result.errors)}`];
    });
    expect(failures).toEqual([]);
  });
});

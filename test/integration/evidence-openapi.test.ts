/**
 * Every REST request the evidence feature sends (item panel, evidence changes, assessment, strict
 * mode, the rollup with evidence) is one the Jira OpenAPI description accepts: path, query, body.
 */
import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import addFormats from 'ajv-formats';
import { OpenAPIBackend, type Document } from 'openapi-backend';
import type { ItemPanel } from '../../common/contract';
import type { RequestLogEntry } from '../../local/jira';
import { syncV1 } from '../fixtures/sync-v1-v2';
import { registerChecklist } from './checklists';
import { startHarness, type Harness } from './harness';

// As in app-requests-openapi.test.ts: quick mode needs no ref parser, which jest cannot load.
jest.mock('@apidevtools/json-schema-ref-parser', () => {
  const unused = async (): Promise<never> => {
    throw new Error('json-schema-ref-parser is not available under jest');
  };
  return { __esModule: true, default: { parse: async (doc: unknown) => doc, dereference: unused, resolve: unused } };
});

const SPEC = path.resolve(__dirname, '../../../shared/jira-platform-openapi.v3.json');
const specPresent = existsSync(SPEC);
if (!specPresent) console.log(`evidence request contract test skipped: ${SPEC} is absent.`);

type ParamSpec = { name: string; in: string; schema?: { type?: string } };

(specPresent ? describe : describe.skip)('the evidence feature’s Jira requests against the OpenAPI description', () => {
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
    await h.importChecklist(syncV1.id);
    const issueKey = (await h.issues()).find((issue) => (issue.properties['msp-audit-item'] as { kind: string }).kind === 'item')!.key;
    h.emulator.clearRequests();
    const onIssue = <T>(functionKey: string, payload: unknown = {}) =>
      h.runtime.invoke({ functionKey, payload, context: { moduleKey: 'audit-item-panel', accountId: 'admin', issueKey } }) as Promise<T>;
    await onIssue('getItemPanel');
    const added = await onIssue<ItemPanel>('addEvidence', { evidence: { kind: 'link', title: 'Policy', url: 'https://x.example/p', expiryDate: '2030-01-31' } });
    const id = added.evidence.entries[0]!.id;
    await onIssue('editEvidence', { id, patch: { note: 'Signed' } });
    await onIssue('reviewEvidence', { id, state: 'accepted' });
    await onIssue('setAssessment', { result: 'met', complexity: 'low' });
    await onIssue('removeEvidence', { id });
    await h.runtime.invoke({ functionKey: 'setProjectSettings', payload: { strictMode: true }, context: { moduleKey: 'audit-page', accountId: 'admin', projectKey: 'MSP' } });
    await h.invoke('getRollup', { refresh: true });
    requests = h.appRequests();
  }, 60_000);

  afterAll(async () => {
    await h.close();
  });

  it('covers the calls the feature makes', () => {
    const operations = new Set(
      requests.map((request) => api.router.matchOperation({ method: request.method.toLowerCase(), path: request.path, headers: {}, query: {} })?.operationId),
    );
    expect([...operations].sort()).toEqual(['editIssue', 'getFields', 'getIssue', 'getMyPermissions', 'searchAndReconsileIssuesUsingJqlPost', 'setIssueProperty'].sort());
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

/**
 * Contract: every request the emulator scenario sends and every response the emulator gives is
 * valid against Atlassian's OpenAPI description of the Jira Cloud platform REST API.
 *
 * Responses are checked against the schema the description gives for their status. Where it gives
 * none (most 4xx, and 429/500, which it never lists) the body must be Jira's ErrorCollection,
 * `{errorMessages, errors}`, the shape every Jira error uses.
 */
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import type { OpenAPIBackend } from 'openapi-backend';
import { describeWithJiraSpec, loadJiraOpenApi, requestProblems, type Operation } from '../support/jira-openapi';
import { runContractScenario, type Exchange } from './emulator-scenario';

/** The operations the emulator implements; each must appear in the scenario. */
const SUPPORTED = [
  'getProject',
  'getCreateIssueMetaIssueTypes',
  'getStatuses',
  'search',
  'createIssue',
  'createIssues',
  'getIssue',
  'editIssue',
  'deleteIssue',
  'getTransitions',
  'doTransition',
  'getIssuePropertyKeys',
  'getIssueProperty',
  'setIssueProperty',
  'deleteIssueProperty',
  'getFields',
  'updateMultipleCustomFieldValues',
  'updateCustomFieldValue',
  'searchAndReconsileIssuesUsingJql',
  'searchAndReconsileIssuesUsingJqlPost',
  'countIssues',
  'bulkFetchIssues',
  'getCurrentUser',
  'getUser',
  'getMyPermissions',
  'getBulkPermissions',
  'searchForIssuesUsingJql',
];

describeWithJiraSpec('emulator contract tests')('emulator responses against the Jira OpenAPI description', () => {
  let api: OpenAPIBackend;
  let errorCollection: (data: unknown) => boolean;
  let exchanges: (Exchange & { operation: Operation })[];

  beforeAll(async () => {
    const loaded = await loadJiraOpenApi();
    api = loaded.api;
    const { definition } = loaded;
    const ajv = new Ajv({ strict: false });
    addFormats(ajv);
    errorCollection = ajv.compile(definition.components.schemas.ErrorCollection!);
    const recorded = await runContractScenario();
    exchanges = recorded.map((x) => {
      const operation = api.router.matchOperation({ method: x.request.method.toLowerCase(), path: x.request.path, headers: {}, query: {} });
      if (!operation) throw new Error(`${x.label}: ${x.request.method} ${x.request.path} is not an operation of the Jira API`);
      return { ...x, operation };
    });
  }, 60_000);

  it('covers every supported operation', () => {
    const seen = new Set(exchanges.map((x) => x.operation.operationId));
    expect(SUPPORTED.filter((id) => !seen.has(id))).toEqual([]);
  });

  it('sends only requests the description accepts', () => {
    const failures = exchanges
      .filter((x) => !x.invalidRequest)
      .flatMap((x) => requestProblems(api, x.request, x.operation).map((problem) => `${x.label} (${x.operation.operationId}): ${problem}`));
    expect(failures).toEqual([]);
  });

  it('answers every request with a status and body the description allows', () => {
    const failures: string[] = [];
    for (const x of exchanges) {
      const { status, body, headers } = x.response;
      const id = x.operation.operationId!;
      if (headers['content-type'] !== 'application/json') failures.push(`${x.label}: content-type ${headers['content-type']}`);
      const declared = Object.keys(x.operation.responses ?? {});
      const validators = api.validator.getStatusBasedResponseValidatorForOperation(id) ?? {};
      const validator = validators[String(status)];
      if (validator) {
        const result = api.validateResponse(body === undefined ? null : body, x.operation, status);
        if (!result.valid) failures.push(`${x.label} (${id} ${status}): ${JSON.stringify(result.errors)}`);
      } else if (declared.includes(String(status)) && body === undefined) {
        // A declared status without a body (e.g. 303 See Other to a task).
      } else if (status >= 400) {
        if (!errorCollection(body)) failures.push(`${x.label} (${id} ${status}): not an ErrorCollection: ${JSON.stringify(body)}`);
      } else {
        failures.push(`${x.label} (${id}): status ${status} is not one the description declares (${declared.join(', ')})`);
      }
      // Statuses the description does not list for the operation are only the fault and removal ones.
      if (!declared.includes(String(status)) && ![404, 429, 500, 410, 403].includes(status)) failures.push(`${x.label} (${id}): undeclared status ${status}`);
    }
    expect(failures).toEqual([]);
  });

  it('is a real check: a response with a stray property or a wrong type fails', () => {
    const project = exchanges.find((x) => x.operation.operationId === 'getProject' && x.response.status === 200)!;
    expect(api.validateResponse({ ...(project.response.body as object), bogus: 1 }, project.operation, 200).valid).toBe(false);
    const created = exchanges.find((x) => x.operation.operationId === 'createIssue' && x.response.status === 201)!;
    expect(api.validateResponse({ id: 10000, key: 'MSP-1', self: 'x' }, created.operation, 201).valid).toBe(false);
    expect(errorCollection({ errorMessages: 'oops' })).toBe(false);
  });

  it('answers 429 with Retry-After', () => {
    const limited = exchanges.find((x) => x.response.status === 429);
    expect(limited?.response.headers['retry-after']).toBe('1');
  });
});

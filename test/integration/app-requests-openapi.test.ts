/**
 * Every REST request the app itself sends (import, re-import, version sync, rollup, the issue
 * trigger) is one the Jira OpenAPI description accepts: path, query parameters and body.
 */
import type { OpenAPIBackend } from 'openapi-backend';
import { describeWithJiraSpec, loadJiraOpenApi, operationIdsOf, refusedRequests } from '../support/jira-openapi';
import { syncV1, syncV2 } from '../fixtures/sync-v1-v2';
import { registerChecklist } from './checklists';
import { startHarness, type Harness } from './harness';
import type { RequestLogEntry } from '@msp-audit-ready/forge-local/jira';

describeWithJiraSpec('app request contract test')('the app’s Jira requests against the OpenAPI description', () => {
  let api: OpenAPIBackend;
  let h: Harness;
  let requests: RequestLogEntry[];

  beforeAll(async () => {
    ({ api } = await loadJiraOpenApi());

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
    expect(operationIdsOf(api, requests)).toEqual(
      [
        'bulkFetchIssues',
        'bulkSetIssuePropertiesByIssue',
        'createIssues',
        'editIssue',
        'getBulkOperationProgress',
        'getTask',
        'submitBulkEdit',
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
    expect(refusedRequests(api, requests)).toEqual([]);
  });
});

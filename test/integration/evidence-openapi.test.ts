/**
 * Every REST request the evidence feature sends (item panel, evidence changes, assessment, strict
 * mode, the rollup with evidence) is one the Jira OpenAPI description accepts: path, query, body.
 */
import type { OpenAPIBackend } from 'openapi-backend';
import { describeWithJiraSpec, loadJiraOpenApi, operationIdsOf, refusedRequests } from '../support/jira-openapi';
import type { ItemPanel } from '../../common/contract';
import type { RequestLogEntry } from '@msp-audit-ready/forge-local/jira';
import { syncV1 } from '../fixtures/sync-v1-v2';
import { registerChecklist } from './checklists';
import { startHarness, type Harness } from './harness';

describeWithJiraSpec('evidence request contract test')('the evidence feature’s Jira requests against the OpenAPI description', () => {
  let api: OpenAPIBackend;
  let h: Harness;
  let requests: RequestLogEntry[];

  beforeAll(async () => {
    ({ api } = await loadJiraOpenApi());

    h = startHarness();
    await registerChecklist(syncV1);
    await h.importChecklist(syncV1.id);
    const issueKey = (await h.issues()).find((issue) => (issue.properties['msp-audit-item'] as { kind: string }).kind === 'item')!.key;
    h.emulator.clearRequests();
    const onIssue = <T>(functionKey: string, payload: unknown = {}, accountId = 'admin') =>
      h.runtime.invoke({ functionKey, payload, context: { moduleKey: 'audit-item-panel', accountId, issueKey } }) as Promise<T>;
    await onIssue('getItemPanel');
    const added = await onIssue<ItemPanel>('addEvidence', { evidence: { kind: 'link', title: 'Policy', url: 'https://x.example/p', expiryDate: '2030-01-31', owner: 'lead' } });
    const id = added.evidence.entries[0]!.id;
    await onIssue('editEvidence', { id, patch: { note: 'Signed' } });
    await onIssue('reviewEvidence', { id, state: 'accepted' }, 'lead');
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
    // No getFields: the import remembered the evidence field's id from its own field list.
    // The evidence field is written only through the app field value API (it is read-only), the
    // assessment mirror property as the app; an owner is looked up as the user; the panel's names
    // come from the cached bulk user lookup.
    expect(operationIdsOf(api, requests)).toEqual(
      ['bulkGetUsers', 'getIssue', 'getMyPermissions', 'getUser', 'searchAndReconsileIssuesUsingJqlPost', 'setIssueProperty', 'updateCustomFieldValue'].sort(),
    );
  });

  it('sends only requests the description accepts', () => {
    expect(refusedRequests(api, requests)).toEqual([]);
  });
});

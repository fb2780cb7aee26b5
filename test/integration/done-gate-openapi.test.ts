/** The Done gate's Jira requests (issue 23) against Jira's OpenAPI description: two reads, both accepted. */
import type { OpenAPIBackend } from 'openapi-backend';
import { describeWithJiraSpec, loadJiraOpenApi, operationIdsOf, refusedRequests } from '../support/jira-openapi';
import type { RequestLogEntry } from '@msp-audit-ready/forge-local/jira';
import { syncV1 } from '../fixtures/sync-v1-v2';
import { registerChecklist } from './checklists';
import { startHarness, type Harness } from './harness';

describeWithJiraSpec('done gate request contract test')('the Done gate’s Jira requests against the OpenAPI description', () => {
  let api: OpenAPIBackend;
  let h: Harness;
  let requests: RequestLogEntry[];

  beforeAll(async () => {
    ({ api } = await loadJiraOpenApi());
    h = startHarness();
    await registerChecklist(syncV1);
    await h.importChecklist(syncV1.id);
    const issue = (await h.issues()).find((found) => {
      const identity = found.properties['msp-audit-item'] as { kind?: string; mandatory?: boolean } | undefined;
      return identity?.kind === 'item' && identity.mandatory === true;
    })!;
    h.emulator.addWorkflowValidator({ transitionId: '31', moduleKey: 'audit-done-gate' });
    h.emulator.clearRequests();
    const res = await h.outside('POST', `/rest/api/3/issue/${issue.key}/transitions`, { transition: { id: '31' } });
    expect(res.status).toBe(400);
    requests = h.appRequests();
  }, 60_000);

  afterAll(async () => {
    await h.close();
  });

  it('reads the issue and the target status, nothing else', () => {
    expect(operationIdsOf(api, requests)).toEqual(['getIssue', 'getStatus']);
  });

  it('sends only requests the description accepts', () => {
    expect(refusedRequests(api, requests)).toEqual([]);
  });
});

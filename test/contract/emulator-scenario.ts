/**
 * One pass over every REST operation the emulator supports, in the outcomes the emulator tests
 * produce (successes, validation errors, permission refusals, faults), recorded for the contract
 * test to check against Atlassian's OpenAPI description.
 */
import { caller, issuePayload, itemProperty, makeEmulator, FIELDS } from '@msp-audit-ready/forge-local/testing';
import type { EmulatorRequest, EmulatorResponse } from '@msp-audit-ready/forge-local/jira';

export interface Exchange {
  /** What the scenario was doing, for failure messages. */
  label: string;
  request: EmulatorRequest;
  response: EmulatorResponse;
  /** The request is wrong on purpose (to provoke an error); only its response is checked. */
  invalidRequest: boolean;
}

export async function runContractScenario(): Promise<Exchange[]> {
  const emu = makeEmulator();
  const exchanges: Exchange[] = [];
  const call = caller({
    ...emu,
    handle: async (req) => {
      const response = await emu.handle(req);
      exchanges.push({ label: '', request: req, response, invalidRequest: false });
      return response;
    },
  });
  const step = async (label: string, method: string, path: string, body?: unknown, opts: { query?: Record<string, string | string[]>; actor?: string; invalid?: boolean } = {}): Promise<void> => {
    await call(method, path, body, { ...opts, origin: opts.actor === 'app' ? 'app' : 'outside' });
    const last = exchanges[exchanges.length - 1]!;
    last.label = label;
    last.invalidRequest = opts.invalid ?? false;
  };

  // Projects, create metadata, statuses.
  await step('project', 'GET', '/project/MSP');
  await step('project missing', 'GET', '/project/NOPE');
  await step('createmeta', 'GET', '/issue/createmeta/MSP/issuetypes', undefined, { query: { startAt: '0', maxResults: '2' } });
  await step('createmeta over limit', 'GET', '/issue/createmeta/MSP/issuetypes', undefined, { query: { maxResults: '201' }, invalid: true });
  await step('statuses', 'GET', '/status');
  await step('statuses search', 'GET', '/statuses/search', undefined, { query: { statusCategory: 'DONE' } });

  // Issues.
  await step('create epic', 'POST', '/issue', issuePayload({ type: 'Epic', summary: 'Chapter 8', labels: ['msp-ch-08'] }));
  await step('create invalid', 'POST', '/issue', issuePayload({ summary: '', extra: { description: 'plain' } }));
  await step('create as viewer', 'POST', '/issue', issuePayload(), { actor: 'viewer' });
  await step('bulk partial', 'POST', '/issue/bulk', {
    issueUpdates: [
      { ...issuePayload({ summary: '8.3 Vulnerability management', parent: 'MSP-1', labels: ['msp-ch-08'] }), properties: [itemProperty('aws-msp-7.1', '8.3', 10)] },
      issuePayload({ summary: 'bad [[reject]]' }),
      { ...issuePayload({ summary: '8.4 Patch management', parent: 'MSP-1' }), properties: [itemProperty('aws-msp-7.1', '8.4', 5)] },
    ],
  });
  await step('bulk all failed', 'POST', '/issue/bulk', { issueUpdates: [issuePayload({ summary: '[[reject]]' })] });
  await step('bulk over cap', 'POST', '/issue/bulk', { issueUpdates: Array.from({ length: 51 }, () => issuePayload()) });
  await step('get issue', 'GET', '/issue/MSP-2', undefined, { query: { properties: ['msp-audit-item'] } });
  await step('get issue fields', 'GET', '/issue/MSP-2', undefined, { query: { fields: ['summary', 'status', 'parent', FIELDS.points] } });
  emu.addAttachment('MSP-2', { filename: 'policy.pdf' });
  await step('get issue attachments', 'GET', '/issue/MSP-2', undefined, { query: { fields: ['attachment'] } });
  await step('get issue missing', 'GET', '/issue/MSP-99');
  await step('edit issue', 'PUT', '/issue/MSP-2', { fields: { summary: 'Renamed' }, update: { labels: [{ add: 'x' }] } }, { query: { notifyUsers: 'false' } });
  await step('edit returning issue', 'PUT', '/issue/MSP-2', { fields: { summary: 'Renamed again' } }, { query: { returnIssue: 'true' } });
  await step('edit read-only field', 'PUT', '/issue/MSP-2', { fields: { [FIELDS.points]: 3 } });
  await step('edit overriding the editable flag', 'PUT', '/issue/MSP-2', { fields: { [FIELDS.points]: 3 } }, { query: { overrideEditableFlag: 'true' } });
  await step('edit as viewer', 'PUT', '/issue/MSP-2', { fields: { summary: 'x' } }, { actor: 'viewer' });
  await step('edit missing', 'PUT', '/issue/MSP-99', { fields: { summary: 'x' } });

  // Workflow.
  await step('transitions', 'GET', '/issue/MSP-2/transitions');
  await step('transition', 'POST', '/issue/MSP-2/transitions', { transition: { id: '31' } });
  await step('transition invalid', 'POST', '/issue/MSP-2/transitions', { transition: { id: '99' } });
  await step('transitions missing issue', 'GET', '/issue/MSP-99/transitions');

  // Entity properties.
  await step('property keys', 'GET', '/issue/MSP-2/properties');
  await step('property keys missing issue', 'GET', '/issue/MSP-99/properties');
  await step('property set new', 'PUT', '/issue/MSP-3/properties/extra', { a: 1 });
  await step('property set again', 'PUT', '/issue/MSP-3/properties/extra', { a: 2 });
  await step('property too big', 'PUT', '/issue/MSP-3/properties/big', 'x'.repeat(40000));
  await step('property set as viewer', 'PUT', '/issue/MSP-3/properties/extra', { a: 3 }, { actor: 'viewer' });
  await step('property get', 'GET', '/issue/MSP-3/properties/extra');
  await step('property get missing', 'GET', '/issue/MSP-3/properties/none');
  await step('property delete', 'DELETE', '/issue/MSP-3/properties/extra');
  await step('property delete missing', 'DELETE', '/issue/MSP-3/properties/extra');

  // Fields and app field values.
  await step('fields', 'GET', '/field');
  await step('app field values', 'POST', '/app/field/value', { updates: [{ customField: FIELDS.points, issueIds: [10001, 10002], value: 10 }] }, { actor: 'app', query: { generateAppEvents: 'false' } });
  await step('app field values by user', 'POST', '/app/field/value', { updates: [{ customField: FIELDS.points, issueIds: [10001], value: 10 }] });
  await step('app field values bad type', 'POST', '/app/field/value', { updates: [{ customField: FIELDS.points, issueIds: [10001], value: 'ten' }] }, { actor: 'app' });
  await step('app field values unknown field', 'POST', '/app/field/value', { updates: [{ customField: 'customfield_1', issueIds: [10001], value: 1 }] }, { actor: 'app' });
  await step('app field value one field', 'PUT', `/app/field/${FIELDS.evidence}/value`, { updates: [{ issueIds: [10001], value: { entries: [] } }] }, { actor: 'app' });

  // Search.
  await step('search get ids', 'GET', '/search/jql', undefined, { query: { jql: 'project = MSP', maxResults: '2' } });
  const first = exchanges[exchanges.length - 1]!.response.body as { nextPageToken?: string };
  await step('search get next page', 'GET', '/search/jql', undefined, { query: { jql: 'project = MSP', maxResults: '2', nextPageToken: first.nextPageToken ?? '' } });
  await step('search post fields', 'POST', '/search/jql', { jql: 'auditChecklist = "aws-msp-7.1" ORDER BY key', fields: ['summary', 'status', 'labels', FIELDS.points], properties: ['msp-audit-item'], maxResults: 50, fieldsByKeys: false });
  await step('search post key only', 'POST', '/search/jql', { jql: 'auditPoints > 5', fields: ['key'] });
  await step('search bad jql', 'POST', '/search/jql', { jql: 'project = AND' });
  await step('search unknown field', 'GET', '/search/jql', undefined, { query: { jql: 'foo = bar' } });
  await step('search unbounded', 'POST', '/search/jql', { jql: '' });
  await step('search removed', 'GET', '/search', undefined, { query: { jql: 'project = MSP' } });
  await step('count', 'POST', '/search/approximate-count', { jql: 'labels = msp-ch-08' });
  await step('count bad jql', 'POST', '/search/approximate-count', { jql: 'labels in (' });
  await step('bulk fetch', 'POST', '/issue/bulkfetch', { issueIdsOrKeys: ['MSP-2', 'MSP-99'], fields: ['summary'] });
  await step('bulk fetch empty', 'POST', '/issue/bulkfetch', { issueIdsOrKeys: [] });
  await step('search reconcile', 'POST', '/search/jql', { jql: 'project = MSP', fields: ['key'], reconcileIssues: [10001, 10002] });

  // Issue links and bulk writes.
  await step('link types', 'GET', '/issueLinkType');
  await step('link issues', 'POST', '/issueLink', { type: { name: 'Duplicate' }, inwardIssue: { key: 'MSP-1' }, outwardIssue: { key: 'MSP-2' } });
  await step('link unknown type', 'POST', '/issueLink', { type: { name: 'Nope' }, inwardIssue: { key: 'MSP-1' }, outwardIssue: { key: 'MSP-2' } });
  await step('issue with links', 'GET', '/issue/MSP-2', undefined, { query: { fields: 'issuelinks' } });
  await step('bulk set properties', 'POST', '/issue/properties/multi', { issues: [{ issueID: 10001, properties: { 'msp-audit-note': { text: 'x' } } }] });
  await step('task', 'GET', '/task/10000');
  await step('task missing', 'GET', '/task/99999');
  await step('bulk edit labels', 'POST', '/bulk/issues/fields', { selectedActions: ['labels'], selectedIssueIdsOrKeys: ['MSP-1', 'MSP-2'], editedFieldsInput: { labelsFields: [{ fieldId: 'labels', bulkEditMultiSelectFieldOption: 'ADD', labels: [{ name: 'bulk' }] }] }, sendBulkNotification: false });
  await step('bulk edit progress', 'GET', '/bulk/queue/10001');
  await step('bulk edit forbidden', 'POST', '/bulk/issues/fields', { selectedActions: ['labels'], selectedIssueIdsOrKeys: ['MSP-1'], editedFieldsInput: { labelsFields: [{ fieldId: 'labels', bulkEditMultiSelectFieldOption: 'ADD', labels: [{ name: 'bulk' }] }] } }, { actor: 'viewer' });

  // Users and permissions.
  await step('myself', 'GET', '/myself');
  await step('myself app', 'GET', '/myself', undefined, { actor: 'app' });
  await step('myself unknown', 'GET', '/myself', undefined, { actor: 'mallory' });
  await step('user', 'GET', '/user', undefined, { query: { accountId: 'viewer' } });
  await step('mypermissions', 'GET', '/mypermissions', undefined, { query: { permissions: 'BROWSE_PROJECTS,EDIT_ISSUES,ADMINISTER', projectKey: 'MSP' }, actor: 'viewer' });
  await step('mypermissions without permissions', 'GET', '/mypermissions');
  await step('mypermissions unknown project', 'GET', '/mypermissions', undefined, { query: { permissions: 'BROWSE_PROJECTS', projectKey: 'NOPE' } });
  await step('permissions check', 'POST', '/permissions/check', { accountId: 'viewer', projectPermissions: [{ permissions: ['EDIT_ISSUES', 'BROWSE_PROJECTS'], projects: [10000], issues: [10001] }], globalPermissions: ['ADMINISTER'] }, { actor: 'app' });
  await step('permissions check unknown', 'POST', '/permissions/check', { projectPermissions: [{ permissions: ['PERMISSION_123'] }] });
  await step('user bulk', 'GET', '/user/bulk', undefined, { query: { accountId: ['viewer', 'admin', 'nobody'], maxResults: '1' } });
  await step('user bulk without ids', 'GET', '/user/bulk', undefined, { invalid: true });
  await step('notify', 'POST', '/issue/MSP-2/notify', { subject: 'Reminder', textBody: 'Evidence expires soon.', to: { users: [{ accountId: 'viewer' }] } }, { actor: 'app' });
  await step('notify unknown user', 'POST', '/issue/MSP-2/notify', { textBody: 'x', to: { users: [{ accountId: 'nobody' }] } }, { actor: 'app' });
  await step('notify missing issue', 'POST', '/issue/MSP-99/notify', { textBody: 'x', to: { users: [{ accountId: 'viewer' }] } }, { actor: 'app' });
  await step('permissions check forbidden', 'POST', '/permissions/check', { accountId: 'admin', projectPermissions: [{ permissions: ['EDIT_ISSUES'] }] }, { actor: 'viewer' });

  // Faults, then cleanup.
  emu.setFaults({ rate429: 1, retryAfterS: 1 });
  await step('rate limited', 'GET', '/issue/MSP-2');
  emu.setFaults({ rate500: 1 });
  await step('server error', 'POST', '/search/jql', { jql: 'project = MSP' });
  emu.setFaults({});
  await step('delete issue', 'DELETE', '/issue/MSP-3');
  await step('delete issue as viewer', 'DELETE', '/issue/MSP-2', undefined, { actor: 'viewer' });
  return exchanges;
}

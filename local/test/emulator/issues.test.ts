import { REJECT_MARKER, type IssueChangeEvent, type JiraEmulatorApi } from '../../jira';
import { adf, caller, FIELDS, issuePayload, makeEmulator, type Caller } from './helpers';

let emu: JiraEmulatorApi;
let call: Caller;
beforeEach(() => {
  emu = makeEmulator();
  call = caller(emu);
});

describe('POST /issue', () => {
  describe('when the request is valid', () => {
    it('returns 201 {id, key, self} and the issue reads back with Jira shapes', async () => {
      const res = await call('POST', '/issue', issuePayload({ summary: '8.3 Vulnerability management', labels: ['b', 'a', 'a'], extra: { description: adf('Scan monthly') } }));
      expect(res.status).toBe(201);
      expect(res.headers['content-type']).toBe('application/json');
      expect(res.body).toEqual({ id: '10000', key: 'MSP-1', self: 'https://emulator.test/jira/rest/api/3/issue/10000' });
      const got = await call('GET', '/issue/MSP-1');
      const fields = got.json.fields as Record<string, Record<string, unknown>>;
      expect(got.json).toMatchObject({ id: '10000', key: 'MSP-1', self: 'https://emulator.test/jira/rest/api/3/issue/10000' });
      expect(fields.summary).toBe('8.3 Vulnerability management');
      expect(fields.labels).toEqual(['a', 'b']);
      expect(fields.description).toEqual(adf('Scan monthly'));
      expect(fields.issuetype).toMatchObject({ id: '10001', name: 'Task', hierarchyLevel: 0, subtask: false });
      expect(fields.project).toMatchObject({ id: '10000', key: 'MSP', name: 'MSP Audit' });
      expect(fields.status).toMatchObject({ name: 'To Do', statusCategory: { key: 'new' } });
      expect(fields.reporter).toMatchObject({ accountId: 'admin' });
      expect(fields.created).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}\+0000$/);
      expect(fields).not.toHaveProperty('parent');
    });

    it('finds the issue type by id or name and the project by id', async () => {
      const res = await call('POST', '/issue', { fields: { project: { id: '10000' }, issuetype: { id: '10000' }, summary: 'Chapter' } });
      expect(res.status).toBe(201);
    });

    it('accepts labels through update.add', async () => {
      await call('POST', '/issue', { ...issuePayload(), update: { labels: [{ add: 'x' }, { add: 'y' }] } });
      const got = await call('GET', '/issue/MSP-1', undefined, { query: { fields: 'labels' } });
      expect(got.json.fields).toEqual({ labels: ['x', 'y'] });
    });
  });

  describe('when a field is invalid', () => {
    it.each([
      ['no project', { fields: { issuetype: { name: 'Task' }, summary: 'x' } }, { project: 'Specify a valid project ID or key' }],
      ['an unknown project', issuePayload({ project: 'NOPE' }), { project: 'Specify a valid project ID or key' }],
      ['no summary', { fields: { project: { key: 'MSP' }, issuetype: { name: 'Task' } } }, { summary: 'You must specify a summary of the issue.' }],
      ['a blank summary', issuePayload({ summary: '  ' }), { summary: 'You must specify a summary of the issue.' }],
      ['a 256-character summary', issuePayload({ summary: 'x'.repeat(256) }), { summary: 'Summary must be less than 255 characters.' }],
      ['a summary with a newline', issuePayload({ summary: 'a\nb' }), { summary: 'The summary is invalid because it contains newline characters.' }],
      ['the reject marker', issuePayload({ summary: `x ${REJECT_MARKER}` }), { summary: 'The summary contains [[reject]], which the local Jira emulator rejects on purpose (test marker).' }],
      ['no issue type', { fields: { project: { key: 'MSP' }, summary: 'x' } }, { issuetype: 'Specify an issue type' }],
      ['an unknown issue type', issuePayload({ type: 'Bug' }), { issuetype: 'The issue type selected is invalid.' }],
      ['a plain-text description', issuePayload({ extra: { description: 'text' } }), { description: 'Operation value must be an Atlassian Document (see the Atlassian Document Format)' }],
      ['an ADF doc without version', issuePayload({ extra: { description: { type: 'doc', content: [] } } }), { description: 'Operation value must be an Atlassian Document (see the Atlassian Document Format)' }],
      ['a label with a space', issuePayload({ labels: ['msp ch'] }), { labels: "The label 'msp ch' contains spaces which is invalid." }],
      ['an unknown field', issuePayload({ extra: { customfield_99999: 1 } }), { customfield_99999: "Field 'customfield_99999' cannot be set. It is not on the appropriate screen, or unknown." }],
      ['a read-only app field', issuePayload({ extra: { customfield_10050: 5 } }), { customfield_10050: "Field 'customfield_10050' cannot be set. It is not on the appropriate screen, or unknown." }],
      ['a missing parent', issuePayload({ parent: 'MSP-99' }), { parent: 'Could not find issue by id or key.' }],
      ['a sub-task without parent', issuePayload({ type: 'Sub-task' }), { parent: 'Issue type is a sub-task but parent issue key or id not specified.' }],
    ])('answers 400 with field errors for %s', async (_name, payload, errors) => {
      const res = await call('POST', '/issue', payload);
      expect(res.status).toBe(400);
      expect(res.body).toEqual({ errorMessages: [], errors });
    });

    it('reports several field errors at once', async () => {
      const res = await call('POST', '/issue', { fields: { project: { key: 'MSP' }, issuetype: { name: 'Task' }, labels: ['a b'], description: 'x' } });
      expect(Object.keys(res.json.errors as object).sort()).toEqual(['description', 'labels', 'summary']);
    });

    it('answers a body that is not an object with the invalid payload message', async () => {
      const res = await call('POST', '/issue', 'text');
      expect(res.body).toEqual({ errorMessages: ['Invalid request payload. Refer to the REST API documentation and try again.'], errors: {} });
    });
  });

  describe('when the parent is set', () => {
    it.each([
      ['a Task under an Epic', 'Task', 'Epic', 201, undefined],
      ['a Sub-task under a Task', 'Sub-task', 'Task', 201, undefined],
      ['a Task under a Task', 'Task', 'Task', 400, 'Given parent work item does not belong to appropriate hierarchy.'],
      ['an Epic under an Epic', 'Epic', 'Epic', 400, 'Given parent work item does not belong to appropriate hierarchy.'],
      ['a Sub-task under an Epic', 'Sub-task', 'Epic', 400, 'Given parent work item does not belong to appropriate hierarchy.'],
    ])('%s → %s', async (_name, childType, parentType, status, message) => {
      await call('POST', '/issue', issuePayload({ type: parentType, summary: 'parent' }));
      const res = await call('POST', '/issue', issuePayload({ type: childType, parent: 'MSP-1' }));
      expect(res.status).toBe(status);
      if (message) expect(res.json.errors).toEqual({ parent: message });
      else expect((await call('GET', '/issue/MSP-2', undefined, { query: { fields: 'parent' } })).json.fields).toMatchObject({ parent: { key: 'MSP-1', fields: { issuetype: { name: parentType } } } });
    });

    it('refuses a parent in another project', async () => {
      emu.addProject({ key: 'OPS' });
      await call('POST', '/issue', issuePayload({ type: 'Epic', project: 'OPS' }));
      const res = await call('POST', '/issue', issuePayload({ parent: 'OPS-1' }));
      expect(res.json.errors).toEqual({ parent: 'Given parent work item does not belong to the same project.' });
    });

    it('lists sub-tasks on the parent', async () => {
      await call('POST', '/issue', issuePayload());
      await call('POST', '/issue', issuePayload({ type: 'Sub-task', parent: 'MSP-1', summary: 'child' }));
      const got = await call('GET', '/issue/MSP-1', undefined, { query: { fields: ['subtasks'] } });
      expect(got.json.fields).toMatchObject({ subtasks: [{ key: 'MSP-2', fields: { summary: 'child' } }] });
    });
  });

  describe('when the project lacks issue types', () => {
    it('refuses an Epic in a project without one, and anything standard in one without a standard type', async () => {
      emu.addProject({ key: 'NOEPIC', issueTypes: ['Task', 'Sub-task'] });
      emu.addProject({ key: 'NOSTD', issueTypes: ['Epic', 'Sub-task'] });
      expect((await call('POST', '/issue', issuePayload({ project: 'NOEPIC', type: 'Epic' }))).json.errors).toEqual({ issuetype: 'The issue type selected is invalid.' });
      expect((await call('POST', '/issue', issuePayload({ project: 'NOSTD', type: 'Task' }))).json.errors).toEqual({ issuetype: 'The issue type selected is invalid.' });
      const meta = await call('GET', '/issue/createmeta/NOSTD/issuetypes');
      expect((meta.json.issueTypes as { name: string; hierarchyLevel: number }[]).map((t) => [t.name, t.hierarchyLevel])).toEqual([
        ['Epic', 1],
        ['Sub-task', -1],
      ]);
    });
  });
});

describe('POST /issue/bulk', () => {
  it('creates up to 50 issues with their properties', async () => {
    const updates = Array.from({ length: 50 }, (_, i) => ({ ...issuePayload({ summary: `Item ${i}` }), properties: [{ key: 'p', value: { n: i } }] }));
    const res = await call('POST', '/issue/bulk', { issueUpdates: updates });
    expect(res.status).toBe(201);
    expect((res.json.issues as unknown[]).length).toBe(50);
    expect(res.json.errors).toEqual([]);
    const prop = await call('GET', '/issue/MSP-50/properties/p');
    expect(prop.body).toEqual({ key: 'p', value: { n: 49 } });
  });

  it('refuses 51 issues with 400 and creates none', async () => {
    const res = await call('POST', '/issue/bulk', { issueUpdates: Array.from({ length: 51 }, () => issuePayload()) });
    expect(res.status).toBe(400);
    expect(res.json.issues).toEqual([]);
    expect(res.json.errors).toEqual([
      {
        status: 400,
        elementErrors: { errorMessages: ['Bulk create accepts at most 50 issues in one request; this request has 51. Split it into batches of 50.'], errors: {} },
        failedElementNumber: 50,
      },
    ]);
    const count = await call('POST', '/search/approximate-count', { jql: 'project = MSP' });
    expect(count.json.count).toBe(0);
  });

  it('answers 201 with the failures beside the successes (partial failure)', async () => {
    const res = await call('POST', '/issue/bulk', {
      issueUpdates: [issuePayload({ summary: 'ok 0' }), issuePayload({ summary: `bad ${REJECT_MARKER}` }), issuePayload({ summary: 'ok 2' }), issuePayload({ type: 'Nope' })],
    });
    expect(res.status).toBe(201);
    expect((res.json.issues as { key: string }[]).map((i) => i.key)).toEqual(['MSP-1', 'MSP-2']);
    expect(res.json.errors).toEqual([
      { status: 400, elementErrors: { errorMessages: [], errors: { summary: expect.stringContaining(REJECT_MARKER) } }, failedElementNumber: 1 },
      { status: 400, elementErrors: { errorMessages: [], errors: { issuetype: 'The issue type selected is invalid.' } }, failedElementNumber: 3 },
    ]);
  });

  it('answers 400 when every element fails', async () => {
    const res = await call('POST', '/issue/bulk', { issueUpdates: [issuePayload({ summary: REJECT_MARKER }), issuePayload({ summary: '' })] });
    expect(res.status).toBe(400);
    expect(res.json.issues).toEqual([]);
    expect((res.json.errors as { failedElementNumber: number }[]).map((e) => e.failedElementNumber)).toEqual([0, 1]);
  });

  it('lets an element name a parent created earlier in the same request', async () => {
    const res = await call('POST', '/issue/bulk', { issueUpdates: [issuePayload({ type: 'Epic' }), issuePayload({ parent: 'MSP-1' })] });
    expect(res.status).toBe(201);
    expect(res.json.errors).toEqual([]);
  });

  it('refuses an oversized property on an element', async () => {
    const res = await call('POST', '/issue/bulk', { issueUpdates: [{ ...issuePayload(), properties: [{ key: 'big', value: 'x'.repeat(32768) }] }] });
    expect(res.status).toBe(400);
    expect(res.json.errors).toMatchObject([{ elementErrors: { errorMessages: ['The property value cannot be longer than 32768 characters.'] } }]);
  });
});

describe('GET /issue/{key}', () => {
  beforeEach(async () => {
    await call('POST', '/issue', { ...issuePayload({ summary: 'one' }), properties: [{ key: 'a', value: 1 }, { key: 'b', value: 2 }] });
  });

  it.each([
    [{ fields: 'summary,labels' }, ['labels', 'summary']],
    [{ fields: ['summary', 'status'] }, ['status', 'summary']],
    [{ fields: '*all,-description,-customfield_10050,-customfield_10051,-customfield_10052' }, ['assignee', 'attachment', 'created', 'creator', 'duedate', 'issuelinks', 'issuetype', 'labels', 'priority', 'project', 'reporter', 'resolution', 'resolutiondate', 'status', 'statuscategorychangedate', 'subtasks', 'summary', 'updated']],
    [{ fields: 'nonsense' }, []],
  ])('selects fields with %j', async (query, fields) => {
    const res = await call('GET', '/issue/MSP-1', undefined, { query });
    expect(Object.keys(res.json.fields as object).sort()).toEqual(fields);
  });

  it('keeps a due date (a calendar day) and refuses one that is not, as Jira words it', async () => {
    const created = await call('POST', '/issue', issuePayload({ summary: 'due', extra: { duedate: '2026-03-19' } }));
    expect(created.status).toBe(201);
    const key = (created.json as { key: string }).key;
    expect((await call('GET', `/issue/${key}`, undefined, { query: { fields: 'duedate' } })).json.fields).toEqual({ duedate: '2026-03-19' });
    const bad = await call('PUT', `/issue/${key}`, { fields: { duedate: '2026-02-30' } });
    expect(bad.status).toBe(400);
    expect(bad.json.errors).toEqual({ duedate: 'Error parsing date string: 2026-02-30' });
    expect((await call('PUT', `/issue/${key}`, { fields: { duedate: null } })).status).toBe(204);
    expect((await call('GET', `/issue/${key}`, undefined, { query: { fields: 'duedate' } })).json.fields).toEqual({ duedate: null });
  });

  it('lists the files attached to an issue in its attachment field', async () => {
    expect((await call('GET', '/issue/MSP-1', undefined, { query: { fields: 'attachment' } })).json.fields).toEqual({ attachment: [] });
    const { id } = emu.addAttachment('MSP-1', { filename: 'policy.pdf', size: 2048 });
    const res = await call('GET', '/issue/MSP-1', undefined, { query: { fields: 'attachment' } });
    expect(res.json.fields).toEqual({
      attachment: [
        expect.objectContaining({ id, filename: 'policy.pdf', size: 2048, mimeType: 'application/pdf', author: expect.objectContaining({ accountId: 'admin' }), self: expect.stringMatching(new RegExp(`/rest/api/3/attachment/${id}$`)) }),
      ],
    });
  });

  it('returns every custom field, null when unset, by default', async () => {
    const res = await call('GET', '/issue/10000');
    expect(res.json.fields).toMatchObject({ customfield_10050: null, customfield_10051: null, customfield_10052: null });
    expect(res.json).not.toHaveProperty('properties');
  });

  it('returns the requested properties', async () => {
    expect((await call('GET', '/issue/MSP-1', undefined, { query: { properties: 'a' } })).json.properties).toEqual({ a: 1 });
    expect((await call('GET', '/issue/MSP-1', undefined, { query: { properties: '*all,-b' } })).json.properties).toEqual({ a: 1 });
  });

  it('answers 404 for a missing issue and for one the user may not browse', async () => {
    for (const [key, actor] of [['MSP-9', 'admin'], ['MSP-1', 'outsider']] as const) {
      const res = await call('GET', `/issue/${key}`, undefined, { actor });
      expect(res.status).toBe(404);
      expect(res.body).toEqual({ errorMessages: ['Issue does not exist or you do not have permission to see it.'], errors: {} });
    }
  });
});

describe('PUT /issue/{key}', () => {
  let events: IssueChangeEvent[];
  beforeEach(async () => {
    await call('POST', '/issue', issuePayload({ summary: 'before', labels: ['a', 'b'] }));
    events = [];
    emu.onIssueChange((e) => events.push(e));
  });

  it('edits fields, answers 204 and fires an update event with changelog items', async () => {
    const res = await call('PUT', '/issue/MSP-1', { fields: { summary: 'after', description: adf('new') }, update: { labels: [{ add: 'c' }, { remove: 'a' }] } }, { query: { notifyUsers: 'false' } });
    expect(res.status).toBe(204);
    expect(res.body).toBeUndefined();
    const got = await call('GET', '/issue/MSP-1', undefined, { query: { fields: 'summary,labels' } });
    expect(got.json.fields).toEqual({ summary: 'after', labels: ['b', 'c'] });
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ kind: 'updated', actor: 'admin', origin: 'outside', generateEvents: true, issue: { key: 'MSP-1', fields: { summary: 'after' } } });
    expect(events[0]!.changelog!.items.map((i) => [i.field, i.fromString, i.toString])).toEqual([
      ['summary', 'before', 'after'],
      ['description', null, 'new'],
      ['labels', 'a b', 'b c'],
    ]);
  });

  it('returns the issue with returnIssue=true', async () => {
    const res = await call('PUT', '/issue/MSP-1', { fields: { summary: 'x' } }, { query: { returnIssue: 'true' } });
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({ key: 'MSP-1', fields: { summary: 'x' } });
  });

  it('fires no event when nothing changes', async () => {
    await call('PUT', '/issue/MSP-1', { fields: { summary: 'before' } });
    expect(events).toEqual([]);
  });

  it('refuses overrideEditableFlag to a person, even a Jira admin, and to the app acting as itself', async () => {
    const body = { fields: { [FIELDS.points]: 3 } };
    for (const [actor, origin] of [['admin', 'outside'], ['app', 'app']] as const) {
      const res = await call('PUT', '/issue/MSP-1', body, { actor, origin, query: { overrideEditableFlag: 'true' } });
      expect(res.status).toBe(403);
      expect(res.json).toEqual({ errorMessages: [expect.stringMatching(/^Overriding screen security or the editable flag is only available to Connect and Forge app users with the Administer Jira global permission/)], errors: {} });
    }
    expect((await call('GET', '/issue/MSP-1', undefined, { query: { fields: FIELDS.points } })).json.fields).toEqual({ [FIELDS.points]: null });
  });

  it('lets a Forge app acting for a Jira admin override the editable flag of a read-only field', async () => {
    const res = await call('PUT', '/issue/MSP-1', { fields: { [FIELDS.points]: 3 } }, { actor: 'admin', origin: 'app', query: { overrideEditableFlag: 'true' } });
    expect(res.status).toBe(204);
    expect((await call('GET', '/issue/MSP-1', undefined, { query: { fields: FIELDS.points } })).json.fields).toEqual({ [FIELDS.points]: 3 });
  });

  it('lets a user write an editable app field but never a read-only one', async () => {
    expect((await call('PUT', '/issue/MSP-1', { fields: { customfield_10052: 'owner says hi' } })).status).toBe(204);
    const ro = await call('PUT', '/issue/MSP-1', { fields: { customfield_10050: 3 } });
    expect(ro.status).toBe(400);
    expect(ro.json.errors).toEqual({ customfield_10050: "Field 'customfield_10050' cannot be set. It is not on the appropriate screen, or unknown." });
    const bad = await call('PUT', '/issue/MSP-1', { fields: { customfield_10051: { nope: true } } });
    expect(bad.json.errors).toEqual({ customfield_10051: "The value does not match the field's schema: / must have required property 'entries'." });
  });

  it('refuses the viewer, field by field, as Jira does without Edit Issues', async () => {
    const res = await call('PUT', '/issue/MSP-1', { fields: { summary: 'x' }, update: { labels: [{ add: 'c' }] } }, { actor: 'viewer' });
    expect(res.status).toBe(400);
    expect(res.body).toEqual({
      errorMessages: [],
      errors: {
        summary: "Field 'summary' cannot be set. It is not on the appropriate screen, or unknown.",
        labels: "Field 'labels' cannot be set. It is not on the appropriate screen, or unknown.",
      },
    });
  });

  it('refuses a field in both fields and update', async () => {
    const res = await call('PUT', '/issue/MSP-1', { fields: { labels: ['x'] }, update: { labels: [{ add: 'y' }] } });
    expect(res.json.errors).toEqual({ labels: "Field 'labels' cannot be set in both 'fields' and 'update'." });
  });
});

describe('issue writes by a user without permission', () => {
  it('refuses the viewer creating issues with Jira’s 400', async () => {
    const res = await call('POST', '/issue', issuePayload(), { actor: 'viewer' });
    expect(res.status).toBe(400);
    expect(res.body).toEqual({ errorMessages: [], errors: { project: 'You do not have permission to create issues in this project.' } });
    const bulk = await call('POST', '/issue/bulk', { issueUpdates: [issuePayload()] }, { actor: 'viewer' });
    expect(bulk.status).toBe(400);
  });

  it('offers the viewer no transitions and refuses one', async () => {
    await call('POST', '/issue', issuePayload());
    expect((await call('GET', '/issue/MSP-1/transitions', undefined, { actor: 'viewer' })).json.transitions).toEqual([]);
    const res = await call('POST', '/issue/MSP-1/transitions', { transition: { id: '31' } }, { actor: 'viewer' });
    expect(res.status).toBe(400);
    expect(res.json.errorMessages).toEqual(["Transition id '31' is not valid for this issue."]);
  });

  it('refuses the viewer deleting, and lets the admin delete with its sub-tasks', async () => {
    await call('POST', '/issue', issuePayload());
    await call('POST', '/issue', issuePayload({ type: 'Sub-task', parent: 'MSP-1' }));
    expect((await call('DELETE', '/issue/MSP-1', undefined, { actor: 'viewer' })).status).toBe(403);
    expect((await call('DELETE', '/issue/MSP-1')).status).toBe(400);
    expect((await call('DELETE', '/issue/MSP-1', undefined, { query: { deleteSubtasks: 'true' } })).status).toBe(204);
    expect((await call('GET', '/issue/MSP-2')).status).toBe(404);
  });
});

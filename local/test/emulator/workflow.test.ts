import type { IssueChangeEvent, JiraEmulatorApi } from '../../jira';
import { caller, issuePayload, makeEmulator, type Caller } from './helpers';

let emu: JiraEmulatorApi;
let call: Caller;
beforeEach(async () => {
  emu = makeEmulator();
  call = caller(emu);
  await call('POST', '/issue', issuePayload());
});

describe('GET /project/{projectIdOrKey}', () => {
  it('answers the seed project, company-managed, by key or id', async () => {
    for (const ref of ['MSP', 'msp', '10000']) {
      const res = await call('GET', `/project/${ref}`);
      expect(res.status).toBe(200);
      expect(res.json).toMatchObject({ id: '10000', key: 'MSP', name: 'MSP Audit', style: 'classic', simplified: false, projectTypeKey: 'software' });
    }
    const types = (await call('GET', '/project/MSP')).json.issueTypes as { name: string; hierarchyLevel: number }[];
    expect(types.map((t) => [t.name, t.hierarchyLevel])).toEqual([
      ['Task', 0],
      ['Sub-task', -1],
      ['Epic', 1],
    ]);
  });

  it.each([
    ['NOPE', 'admin', "No project could be found with key 'NOPE'."],
    ['12345', 'admin', "No project could be found with id '12345'."],
    ['MSP', 'outsider', "No project could be found with key 'MSP'."],
  ])('answers 404 for %s as %s', async (ref, actor, message) => {
    const res = await call('GET', `/project/${ref}`, undefined, { actor });
    expect(res.status).toBe(404);
    expect(res.body).toEqual({ errorMessages: [message], errors: {} });
  });
});

describe('GET /issue/createmeta/{project}/issuetypes', () => {
  it('pages the issue types', async () => {
    const page = await call('GET', '/issue/createmeta/MSP/issuetypes', undefined, { query: { startAt: '1', maxResults: '1' } });
    expect(page.body).toEqual({
      maxResults: 1,
      startAt: 1,
      total: 3,
      issueTypes: [expect.objectContaining({ id: '10002', name: 'Sub-task', subtask: true, hierarchyLevel: -1 })],
    });
  });

  it('lists nothing for a user who may not create issues', async () => {
    expect((await call('GET', '/issue/createmeta/MSP/issuetypes', undefined, { actor: 'viewer' })).json).toMatchObject({ total: 0, issueTypes: [] });
  });

  it('refuses maxResults over 200', async () => {
    const res = await call('GET', '/issue/createmeta/MSP/issuetypes', undefined, { query: { maxResults: '201' } });
    expect(res.status).toBe(400);
    expect(res.json.errorMessages).toEqual(["Parameter 'maxResults' must not exceed the limit '200'"]);
  });
});

describe('statuses and transitions', () => {
  it('lists the three statuses with their categories', async () => {
    const res = await call('GET', '/status');
    expect((res.body as { name: string; statusCategory: { key: string } }[]).map((s) => [s.name, s.statusCategory.key])).toEqual([
      ['To Do', 'new'],
      ['In Progress', 'indeterminate'],
      ['Done', 'done'],
    ]);
    const search = await call('GET', '/statuses/search', undefined, { query: { statusCategory: 'DONE' } });
    expect(search.json).toMatchObject({ total: 1, isLast: true, values: [{ name: 'Done', statusCategory: 'DONE' }] });
  });

  it('offers a transition to every other status', async () => {
    const res = await call('GET', '/issue/MSP-1/transitions');
    expect((res.json.transitions as { id: string; to: { name: string } }[]).map((t) => [t.id, t.to.name])).toEqual([
      ['21', 'In Progress'],
      ['31', 'Done'],
    ]);
  });

  it('moves the issue, sets and clears the resolution, and fires status changelog items', async () => {
    const events: IssueChangeEvent[] = [];
    emu.onIssueChange((e) => events.push(e));
    expect((await call('POST', '/issue/MSP-1/transitions', { transition: { id: '31' } })).status).toBe(204);
    let fields = (await call('GET', '/issue/MSP-1', undefined, { query: { fields: 'status,resolution,resolutiondate' } })).json.fields as Record<string, Record<string, unknown>>;
    expect(fields.status).toMatchObject({ name: 'Done', statusCategory: { key: 'done' } });
    expect(fields.resolution).toMatchObject({ name: 'Done' });
    expect(events[0]!.changelog!.items).toEqual([
      { field: 'status', fieldtype: 'jira', fieldId: 'status', from: '10000', fromString: 'To Do', to: '10001', toString: 'Done' },
      { field: 'resolution', fieldtype: 'jira', fieldId: 'resolution', from: null, fromString: null, to: '10000', toString: 'Done' },
    ]);
    await call('POST', '/issue/MSP-1/transitions', { transition: { id: '11' } });
    fields = (await call('GET', '/issue/MSP-1', undefined, { query: { fields: 'status,resolution' } })).json.fields as Record<string, Record<string, unknown>>;
    expect(fields).toMatchObject({ status: { statusCategory: { key: 'new' } }, resolution: null });
  });

  it("takes a resolution such as Won't Do on the way to Done", async () => {
    await call('POST', '/issue/MSP-1/transitions', { transition: { id: '31' }, fields: { resolution: { name: "Won't Do" } } });
    expect((await call('GET', '/issue/MSP-1', undefined, { query: { fields: 'resolution' } })).json.fields).toMatchObject({ resolution: { name: "Won't Do" } });
  });

  it.each([
    [{}, "Missing 'transition' identifier"],
    [{ transition: { id: '99' } }, "Transition id '99' is not valid for this issue."],
    [{ transition: { id: '11' } }, "Transition id '11' is not valid for this issue."],
  ])('refuses %j', async (body, message) => {
    const res = await call('POST', '/issue/MSP-1/transitions', body);
    expect(res.status).toBe(400);
    expect(res.body).toEqual({ errorMessages: [message], errors: {} });
  });
});

import { type IssueChangeEvent, type JiraEmulatorApi } from '../../jira';
import { FIELDS, FIXTURE_APP_ID, caller, issuePayload, makeEmulator, type Caller } from './helpers';

let emu: JiraEmulatorApi;
let call: Caller;
beforeEach(async () => {
  emu = makeEmulator();
  call = caller(emu);
  await call('POST', '/issue/bulk', { issueUpdates: [issuePayload({ summary: 'one' }), issuePayload({ summary: 'two' })] });
});

describe('issue entity properties', () => {
  it('creates (201), updates (200), lists, reads and deletes (204) a property', async () => {
    const value = { checklistId: 'aws-msp-7.1', itemId: '8.3', points: 10 };
    expect((await call('PUT', '/issue/MSP-1/properties/msp-audit-item', value)).status).toBe(201);
    expect((await call('PUT', '/issue/MSP-1/properties/msp-audit-item', { ...value, points: 20 })).status).toBe(200);
    expect((await call('GET', '/issue/MSP-1/properties')).body).toEqual({
      keys: [{ key: 'msp-audit-item', self: 'https://emulator.test/jira/rest/api/3/issue/10000/properties/msp-audit-item' }],
    });
    expect((await call('GET', '/issue/MSP-1/properties/msp-audit-item')).body).toEqual({ key: 'msp-audit-item', value: { ...value, points: 20 } });
    expect((await call('DELETE', '/issue/MSP-1/properties/msp-audit-item')).status).toBe(204);
    const gone = await call('GET', '/issue/MSP-1/properties/msp-audit-item');
    expect(gone.status).toBe(404);
    expect(gone.json.errorMessages).toEqual(["The property with key 'msp-audit-item' does not exist for issue 'MSP-1'."]);
  });

  it('stores any JSON value up to 32768 characters and refuses a longer one', async () => {
    const fits = 'x'.repeat(32766); // plus two quotes
    expect((await call('PUT', '/issue/MSP-1/properties/big', fits)).status).toBe(201);
    const res = await call('PUT', '/issue/MSP-1/properties/big', `${fits}x`);
    expect(res.status).toBe(400);
    expect(res.body).toEqual({ errorMessages: ['The property value cannot be longer than 32768 characters.'], errors: {} });
  });

  it('refuses a key longer than 255 characters', async () => {
    expect((await call('PUT', `/issue/MSP-1/properties/${'k'.repeat(256)}`, 1)).status).toBe(400);
  });

  it('lets the viewer read but not write, and hides everything from an outsider', async () => {
    await call('PUT', '/issue/MSP-1/properties/p', 1);
    expect((await call('GET', '/issue/MSP-1/properties/p', undefined, { actor: 'viewer' })).status).toBe(200);
    expect((await call('PUT', '/issue/MSP-1/properties/p', 2, { actor: 'viewer' })).status).toBe(403);
    expect((await call('DELETE', '/issue/MSP-1/properties/p', undefined, { actor: 'viewer' })).status).toBe(404);
    expect((await call('GET', '/issue/MSP-1/properties', undefined, { actor: 'outsider' })).status).toBe(404);
  });
});

describe('GET /field', () => {
  it('lists system fields and the manifest fields with Forge ARIs and types', async () => {
    const res = await call('GET', '/field');
    const fields = res.body as { id: string; custom: boolean; schema?: Record<string, unknown>; clauseNames: string[] }[];
    expect(fields.filter((f) => !f.custom).map((f) => f.id)).toEqual(expect.arrayContaining(['summary', 'description', 'labels', 'status', 'issuetype', 'parent']));
    const custom = fields.filter((f) => f.custom);
    expect(custom).toEqual([
      expect.objectContaining({ id: FIELDS.points, name: 'Audit points', schema: { type: 'number', custom: `ari:cloud:ecosystem::extension/${FIXTURE_APP_ID}/7a1c2e4f-0b3d-4e5f-8a9b-6c7d8e9f0a1b/static/audit-points`, customId: 10050 } }),
      expect.objectContaining({ id: FIELDS.evidence, schema: expect.objectContaining({ type: 'any', custom: expect.stringMatching(/\/static\/audit-evidence$/) }) }),
      expect.objectContaining({ id: FIELDS.ownerNote, schema: expect.objectContaining({ type: 'string' }), clauseNames: ['cf[10052]', 'Owner note'] }),
    ]);
  });

  it('uses the appId and envId options in the ARI', async () => {
    const other = makeEmulator({ appId: 'app-x', envId: 'env-y' });
    const res = await caller(other)('GET', '/field');
    expect((res.body as { id: string; schema?: { custom?: string } }[]).find((f) => f.id === FIELDS.points)?.schema?.custom).toBe('ari:cloud:ecosystem::extension/app-x/env-y/static/audit-points');
  });
});

describe('app field values', () => {
  let events: IssueChangeEvent[];
  beforeEach(() => {
    events = [];
    emu.onIssueChange((e) => events.push(e));
  });

  it('lets the app write a read-only field for many issues (204), readable on the issue and searchable', async () => {
    const res = await call('POST', '/app/field/value', { updates: [{ customField: FIELDS.points, issueIds: [10000, 10001], value: 25 }] }, { actor: 'app', origin: 'app' });
    expect(res.status).toBe(204);
    const got = await call('GET', '/issue/MSP-2', undefined, { query: { fields: FIELDS.points } });
    expect(got.json.fields).toEqual({ [FIELDS.points]: 25 });
    expect(events.map((e) => [e.issue.key, e.actor, e.origin, e.generateEvents])).toEqual([
      ['MSP-1', 'app', 'app', true],
      ['MSP-2', 'app', 'app', true],
    ]);
    expect(events[0]!.changelog!.items).toEqual([{ field: 'Audit points', fieldtype: 'custom', fieldId: FIELDS.points, from: null, fromString: null, to: null, toString: '25' }]);
  });

  it('honours generateAppEvents=false and generateChangelog=false', async () => {
    await call('POST', '/app/field/value', { updates: [{ customField: FIELDS.points, issueIds: [10000], value: 5 }] }, { actor: 'app', origin: 'app', query: { generateAppEvents: 'false', generateChangelog: 'false' } });
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ generateEvents: false, changelog: { items: [] } });
  });

  it('writes one field through PUT /app/field/{field}/value and clears it with null', async () => {
    const body = { updates: [{ issueIds: [10000], value: { entries: [{ kind: 'link' }] } }] };
    expect((await call('PUT', `/app/field/${FIELDS.evidence}/value`, body, { actor: 'app', origin: 'app' })).status).toBe(204);
    expect((await call('GET', '/issue/MSP-1', undefined, { query: { fields: FIELDS.evidence } })).json.fields).toEqual({ [FIELDS.evidence]: { entries: [{ kind: 'link' }] } });
    await call('PUT', `/app/field/audit-evidence/value`, { updates: [{ issueIds: [10000], value: null }] }, { actor: 'app', origin: 'app' });
    expect((await call('GET', '/issue/MSP-1', undefined, { query: { fields: FIELDS.evidence } })).json.fields).toEqual({ [FIELDS.evidence]: null });
  });

  it.each([
    ['a user', 'admin', { updates: [{ customField: FIELDS.points, issueIds: [10000], value: 1 }] }, 403],
    ['an unknown field', 'app', { updates: [{ customField: 'customfield_1', issueIds: [10000], value: 1 }] }, 404],
    ['an unknown issue', 'app', { updates: [{ customField: FIELDS.points, issueIds: [999], value: 1 }] }, 400],
    ['a value of the wrong type', 'app', { updates: [{ customField: FIELDS.points, issueIds: [10000], value: 'ten' }] }, 400],
    ['no updates array', 'app', {}, 400],
  ])('refuses %s', async (_name, actor, body, status) => {
    const res = await call('POST', '/app/field/value', body, { actor, origin: actor === 'app' ? 'app' : 'outside' });
    expect(res.status).toBe(status);
    expect(res.json).toHaveProperty('errorMessages');
  });

  it('refuses a request from outside that names the app account: only the app itself writes its fields', async () => {
    for (const [method, path, body] of [
      ['POST', '/app/field/value', { updates: [{ customField: FIELDS.evidence, issueIds: [10000], value: { entries: [] } }] }],
      ['PUT', `/app/field/${FIELDS.evidence}/value`, { updates: [{ issueIds: [10000], value: { entries: [] } }] }],
    ] as const) {
      const res = await call(method, path, body, { actor: 'app', origin: 'outside' });
      expect(res.status).toBe(403);
      expect(res.json).toEqual({ errorMessages: ['Only the app that provides the custom field can update its value. Call this as the app (asApp()).'], errors: {} });
    }
    expect((await call('GET', '/issue/MSP-1', undefined, { query: { fields: FIELDS.evidence } })).json.fields).toEqual({ [FIELDS.evidence]: null });
  });

  it('writes nothing when one update of several is bad', async () => {
    const res = await call('POST', '/app/field/value', { updates: [{ customField: FIELDS.points, issueIds: [10000], value: 1 }, { customField: FIELDS.points, issueIds: [10000], value: 'x' }] }, { actor: 'app', origin: 'app' });
    expect(res.status).toBe(400);
    expect(res.json.errors).toEqual({ [FIELDS.points]: 'Operation value must be a number' });
    expect((await call('GET', '/issue/MSP-1', undefined, { query: { fields: FIELDS.points } })).json.fields).toEqual({ [FIELDS.points]: null });
  });
});

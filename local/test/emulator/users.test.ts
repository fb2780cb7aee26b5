import type { JiraEmulatorApi } from '../../jira';
import { caller, issuePayload, makeEmulator, type Caller } from './helpers';

let emu: JiraEmulatorApi;
let call: Caller;
beforeEach(async () => {
  emu = makeEmulator();
  call = caller(emu);
  await call('POST', '/issue', issuePayload());
});

describe('GET /myself', () => {
  it.each([
    ['admin', 'atlassian'],
    ['viewer', 'atlassian'],
    ['app', 'app'],
  ])('answers %s', async (actor, accountType) => {
    const res = await call('GET', '/myself', undefined, { actor });
    expect(res.json).toMatchObject({ accountId: actor, accountType, active: true });
  });

  it('answers 401 for an unknown account, on every resource', async () => {
    for (const p of ['/myself', '/issue/MSP-1', '/search/jql']) {
      const res = await call('GET', p, undefined, { actor: 'mallory', query: { jql: 'project = MSP' } });
      expect(res.status).toBe(401);
      expect(res.body).toEqual({ errorMessages: ['Client must be authenticated to access this resource.'], errors: {} });
    }
  });
});

describe('GET /mypermissions', () => {
  const have = async (actor: string, query: Record<string, string>): Promise<Record<string, boolean>> => {
    const res = await call('GET', '/mypermissions', undefined, { actor, query });
    expect(res.status).toBe(200);
    return Object.fromEntries(Object.entries(res.json.permissions as Record<string, { havePermission: boolean }>).map(([k, v]) => [k, v.havePermission]));
  };

  it.each([
    ['admin', { BROWSE_PROJECTS: true, CREATE_ISSUES: true, EDIT_ISSUES: true, ADMINISTER: true }],
    ['viewer', { BROWSE_PROJECTS: true, CREATE_ISSUES: false, EDIT_ISSUES: false, ADMINISTER: false }],
    ['app', { BROWSE_PROJECTS: true, CREATE_ISSUES: true, EDIT_ISSUES: true, ADMINISTER: false }],
    ['outsider', { BROWSE_PROJECTS: false, CREATE_ISSUES: false, EDIT_ISSUES: false, ADMINISTER: false }],
  ])('answers what %s may do', async (actor, expected) => {
    expect(await have(actor, { permissions: 'BROWSE_PROJECTS,CREATE_ISSUES,EDIT_ISSUES,ADMINISTER' })).toEqual(expected);
  });

  it('answers for a project or an issue', async () => {
    expect(await have('viewer', { permissions: 'EDIT_ISSUES', projectKey: 'MSP' })).toEqual({ EDIT_ISSUES: false });
    expect(await have('admin', { permissions: 'EDIT_ISSUES', issueKey: 'MSP-1' })).toEqual({ EDIT_ISSUES: true });
  });

  it('describes each permission as Jira does', async () => {
    const res = await call('GET', '/mypermissions', undefined, { query: { permissions: 'EDIT_ISSUES' } });
    expect(res.json.permissions).toEqual({ EDIT_ISSUES: { id: '12', key: 'EDIT_ISSUES', name: 'Edit Issues', type: 'PROJECT', description: 'Ability to edit issues.', havePermission: true } });
  });

  it.each([
    [{}, 400],
    [{ permissions: 'FLY' }, 400],
    [{ permissions: 'BROWSE_PROJECTS', projectKey: 'NOPE' }, 404],
    [{ permissions: 'BROWSE_PROJECTS', issueKey: 'MSP-9' }, 404],
  ])('refuses %j', async (query, status) => {
    const res = await call('GET', '/mypermissions', undefined, { query });
    expect(res.status).toBe(status);
    expect(res.json).toHaveProperty('errorMessages');
  });
});

describe('POST /permissions/check', () => {
  const body = (accountId?: string): Record<string, unknown> => ({
    ...(accountId ? { accountId } : {}),
    projectPermissions: [{ permissions: ['EDIT_ISSUES', 'BROWSE_PROJECTS'], projects: [10000, 99999], issues: [10000] }],
    globalPermissions: ['ADMINISTER'],
  });

  it('lets the app check a user before acting for them', async () => {
    const viewer = await call('POST', '/permissions/check', body('viewer'), { actor: 'app' });
    expect(viewer.body).toEqual({
      projectPermissions: [
        { permission: 'EDIT_ISSUES', projects: [], issues: [] },
        { permission: 'BROWSE_PROJECTS', projects: [10000], issues: [10000] },
      ],
      globalPermissions: [],
    });
    const admin = await call('POST', '/permissions/check', body('admin'), { actor: 'app' });
    expect(admin.json.projectPermissions).toEqual([
      { permission: 'EDIT_ISSUES', projects: [10000], issues: [10000] },
      { permission: 'BROWSE_PROJECTS', projects: [10000], issues: [10000] },
    ]);
    expect(admin.json.globalPermissions).toEqual(['ADMINISTER']);
  });

  it('checks the caller when no accountId is given', async () => {
    const res = await call('POST', '/permissions/check', body(), { actor: 'viewer' });
    expect(res.json.projectPermissions).toEqual([
      { permission: 'EDIT_ISSUES', projects: [], issues: [] },
      { permission: 'BROWSE_PROJECTS', projects: [10000], issues: [10000] },
    ]);
  });

  it('refuses a non-admin checking someone else', async () => {
    const res = await call('POST', '/permissions/check', body('admin'), { actor: 'viewer' });
    expect(res.status).toBe(403);
    expect(res.body).toEqual({ errorMessages: ['Only Jira administrators can perform this operation.'], errors: {} });
  });

  it('refuses unknown permissions with one error per key', async () => {
    const res = await call('POST', '/permissions/check', { projectPermissions: [{ permissions: ['PERMISSION_123'] }], globalPermissions: ['NOPE'] });
    expect(res.status).toBe(400);
    expect(res.body).toEqual({ errorMessages: [], errors: { PERMISSION_123: 'Unrecognized permission', NOPE: 'Unrecognized permission' } });
  });
});

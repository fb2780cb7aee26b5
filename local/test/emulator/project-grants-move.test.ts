/**
 * Per-project permissions (a user who edits one project and only browses another) and the
 * moveIssue test hook (a new key in the target project, same id, fields and properties).
 */
import type { JiraEmulatorApi } from '../../jira';
import { caller, issuePayload, makeEmulator, type Caller } from './helpers';

let emu: JiraEmulatorApi;
let call: Caller;
beforeEach(async () => {
  emu = makeEmulator();
  call = caller(emu);
  emu.addProject({ key: 'OPS' });
  await call('POST', '/issue', issuePayload({ summary: 'in MSP' }));
  await call('POST', '/issue', issuePayload({ summary: 'in OPS', project: 'OPS' }));
  // editor: every default grant except project admin; in OPS only Browse projects.
  emu.setProjectPermissions('editor', 'OPS', ['BROWSE_PROJECTS']);
});

const have = async (query: Record<string, string>): Promise<Record<string, boolean>> => {
  const res = await call('GET', '/mypermissions', undefined, { actor: 'editor', query: { permissions: 'BROWSE_PROJECTS,EDIT_ISSUES,CREATE_ISSUES', ...query } });
  expect(res.status).toBe(200);
  return Object.fromEntries(Object.entries(res.json.permissions as Record<string, { havePermission: boolean }>).map(([k, v]) => [k, v.havePermission]));
};

describe('per-project permissions', () => {
  it('mypermissions answers per project, by projectKey and by issueKey', async () => {
    expect(await have({ projectKey: 'MSP' })).toEqual({ BROWSE_PROJECTS: true, EDIT_ISSUES: true, CREATE_ISSUES: true });
    expect(await have({ projectKey: 'OPS' })).toEqual({ BROWSE_PROJECTS: true, EDIT_ISSUES: false, CREATE_ISSUES: false });
    expect(await have({ issueKey: 'MSP-1' })).toMatchObject({ EDIT_ISSUES: true });
    expect(await have({ issueKey: 'OPS-1' })).toMatchObject({ EDIT_ISSUES: false });
    // Without a project: held in some project.
    expect(await have({})).toMatchObject({ EDIT_ISSUES: true });
  });

  it('search shows both projects to a browser, and nothing of a project without Browse', async () => {
    const keys = async (): Promise<string[]> => {
      const res = await call('GET', '/search/jql', undefined, { actor: 'editor', query: { jql: 'project in (MSP, OPS) ORDER BY key', fields: 'summary' } });
      return (res.json.issues as { key: string }[] | undefined ?? []).map((i) => i.key).sort();
    };
    expect(await keys()).toEqual(['MSP-1', 'OPS-1']);
    emu.setProjectPermissions('editor', 'OPS', []);
    const res = await call('GET', '/search/jql', undefined, { actor: 'editor', query: { jql: 'project = MSP', fields: 'summary' } });
    expect((res.json.issues as { key: string }[]).map((i) => i.key)).toEqual(['MSP-1']);
    expect((await call('GET', '/issue/OPS-1', undefined, { actor: 'editor' })).status).toBe(404);
    emu.setProjectPermissions('editor', 'OPS', null);
    expect((await call('GET', '/issue/OPS-1', undefined, { actor: 'editor' })).status).toBe(200);
  });

  it('edits, creates and sets properties in MSP, is refused all three in OPS', async () => {
    const edit = (key: string) => call('PUT', `/issue/${key}`, { fields: { summary: 'renamed' } }, { actor: 'editor' });
    expect((await edit('MSP-1')).status).toBe(204);
    const refused = await edit('OPS-1');
    expect(refused.status).toBe(400); // as for a browse-only user everywhere (issues/validate.ts)
    expect((await call('GET', '/issue/OPS-1', undefined, { query: { fields: 'summary' } })).json).toMatchObject({ fields: { summary: 'in OPS' } });
    expect((await call('POST', '/issue', issuePayload({ project: 'MSP' }), { actor: 'editor' })).status).toBe(201);
    expect((await call('POST', '/issue', issuePayload({ project: 'OPS' }), { actor: 'editor' })).status).toBe(400);
    expect((await call('PUT', '/issue/MSP-1/properties/p', { a: 1 }, { actor: 'editor' })).status).toBe(201);
    expect((await call('PUT', '/issue/OPS-1/properties/p', { a: 1 }, { actor: 'editor' })).status).toBe(403);
  });

  it('offers transitions on MSP issues only', async () => {
    const offered = async (key: string): Promise<number> => ((await call('GET', `/issue/${key}/transitions`, undefined, { actor: 'editor' })).json.transitions as unknown[]).length;
    expect(await offered('MSP-1')).toBeGreaterThan(0);
    expect(await offered('OPS-1')).toBe(0);
  });

  it('refuses an unknown user, project or permission', () => {
    expect(() => emu.setProjectPermissions('nobody', 'OPS', [])).toThrow('No user nobody');
    expect(() => emu.setProjectPermissions('editor', 'NOPE', [])).toThrow('No project NOPE');
    expect(() => emu.setProjectPermissions('editor', 'OPS', ['EDIT_EVERYTHING'])).toThrow('EDIT_EVERYTHING');
  });
});

describe('moveIssue', () => {
  it('gives the next key of the target project and keeps id, fields and properties; the old key still resolves', async () => {
    await call('PUT', '/issue/MSP-1/properties/msp-audit-item', { itemId: 'X.1' });
    const before = await call('GET', '/issue/MSP-1', undefined, { query: { fields: 'summary,labels', properties: 'msp-audit-item' } });
    const newKey = emu.moveIssue('MSP-1', 'OPS');
    expect(newKey).toBe('OPS-2');
    const after = await call('GET', `/issue/${newKey}`, undefined, { query: { fields: 'summary,labels,project', properties: 'msp-audit-item' } });
    expect(after.json).toMatchObject({ id: before.json.id, key: 'OPS-2', fields: { summary: 'in MSP', project: { key: 'OPS' } }, properties: { 'msp-audit-item': { itemId: 'X.1' } } });
    expect((await call('GET', '/issue/MSP-1')).json).toMatchObject({ key: 'OPS-2' });
    const msp = await call('GET', '/search/jql', undefined, { query: { jql: 'project = MSP', fields: 'summary' } });
    expect(msp.json.issues).toEqual([]);
    // The source project's numbering goes on: the next MSP issue is MSP-2, not MSP-1 again.
    expect((await call('POST', '/issue', issuePayload())).json).toMatchObject({ key: 'MSP-2' });
  });

  it('sends the update event Jira sends for a move (changelog project and Key)', () => {
    const events: { kind: string; key: string; items: unknown }[] = [];
    emu.onIssueChange((e) => events.push({ kind: e.kind, key: e.issue.key, items: e.changelog?.items }));
    emu.moveIssue('MSP-1', 'OPS');
    expect(events).toEqual([
      {
        kind: 'updated',
        key: 'OPS-2',
        items: [
          expect.objectContaining({ field: 'project', fromString: expect.any(String), toString: expect.any(String) }),
          expect.objectContaining({ field: 'Key', fromString: 'MSP-1', toString: 'OPS-2' }),
        ],
      },
    ]);
  });

  it('refuses an unknown issue or project', () => {
    expect(() => emu.moveIssue('MSP-99', 'OPS')).toThrow('No issue MSP-99');
    expect(() => emu.moveIssue('MSP-1', 'NOPE')).toThrow('No project NOPE');
  });
});

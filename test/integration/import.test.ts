/** Import through the real app, the local Forge runtime and the Jira emulator. */
import { builtinChecklists } from '../../src/checklists';
import { generatedChecklist, registerChecklist } from './checklists';
import { itemIdsOf, startHarness, type Harness } from './harness';

describe('import', () => {
  let h: Harness;
  beforeEach(() => {
    h = startHarness();
  });
  afterEach(async () => {
    await h.close();
  });

  describe.each(builtinChecklists().map((def) => [def.id, def] as const))('when importing %s', (_id, def) => {
    it('creates exactly one issue per item within the call budget', async () => {
      const status = await h.importChecklist(def.id);
      expect(status).toMatchObject({ state: 'done', total: def.items.length, created: def.items.length, existing: 0, failed: 0 });
      const ids = itemIdsOf(await h.issues(), def.id);
      expect(ids.sort()).toEqual(def.items.map((item) => item.id).sort());
      const chapters = new Set(def.items.map((item) => item.chapterId)).size;
      const budget = Math.ceil(def.items.length / 50) + Math.ceil(chapters / 50) + 10;
      expect(h.appRequests().length).toBeLessThanOrEqual(budget);
    });
  });
});

describe('import, again and refused', () => {
  let h: Harness;
  beforeEach(() => {
    h = startHarness();
  });
  afterEach(async () => {
    await h.close();
  });

  const aws71 = () => builtinChecklists().find((def) => def.id === 'aws-msp-7.1')!;

  describe('when the checklist was imported before', () => {
    it('creates nothing and says every item already exists', async () => {
      await h.importChecklist('aws-msp-7.1');
      const before = (await h.issues()).length;
      h.emulator.clearRequests();
      const again = await h.importChecklist('aws-msp-7.1');
      expect(again).toMatchObject({ state: 'done', created: 0, existing: aws71().items.length });
      expect((await h.issues()).length).toBe(before);
      const reads = ['/rest/api/3/search/jql', '/rest/api/3/issue/bulkfetch'];
      const writes = h.appRequests().filter((request) => request.method !== 'GET' && !reads.includes(request.path));
      expect(writes).toEqual([]);
    });
  });

  describe('when the caller may only browse the project', () => {
    it('refuses with a clear error and creates nothing', async () => {
      await expect(h.importChecklist('aws-msp-7.1', { accountId: 'viewer' })).rejects.toThrow(
        /You need the Create issues permission in project MSP to import the checklist .*Ask a Jira admin/,
      );
      await h.runtime.idle();
      expect(await h.issues()).toEqual([]);
      expect(h.runtime.kvs.keys().filter((key) => key.startsWith('import-'))).toEqual([]);
      expect(h.appRequests().map((request) => `${request.method} ${request.path} ${request.actor}`)).toEqual(['GET /rest/api/3/mypermissions viewer']);
    });
  });

  describe('when the checklist id is unknown', () => {
    it('refuses with a clear error before calling Jira', async () => {
      await expect(h.invoke('startImport', { checklistId: 'no-such-list' })).rejects.toThrow('There is no checklist "no-such-list".');
      await expect(h.invoke('startImport', { checklistId: '../etc' })).rejects.toThrow(/invalid payload \(checklistId: must be a checklist id/);
      await expect(h.invoke('startImport', {})).rejects.toThrow(/invalid payload \(checklistId:/);
      expect(h.appRequests()).toEqual([]);
    });
  });

  describe('when the project has no standard issue type', () => {
    it('fails the job with a message naming the types it has', async () => {
      h.emulator.addProject({ key: 'NOTASK', issueTypes: ['Epic', 'Sub-task'] });
      const status = await h.importChecklist('aws-msp-7.1', { projectKey: 'NOTASK' });
      expect(status.state).toBe('failed');
      expect(status.error).toBe(
        "Project NOTASK has no standard issue type to hold checklist items (it has: Epic, Sub-task). Add a standard type such as Task to the project's issue type scheme, then import again.",
      );
      expect(await h.issues('NOTASK')).toEqual([]);
    });
  });

  describe('when the project has no Epic type', () => {
    it('groups items by chapter label only', async () => {
      h.emulator.addProject({ key: 'FLAT', issueTypes: ['Story', 'Bug'] });
      const status = await h.importChecklist('aws-msp-7.1', { projectKey: 'FLAT' });
      expect(status).toMatchObject({ state: 'done', created: aws71().items.length });
      const issues = await h.issues('FLAT');
      expect(issues).toHaveLength(aws71().items.length);
      expect(issues.every((issue) => (issue.fields.issuetype as { name: string }).name === 'Story' && issue.fields.parent === undefined)).toBe(true);
    });
  });

  describe('when asking for another project\'s job', () => {
    it('answers not found', async () => {
      h.emulator.addProject({ key: 'OTHER' });
      const { jobId } = await h.invoke<{ jobId: string }>('startImport', { checklistId: 'aws-msp-7.1' });
      await h.runtime.idle();
      await expect(h.invoke('getImport', { jobId }, { projectKey: 'OTHER' })).rejects.toThrow(`There is no import ${jobId} in project OTHER.`);
    });
  });

  it('imports ids named like Object.prototype members (chapter constructor, item toString)', async () => {
    const base = generatedChecklist({ id: 'proto-1.0', items: 3, chapters: 1 });
    const def = {
      ...base,
      chapters: [{ ...base.chapters[0]!, id: 'constructor' }],
      items: base.items.map((item, i) => ({ ...item, chapterId: 'constructor', id: ['toString', 'valueOf', 'hasOwnProperty'][i]! })),
    };
    await registerChecklist(def);
    expect(await h.importChecklist(def.id)).toMatchObject({ state: 'done', created: 3 });
    const issues = await h.issues();
    expect(itemIdsOf(issues, def.id).sort()).toEqual(['hasOwnProperty', 'toString', 'valueOf']);
    const epic = issues.find((issue) => (issue.properties['msp-audit-item'] as { kind?: string } | undefined)?.kind === 'chapter');
    expect(epic).toBeDefined();
    const items = issues.filter((issue) => (issue.properties['msp-audit-item'] as { kind?: string } | undefined)?.kind === 'item');
    expect(items.map((issue) => (issue.fields.parent as { key?: string } | undefined)?.key)).toEqual([epic!.key, epic!.key, epic!.key]);
    expect(await h.importChecklist(def.id)).toMatchObject({ state: 'done', created: 0, existing: 3 });
  });
});

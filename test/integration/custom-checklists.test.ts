/**
 * A team's own checklist through the real resolvers on the local runtime: built from a CSV the way
 * the upload view builds it, saved (and refused: invalid, viewer, built-in id, clashing versions),
 * listed beside the built-ins, imported with its `Met?` answers as assessments, scored, moved to a
 * new version through version sync, and deleted.
 */
import type { ChecklistSummary, ChecklistView, Rollup, SyncPreview, SyncResult } from '../../common/contract';
import type { SaveCustomChecklistResult } from '../../common/custom-checklists';
import { buildChecklist, guessSheetMapping, isTableWorkbook, readChecklistFile, recognizeAwsMspWorkbook, type BuildResult, type ChecklistMeta } from '../../common/sheets';
import { AWS_PREREQUISITES, AWS_TECHNICAL, buildAwsWorkbook } from '../fixtures/sheets/build-aws-workbook';
import { startHarness, type Harness } from './harness';

const TEAM_CSV = [
  'ID,Title,Chapter,Requirement,Points,Mandatory,Penalty,Met?',
  'G-1,Service catalogue,Governance,Publish the catalogue of managed services.,30,Yes,,Yes',
  'G-2,Customer references,Governance,Keep references the auditor can call.,20,No,,Yes',
  'O-1,Incident management,Operations,Run incidents to a written process.,30,Yes,10,No',
  'O-2,Change management,Operations,Review every change before it ships.,20,No,,',
].join('\n');

const TEAM_META: ChecklistMeta = { id: 'team-list-1', name: 'Team list', version: '1', framework: 'team-list', model: 'points', passMark: 60 };

/** What the upload view sends for a CSV: read, mapping guessed from the headers, built. */
async function fromCsv(csv: string, meta: ChecklistMeta = TEAM_META, fileName = 'team.csv'): Promise<BuildResult> {
  const workbook = await readChecklistFile({ name: fileName, bytes: new TextEncoder().encode(csv) });
  if (!isTableWorkbook(workbook)) throw new Error('expected a table');
  const sheet = workbook.sheets[0]!;
  const built = buildChecklist({ workbook, sheet: sheet.name, mapping: guessSheetMapping(sheet), meta });
  expect(built.problems).toEqual([]);
  return built;
}

const customKeys = (h: Harness): string[] => h.runtime.kvs.keys().filter((key) => key.startsWith('custom-'));

describe('saveCustomChecklist', () => {
  let h: Harness;
  beforeEach(() => {
    h = startHarness();
  });
  afterEach(async () => {
    await h.close();
  });

  it('saves a valid checklist and lists it beside the built-ins', async () => {
    const built = await fromCsv(TEAM_CSV);
    const saved = await h.invoke<SaveCustomChecklistResult>('saveCustomChecklist', {
      definition: built.definition,
      initialResults: built.initialResults,
      fileName: 'team.csv',
    });
    expect(saved).toEqual({
      checklist: expect.objectContaining({ id: 'team-list-1', framework: 'team-list', version: '1', itemCount: 4, mandatoryCount: 2, maxScore: 100, passMark: 60, source: 'custom' }),
      unchanged: false,
      initialResults: 3,
    });
    const list = await h.invoke<ChecklistSummary[]>('listChecklists');
    expect(list.map((summary) => `${summary.id} ${summary.source}`)).toEqual(['aws-msp-4.x builtin', 'aws-msp-7.1 builtin', 'mspalliance-ucs-23 builtin', 'team-list-1 custom']);
    const view = await h.invoke<ChecklistView>('getChecklist', { id: 'team-list-1' });
    expect(view.chapters.map((chapter) => chapter.title)).toEqual(['Governance', 'Operations']);
    expect(view.items.find((item) => item.id === 'O-1')).toMatchObject({ points: 30, mandatory: true, penalty: 10 });
  });

  it('answers a retried save of the same file as unchanged, writing nothing', async () => {
    const built = await fromCsv(TEAM_CSV);
    const payload = { definition: built.definition, initialResults: built.initialResults, fileName: 'team.csv' };
    await h.invoke('saveCustomChecklist', payload);
    const again = await h.invoke<SaveCustomChecklistResult>('saveCustomChecklist', payload);
    expect(again).toMatchObject({ unchanged: true, initialResults: 3, checklist: { id: 'team-list-1' } });
  });

  it('refuses an invalid definition with every problem, item by item, and saves nothing', async () => {
    const built = await fromCsv(TEAM_CSV);
    const items = built.definition.items.map((item) => ({ ...item }));
    items[0]!.points = -5;
    items[1]!.chapter = 'nowhere';
    (items[2] as unknown as Record<string, unknown>).mandatroy = true;
    const error = h.invoke('saveCustomChecklist', { definition: { ...built.definition, items }, fileName: 'team.csv' });
    await expect(error).rejects.toThrow(
      [
        'team.csv was not saved: it has 3 problems. Fix them and save again:',
        'item G-1: points: must be a whole number ≥ 0',
        'item O-1: mandatroy: unknown field; did you mean "mandatory"?',
        'item G-2: chapter: no chapter "nowhere"; known: governance, operations',
      ].join('\n'),
    );
    expect(customKeys(h)).toEqual([]);
  });

  it('refuses answers for items the checklist does not have', async () => {
    const built = await fromCsv(TEAM_CSV);
    await expect(h.invoke('saveCustomChecklist', { definition: built.definition, initialResults: { 'X-9': 'met' }, fileName: 'team.csv' })).rejects.toThrow(
      'initialResults: names item "X-9", which the checklist does not have',
    );
    expect(customKeys(h)).toEqual([]);
  });

  it('refuses a caller who may only browse the project, before reading the definition', async () => {
    const built = await fromCsv(TEAM_CSV);
    await expect(h.invoke('saveCustomChecklist', { definition: built.definition }, { accountId: 'viewer' })).rejects.toThrow(
      'You need the Administer projects permission in project MSP to save a checklist for the whole site. Ask a Jira admin of the project to grant it.',
    );
    expect(customKeys(h)).toEqual([]);
    expect(h.appRequests().map((request) => `${request.method} ${request.path} ${request.actor}`)).toEqual(['GET /rest/api/3/mypermissions viewer']);
  });

  it('refuses an id that would shadow a built-in checklist', async () => {
    const built = await fromCsv(TEAM_CSV, { ...TEAM_META, id: 'aws-msp-7.1' });
    await expect(h.invoke('saveCustomChecklist', { definition: built.definition })).rejects.toThrow(
      '"aws-msp-7.1" is the id of the built-in checklist AWS MSP Validation Checklist 7.1; give yours another id or version, e.g. aws-msp-7.1-team.',
    );
    expect(customKeys(h)).toEqual([]);
  });

  it('keeps versions apart: another file under a saved id, or a second copy of a version, is refused', async () => {
    await h.invoke('saveCustomChecklist', { definition: (await fromCsv(TEAM_CSV)).definition });
    const changed = await fromCsv(TEAM_CSV.replace('Publish the catalogue', 'Publish and review the catalogue'));
    await expect(h.invoke('saveCustomChecklist', { definition: changed.definition })).rejects.toThrow(
      /^A different checklist is already saved as "team-list-1" \(Team list 1\)\. Give this file a new version/,
    );
    const copy = await fromCsv(TEAM_CSV, { ...TEAM_META, id: 'team-list-copy' });
    await expect(h.invoke('saveCustomChecklist', { definition: copy.definition })).rejects.toThrow(
      'Version 1 of "team-list" already exists as checklist "team-list-1" (Team list). Give this file its own version, e.g. 1-team',
    );
    const builtinVersion = await fromCsv(TEAM_CSV, { ...TEAM_META, id: 'aws-msp-own', framework: 'aws-msp', version: '7.1' });
    await expect(h.invoke('saveCustomChecklist', { definition: builtinVersion.definition })).rejects.toThrow(/^Version 7.1 of "aws-msp" already exists as checklist "aws-msp-7.1"/);
    expect((await h.invoke<ChecklistSummary[]>('listChecklists')).filter((summary) => summary.source === 'custom').map((summary) => summary.id)).toEqual(['team-list-1']);
  });

  it('is imported with one click, its Met? answers as assessments, and scored', async () => {
    const built = await fromCsv(TEAM_CSV);
    await h.invoke('saveCustomChecklist', { definition: built.definition, initialResults: built.initialResults, fileName: 'team.csv' });
    h.emulator.clearRequests();
    expect(await h.importChecklist('team-list-1')).toMatchObject({ state: 'done', total: 4, created: 4, existing: 0, failed: 0 });
    // Answers ride in the bulk-create calls: the import stays within its call budget.
    expect(h.appRequests().length).toBeLessThanOrEqual(Math.ceil(4 / 50) + Math.ceil(2 / 50) + 10);

    const issues = await h.issues('MSP', { properties: ['msp-audit-assessment'] });
    const assessment = (itemId: string): unknown =>
      issues.find((issue) => (issue.properties['msp-audit-item'] as { itemId?: string }).itemId === itemId)?.properties['msp-audit-assessment'];
    expect(assessment('G-1')).toEqual({ result: 'met', assessedBy: 'admin', assessedAt: expect.any(String), source: 'checklist-file' });
    expect(assessment('O-1')).toMatchObject({ result: 'not_met' });
    expect(assessment('O-2')).toBeUndefined();

    const rollup = await h.invoke<Rollup>('getRollup', { refresh: true });
    expect(rollup).toMatchObject({ checklistId: 'team-list-1', model: 'points', score: 40, maxScore: 100, passMark: 60, passed: false, mandatoryOpen: ['O-1'] });
    expect(Object.fromEntries(rollup.items.map((item) => [item.id, item.result]))).toEqual({ 'G-1': 'met', 'G-2': 'met', 'O-1': 'not_met', 'O-2': 'not_assessed' });

    // A second import creates nothing and leaves the assessments people may have changed alone.
    await h.outside('PUT', `/rest/api/3/issue/${rollup.items.find((item) => item.id === 'O-1')!.issueKey}/properties/msp-audit-assessment`, { result: 'met' });
    expect(await h.importChecklist('team-list-1')).toMatchObject({ state: 'done', created: 0, existing: 4 });
    expect((await h.invoke<Rollup>('getRollup', { refresh: true })).score).toBe(80);
  });

  it('takes the AWS self-assessment workbook with no mapping: Met? Yes/No become each issue\'s assessment', async () => {
    const workbook = await readChecklistFile({ name: 'MSP self-assessment.xlsx', bytes: await buildAwsWorkbook() });
    const plan = recognizeAwsMspWorkbook(workbook);
    if (!plan || !isTableWorkbook(workbook)) throw new Error('the AWS layout was not recognised');
    const built = buildChecklist({ workbook, sources: plan.sources, meta: { ...plan.meta, id: 'aws-msp-7.1-team', version: '7.1-team' } });
    expect(built.problems).toEqual([]);
    await h.invoke('saveCustomChecklist', { definition: built.definition, initialResults: built.initialResults, fileName: workbook.fileName });
    const controls = [...AWS_PREREQUISITES, ...AWS_TECHNICAL];
    expect(await h.importChecklist('aws-msp-7.1-team')).toMatchObject({ state: 'done', created: controls.length });

    const rollup = await h.invoke<Rollup>('getRollup', { refresh: true });
    const expected = Object.fromEntries(controls.map((control) => [control.id, control.met === 'Yes' ? 'met' : control.met === 'No' ? 'not_met' : 'not_assessed']));
    expect(Object.fromEntries(rollup.items.map((item) => [item.id, item.result]))).toEqual(expected);
    expect(rollup.chapters[0]).toMatchObject({ id: 'prerequisites', total: AWS_PREREQUISITES.length });
  });

  it('moves a project to a new version of the same checklist through version sync', async () => {
    const v1 = await fromCsv(TEAM_CSV);
    await h.invoke('saveCustomChecklist', { definition: v1.definition, initialResults: v1.initialResults });
    await h.importChecklist('team-list-1');
    const v2csv = [
      'ID,Title,Chapter,Requirement,Points,Mandatory,Penalty,Met?',
      'G-1,Service catalogue,Governance,Publish the catalogue of managed services.,30,Yes,,No',
      'G-2,Customer references,Governance,Keep references the auditor can call.,10,No,,',
      'O-1,Incident management,Operations,Run incidents to a written and tested process.,30,Yes,10,',
      'O-3,Capacity planning,Operations,Plan capacity every quarter.,30,No,,Yes',
    ].join('\n');
    const v2 = await fromCsv(v2csv, { ...TEAM_META, id: 'team-list-2', version: '2' });
    expect((await h.invoke<SaveCustomChecklistResult>('saveCustomChecklist', { definition: v2.definition, initialResults: v2.initialResults })).checklist.id).toBe('team-list-2');
    const versions = (await h.invoke<ChecklistSummary[]>('listChecklists')).filter((summary) => summary.framework === 'team-list');
    expect(versions.map((summary) => summary.version)).toEqual(['1', '2']);

    const plan = await h.invoke<SyncPreview>('planSync', { checklistId: 'team-list-2' });
    expect(plan.fromChecklistIds).toEqual(['team-list-1']);
    expect(plan.summary).toMatchObject({ create: 1, changed: 2, retire: 1, renamed: 0, versionOnly: 1 });
    expect(plan.create.map((item) => item.itemId)).toEqual(['O-3']);
    expect(plan.retire.map((item) => item.itemId)).toEqual(['O-2']);

    expect(await h.invoke<SyncResult>('applySync', { checklistId: 'team-list-2' })).toMatchObject({ created: 1, retired: 1, complete: true });
    // The new item starts from the new file's answer; kept items keep the assessment they had.
    const after = await h.invoke<Rollup>('getRollup', { refresh: true });
    expect(after).toMatchObject({ checklistId: 'team-list-2', maxScore: 100 });
    expect(Object.fromEntries(after.items.map((item) => [item.id, item.result]))).toEqual({ 'G-1': 'met', 'G-2': 'met', 'O-1': 'not_met', 'O-3': 'met' });
  });
});

describe('deleteCustomChecklist', () => {
  let h: Harness;
  beforeEach(async () => {
    h = startHarness();
    await h.invoke('saveCustomChecklist', { definition: (await fromCsv(TEAM_CSV)).definition });
  });
  afterEach(async () => {
    await h.close();
  });

  it('refuses a viewer, a built-in, and a checklist a project still uses; deletes it once unused', async () => {
    await expect(h.invoke('deleteCustomChecklist', { id: 'team-list-1' }, { accountId: 'viewer' })).rejects.toThrow(/You need the Administer projects permission/);
    await expect(h.invoke('deleteCustomChecklist', { id: 'aws-msp-7.1' })).rejects.toThrow('"aws-msp-7.1" is a built-in checklist; only checklists a team saved can be deleted.');

    await h.importChecklist('team-list-1');
    await expect(h.invoke('deleteCustomChecklist', { id: 'team-list-1' })).rejects.toThrow(
      /^Team list 1 still has 4 active item issues in Jira\. Move those projects to another version/,
    );
    for (const issue of await h.issues()) expect((await h.outside('DELETE', `/rest/api/3/issue/${issue.key}`)).status).toBe(204);

    expect(await h.invoke('deleteCustomChecklist', { id: 'team-list-1' })).toEqual({ id: 'team-list-1', deleted: true });
    expect(customKeys(h)).toEqual([]);
    expect((await h.invoke<ChecklistSummary[]>('listChecklists')).map((summary) => summary.source)).not.toContain('custom');
    expect(await h.invoke('deleteCustomChecklist', { id: 'team-list-1' })).toEqual({ id: 'team-list-1', deleted: false });
  });
});

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
import type { KvsStore } from '@msp-audit-ready/forge-local/forge';
import { newJob } from '../../src/platform/import-job';
import { isAbsent } from '../../src/storage/kvs';
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

/** The runtime's KVS itself, to set up what another invocation would have left (a lock, an import). */
const kvsStore = (h: Harness): KvsStore => (h.runtime as unknown as { store: KvsStore }).store;

/** The custom checklists' records (the ABSENT marker of an empty list, src/storage/kvs.ts, is none). */
const customKeys = (h: Harness): string[] => h.runtime.kvs.keys().filter((key) => key.startsWith('custom-') && !isAbsent(h.runtime.kvs.get(key)));

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
    expect(list.map((summary) => `${summary.id} ${summary.source}`)).toEqual(['aws-msp-4.x builtin', 'aws-msp-7.1 builtin', 'mspalliance-code-of-ethics builtin', 'mspalliance-ucs-23 builtin', 'team-list-1 custom']);
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

  it.each(['viewer', 'lead'])('refuses %s (no global Administer Jira), before reading the definition', async (accountId) => {
    const built = await fromCsv(TEAM_CSV);
    await expect(h.invoke('saveCustomChecklist', { definition: built.definition }, { accountId })).rejects.toThrow(
      "You need Jira's global Administer Jira permission to save a checklist for the whole site: a saved checklist is offered to every project of the site. Ask a Jira administrator to do it.",
    );
    await expect(h.invoke('beginCustomChecklist', { definition: { ...built.definition, items: [] }, itemCount: 4, chunkCount: 1 }, { accountId })).rejects.toThrow(
      /^You need Jira's global Administer Jira permission/,
    );
    expect(customKeys(h)).toEqual([]);
    // Asked as the user, without a project: only the site-wide grant counts.
    expect(h.appRequests().map((request) => `${request.method} ${request.path} ${request.actor} ${JSON.stringify(request.query)}`)).toEqual([
      `GET /rest/api/3/mypermissions ${accountId} {"permissions":"ADMINISTER"}`,
      `GET /rest/api/3/mypermissions ${accountId} {"permissions":"ADMINISTER"}`,
    ]);
  });

  it('refuses the framework of a built-in checklist, so its projects are never offered a team\'s file as an update', async () => {
    const aws = await fromCsv(TEAM_CSV, { ...TEAM_META, id: 'aws-msp-9.0-team', framework: 'aws-msp', version: '9.0' });
    const message =
      '"aws-msp" is the framework of a built-in checklist (aws-msp-4.x); pick another framework name for your own checklist, e.g. aws-msp-team, so projects on the built-in are never offered it as an update.';
    await expect(h.invoke('saveCustomChecklist', { definition: aws.definition })).rejects.toThrow(message);
    await expect(h.invoke('beginCustomChecklist', { definition: { ...aws.definition, items: [] }, itemCount: 4, chunkCount: 1 })).rejects.toThrow(message);
    const ucs = await fromCsv(TEAM_CSV, { ...TEAM_META, id: 'ucs-24', framework: 'mspalliance-ucs', version: '24' });
    await expect(h.invoke('saveCustomChecklist', { definition: ucs.definition })).rejects.toThrow(/^"mspalliance-ucs" is the framework of a built-in checklist \(mspalliance-ucs-23\); pick another framework name/);
    expect(customKeys(h)).toEqual([]);
    expect((await h.invoke<ChecklistSummary[]>('listChecklists')).filter((summary) => summary.framework === 'aws-msp').map((summary) => summary.id)).toEqual([
      'aws-msp-4.x',
      'aws-msp-7.1',
    ]);
  });

  it('keeps who saved a checklist and when, and lists it as a team\'s own', async () => {
    await h.invoke('saveCustomChecklist', { definition: (await fromCsv(TEAM_CSV)).definition });
    const summary = (await h.invoke<ChecklistSummary[]>('listChecklists')).find((entry) => entry.id === 'team-list-1');
    expect(summary).toMatchObject({ source: 'custom', savedBy: 'admin', savedAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/) });
  });

  it('refuses a save while someone else holds the checklist\'s lock, and frees its own lock when done', async () => {
    const built = await fromCsv(TEAM_CSV);
    kvsStore(h).handle('/api/v1/set', { key: 'custom-checklist-lock:team-list-1', value: { since: new Date().toISOString() } });
    await expect(h.invoke('saveCustomChecklist', { definition: built.definition })).rejects.toThrow(
      'Checklist "team-list-1" is being saved by someone else right now; try again in a minute.',
    );
    expect(customKeys(h)).toEqual(['custom-checklist-lock:team-list-1']);
    kvsStore(h).handle('/api/v1/delete', { key: 'custom-checklist-lock:team-list-1' });
    await h.invoke('saveCustomChecklist', { definition: built.definition });
    expect(customKeys(h)).toEqual(['custom-checklist-items:team-list-1:0000', 'custom-checklist:team-list-1']);
  });

  it('lets one of two saves of the same id at once win; the other changes nothing', async () => {
    const first = await fromCsv(TEAM_CSV);
    const second = await fromCsv(TEAM_CSV.replace('Publish the catalogue', 'Publish and review the catalogue'));
    const outcomes = await Promise.allSettled([
      h.invoke('saveCustomChecklist', { definition: first.definition }),
      h.invoke('saveCustomChecklist', { definition: second.definition }),
    ]);
    expect(outcomes.filter((outcome) => outcome.status === 'fulfilled')).toHaveLength(1);
    const loser = outcomes.find((outcome): outcome is PromiseRejectedResult => outcome.status === 'rejected');
    expect(String(loser?.reason)).toMatch(/is being saved by someone else right now|A different checklist is already saved as "team-list-1"/);
    const view = await h.invoke<ChecklistView>('getChecklist', { id: 'team-list-1' });
    const winner = outcomes[0]!.status === 'fulfilled' ? first : second;
    expect(view.items.map((item) => item.requirement)).toEqual(winner.definition.items.map((item) => item.requirement));
    expect(customKeys(h).filter((key) => key.startsWith('custom-checklist-lock:'))).toEqual([]);
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
    await expect(h.invoke('saveCustomChecklist', { definition: builtinVersion.definition })).rejects.toThrow(/^"aws-msp" is the framework of a built-in checklist/);
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

    // The answers are the app's record in its read-only evidence field; the property is their JQL mirror.
    const o1 = rollup.items.find((item) => item.id === 'O-1')!.issueKey!;
    const evidenceField = ((await h.outside('GET', '/rest/api/3/field')).body as { id: string; schema?: { custom?: string } }[]).find((f) => f.schema?.custom?.endsWith('/static/audit-evidence'))!.id;
    const o1Issue = (await h.issues('MSP', { fields: [evidenceField] })).find((issue) => issue.key === o1)!;
    expect(o1Issue.fields[evidenceField]).toMatchObject({ v: 2, assessment: { result: 'not_met', assessedBy: 'admin' } });

    // A plain REST change of the mirror property (outside the app) counts for nothing.
    await h.outside('PUT', `/rest/api/3/issue/${o1}/properties/msp-audit-assessment`, { result: 'met' });
    // A second import creates nothing and leaves the assessments people may have changed alone.
    await h.transition(o1, 'Done');
    expect(await h.importChecklist('team-list-1')).toMatchObject({ state: 'done', created: 0, existing: 4 });
    expect((await h.invoke<Rollup>('getRollup', { refresh: true })).score).toBe(40);
  });

  it('takes the AWS self-assessment workbook with no mapping: Met? Yes/No become each issue\'s assessment', async () => {
    const workbook = await readChecklistFile({ name: 'MSP self-assessment.xlsx', bytes: await buildAwsWorkbook() });
    const plan = recognizeAwsMspWorkbook(workbook);
    if (!plan || !isTableWorkbook(workbook)) throw new Error('the AWS layout was not recognised');
    const built = buildChecklist({ workbook, sources: plan.sources, meta: { ...plan.meta, framework: 'aws-msp-team', id: 'aws-msp-7.1-team', version: '7.1' } });
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
    await expect(h.invoke('deleteCustomChecklist', { id: 'team-list-1' }, { accountId: 'viewer' })).rejects.toThrow(/You need Jira's global Administer Jira permission/);
    await expect(h.invoke('deleteCustomChecklist', { id: 'team-list-1' }, { accountId: 'lead' })).rejects.toThrow(/You need Jira's global Administer Jira permission/);
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

  it('refuses while an import of it is queued or running in any project, and sees issues Jira indexed a moment ago', async () => {
    const job = newJob({ jobId: 'job-1', checklistId: 'team-list-1', projectKey: 'OTHER', projectId: '10001', total: 4, now: new Date() });
    kvsStore(h).handle('/api/v1/set', { key: 'import-job:job-1', value: job });
    kvsStore(h).handle('/api/v1/set', { key: 'import-active:OTHER:team-list-1', value: { jobId: 'job-1' } });
    await expect(h.invoke('deleteCustomChecklist', { id: 'team-list-1' })).rejects.toThrow(
      'Team list 1 is being imported into a project right now. Wait for the import to finish, move those projects to another version, then delete the checklist.',
    );
    kvsStore(h).handle('/api/v1/set', { key: 'import-job:job-1', value: { ...job, state: 'done' } });
    await h.importChecklist('team-list-1');
    const before = h.appRequests().length;
    await expect(h.invoke('deleteCustomChecklist', { id: 'team-list-1' })).rejects.toThrow(/^Team list 1 still has 4 active item issues in Jira/);
    expect(h.appRequests().slice(before).map((request) => `${request.method} ${request.path}`)).toEqual([
      'GET /rest/api/3/mypermissions',
      'POST /rest/api/3/search/jql',
    ]);
    expect(customKeys(h)).toContain('custom-checklist:team-list-1');
  });
});

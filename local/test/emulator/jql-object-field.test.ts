/**
 * JQL on an object custom field's properties by `searchAlias` (Forge: for a field named X, a schema
 * property with searchAlias Y is searched as `X.Y`), nested properties included, and the page sizes
 * the searches the rollup makes with it get (5,000 for ids or keys only, 100 with other fields).
 */
import type { JiraEmulatorApi } from '../../jira';
import { FIELDS, caller, issuePayload, makeEmulator, type Caller } from './helpers';

let emu: JiraEmulatorApi;
let call: Caller;

async function keys(jql: string, fields: string[] = ['key']): Promise<string[]> {
  const res = await call('POST', '/search/jql', { jql, fields, maxResults: 5000 });
  expect(res.status).toBe(200);
  return (res.json.issues as { key: string }[]).map((issue) => issue.key);
}

beforeEach(async () => {
  emu = makeEmulator();
  call = caller(emu);
  await call('POST', '/issue/bulk', { issueUpdates: ['a', 'b', 'c', 'd'].map((summary) => issuePayload({ summary })) });
  const values: [number, unknown][] = [
    [10000, { entries: [], count: 0, assessment: { result: 'met' } }],
    [10001, { entries: [{}], count: 1, assessment: { result: 'na' } }],
    [10002, { entries: [{}, {}], count: 2 }],
  ];
  for (const [id, value] of values) {
    expect((await call('PUT', `/app/field/${FIELDS.evidence}/value`, { updates: [{ issueIds: [id], value }] }, { actor: 'app', origin: 'app' })).status).toBe(204);
  }
});

describe('JQL on object field properties (searchAlias)', () => {
  it('finds issues by a top-level number alias, by the field name or cf[id]', async () => {
    expect(await keys('project = MSP AND "Audit evidence".evidenceCount > 0')).toEqual(['MSP-3', 'MSP-2']);
    expect(await keys('project = MSP AND cf[10051].evidenceCount = 2')).toEqual(['MSP-3']);
    expect(await keys('project = MSP AND "audit evidence".evidenceCount IS EMPTY')).toEqual(['MSP-4']);
  });

  it('finds issues by a nested string alias, with IN, NOT IN and EMPTY', async () => {
    expect(await keys('project = MSP AND "Audit evidence".assessmentResult in (met, na)')).toEqual(['MSP-2', 'MSP-1']);
    expect(await keys('project = MSP AND "Audit evidence".assessmentResult = na')).toEqual(['MSP-2']);
    expect(await keys('project = MSP AND "Audit evidence".assessmentResult IS EMPTY')).toEqual(['MSP-4', 'MSP-3']);
    expect(await keys('project = MSP AND NOT "Audit evidence".assessmentResult = met')).toEqual(['MSP-4', 'MSP-3', 'MSP-2']);
  });

  it('refuses an alias the schema does not declare, and a field that is not an object field', async () => {
    for (const jql of ['project = MSP AND "Audit evidence".entries = 1', 'project = MSP AND "Owner note".evidenceCount = 1', 'project = MSP AND "No such field".x = 1']) {
      const res = await call('POST', '/search/jql', { jql, fields: ['key'] });
      expect(res.status).toBe(400);
      expect(res.json.errorMessages).toEqual([expect.stringMatching(/^Field '.*' does not exist or you do not have permission to view it\.$/)]);
    }
  });

  it('pages such a search at 5,000 for ids or keys only and at 100 once the field is asked for', async () => {
    for (let batch = 0; batch < 3; batch++) {
      expect((await call('POST', '/issue/bulk', { issueUpdates: Array.from({ length: 50 }, (_, i) => issuePayload({ summary: `more ${batch}.${i}` })) })).status).toBe(201);
    }
    const jql = 'project = MSP AND "Audit evidence".evidenceCount IS EMPTY';
    const idsOnly = await call('POST', '/search/jql', { jql, fields: ['key'], maxResults: 5000 });
    expect((idsOnly.json.issues as unknown[]).length).toBe(151);
    expect(idsOnly.json.isLast).toBe(true);
    const withField = await call('POST', '/search/jql', { jql, fields: ['key', FIELDS.evidence], maxResults: 5000 });
    expect((withField.json.issues as unknown[]).length).toBe(100);
    expect(withField.json.isLast).toBe(false);
  });
});

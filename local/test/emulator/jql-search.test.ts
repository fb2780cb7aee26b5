import { caller, createIssues, itemProperty, makeEmulator, type Caller } from './helpers';
import type { JiraEmulatorApi } from '../../jira';

describe('search/jql: what JQL matches', () => {
  let emu: JiraEmulatorApi;
  let call: Caller;
  let keys: string[];

  beforeAll(async () => {
    emu = makeEmulator();
    call = caller(emu);
    emu.addProject({ key: 'OPS', name: 'Operations', issueTypes: ['Task', 'Sub-task'] });
    keys = await createIssues(call, [
      { summary: 'Chapter 8 Security', type: 'Epic', labels: ['msp-ch-08'] }, // MSP-1
      { summary: '8.3 Vulnerability management', parent: 'MSP-1', labels: ['msp-ch-08', 'mandatory'], properties: [itemProperty('aws-msp-7.1', '8.3', 10, { tags: ['sec', 'vuln'], note: 'Scan monthly', reviewed: '2025-01-10' })] }, // MSP-2
      { summary: '8.4 Patch management', parent: 'MSP-1', labels: ['msp-ch-08'], properties: [itemProperty('aws-msp-7.1', '8.4', 5)] }, // MSP-3
      { summary: '1.1 Business plan', labels: ['msp-ch-01'], properties: [itemProperty('ucs-2024', '1.1', 0)] }, // MSP-4
      { summary: 'Loose task' }, // MSP-5
      { summary: 'Sub of 8.3', type: 'Sub-task', parent: 'MSP-2' }, // MSP-6
      { summary: 'Ops work', project: 'OPS', labels: ['msp-ch-08'] }, // OPS-1
    ]);
    await call('POST', '/issue/MSP-3/transitions', { transition: { id: '31' } });
    await call('POST', '/issue/MSP-4/transitions', { transition: { id: '21' } });
  });

  async function keysFor(jql: string, actor = 'admin'): Promise<string[]> {
    const res = await call('POST', '/search/jql', { jql, fields: ['summary'], maxResults: 100 }, { actor });
    if (res.status !== 200) throw new Error(`${jql}: ${JSON.stringify(res.body)}`);
    return (res.json.issues as { key: string }[]).map((i) => i.key);
  }

  it('created the fixture issues', () => {
    expect(keys).toEqual(['MSP-1', 'MSP-2', 'MSP-3', 'MSP-4', 'MSP-5', 'MSP-6', 'OPS-1']);
  });

  describe('when a clause matches a field', () => {
    it.each([
      ['project = MSP ORDER BY key', ['MSP-1', 'MSP-2', 'MSP-3', 'MSP-4', 'MSP-5', 'MSP-6']],
      ['project = 10001', ['OPS-1']],
      ['project = "Operations"', ['OPS-1']],
      ['project in (MSP, OPS) AND labels = msp-ch-08 ORDER BY key', ['MSP-1', 'MSP-2', 'MSP-3', 'OPS-1']],
      ['project != MSP', ['OPS-1']],
      ['issuetype = Epic', ['MSP-1']],
      ['type = 10002', ['MSP-6']],
      ['project = MSP AND issuetype in standardIssueTypes() ORDER BY key', ['MSP-1', 'MSP-2', 'MSP-3', 'MSP-4', 'MSP-5']],
      ['issuetype in subTaskIssueTypes()', ['MSP-6']],
      ['status = Done', ['MSP-3']],
      ['status = "in progress"', ['MSP-4']],
      ['statusCategory = done', ['MSP-3']],
      ['statusCategory = "To Do" AND project = MSP ORDER BY key', ['MSP-1', 'MSP-2', 'MSP-5', 'MSP-6']],
      ['statusCategory != new ORDER BY key', ['MSP-3', 'MSP-4']],
      ['statusCategory = 4', ['MSP-4']],
      ['labels = mandatory', ['MSP-2']],
      ['labels in (msp-ch-01, mandatory) ORDER BY key', ['MSP-2', 'MSP-4']],
      ['labels != msp-ch-08 ORDER BY key', ['MSP-4']],
      ['labels not in (msp-ch-08) ORDER BY key', ['MSP-4']],
      ['labels is EMPTY ORDER BY key', ['MSP-5', 'MSP-6']],
      ['project = MSP AND labels is not EMPTY ORDER BY key', ['MSP-1', 'MSP-2', 'MSP-3', 'MSP-4']],
      ['parent = MSP-1 ORDER BY key', ['MSP-2', 'MSP-3']],
      ['parent in (MSP-1, MSP-2) ORDER BY key', ['MSP-2', 'MSP-3', 'MSP-6']],
      ['project = MSP AND parent is EMPTY ORDER BY key', ['MSP-1', 'MSP-4', 'MSP-5']],
      ['key = MSP-2', ['MSP-2']],
      ['issuekey in (MSP-2, msp-4) ORDER BY key', ['MSP-2', 'MSP-4']],
      ['key > MSP-4 AND project = MSP ORDER BY key', ['MSP-5', 'MSP-6']],
      ['key <= MSP-2 ORDER BY key', ['MSP-1', 'MSP-2']],
      ['id = 10001', ['MSP-2']],
      ['summary ~ "8.3"', ['MSP-2', 'MSP-6']],
      ['summary ~ "patch MANAGEMENT"', ['MSP-3']],
      ['summary !~ management AND project = MSP ORDER BY key', ['MSP-1', 'MSP-4', 'MSP-5', 'MSP-6']],
      ['reporter = currentUser() AND key = MSP-1', ['MSP-1']],
      ['assignee is EMPTY AND key = MSP-1', ['MSP-1']],
    ])('%s', async (jql, expected) => {
      const found = await keysFor(jql);
      if (/ORDER BY/i.test(jql) || expected.length <= 1) expect(found).toEqual(expected);
      else expect([...found].sort()).toEqual([...expected].sort());
    });
  });

  describe('when a clause matches an entity property', () => {
    it.each([
      ['auditChecklist = "aws-msp-7.1" ORDER BY key', ['MSP-2', 'MSP-3']],
      ['auditChecklist = aws-msp-7.1 AND auditItem = "8.4"', ['MSP-3']],
      ['AUDITCHECKLIST in ("ucs-2024")', ['MSP-4']],
      ['auditChecklist != ucs-2024 ORDER BY key', ['MSP-2', 'MSP-3']],
      ['auditChecklist is EMPTY AND project = MSP ORDER BY key', ['MSP-1', 'MSP-5', 'MSP-6']],
      ['auditChecklist is not EMPTY ORDER BY key', ['MSP-2', 'MSP-3', 'MSP-4']],
      ['auditPoints > 5', ['MSP-2']],
      ['auditPoints >= 5 ORDER BY key', ['MSP-2', 'MSP-3']],
      ['auditPoints < 5', ['MSP-4']],
      ['auditPoints <= 5 ORDER BY key', ['MSP-3', 'MSP-4']],
      ['auditPoints = 10', ['MSP-2']],
      ['auditPoints = 10.0', ['MSP-2']],
      ['auditPoints in (0, 5) ORDER BY key', ['MSP-3', 'MSP-4']],
      ['issue.property[msp-audit-item].checklistId = "aws-msp-7.1" ORDER BY key', ['MSP-2', 'MSP-3']],
      ['issue.property[msp-audit-item].tags = vuln', ['MSP-2']],
      ['auditNote ~ monthly', ['MSP-2']],
      ['auditReviewed > "2025-01-01"', ['MSP-2']],
      ['auditChecklist IS NOT EMPTY ORDER BY auditPoints DESC', ['MSP-2', 'MSP-3', 'MSP-4']],
      ['NOT auditPoints > 0 AND project = MSP ORDER BY key', ['MSP-1', 'MSP-4', 'MSP-5', 'MSP-6']],
    ])('%s', async (jql, expected) => {
      const found = await keysFor(jql);
      if (/ORDER BY/i.test(jql) || expected.length <= 1) expect(found).toEqual(expected);
      else expect([...found].sort()).toEqual([...expected].sort());
    });
  });

  describe('when the query orders results', () => {
    it('orders by created descending, and newest first without ORDER BY', async () => {
      expect(await keysFor('project = MSP ORDER BY created DESC')).toEqual(['MSP-6', 'MSP-5', 'MSP-4', 'MSP-3', 'MSP-2', 'MSP-1']);
      expect(await keysFor('project = MSP')).toEqual(['MSP-6', 'MSP-5', 'MSP-4', 'MSP-3', 'MSP-2', 'MSP-1']);
    });
    it('orders by updated: transitioned issues last', async () => {
      const found = await keysFor('project = MSP ORDER BY updated');
      expect(found.slice(-2)).toEqual(['MSP-3', 'MSP-4']);
    });
    it('orders by key across projects, then by number', async () => {
      expect(await keysFor('labels = msp-ch-08 ORDER BY key DESC')).toEqual(['OPS-1', 'MSP-3', 'MSP-2', 'MSP-1']);
    });
  });

  describe('when the actor may not browse a project', () => {
    it('hides its issues from search and count', async () => {
      expect(await keysFor('key = MSP-1', 'viewer')).toEqual(['MSP-1']);
      const res = await call('POST', '/search/jql', { jql: 'project = MSP' }, { actor: 'outsider' });
      expect(res.status).toBe(400);
      expect(res.json.errorMessages).toEqual(["The value 'MSP' does not exist for the field 'project'."]);
      const count = await call('POST', '/search/approximate-count', { jql: 'labels = msp-ch-08' }, { actor: 'outsider' });
      expect(count.json).toEqual({ count: 0 });
    });
  });

  describe('when the query is wrong', () => {
    it.each([
      ['project = NOPE', "The value 'NOPE' does not exist for the field 'project'."],
      ['status = Closed', "The value 'Closed' does not exist for the field 'status'."],
      ['issuetype = Story AND project = MSP', null], // Story exists on the site, just not in MSP: no error
      ['statusCategory = finished', "The value 'finished' does not exist for the field 'statusCategory'."],
      ['foo = bar', "Field 'foo' does not exist or you do not have permission to view it."],
      ['issue.property[msp-audit-item].unindexed = x', "Field 'issue.property[msp-audit-item].unindexed' does not exist or you do not have permission to view it."],
      ['key = MSP-999', "An issue with key 'MSP-999' does not exist for field 'key'."],
      ['parent = banana', "The issue key 'banana' for field 'parent' is invalid."],
      ['project > MSP', "The operator '>' is not supported by the 'project' field."],
      ['labels ~ x', "The operator '~' is not supported by the 'labels' field."],
      ['summary = x', "The operator '=' is not supported by the 'summary' field."],
      ['auditChecklist > a', "The operator '>' is not supported by the 'auditChecklist' field."],
      ['project is EMPTY', "The field 'project' does not support searching for EMPTY values."],
      ['labels in x', "The operator 'IN' requires a list value for field 'labels', for example labels IN (a, b)."],
      ['labels = (a, b)', "The operator '=' does not support the list value for field 'labels'."],
      ['labels is x', "The 'IS' operator only supports the EMPTY or NULL keyword."],
      ['auditPoints > lots', "The value 'lots' is not valid for the field 'auditPoints'."],
      ['issuetype in fancyTypes()', "Unable to find JQL function 'fancyTypes()'."],
      ['project = currentUser()', "The function 'currentUser' is not supported by the field 'project'."],
      ['project = MSP ORDER BY labels', "Not able to sort using field 'labels'."],
      ['project = MSP ORDER BY nonsense', "Field 'nonsense' does not exist or you do not have permission to view it."],
      ['resolutiondate > -1d', "Error in the JQL Query: the local Jira emulator cannot search by 'resolutiondate' yet; search by project, issuetype, status, statusCategory, labels, parent, key, summary, assignee, reporter, creator, updated, created or an entity property."],
      ['', 'Unbounded JQL queries are not allowed here. Please add a search restriction to your query.'],
      ['ORDER BY key', 'Unbounded JQL queries are not allowed here. Please add a search restriction to your query.'],
      ['project = ', 'Error in the JQL Query: Expecting either a value, list or function before the end of the query.'],
    ])('%s', async (jql, message) => {
      const res = await call('GET', '/search/jql', undefined, { query: { jql } });
      if (message === null) {
        expect(res.status).toBe(200);
        return;
      }
      expect(res.status).toBe(400);
      expect(res.json).toEqual({ errorMessages: [message], errors: {} });
    });
  });
});

import { parseJql, JqlError } from '../../jira';
import type { Clause } from '../../jira/jql/ast';

/** A compact rendering of the tree, so the tables stay readable. */
function show(c: Clause | null): string {
  if (!c) return '∅';
  switch (c.kind) {
    case 'and':
      return `(${c.clauses.map(show).join(' AND ')})`;
    case 'or':
      return `(${c.clauses.map(show).join(' OR ')})`;
    case 'not':
      return `NOT ${show(c.clause)}`;
    case 'terminal': {
      const f = c.field.kind === 'name' ? c.field.name : c.field.text;
      const o = c.operand;
      const val = (v: { kind: string; value?: string; name?: string; args?: string[] }): string => (v.kind === 'function' ? `${v.name}(${(v.args ?? []).join(',')})` : `"${v.value}"`);
      const operand = o.kind === 'empty' ? 'EMPTY' : o.kind === 'list' ? `[${o.values.map(val).join(',')}]` : val(o);
      return `${f} ${c.operator} ${operand}`;
    }
  }
}

describe('parseJql', () => {
  describe('when the query is valid', () => {
    it.each([
      ['project = MSP', 'project = "MSP"', ''],
      ['project=MSP', 'project = "MSP"', ''],
      ['PROJECT = "MSP Audit"', 'PROJECT = "MSP Audit"', ''],
      ["labels = 'msp-ch-08'", 'labels = "msp-ch-08"', ''],
      ['project = MSP AND labels in (a, "b c")', '(project = "MSP" AND labels in ["a","b c"])', ''],
      ['a = 1 OR b = 2 AND c = 3', '(a = "1" OR (b = "2" AND c = "3"))', ''],
      ['(a = 1 OR b = 2) AND c = 3', '((a = "1" OR b = "2") AND c = "3")', ''],
      ['NOT status = Done', 'NOT status = "Done"', ''],
      ['not (status = Done or status = "In Progress")', 'NOT (status = "Done" OR status = "In Progress")', ''],
      ['key not in (MSP-1, MSP-2)', 'key not in ["MSP-1","MSP-2"]', ''],
      ['parent is EMPTY', 'parent is EMPTY', ''],
      ['labels IS NOT empty', 'labels is not EMPTY', ''],
      ['labels is null', 'labels is EMPTY', ''],
      ['auditPoints > 5', 'auditPoints > "5"', ''],
      ['auditPoints >= 5.5 and auditPoints <= 10', '(auditPoints >= "5.5" AND auditPoints <= "10")', ''],
      ['auditPoints < 5', 'auditPoints < "5"', ''],
      ['status != Done', 'status != "Done"', ''],
      ['summary ~ "8.3"', 'summary ~ "8.3"', ''],
      ['summary !~ vuln', 'summary !~ "vuln"', ''],
      ['auditChecklist = aws-msp-7.1', 'auditChecklist = "aws-msp-7.1"', ''],
      ['issue.property[msp-audit-item].checklistId = "aws"', 'issue.property[msp-audit-item].checklistId = "aws"', ''],
      ['issuetype in standardIssueTypes()', 'issuetype in standardIssueTypes()', ''],
      ['assignee = currentUser()', 'assignee = currentUser()', ''],
      ['project in (MSP, "X Y") && labels = a || labels = b', '((project in ["MSP","X Y"] AND labels = "a") OR labels = "b")', ''],
      ['summary ~ "say \\"hi\\""', 'summary ~ "say "hi""', ''],
      ['labels = desc', 'labels = "desc"', ''],
      ['type = Epic ORDER BY key', 'type = "Epic"', 'key asc'],
      ['project = MSP order by created DESC, key asc', 'project = "MSP"', 'created desc,key asc'],
      ['ORDER BY updated', '∅', 'updated asc'],
      ['', '∅', ''],
      ['   ', '∅', ''],
      ['cf[10050] = 5', 'cf[10050] = "5"', ''],
    ])('%s', (jql, tree, order) => {
      const q = parseJql(jql);
      expect(show(q.where)).toBe(tree);
      expect(q.orderBy.map((o) => `${o.field} ${o.direction}`).join(',')).toBe(order);
    });

    it('keeps 1-based positions for error reporting', () => {
      const q = parseJql('project = MSP');
      expect(q.where).toMatchObject({ field: { pos: { line: 1, column: 1 } }, operand: { pos: { line: 1, column: 11 } } });
    });
  });

  describe('when the query is invalid', () => {
    const OPS = "The valid operators are '=', '!=', '<', '>', '<=', '>=', '~', '!~', 'IN', 'NOT IN', 'IS' and 'IS NOT'.";
    it.each([
      ['project = AND', "Error in the JQL Query: Expecting either a value, list or function but got 'AND'. You must surround 'AND' in quotation marks to use it as a value. (line 1, character 11)"],
      ['project foo', `Error in the JQL Query: Expecting operator but got 'foo'. ${OPS} (line 1, character 9)`],
      ['project', `Error in the JQL Query: Expecting operator before the end of the query. ${OPS}`],
      ['project =', 'Error in the JQL Query: Expecting either a value, list or function before the end of the query.'],
      ['project = MSP bar', "Error in the JQL Query: Expecting either 'OR' or 'AND' but got 'bar'. (line 1, character 15)"],
      ['project = MSP AND', 'Error in the JQL Query: Expecting a field name at the end of the query.'],
      ['(project = MSP', "Error in the JQL Query: Expecting ')' before the end of the query."],
      ['(project = MSP))', "Error in the JQL Query: Expecting either 'OR' or 'AND' but got ')'. (line 1, character 16)"],
      ['labels in (a b)', "Error in the JQL Query: Expecting ',' or ')' but got 'b'. (line 1, character 14)"],
      ['labels in (a,', 'Error in the JQL Query: Expecting either a value, list or function before the end of the query.'],
      ['project = MSP.x', "Error in the JQL Query: The character '.' is a reserved JQL character. You must enclose it in a string or use the escape '\\u002e' instead. (line 1, character 14)"],
      ['labels = a@b', "Error in the JQL Query: The character '@' is a reserved JQL character. You must enclose it in a string or use the escape '\\u0040' instead. (line 1, character 11)"],
      ['summary ~ "abc', "Error in the JQL Query: The quoted string 'abc' has not been completed. (line 1, character 11)"],
      ['project = MSP order key', "Error in the JQL Query: Expecting 'by' but got 'key'. (line 1, character 21)"],
      ['ORDER BY key foo', "Error in the JQL Query: Expecting ',' but got 'foo'. (line 1, character 14)"],
      ['= MSP', "Error in the JQL Query: Expecting a field name but got '='. You must surround '=' in quotation marks to use it as a field name. (line 1, character 1)"],
      ['project = MSP AND OR labels = x', "Error in the JQL Query: Expecting a field name but got 'OR'. You must surround 'OR' in quotation marks to use it as a field name. (line 1, character 19)"],
      ['project = (MSP', "Error in the JQL Query: Expecting ',' or ')' before the end of the query."],
      ['project is not', 'Error in the JQL Query: Expecting either a value, list or function before the end of the query.'],
    ])('%s', (jql, message) => {
      expect(() => parseJql(jql)).toThrow(JqlError);
      expect(() => parseJql(jql)).toThrow(message);
    });
  });
});

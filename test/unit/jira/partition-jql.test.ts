/**
 * The cold read's partition searches (src/jira/partition-jql.ts): the evidence field named by id,
 * the 27 classes numbered 1 to 27 in 5 bits (none 0, so the bits' union is the membership), and
 * every search valid JQL on the app's own manifest (the aliases exist on the field's schema).
 */
import { join } from 'node:path';
import { createJiraEmulator } from '@msp-audit-ready/forge-local/jira';
import { classOf, customFieldClause, partitionJql, PARTITION_BITS } from '../../../src/jira/partition-jql';
import { activeItemsJql } from '../../../src/jira/identity';

const days = { today: '2026-12-07', horizon: '2027-01-07' };

describe('partition JQL', () => {
  it('names the evidence field by its id, and declines any id that is not a custom field, or a day that is not one', () => {
    expect(customFieldClause('customfield_10051')).toBe('cf[10051]');
    expect(customFieldClause('summary')).toBeUndefined();
    expect(partitionJql('project = "MSP"', 'customfield_1 OR 1=1', days)).toBeUndefined();
    expect(partitionJql('project = "MSP"', 'customfield_1', { ...days, today: '2026-12-07" OR "' })).toBeUndefined();
  });

  it('numbers every class once, from 1, within the bits', () => {
    const classes = Array.from({ length: 2 ** PARTITION_BITS }, (_, code) => classOf(code));
    expect(classes[0]).toBeUndefined();
    const named = classes.flatMap((found) => (found ? [JSON.stringify(found)] : []));
    expect(named).toHaveLength(27);
    expect(new Set(named).size).toBe(27);
    expect(classOf(1)).toEqual({ statusCategory: 'new', assessment: null, evidence: 'none' });
    expect(classOf(27)).toEqual({ statusCategory: 'done', assessment: 'not_met', evidence: 'in-force' });
  });

  it('is valid JQL on the app manifest\'s evidence field: every alias it uses exists there', async () => {
    const emulator = createJiraEmulator({ manifestPath: join(__dirname, '..', '..', '..', 'manifest.yml') });
    const fields = await emulator.handle({ method: 'GET', path: '/rest/api/3/field', query: {}, headers: {}, body: undefined, actor: 'admin', origin: 'outside' });
    const evidence = (fields.body as { id: string; schema?: { custom?: string } }[]).find((field) => field.schema?.custom?.endsWith('/static/audit-evidence'))!;
    const jql = partitionJql(activeItemsJql('MSP', 'aws-msp-7.1'), evidence.id, days)!;
    expect(jql.bits).toHaveLength(PARTITION_BITS);
    expect(jql.withFields).toContain(`${customFieldClause(evidence.id)}.evidenceNextExpiry < "2027-01-07"`);
    for (const query of [...jql.bits, jql.withFields]) {
      const res = await emulator.handle({ method: 'POST', path: '/rest/api/3/search/jql', query: {}, headers: {}, body: { jql: query, fields: ['id'] }, actor: 'admin', origin: 'outside' });
      expect({ query, status: res.status, body: res.status === 200 ? undefined : res.body }).toEqual({ query, status: 200, body: undefined });
    }
  });
});

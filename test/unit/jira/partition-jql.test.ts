/**
 * The cold read's partition searches (src/jira/partition-jql.ts): the evidence field named by id,
 * and every search valid JQL on the app's own manifest (the aliases exist on the field's schema),
 * each one ids-only.
 */
import { join } from 'node:path';
import { createJiraEmulator } from '@msp-audit-ready/forge-local/jira';
import { customFieldClause, partitionJql } from '../../../src/jira/partition-jql';
import { activeItemsJql } from '../../../src/jira/identity';

describe('partition JQL', () => {
  it('names the evidence field by its id, and declines any id that is not a custom field', () => {
    expect(customFieldClause('customfield_10051')).toBe('cf[10051]');
    expect(customFieldClause('summary')).toBeUndefined();
    expect(partitionJql('project = "MSP"', 'customfield_1 OR 1=1')).toBeUndefined();
  });

  it('is valid JQL on the app manifest\'s evidence field: every alias it uses exists there', async () => {
    const emulator = createJiraEmulator({ manifestPath: join(__dirname, '..', '..', '..', 'manifest.yml') });
    const fields = await emulator.handle({ method: 'GET', path: '/rest/api/3/field', query: {}, headers: {}, body: undefined, actor: 'admin', origin: 'outside' });
    const evidence = (fields.body as { id: string; schema?: { custom?: string } }[]).find((field) => field.schema?.custom?.endsWith('/static/audit-evidence'))!;
    const jql = partitionJql(activeItemsJql('MSP', 'aws-msp-7.1'), evidence.id)!;
    expect(jql.assessedMet).toContain(`${customFieldClause(evidence.id)}.assessmentResult = met`);
    for (const query of Object.values(jql)) {
      const res = await emulator.handle({ method: 'POST', path: '/rest/api/3/search/jql', query: {}, headers: {}, body: { jql: query, fields: ['id'] }, actor: 'admin', origin: 'outside' });
      expect({ query, status: res.status }).toEqual({ query, status: 200 });
    }
  });
});

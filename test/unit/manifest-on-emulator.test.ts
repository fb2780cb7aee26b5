/**
 * The app's own manifest.yml installed on the Jira emulator (moved here from the emulator's tests,
 * which use their own fixture manifest): the app id and the audit points field's ARI.
 */
import { join } from 'node:path';
import { createJiraEmulator } from '@msp-audit-ready/forge-local/jira';

describe("the app's manifest on the Jira emulator", () => {
  it('installs its app id and the audit points field', async () => {
    const real = createJiraEmulator({ manifestPath: join(__dirname, '..', '..', 'manifest.yml') });
    const res = await real.handle({ method: 'GET', path: '/rest/api/3/field', query: {}, headers: {}, body: undefined, actor: 'admin', origin: 'outside' });
    const points = (res.body as { schema?: { custom?: string } }[]).find((f) => f.schema?.custom?.endsWith('/static/audit-points'));
    expect(points?.schema?.custom).toMatch(/^ari:cloud:ecosystem::extension\/5b0c8e8e-4a52-4c1b-9d57-0d6b7a3f2c11\//);
  });
});

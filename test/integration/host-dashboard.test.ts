/**
 * The host's dashboard (README, "The dashboard gadget"): every jira:dashboardGadget of the manifest
 * on /dashboard, its edit view until configured, the configuration its edit view submits kept as
 * Jira keeps a gadget's, and handed to the gadget's frame as `extension.gadgetConfiguration`.
 */
import { join } from 'node:path';
import { startLocalServer, type LocalServer } from '@msp-audit-ready/forge-local/server';

const APP_DIR = join(__dirname, '..', '..');
let server: LocalServer;
afterAll(async () => {
  await server?.close();
});

const put = (url: string, body: unknown) => fetch(url, { method: 'PUT', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
const bootOf = (html: string): { context: { extension: Record<string, unknown> } } => {
  const match = /<script type="application\/json" id="__forge_host_boot">(.*?)<\/script>/s.exec(html);
  if (!match) throw new Error('no boot data in the frame');
  return JSON.parse(match[1]!) as { context: { extension: Record<string, unknown> } };
};

describe('host dashboard', () => {
  it('shows the gadget in edit mode until configured, keeps a valid configuration, and hands it to the gadget', async () => {
    server = await startLocalServer({ port: 0, appDir: APP_DIR, runtime: { timeScale: 0, log: () => undefined } });
    const first = await (await fetch(`${server.url}/dashboard?as=admin`)).text();
    expect(first).toContain('data-gadget="audit-gadget-1" data-mode="edit"');

    expect((await put(`${server.url}/host/gadgets/audit-gadget-1/configuration`, ['MSP'])).status).toBe(400);
    expect((await put(`${server.url}/host/gadgets/bad%20id/configuration`, { projectKey: 'MSP' })).status).toBe(400);
    expect((await put(`${server.url}/host/gadgets/audit-gadget-1/configuration`, { projectKey: 'MSP', checklistId: 'aws-msp-7.1' })).status).toBe(204);

    const configured = await (await fetch(`${server.url}/dashboard?as=admin`)).text();
    expect(configured).toContain('data-gadget="audit-gadget-1" data-mode="view"');
    expect((await (await fetch(`${server.url}/dashboard?as=admin&edit=audit-gadget-1`)).text())).toContain('data-mode="edit"');

    const view = bootOf(await (await fetch(`${server.url}/forge/resources/main/index.html?module=audit-gadget&as=admin&gadget=audit-gadget-1`)).text());
    expect(view.context.extension).toEqual({ type: 'jira:dashboardGadget', dashboard: { id: '10000' }, gadget: { id: 'audit-gadget-1' }, gadgetConfiguration: { projectKey: 'MSP', checklistId: 'aws-msp-7.1' } });
    const edit = bootOf(await (await fetch(`${server.url}/forge/resources/main/index.html?module=audit-gadget&as=admin&gadget=audit-gadget-1&entry=edit`)).text());
    expect(edit.context.extension).toMatchObject({ entryPoint: 'edit', gadgetConfiguration: { projectKey: 'MSP' } });
  });
});

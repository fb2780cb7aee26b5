/**
 * `npm start`: the whole app on a laptop. Serves the Jira emulator, the Forge runtime running the
 * app's real backend, and the Jira-like host with the production Custom UI build (DESIGN.md,
 * "The local runtime"). PORT (default 8080), HOST (default 0.0.0.0), LOCAL_STATE_FILE (keeps
 * Jira and KVS state across restarts).
 */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { startLocalServer } from './server';

async function main(): Promise<void> {
  const appDir = resolve(__dirname, '..');
  const port = Number(process.env.PORT ?? 8080);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`PORT must be a port number, got "${process.env.PORT}"`);
  const stateFile = process.env.LOCAL_STATE_FILE ? resolve(process.env.LOCAL_STATE_FILE) : undefined;
  const server = await startLocalServer({ port, host: process.env.HOST ?? '0.0.0.0', appDir, ...(stateFile ? { stateFile } : {}) });
  const { manifest } = server.runtime;
  const pages = manifest.uiModules.filter((m) => m.type === 'jira:projectPage');
  const lines = [
    `MSP Audit Ready, running locally at ${server.url}`,
    `  Home:            ${server.url}/`,
    ...pages.map((m) => `  ${(m.title ?? m.key).padEnd(16)} ${server.url}/projects/MSP/apps/${m.key}`),
    `  Issues:          ${server.url}/issues?jql=project%20%3D%20MSP`,
    `  Jira REST API:   ${server.url}/jira/rest/api/3/  (X-Account-Id: admin | viewer)`,
    `  Resolvers:       POST ${server.url}/api/invoke`,
    `  Act as viewer:   add ?as=viewer to any page`,
    stateFile ? `  State file:      ${stateFile}` : '  State:           in memory (set LOCAL_STATE_FILE to keep it)',
  ];
  for (const [key, path] of manifest.resources) {
    if (!existsSync(join(appDir, path, 'index.html'))) lines.push(`  Warning: resource "${key}" has no ${path}/index.html; run npm run build`);
  }
  console.log(lines.join('\n'));
  const stop = () => {
    server.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? (e.stack ?? e.message) : e);
  process.exit(1);
});

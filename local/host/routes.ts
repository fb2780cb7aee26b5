/**
 * Fastify routes of the Jira-like host: pages, the app's Custom UI resources in iframes, and the
 * two client scripts. The acting user comes from `?as=` (remembered in a cookie) or defaults to
 * `admin`, matching DESIGN.md's seeded users.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ForgeRuntime } from '../forge';
import type { JiraEmulatorApi } from '../jira/types';
import { dashboardPage, GadgetConfigurations } from './dashboard';
import { FrameServer, type FrameQuery } from './frame';
import { JiraReader } from './jira-data';
import { homePage, issuePage, messagePage, navigatorPage, projectAppPage, type PageEnv } from './pages';
import { registerWorkflowRuleRoutes, ruleConfiguration } from './workflow-rule';

export interface HostOptions {
  runtime: ForgeRuntime;
  emulator: JiraEmulatorApi;
  /** Accounts offered in the user switcher. */
  users?: string[];
}

const USER_COOKIE = 'forge_as';
const ACCOUNT_ID = /^[A-Za-z0-9:_.@-]{1,128}$/;

function cookie(req: FastifyRequest, name: string): string | undefined {
  const header = req.headers.cookie ?? '';
  for (const part of header.split(';')) {
    const [k, ...v] = part.trim().split('=');
    if (k === name) return decodeURIComponent(v.join('='));
  }
  return undefined;
}

/** The acting user: `?as=` (then remembered), else the cookie, else admin. */
export function actingUser(req: FastifyRequest, reply?: FastifyReply): string {
  const q = (req.query as Record<string, unknown> | undefined)?.as;
  if (typeof q === 'string' && ACCOUNT_ID.test(q)) {
    reply?.header('set-cookie', `${USER_COOKIE}=${encodeURIComponent(q)}; Path=/; SameSite=Lax`);
    return q;
  }
  const c = cookie(req, USER_COOKIE);
  return c && ACCOUNT_ID.test(c) ? c : 'admin';
}

export function registerHostRoutes(app: FastifyInstance, o: HostOptions): void {
  const baseUsers = o.users ?? ['admin', 'viewer'];
  const reader = (user: string) => new JiraReader(o.emulator, user);
  const gadgets = new GadgetConfigurations();
  const frames = new FrameServer(o.runtime, reader, (moduleKey, transitionId) => ruleConfiguration(o.emulator, moduleKey, transitionId), gadgets);
  const env = (user: string): PageEnv => ({
    user,
    users: baseUsers.includes(user) ? baseUsers : [...baseUsers, user],
    modules: o.runtime.manifest.uiModules,
  });
  const html = (reply: FastifyReply, body: string, status = 200) => reply.code(status).type('text/html; charset=utf-8').header('cache-control', 'no-store').send(body);

  const clientDir = join(__dirname, 'client');
  for (const name of ['bridge.js', 'host.js']) {
    app.get(`/host/${name}`, async (_req, reply) =>
      // Read on each request: cheap, and edits show up without a restart.
      reply.type('text/javascript; charset=utf-8').header('cache-control', 'no-store').send(readFileSync(join(clientDir, name), 'utf8')),
    );
  }

  // Browsers ask for it on every page; answering keeps their consoles free of 404 noise.
  app.get('/favicon.ico', async (_req, reply) => reply.code(204).send());

  app.get('/', async (req, reply) => {
    const user = actingUser(req, reply);
    return html(reply, homePage(env(user), await reader(user).projects()));
  });

  const projectPage = async (req: FastifyRequest, reply: FastifyReply) => {
    const user = actingUser(req, reply);
    const p = req.params as { projectKey: string; moduleKey: string; '*'?: string };
    const module = o.runtime.manifest.uiModules.find((m) => m.key === p.moduleKey && m.type === 'jira:projectPage');
    if (!module) return html(reply, messagePage(env(user), 'Not found', `No project page module "${p.moduleKey}"`, 404), 404);
    const project = await reader(user).call('GET', `/rest/api/3/project/${encodeURIComponent(p.projectKey)}`);
    if (project.status !== 200) return html(reply, messagePage(env(user), p.projectKey, `Project ${p.projectKey} is not visible to ${user}`, project.status), project.status);
    return html(reply, projectAppPage(env(user), p.projectKey, module, p['*'] ? `/${p['*']}` : '/'));
  };
  app.get('/projects/:projectKey/apps/:moduleKey', projectPage);
  app.get('/projects/:projectKey/apps/:moduleKey/*', projectPage);

  app.get('/dashboard', async (req, reply) => {
    const user = actingUser(req, reply);
    const { edit } = req.query as { edit?: string };
    return html(reply, dashboardPage(env(user), gadgets, typeof edit === 'string' ? edit : undefined));
  });
  // What a gadget's edit view saves (host.js, on `view.submit`), as Jira stores a gadget's configuration.
  app.put('/host/gadgets/:gadgetId/configuration', async (req, reply) => {
    const { gadgetId } = req.params as { gadgetId: string };
    const problem = gadgets.set(gadgetId, req.body);
    return problem ? reply.code(400).send({ errorMessages: [problem] }) : reply.code(204).send();
  });

  app.get('/browse/:issueKey', async (req, reply) => {
    const user = actingUser(req, reply);
    const { issueKey } = req.params as { issueKey: string };
    const out = await issuePage(env(user), reader(user), issueKey);
    return html(reply, out.html, out.status);
  });

  const navigator = async (req: FastifyRequest, reply: FastifyReply) => {
    const user = actingUser(req, reply);
    const q = req.query as { jql?: string; next?: string };
    return html(reply, await navigatorPage(env(user), reader(user), q.jql ?? 'project = MSP', q.next));
  };
  // Jira Cloud's issue navigator lives at /issues/?jql=…; the bare /issues is kept for old links.
  app.get('/issues', navigator);
  app.get('/issues/', navigator);

  // Jira's workflow editor around a workflow rule's configuration pages (issue 23).
  registerWorkflowRuleRoutes(app, { emulator: o.emulator, env, reader, actingUser });

  const resource = async (req: FastifyRequest, reply: FastifyReply) => {
    const p = req.params as { resourceKey: string; '*'?: string };
    const out = await frames.serve(p.resourceKey, p['*'] ?? '', req.query as FrameQuery);
    return reply.code(out.status).type(out.contentType).headers(out.headers).send(out.body);
  };
  // Without the trailing slash, the bundle's relative asset URLs would resolve one level up.
  app.get('/forge/resources/:resourceKey', async (req, reply) => {
    const { resourceKey } = req.params as { resourceKey: string };
    const search = req.url.includes('?') ? req.url.slice(req.url.indexOf('?')) : '';
    return reply.redirect(`/forge/resources/${encodeURIComponent(resourceKey)}/${search}`);
  });
  app.get('/forge/resources/:resourceKey/*', resource);
}

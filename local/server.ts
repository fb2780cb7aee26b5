/**
 * The local server behind `npm start` and the browser tests (DESIGN.md, "The local runtime"):
 * the Jira emulator's REST API under /jira, `POST /api/invoke` into the Forge runtime, and the
 * Jira-like host pages that run the production Custom UI build in iframes.
 */
import { createServer } from 'node:net';
import { join } from 'node:path';
import Fastify, { type FastifyInstance } from 'fastify';
import { createForgeRuntime, InvokeError, type ForgeRuntime, type ForgeRuntimeOptions, type InvokeContext } from './forge';
import { registerHostRoutes } from './host/routes';
import { createJiraEmulator, registerJiraRoutes, type JiraEmulatorApi } from './jira';

export interface LocalServerOptions {
  /** 0 picks a free port. Default 8080. */
  port?: number;
  /** Interface to listen on. Default 127.0.0.1. */
  host?: string;
  /** The Forge app: directory with manifest.yml, src/index.ts and the resources it names. */
  appDir: string;
  /** Keeps emulator and KVS state across restarts (KVS in `<name>.kvs.json` beside it). */
  stateFile?: string;
  /** Use this emulator instead of creating one (tests with a stand-in). */
  emulator?: JiraEmulatorApi;
  /** Extra runtime options (limits, timeScale, log). */
  runtime?: Partial<ForgeRuntimeOptions>;
}

export interface LocalServer {
  url: string;
  port: number;
  app: FastifyInstance;
  emulator: JiraEmulatorApi;
  runtime: ForgeRuntime;
  close(): Promise<void>;
}

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

export function kvsStateFileFor(stateFile: string): string {
  return stateFile.endsWith('.json') ? `${stateFile.slice(0, -'.json'.length)}.kvs.json` : `${stateFile}.kvs.json`;
}

/** Reset of the emulator (POST /jira/__admin/reset) also clears the app's KVS: back to a fresh install. */
function withAppReset(emulator: JiraEmulatorApi, runtime: ForgeRuntime): JiraEmulatorApi {
  return new Proxy(emulator, {
    get(target, prop) {
      if (prop === 'reset') {
        return () => {
          target.reset();
          runtime.kvs.clear();
          runtime.clearInvocations();
          runtime.resetUsage();
        };
      }
      const v: unknown = Reflect.get(target, prop, target);
      return typeof v === 'function' ? (v as (...a: unknown[]) => unknown).bind(target) : v;
    },
  });
}

/**
 * A failed invoke as HTTP: refusals by their code (400/403/404/409/413/503), 504 for a timeout, 500
 * for a fault. The body is `{ error, code?, name? }`: the message, the refusal code, and the error's
 * name (Forge keeps it on the message it hands the frontend).
 */
function invokeError(e: unknown): { status: number; body: { error: string; code?: string; name?: string } } {
  if (e instanceof InvokeError) {
    const named = e.name !== 'Error' ? { name: e.name } : {};
    return { status: e.status, body: { error: e.message, ...(e.code !== undefined ? { code: e.code } : {}), ...named } };
  }
  return { status: 500, body: { error: e instanceof Error ? e.message : String(e) } };
}

/** The acting user of an invoke: the context's account id, else the X-Account-Id header; never a default. */
function invokingAccount(context: Obj, header: unknown): string | undefined {
  if (typeof context.accountId === 'string' && context.accountId.trim() !== '') return context.accountId;
  if (context.accountId === undefined && typeof header === 'string' && header.trim() !== '') return header;
  return undefined;
}

/** A free port, chosen up front so every URL the app and the emulator hand out is right. */
function freePort(host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, host, () => {
      const a = srv.address();
      const port = typeof a === 'object' && a ? a.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

export async function startLocalServer(options: LocalServerOptions): Promise<LocalServer> {
  const host = options.host ?? '127.0.0.1';
  const port = options.port === 0 ? await freePort(host) : (options.port ?? 8080);
  const siteUrl = `http://${host === '0.0.0.0' ? 'localhost' : host}:${port}`;
  const rawEmulator =
    options.emulator ??
    createJiraEmulator({
      // The app's own manifest decides which custom fields and entity property indexes Jira has.
      manifestPath: join(options.appDir, 'manifest.yml'),
      baseUrl: `${siteUrl}/jira`,
      ...(options.stateFile ? { stateFile: options.stateFile } : {}),
    });
  const rt = createForgeRuntime({
    appDir: options.appDir,
    emulator: rawEmulator,
    siteUrl,
    ...(options.stateFile ? { kvsStateFile: kvsStateFileFor(options.stateFile) } : {}),
    ...(options.runtime ?? {}),
  });
  const emulator = withAppReset(rawEmulator, rt);

  const app = Fastify({ logger: false, bodyLimit: 10 * 1024 * 1024 });
  registerJiraRoutes(app, emulator, { prefix: '/jira' });

  app.post('/api/invoke', async (req, reply) => {
    const b = req.body;
    if (!isObj(b) || typeof b.functionKey !== 'string' || !isObj(b.context) || typeof b.context.moduleKey !== 'string') {
      return reply.code(400).send({ error: 'Expected { functionKey, payload, context: { moduleKey, projectKey?, issueKey?, accountId } }' });
    }
    const accountId = invokingAccount(b.context, req.headers['x-account-id']);
    if (accountId === undefined) {
      return reply.code(400).send({ error: 'context.accountId must name the Jira user who invokes (or send X-Account-Id); an empty or missing account id is refused.', code: 'invalid-input' });
    }
    const context = { ...(b.context as Partial<InvokeContext>), moduleKey: b.context.moduleKey, accountId };
    try {
      const value = await rt.invoke({ functionKey: b.functionKey, payload: b.payload, context });
      return reply.code(200).type('application/json').send(JSON.stringify(value ?? null));
    } catch (e) {
      const { status, body } = invokeError(e);
      return reply.code(status).send(body);
    }
  });

  // Runtime introspection for outside checks and benchmarks (an extension of the contract).
  app.get('/api/__runtime/invocations', async () => rt.invocations());
  app.delete('/api/__runtime/invocations', async (_req, reply) => {
    rt.clearInvocations();
    return reply.code(204).send();
  });
  app.post('/api/__runtime/idle', async (_req, reply) => {
    await rt.idle();
    return reply.code(204).send();
  });

  // Every scheduledTrigger of the manifest now, one after another as Forge would run them; answers
  // when they are done with each trigger's outcome (its return value, or the error).
  // Totals since the last reset (POST /jira/__admin/reset): GB-s, KVS, async events, Jira calls.
  app.get('/api/__admin/usage', async (_req, reply) => reply.code(200).send(rt.usage()));

  app.post('/api/__admin/scheduled', async (_req, reply) => {
    const results: { key: string; ok: boolean; value?: unknown; error?: string }[] = [];
    for (const trigger of rt.manifest.scheduledTriggers) {
      try {
        results.push({ key: trigger.key, ok: true, value: (await rt.runScheduled(trigger.key)) ?? null });
      } catch (e) {
        results.push({ key: trigger.key, ok: false, error: e instanceof Error ? e.message : String(e) });
      }
    }
    await rt.idle();
    return reply.code(200).send({ triggers: results });
  });

  registerHostRoutes(app, { runtime: rt, emulator });

  await app.listen({ port, host });
  return {
    url: siteUrl,
    port,
    app,
    emulator,
    runtime: rt,
    async close() {
      await app.close();
      await rt.close();
      rawEmulator.flush();
    },
  };
}

/**
 * The emulator over HTTP: `/jira/rest/api/3/*` (acting as `X-Account-Id`, default `admin`, origin
 * `outside`) and the `/jira/__admin/*` controls. Registered as an encapsulated fastify plugin so its
 * lenient body parsing (Jira answers bad JSON itself) does not leak into the rest of the server.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { EmulatorRequest, JiraEmulatorApi } from './types';
import { FaultConfigError, parseFaults } from './faults';
import { SeedError } from './state/seed';
import { TestHookError } from './state/test-hooks';
import { errorCollection, messages } from './http/errors';
import { parseValidatorSpec, ValidatorSpecError } from './workflow-validators';

export interface JiraRoutesOptions {
  /** Where the emulator is mounted; `/jira` in `npm start`. */
  prefix: string;
}

export const DEFAULT_ACTOR = 'admin';

/** A body that is not JSON. Jira answers it with its "invalid payload" 400. */
const INVALID_JSON = Symbol('invalid-json');

function flattenQuery(query: unknown): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  if (typeof query !== 'object' || query === null) return out;
  for (const [k, v] of Object.entries(query as Record<string, unknown>)) {
    if (Array.isArray(v)) out[k] = v.map(String);
    else if (v !== undefined) out[k] = String(v);
  }
  return out;
}

function flattenHeaders(headers: FastifyRequest['headers']): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(headers)) if (v !== undefined) out[k.toLowerCase()] = Array.isArray(v) ? v.join(', ') : v;
  return out;
}

function sendJson(reply: FastifyReply, status: number, body: unknown, headers: Record<string, string> = {}): FastifyReply {
  reply.code(status).headers({ ...headers, 'content-type': 'application/json' });
  return body === undefined ? reply.send() : reply.send(JSON.stringify(body));
}

export function registerJiraRoutes(app: FastifyInstance, emulator: JiraEmulatorApi, options: JiraRoutesOptions = { prefix: '/jira' }): void {
  const prefix = options.prefix.replace(/\/+$/, '');
  void app.register(async (scope) => {
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser('*', { parseAs: 'string' }, (_req, raw, done) => {
      const text = typeof raw === 'string' ? raw : raw.toString('utf8');
      if (text.trim() === '') return done(null, undefined);
      try {
        done(null, JSON.parse(text));
      } catch {
        done(null, INVALID_JSON);
      }
    });

    scope.all('/rest/api/3/*', async (request, reply) => {
      if (request.body === INVALID_JSON) return sendJson(reply, 400, errorCollection([messages.invalidPayload]));
      const url = request.url.split('?')[0] ?? '';
      const headers = flattenHeaders(request.headers);
      const req: EmulatorRequest = {
        method: request.method,
        path: url.slice(prefix.length) || '/',
        query: flattenQuery(request.query),
        headers,
        body: request.body,
        actor: headers['x-account-id'] || DEFAULT_ACTOR,
        origin: 'outside',
      };
      const res = await emulator.handle(req);
      return sendJson(reply, res.status, res.body, res.headers);
    });

    scope.post('/__admin/reset', async (_request, reply) => {
      emulator.reset();
      return sendJson(reply, 204, undefined);
    });

    scope.post('/__admin/faults', async (request, reply) => {
      try {
        emulator.setFaults(parseFaults(request.body === INVALID_JSON ? null : request.body));
        return sendJson(reply, 204, undefined);
      } catch (err) {
        if (err instanceof FaultConfigError) return sendJson(reply, 400, { error: err.message });
        throw err;
      }
    });

    scope.get('/__admin/requests', async (_request, reply) => sendJson(reply, 200, emulator.requests()));

    scope.get('/__admin/notifications', async (_request, reply) => sendJson(reply, 200, emulator.notifications()));

    scope.delete('/__admin/requests', async (_request, reply) => {
      emulator.clearRequests();
      return sendJson(reply, 204, undefined);
    });

    // Workflow validators (issue 23): `{ "transitionId": "31", "moduleKey": "audit-done-gate", "configuration"?: {…} }`.
    scope.post('/__admin/workflow/validators', async (request, reply) => {
      try {
        emulator.addWorkflowValidator(parseValidatorSpec(request.body === INVALID_JSON ? null : request.body));
        return sendJson(reply, 204, undefined);
      } catch (err) {
        if (err instanceof ValidatorSpecError) return sendJson(reply, 400, { error: err.message });
        throw err;
      }
    });
    scope.get('/__admin/workflow/validators', async (_request, reply) => sendJson(reply, 200, emulator.workflowValidators()));
    scope.delete('/__admin/workflow/validators', async (_request, reply) => {
      emulator.clearWorkflowValidators();
      return sendJson(reply, 204, undefined);
    });

    // Tests create projects the seed lacks: `{ "key": "NOEPIC", "issueTypes": ["Task", "Sub-task"] }`.
    scope.post('/__admin/projects', async (request, reply) => {
      const body = request.body as { key?: unknown; name?: unknown; issueTypes?: unknown } | undefined;
      if (!body || typeof body !== 'object' || typeof body.key !== 'string') return sendJson(reply, 400, { error: 'Send {"key": "ABC", "name"?: "…", "issueTypes"?: ["Task", …]}.' });
      try {
        const created = emulator.addProject({
          key: body.key,
          ...(typeof body.name === 'string' ? { name: body.name } : {}),
          ...(Array.isArray(body.issueTypes) ? { issueTypes: body.issueTypes.map(String) } : {}),
        });
        return sendJson(reply, 201, created);
      } catch (err) {
        if (err instanceof SeedError) return sendJson(reply, 400, { error: err.message });
        throw err;
      }
    });

    // Per-project grants: `{ "accountId": "editor", "projectKey": "OPS", "permissions": ["BROWSE_PROJECTS"] }`
    // (`"permissions": null` returns the user to their defaults in that project).
    scope.post('/__admin/permissions', async (request, reply) => {
      const body = request.body as { accountId?: unknown; projectKey?: unknown; permissions?: unknown } | undefined;
      const perms = body?.permissions;
      const valid = perms === null || (Array.isArray(perms) && perms.every((p) => typeof p === 'string'));
      if (!body || typeof body.accountId !== 'string' || typeof body.projectKey !== 'string' || !valid) {
        return sendJson(reply, 400, { error: 'Send {"accountId": "editor", "projectKey": "OPS", "permissions": ["BROWSE_PROJECTS", …] or null}.' });
      }
      try {
        emulator.setProjectPermissions(body.accountId, body.projectKey, perms as string[] | null);
        return sendJson(reply, 204, undefined);
      } catch (err) {
        if (err instanceof TestHookError) return sendJson(reply, 400, { error: err.message });
        throw err;
      }
    });
  }, { prefix });
}

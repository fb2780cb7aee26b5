/**
 * The in-memory Jira Cloud: wires state, routes, faults, the request log, change listeners and the
 * state file behind `JiraEmulatorApi.handle()`, which the HTTP plugin and the Forge runtime share.
 */
import type { EmulatorRequest, EmulatorResponse, IssueChangeEvent, JiraEmulatorApi, JiraEmulatorOptions, ProjectSpec } from './types';
import { FaultInjector } from './faults';
import { IndexLag } from './index-lag';
import type { IssueRecord } from './state/model';
import { RequestLog } from './log';
import { JiraError, errorCollection, jsonResponse, messages } from './http/errors';
import { Router, type RouteContext } from './http/router';
import { defaultManifestPath, loadManifest } from './state/manifest';
import { addProject, installCustomFields, seedState } from './state/seed';
import { createPersister, loadStateFile } from './state/persist';
import { jiraTime, Store } from './state/store';
import { moveIssue, setProjectPermissions } from './state/test-hooks';
import { registerIssueRoutes } from './routes/issues';
import { registerPropertyRoutes } from './routes/properties';
import { registerProjectRoutes } from './routes/projects';
import { registerFieldRoutes } from './routes/fields';
import { registerSearchRoutes } from './routes/search';
import { registerUserRoutes } from './routes/users';
import { registerLinkRoutes } from './routes/links';
import { registerBulkRoutes } from './routes/bulk';
import { registerNotifyRoutes } from './routes/notify';
import { WorkflowValidators } from './workflow-validators';

/** The Forge environment id used in custom field ARIs when none is given. */
export const LOCAL_ENV_ID = '7a1c2e4f-0b3d-4e5f-8a9b-6c7d8e9f0a1b';

function buildRouter(): Router {
  const router = new Router();
  registerIssueRoutes(router);
  registerPropertyRoutes(router);
  registerProjectRoutes(router);
  registerFieldRoutes(router);
  registerSearchRoutes(router);
  registerUserRoutes(router);
  registerLinkRoutes(router);
  registerBulkRoutes(router);
  registerNotifyRoutes(router);
  return router;
}

function normalisePath(path: string): string {
  const noQuery = path.split('?')[0] ?? '';
  return noQuery.length > 1 ? noQuery.replace(/\/+$/, '') : noQuery;
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

export function createJiraEmulator(options: JiraEmulatorOptions = {}): JiraEmulatorApi {
  const manifest = loadManifest(options.manifestPath ?? defaultManifestPath());
  const loaded = options.stateFile ? loadStateFile(options.stateFile) : null;
  // A loaded state keeps its field ids; fields the manifest gained since are added after them.
  const initial = loaded ? { ...loaded, customFields: installCustomFields(manifest.customFields, loaded.customFields) } : seedState(manifest.customFields);
  const store = new Store(initial, {
    appId: options.appId ?? manifest.appId,
    envId: options.envId ?? LOCAL_ENV_ID,
    baseUrl: (options.baseUrl ?? `http://localhost:${process.env.PORT ?? 8080}/jira`).replace(/\/+$/, ''),
    indexedProperties: manifest.indexedProperties,
    now: options.now ?? (() => new Date()),
  });
  const router = buildRouter();
  const faults = new FaultInjector(options.faultSeed ?? 1);
  const log = new RequestLog();
  const listeners = new Set<(event: IssueChangeEvent) => void>();
  const persister = createPersister(options.stateFile, () => store.state);
  const lag = new IndexLag(() => faults.searchLagMs());
  const indexed = (issue: IssueRecord): IssueRecord | undefined => lag.indexed(issue);
  const validators = new WorkflowValidators();

  function dispatch(events: IssueChangeEvent[]): void {
    for (const event of events) {
      for (const listener of [...listeners]) {
        try {
          listener(event);
        } catch (err) {
          // A failing listener (e.g. a trigger) must not turn a successful Jira write into an error.
          console.error(`jira emulator: issue change listener failed for ${event.issue.key}: ${(err as Error).message}`);
        }
      }
    }
  }

  async function respond(req: EmulatorRequest, path: string): Promise<EmulatorResponse> {
    const latency = faults.latencyMs();
    if (latency > 0) await sleep(latency);
    const fault = faults.draw();
    if (fault) return fault;

    const actor = store.user(req.actor);
    if (!actor) return jsonResponse(401, errorCollection([messages.unauthenticated]));
    // Workflow validators run before the transition (the route itself stays synchronous).
    const refused = await validators.check(store, req, path);
    if (refused) return refused;
    const match = router.match(req.method, path);
    if (match.kind === 'not-found') {
      return jsonResponse(404, errorCollection([`The local Jira emulator has no REST resource at ${req.method.toUpperCase()} ${path}.`]));
    }
    if (match.kind === 'method-not-allowed') {
      return jsonResponse(405, errorCollection([`Method ${req.method.toUpperCase()} is not allowed on ${path}.`]));
    }
    const events: IssueChangeEvent[] = [];
    const ctx: RouteContext = { req: { ...req, path }, params: match.params, store, actor, emit: (e) => events.push(e), indexed };
    const touched = lag.beforeWrite(store, req, match.params);
    let response: EmulatorResponse;
    try {
      const result = match.handler(ctx);
      response = { status: result.status, headers: { 'content-type': 'application/json', ...(result.headers ?? {}) }, body: result.body };
    } catch (err) {
      if (err instanceof JiraError) response = jsonResponse(err.status, err.body);
      else response = jsonResponse(500, errorCollection([`The local Jira emulator failed: ${(err as Error).message}`]));
    }
    if (req.method.toUpperCase() !== 'GET') persister.schedule();
    lag.afterWrite(touched, events.filter((event) => event.kind === 'created').map((event) => event.issue.id));
    dispatch(events);
    const isCreate = req.method.toUpperCase() === 'POST' && (path === '/rest/api/3/issue' || path === '/rest/api/3/issue/bulk');
    if (isCreate && response.status < 300) return faults.drawAfterCommit() ?? response;
    return response;
  }

  return {
    async handle(req) {
      const started = performance.now();
      const path = normalisePath(req.path);
      const response = await respond(req, path);
      log.add({
        at: new Date().toISOString(),
        method: req.method.toUpperCase(),
        path,
        query: structuredClone(req.query),
        body: req.body === undefined ? undefined : structuredClone(req.body),
        status: response.status,
        actor: req.actor,
        origin: req.origin,
        durationMs: Math.round((performance.now() - started) * 1000) / 1000,
      });
      return response;
    },
    reset() {
      store.replace(seedState(manifest.customFields, store.state.customFields));
      log.clear();
      faults.set({});
      lag.clear();
      validators.clear();
      persister.schedule();
    },
    setFaults(f) {
      faults.set(f);
    },
    requests: () => log.list(),
    notifications: () => structuredClone(store.state.notifications ?? []),
    clearRequests: () => log.clear(),
    onIssueChange(listener) {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
    addProject(spec: ProjectSpec) {
      const project = addProject(store.state, spec);
      persister.schedule();
      return { id: project.id, key: project.key };
    },
    setIssueSecurity(issueKey: string, hiddenFrom: readonly string[]) {
      const issue = store.issue(issueKey);
      if (!issue) throw new Error(`No issue ${issueKey}`);
      if (hiddenFrom.length > 0) issue.hiddenFrom = [...hiddenFrom];
      else delete issue.hiddenFrom;
      persister.schedule();
    },
    setIssueUpdated(issueKey: string, at: Date) {
      const issue = store.issue(issueKey);
      if (!issue) throw new Error(`No issue ${issueKey}`);
      issue.updated = jiraTime(at);
      persister.schedule();
    },
    addAttachment(issueKey, file) {
      const issue = store.issue(issueKey);
      if (!issue) throw new Error(`No issue ${issueKey}`);
      const id = String(store.state.nextAttachmentId ?? 10000);
      store.state.nextAttachmentId = Number(id) + 1;
      const record = { id, filename: file.filename, size: file.size ?? 1024, mimeType: file.mimeType ?? 'application/pdf', created: store.nowString(), authorId: file.authorId ?? 'admin' };
      issue.attachments = [...(issue.attachments ?? []), record];
      persister.schedule();
      return { id };
    },
    addWorkflowValidator: (spec) => validators.add(spec),
    putWorkflowValidator: (spec) => validators.put(spec),
    clearWorkflowValidators: () => validators.clear(),
    workflowValidators: () => validators.list(),
    setValidatorRunner: (runner) => validators.setRunner(runner),
    setProjectPermissions(accountId, projectKey, permissions) {
      setProjectPermissions(store, accountId, projectKey, permissions);
      persister.schedule();
    },
    moveIssue(issueKey, targetProjectKey) {
      const { key, events } = moveIssue(store, issueKey, targetProjectKey);
      persister.schedule();
      dispatch(events);
      return key;
    },
    flush: () => persister.flush(),
  };
}

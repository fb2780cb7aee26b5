/**
 * A tiny stand-in for the Jira emulator (local/jira), implementing the same JiraEmulatorApi seam:
 * enough REST for the runtime's own tests (myself, project, create/get/edit issue), a request log
 * and issue-change events. The runtime tests run against the real emulator when it is present.
 */
import type { EmulatorRequest, EmulatorResponse, Faults, IssueChangeEvent, JiraEmulatorApi, RequestLogEntry } from '../../local/jira/types';

interface Issue {
  id: string;
  key: string;
  fields: Record<string, unknown>;
}

export function createFakeEmulator(): JiraEmulatorApi & { issues(): Issue[] } {
  let issues: Issue[] = [];
  let log: RequestLogEntry[] = [];
  let listeners: ((e: IssueChangeEvent) => void)[] = [];
  const ok = (status: number, body?: unknown): EmulatorResponse => ({ status, headers: {}, body });
  const notFound = () => ok(404, { errorMessages: ['Not found'], errors: {} });

  function route(req: EmulatorRequest): EmulatorResponse {
    if (req.method === 'GET' && req.path === '/rest/api/3/myself') {
      return ok(200, { accountId: req.actor, accountType: req.actor === 'app' ? 'app' : 'atlassian', displayName: req.actor });
    }
    if (req.method === 'GET' && req.path === '/rest/api/3/project/MSP') {
      return ok(200, { id: '10000', key: 'MSP', name: 'MSP', projectTypeKey: 'software' });
    }
    if (req.method === 'POST' && req.path === '/rest/api/3/issue') {
      const body = req.body as { fields: Record<string, unknown> };
      const n = issues.length + 1;
      const issue: Issue = { id: String(10000 + n), key: `MSP-${n}`, fields: { ...body.fields, issuetype: { id: '10001', name: 'Task' } } };
      issues.push(issue);
      const ev: IssueChangeEvent = { kind: 'created', issue: structuredClone(issue), actor: req.actor, origin: req.origin, generateEvents: true };
      listeners.forEach((l) => l(ev));
      return ok(201, { id: issue.id, key: issue.key, self: `/rest/api/3/issue/${issue.id}` });
    }
    const m = /^\/rest\/api\/3\/issue\/([^/]+)$/.exec(req.path);
    const issue = m ? issues.find((i) => i.key === m[1] || i.id === m[1]) : undefined;
    if (m && !issue) return notFound();
    if (issue && req.method === 'GET') return ok(200, structuredClone(issue));
    if (issue && req.method === 'PUT') {
      const fields = (req.body as { fields: Record<string, unknown> }).fields;
      const items = Object.entries(fields).map(([f, v]) => ({ field: f, fieldtype: 'jira', from: null, fromString: String(issue.fields[f] ?? ''), to: null, toString: String(v) }));
      Object.assign(issue.fields, fields);
      const ev: IssueChangeEvent = {
        kind: 'updated',
        issue: structuredClone(issue),
        changelog: { id: String(Date.now()), items },
        actor: req.actor,
        origin: req.origin,
        generateEvents: true,
      };
      listeners.forEach((l) => l(ev));
      return ok(204);
    }
    return notFound();
  }

  return {
    async handle(req) {
      const res = route(req);
      log.push({ at: new Date().toISOString(), method: req.method, path: req.path, query: req.query, body: req.body, status: res.status, actor: req.actor, origin: req.origin, durationMs: 0 });
      return res;
    },
    reset() {
      issues = [];
      log = [];
    },
    setFaults(_f: Faults) {
      // not needed by these tests
    },
    requests: () => [...log],
    clearRequests() {
      log = [];
    },
    onIssueChange(listener) {
      listeners.push(listener);
      return () => {
        listeners = listeners.filter((l) => l !== listener);
      };
    },
    addProject: (spec) => ({ id: '10001', key: spec.key }),
    flush: () => undefined,
    issues: () => issues,
  };
}

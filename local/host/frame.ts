/**
 * Serves the app's Custom UI resources (the production build) for the host's iframes. Every HTML
 * document gets, before anything else in <head>, the module's context as JSON and the bridge
 * script, so `globalThis.__bridge` exists before the bundle imports @forge/bridge. Responses carry
 * a Content-Security-Policy modeled on Forge's Custom UI policy, so code that Forge would block
 * (inline scripts, calls to other hosts) fails locally too.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { extname, join, resolve, sep } from 'node:path';
import type { ForgeRuntime, InvokeContext } from '../forge';
import { DASHBOARD_ID, type GadgetConfigurations } from './dashboard';
import { esc, jsonForScript } from './html';
import { appFieldId, isObj, type JiraReader } from './jira-data';

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.txt': 'text/plain; charset=utf-8',
};

export function cspHeader(allowInlineStyles: boolean): string {
  return [
    "default-src 'self'",
    "script-src 'self'",
    `style-src 'self'${allowInlineStyles ? " 'unsafe-inline'" : ''}`,
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "frame-ancestors 'self'",
    "object-src 'none'",
    "base-uri 'self'",
  ].join('; ');
}

export interface FileReply {
  status: number;
  contentType: string;
  body: string | Buffer;
  headers: Record<string, string>;
}

export interface FrameQuery {
  module?: string;
  as?: string;
  project?: string;
  issue?: string;
  entry?: string;
  sub?: string;
  resize?: string;
  modal?: string;
  /** A workflow rule's configuration page: the transition it is on. */
  transition?: string;
  /** A dashboard gadget frame: the gadget it shows. */
  gadget?: string;
}

/** The configuration a workflow rule holds on a transition (undefined when it is not there). */
export type RuleConfigLookup = (moduleKey: string, transitionId: string) => unknown;

const RULE_ENTRIES = ['create', 'edit', 'view'];

/** Resolve `rel` inside `root`, refusing anything that escapes it. */
function safeJoin(root: string, rel: string): string | undefined {
  const full = resolve(join(root, rel));
  return full === root || full.startsWith(root + sep) ? full : undefined;
}

let frameCounter = 0;

export class FrameServer {
  constructor(
    private readonly runtime: ForgeRuntime,
    private readonly reader: (user: string) => JiraReader,
    private readonly ruleConfig: RuleConfigLookup = () => undefined,
    private readonly gadgets?: GadgetConfigurations,
  ) {}

  async serve(resourceKey: string, relPath: string, q: FrameQuery): Promise<FileReply> {
    const m = this.runtime.manifest;
    const csp = { 'content-security-policy': cspHeader(m.allowInlineStyles) };
    const resPath = m.resources.get(resourceKey);
    if (!resPath) return { status: 404, contentType: MIME['.txt'] as string, body: `No resource "${resourceKey}" in manifest.yml`, headers: {} };
    const root = resolve(this.runtime.appDir, resPath);
    const file = safeJoin(root, relPath || 'index.html');
    if (!file) return { status: 403, contentType: MIME['.txt'] as string, body: 'Forbidden', headers: {} };
    const isDir = existsSync(file) && statSync(file).isDirectory();
    const target = isDir ? join(file, 'index.html') : file;
    const ext = extname(target).toLowerCase();
    const exists = existsSync(target);
    if (ext === '.html') {
      const html = exists ? readFileSync(target, 'utf8') : missingBuildHtml(resPath);
      const boot = await this.boot(q);
      return { status: exists ? 200 : 404, contentType: MIME['.html'] as string, body: injectBridge(html, boot), headers: { ...csp, 'cache-control': 'no-store' } };
    }
    if (!exists) return { status: 404, contentType: MIME['.txt'] as string, body: 'Not found', headers: {} };
    return { status: 200, contentType: MIME[ext] ?? 'application/octet-stream', body: readFileSync(target), headers: csp };
  }

  /** Everything the in-frame bridge needs: the module's context and how to call back. */
  async boot(q: FrameQuery): Promise<Record<string, unknown>> {
    const m = this.runtime.manifest;
    const moduleKey = q.module ?? '';
    const module = m.uiModules.find((x) => x.key === moduleKey);
    // A frame the host opens names its user; only a bare URL (no `as`) acts as the default admin.
    const user = q.as === undefined ? 'admin' : q.as.trim();
    const extra: Record<string, unknown> = {};
    if (module?.type === 'jira:customField' && q.issue) {
      const jira = this.reader(user);
      const fieldId = appFieldId(await jira.fields(), moduleKey);
      const issue = await jira.issue(q.issue);
      const fields = isObj(issue.body) && isObj(issue.body.fields) ? issue.body.fields : {};
      Object.assign(extra, {
        fieldId,
        fieldType: String(module.raw.type ?? ''),
        fieldValue: fieldId ? (fields[fieldId] ?? null) : null,
        renderContext: 'issue-view',
        entryPoint: q.entry === 'edit' ? 'edit' : 'view',
      });
    }
    if (module?.type === 'jira:workflowValidator') {
      // As Jira's new workflow editor opens a rule's page: which page, and the configuration saved.
      const config = q.transition ? this.ruleConfig(moduleKey, q.transition) : undefined;
      Object.assign(extra, {
        entryPoint: RULE_ENTRIES.includes(q.entry ?? '') ? q.entry : 'view',
        isNewEditor: true,
        ...(config !== undefined ? { validatorConfig: config } : {}),
      });
    }
    if (module?.type === 'jira:dashboardGadget' && q.gadget) {
      // As Jira fills it for a gadget: its dashboard, its id, the saved configuration, and the edit entry point.
      Object.assign(extra, {
        dashboard: { id: DASHBOARD_ID },
        gadget: { id: q.gadget },
        gadgetConfiguration: this.gadgets?.get(q.gadget) ?? {},
        ...(q.entry === 'edit' ? { entryPoint: 'edit' } : {}),
      });
    }
    if (q.modal) {
      try {
        extra.modal = JSON.parse(q.modal) as unknown;
      } catch {
        extra.modal = {};
      }
    }
    const invokeContext: InvokeContext = {
      moduleKey,
      accountId: user,
      ...(q.project ? { projectKey: q.project } : {}),
      ...(q.issue ? { issueKey: q.issue } : {}),
      ...(Object.keys(extra).length ? { extension: extra } : {}),
    };
    let context: Record<string, unknown> = {};
    let error: string | undefined;
    try {
      context = module ? await this.runtime.uiContext(invokeContext) : {};
    } catch (e) {
      error = e instanceof Error ? e.message : String(e);
    }
    // Pass the looked-up ids back in every invoke, so resolvers need no second lookup.
    const ext = isObj(context.extension) ? context.extension : {};
    const project = isObj(ext.project) ? ext.project : undefined;
    const issue = isObj(ext.issue) ? ext.issue : undefined;
    if (project) Object.assign(invokeContext, { projectId: String(project.id ?? ''), projectType: String(project.type ?? '') });
    if (issue) Object.assign(invokeContext, { issueId: String(issue.id ?? ''), issueType: String(issue.type ?? '') });
    return {
      context,
      invokeContext,
      frameId: `frame-${++frameCounter}`,
      moduleType: module?.type ?? '',
      autoResize: q.resize === '1',
      subPath: q.sub ?? '',
      ...(error ? { error } : {}),
      ...(user === '' ? { error: 'The frame names no acting user (?as= is empty): its invokes are refused.' } : {}),
      ...(module ? {} : { error: `No module "${moduleKey}" in manifest.yml` }),
    };
  }
}

export function injectBridge(html: string, boot: Record<string, unknown>): string {
  const tags = `<script type="application/json" id="__forge_host_boot">${jsonForScript(boot)}</script><script src="/host/bridge.js"></script>`;
  const head = /<head(\s[^>]*)?>/i.exec(html);
  if (head) return html.slice(0, head.index + head[0].length) + tags + html.slice(head.index + head[0].length);
  return tags + html;
}

function missingBuildHtml(resPath: string): string {
  return `<!doctype html><html><head><meta charset="utf-8"><title>No build</title></head><body>
<p>The Custom UI build is missing: <code>${esc(resPath)}/index.html</code>. Run <code>npm run build</code> (npm start does it).</p></body></html>`;
}

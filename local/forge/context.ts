/**
 * Builds the `context` Forge hands a resolver (and `view.getContext()` hands the frontend) from the
 * small context the host or `POST /api/invoke` sends: module key, project key, issue key, user.
 *
 * Forge knows the project and issue ids itself; locally they are looked up in the emulator when the
 * caller did not supply them. Those lookups act as `admin` with origin `outside` (they are not the
 * app's calls, so they do not count in the app's request statistics).
 */
import type { JiraEmulatorApi } from '../jira/types';
import type { ManifestUiModule } from './manifest';
import type { InvokeContext } from './types';

export interface ProjectRef {
  id: string;
  key: string;
  type: string;
}
export interface IssueRef {
  id: string;
  key: string;
  type: string;
  typeId: string;
}

export interface SiteInfo {
  cloudId: string;
  siteUrl: string;
  environmentId: string;
  appId: string;
}

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

/** GET through the emulator as the platform; a few quick tries ride out injected 429/500 faults. */
async function platformGet(emulator: JiraEmulatorApi, path: string, query: Record<string, string> = {}): Promise<Obj | undefined> {
  for (let attempt = 0; attempt < 5; attempt++) {
    const res = await emulator.handle({ method: 'GET', path, query, headers: { accept: 'application/json' }, body: undefined, actor: 'admin', origin: 'outside' });
    if (res.status === 200 && isObj(res.body)) return res.body;
    if (res.status !== 429 && res.status < 500) return undefined;
  }
  return undefined;
}

export class ContextResolver {
  private projects = new Map<string, ProjectRef>();

  constructor(
    private readonly emulator: JiraEmulatorApi,
    private readonly site: SiteInfo,
  ) {}

  /** Project ids never change for a key here, so one lookup per key is kept. */
  async project(key: string): Promise<ProjectRef> {
    const cached = this.projects.get(key);
    if (cached) return cached;
    const p = await platformGet(this.emulator, `/rest/api/3/project/${key}`);
    const ref = { id: String(p?.id ?? ''), key, type: String(p?.projectTypeKey ?? 'software') };
    if (p) this.projects.set(key, ref);
    return ref;
  }

  async issue(key: string): Promise<{ issue: IssueRef; projectKey?: string }> {
    const i = await platformGet(this.emulator, `/rest/api/3/issue/${key}`, { fields: 'issuetype,project' });
    const fields = isObj(i?.fields) ? i.fields : {};
    const type = isObj(fields.issuetype) ? fields.issuetype : {};
    const project = isObj(fields.project) ? fields.project : {};
    return {
      issue: { id: String(i?.id ?? ''), key, type: String(type.name ?? ''), typeId: String(type.id ?? '') },
      projectKey: typeof project.key === 'string' ? project.key : undefined,
    };
  }

  /** `context.extension` for a module, as Jira fills it for each module type. */
  async extension(module: ManifestUiModule, ctx: InvokeContext): Promise<Obj> {
    const ext: Obj = { type: module.type };
    let projectKey = ctx.projectKey;
    if (ctx.issueKey) {
      const looked = ctx.issueId ? undefined : await this.issue(ctx.issueKey);
      ext.issue = looked?.issue ?? { id: ctx.issueId, key: ctx.issueKey, type: ctx.issueType ?? '', typeId: '' };
      projectKey ??= looked?.projectKey ?? ctx.issueKey.replace(/-\d+$/, '');
    }
    if (projectKey) {
      ext.project = ctx.projectId
        ? { id: ctx.projectId, key: projectKey, type: ctx.projectType ?? 'software' }
        : await this.project(projectKey);
    }
    if (module.type === 'jira:issuePanel') ext.isNewToIssue = false;
    return { ...ext, ...(ctx.extension ?? {}) };
  }

  /** The full context object: what a resolver receives as `context` and getContext() returns. */
  async uiContext(module: ManifestUiModule, ctx: InvokeContext): Promise<Obj> {
    return {
      accountId: ctx.accountId,
      cloudId: this.site.cloudId,
      workspaceId: this.site.cloudId,
      siteUrl: this.site.siteUrl,
      moduleKey: module.key,
      localId: ctx.localId ?? `${this.site.appId}/${this.site.environmentId}/${module.key}`,
      environmentId: this.site.environmentId,
      environmentType: 'DEVELOPMENT',
      extension: await this.extension(module, ctx),
      locale: 'en-US',
      timezone: 'UTC',
      theme: { colorMode: 'light' },
    };
  }
}

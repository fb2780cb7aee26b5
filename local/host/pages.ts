/**
 * The host's Jira-like pages: home, a project's app page, an issue page with the app's fields and
 * panels, and a small issue navigator. Server-rendered; the app's UI runs in iframes (frame.ts).
 */
import type { ManifestUiModule } from '../forge/manifest';
import { adfToText, esc, page, raw, type NavLink } from './html';
import { appFieldId, displayName, formatFieldValue, isObj, type JiraReader } from './jira-data';

export interface PageEnv {
  user: string;
  users: string[];
  modules: ManifestUiModule[];
}

export interface FrameParams {
  module: string;
  resource: string;
  user: string;
  project?: string;
  issue?: string;
  entry?: 'view' | 'edit' | 'create';
  subPath?: string;
  transition?: string;
  autoResize?: boolean;
  /** A dashboard gadget's id (its configuration is the host's). */
  gadget?: string;
}

export function frameUrl(p: FrameParams): string {
  const q = new URLSearchParams({ module: p.module, as: p.user });
  if (p.project) q.set('project', p.project);
  if (p.issue) q.set('issue', p.issue);
  if (p.entry) q.set('entry', p.entry);
  if (p.subPath) q.set('sub', p.subPath);
  if (p.transition) q.set('transition', p.transition);
  if (p.autoResize) q.set('resize', '1');
  if (p.gadget) q.set('gadget', p.gadget);
  return `/forge/resources/${encodeURIComponent(p.resource)}/index.html?${q.toString()}`;
}

const frame = (title: string, p: FrameParams, extra = ''): string =>
  `<iframe class="forge" title="${esc(title)}" data-module="${esc(p.module)}" src="${esc(frameUrl(p))}"${extra}></iframe>`;

export const projectPageHref = (projectKey: string, moduleKey: string): string =>
  `/projects/${encodeURIComponent(projectKey)}/apps/${encodeURIComponent(moduleKey)}`;

export function projectNav(env: PageEnv, projectKey: string, active: string): NavLink[] {
  const pages = env.modules.filter((m) => m.type === 'jira:projectPage');
  return [
    ...pages.map((m) => ({ label: m.title ?? m.key, href: projectPageHref(projectKey, m.key), active: active === m.key })),
    { label: 'Issues', href: `/issues?jql=${encodeURIComponent(`project = ${projectKey}`)}`, active: active === 'issues' },
  ];
}

export function homePage(env: PageEnv, projects: { key: string; name: string }[]): string {
  const pages = env.modules.filter((m) => m.type === 'jira:projectPage');
  const items = projects
    .map((p) => {
      const links = pages.map((m) => `<a href="${esc(projectPageHref(p.key, m.key))}">${esc(m.title ?? m.key)}</a>`);
      links.push(`<a href="${esc(`/issues?jql=${encodeURIComponent(`project = ${p.key}`)}`)}">Issues</a>`);
      return `<li><strong>${esc(p.name)}</strong> (${esc(p.key)}): ${links.join(' · ')}</li>`;
    })
    .join('');
  const rules = env.modules
    .filter((m) => m.type === 'jira:workflowValidator' && isObj(m.raw.create))
    .map((m) => `<a href="${esc(`/workflow-rule/config?module=${encodeURIComponent(m.key)}&transition=31`)}">${esc(String(m.raw.name ?? m.key))}</a>`);
  const body = `<h1>Projects</h1><ul class="projects">${items}</ul>
${rules.length ? `<p>Workflow rules on the Done transition: ${rules.join(' · ')}</p>` : ''}
<p><a href="/dashboard">Dashboard</a> (the app's gadgets).</p>
<p>A local Jira Cloud emulator with the app installed. Jira REST API: <a href="/jira/rest/api/3/myself">/jira/rest/api/3</a>.</p>`;
  return page({ title: 'Home', user: env.user, users: env.users, body: raw(body) });
}

export function projectAppPage(env: PageEnv, projectKey: string, module: ManifestUiModule, subPath: string): string {
  const body = module.resource
    ? frame(module.title ?? module.key, { module: module.key, resource: module.resource, user: env.user, project: projectKey, subPath })
    : `<p class="error">Module ${esc(module.key)} has no resource.</p>`;
  return page({ title: module.title ?? module.key, user: env.user, users: env.users, projectKey, nav: projectNav(env, projectKey, module.key), body: raw(body), fullBleed: true });
}

export function messagePage(env: PageEnv, title: string, message: string, status?: number): string {
  const body = `<h1>${esc(title)}</h1><p class="error">${status ? `${esc(status)}: ` : ''}${esc(message)}</p>`;
  return page({ title, user: env.user, users: env.users, body: raw(body) });
}

function errorText(body: unknown): string {
  if (isObj(body) && Array.isArray(body.errorMessages) && body.errorMessages.length) return body.errorMessages.map(String).join('; ');
  if (isObj(body) && isObj(body.errors)) return Object.entries(body.errors).map(([k, v]) => `${k}: ${String(v)}`).join('; ');
  return JSON.stringify(body);
}

export async function issuePage(env: PageEnv, jira: JiraReader, key: string): Promise<{ status: number; html: string }> {
  const res = await jira.issue(key);
  if (res.status !== 200 || !isObj(res.body)) return { status: res.status, html: messagePage(env, key, errorText(res.body), res.status) };
  const issue = res.body;
  const fields = isObj(issue.fields) ? issue.fields : {};
  const project = isObj(fields.project) ? String(fields.project.key ?? '') : key.replace(/-\d+$/, '');
  const status = isObj(fields.status) ? String(fields.status.name ?? '') : '';
  const labels = Array.isArray(fields.labels) ? fields.labels.map(String) : [];
  const parent = isObj(fields.parent) ? String(fields.parent.key ?? '') : '';
  const allFields = await jira.fields();

  const appFields = env.modules.filter((m) => m.type === 'jira:customField').map((m) => {
    const id = appFieldId(allFields, m.key);
    const value = id ? fields[id] : undefined;
    const text = formatFieldValue(m, value);
    const view = isObj(m.raw.view) && typeof m.raw.view.resource === 'string' ? m.raw.view.resource : undefined;
    const edit = isObj(m.raw.edit) && typeof m.raw.edit.resource === 'string' ? m.raw.edit.resource : undefined;
    const base = { module: m.key, user: env.user, project, issue: key, autoResize: true };
    const name = String(m.raw.name ?? m.key);
    return `<div class="field" data-field="${esc(m.key)}" data-field-id="${esc(id ?? '')}"><div class="label">${esc(name)}</div>
<div class="value formatted">${esc(text) || '<em>None</em>'}</div>
${view ? frame(`${name} (view)`, { ...base, resource: view, entry: 'view' }) : ''}
${edit ? `<button class="edit" type="button" data-edit-frame="${esc(frameUrl({ ...base, resource: edit, entry: 'edit' }))}">Edit ${esc(name)}</button><div class="editor"></div>` : ''}
${id ? '' : '<div class="error">Field not installed in Jira</div>'}</div>`;
  });

  const panels = env.modules
    .filter((m) => m.type === 'jira:issuePanel' && m.resource)
    .map((m) => `<section class="panel" data-panel="${esc(m.key)}"><h3>${esc(m.title ?? m.key)}</h3>${frame(m.title ?? m.key, { module: m.key, resource: m.resource ?? '', user: env.user, project, issue: key, autoResize: true })}</section>`);
  const contexts = env.modules
    .filter((m) => m.type === 'jira:issueContext' && m.resource)
    .map((m) => `<section class="panel" data-context="${esc(m.key)}"><h3>${esc(m.title ?? m.key)}</h3>${frame(m.title ?? m.key, { module: m.key, resource: m.resource ?? '', user: env.user, project, issue: key, autoResize: true })}</section>`);

  const body = `<div class="issue"><div class="primary">
<div><a href="/issues?jql=${esc(encodeURIComponent(`project = ${project}`))}">${esc(project)}</a>${parent ? ` / <a href="/browse/${esc(encodeURIComponent(parent))}">${esc(parent)}</a>` : ''} / <span class="key">${esc(issue.key)}</span></div>
<h1 class="summary">${esc(fields.summary)}</h1>
<div class="field"><div class="label">Description</div><div class="description">${esc(adfToText(fields.description)) || '<em>None</em>'}</div></div>
${panels.join('\n')}
</div><aside class="secondary">
<div class="field"><div class="label">Status</div><span class="lozenge status">${esc(status)}</span>
<form class="transition" data-issue="${esc(issue.key)}"><label>Move to <select name="transition" aria-label="Move to status"></select></label> <button type="submit">Move</button><div class="transition-error error" role="alert" hidden></div></form></div>
<div class="field"><div class="label">Type</div>${esc(isObj(fields.issuetype) ? fields.issuetype.name : '')}</div>
<div class="field"><div class="label">Assignee</div>${esc(displayName(fields.assignee)) || '<em>Unassigned</em>'}</div>
<div class="field"><div class="label">Labels</div><div class="labels">${labels.map((l) => `<span class="label-chip">${esc(l)}</span>`).join('') || '<em>None</em>'}</div></div>
${appFields.join('\n')}
${contexts.join('\n')}
</aside></div>`;
  const html = page({ title: `${String(issue.key)} ${String(fields.summary ?? '')}`, user: env.user, users: env.users, projectKey: project, nav: projectNav(env, project, ''), body: raw(body) });
  return { status: 200, html };
}

export async function navigatorPage(env: PageEnv, jira: JiraReader, jql: string, next?: string): Promise<string> {
  const res = await jira.search(jql, next);
  const project = /project\s*=\s*"?([A-Z][A-Z0-9_]*)"?/i.exec(jql)?.[1]?.toUpperCase();
  let table: string;
  if (res.status !== 200 || !isObj(res.body)) {
    table = `<p class="error">${esc(res.status)}: ${esc(errorText(res.body))}</p>`;
  } else {
    const issues = Array.isArray(res.body.issues) ? res.body.issues.filter(isObj) : [];
    const rows = issues
      .map((i) => {
        const f = isObj(i.fields) ? i.fields : {};
        const labels = Array.isArray(f.labels) ? f.labels.map(String).join(', ') : '';
        return `<tr><td><a href="/browse/${esc(encodeURIComponent(String(i.key)))}">${esc(i.key)}</a></td><td>${esc(f.summary)}</td><td>${esc(isObj(f.status) ? f.status.name : '')}</td><td>${esc(isObj(f.issuetype) ? f.issuetype.name : '')}</td><td>${esc(labels)}</td><td>${esc(displayName(f.assignee))}</td></tr>`;
      })
      .join('');
    const token = typeof res.body.nextPageToken === 'string' ? res.body.nextPageToken : undefined;
    const more = token ? `<p><a class="next" href="/issues?jql=${esc(encodeURIComponent(jql))}&next=${esc(encodeURIComponent(token))}">Next page</a></p>` : '';
    table = `<p class="count">${issues.length} issue(s) on this page</p>
<table class="issues"><thead><tr><th>Key</th><th>Summary</th><th>Status</th><th>Type</th><th>Labels</th><th>Assignee</th></tr></thead><tbody>${rows}</tbody></table>${more}`;
  }
  const body = `<h1>Issues</h1><form method="get" action="/issues"><input name="jql" size="80" value="${esc(jql)}" aria-label="JQL"> <button type="submit">Search</button></form>${table}`;
  return page({ title: 'Issues', user: env.user, users: env.users, projectKey: project, nav: project ? projectNav(env, project, 'issues') : undefined, body: raw(body) });
}

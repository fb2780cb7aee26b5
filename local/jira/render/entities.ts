/**
 * REST shapes of the small entities (users, projects, issue types, statuses, priorities,
 * resolutions) as Jira nests them in issues and answers them on their own endpoints.
 */
import { PRIORITIES, RESOLUTIONS, STATUS_CATEGORIES } from '../state/catalog';
import type { IssueTypeDef, ProjectRecord, StatusDef, UserDef } from '../state/model';
import type { Store } from '../state/store';

type Json = Record<string, unknown>;

export function avatarUrls(base: string): Record<string, string> {
  return {
    '48x48': `${base}?size=large`,
    '24x24': `${base}?size=small`,
    '16x16': `${base}?size=xsmall`,
    '32x32': `${base}?size=medium`,
  };
}

export function renderUser(store: Store, user: UserDef): Json {
  return {
    self: store.url(`/rest/api/3/user?accountId=${encodeURIComponent(user.accountId)}`),
    accountId: user.accountId,
    accountType: user.accountType,
    ...(user.emailAddress ? { emailAddress: user.emailAddress } : {}),
    avatarUrls: avatarUrls(store.url(`/secure/useravatar/${encodeURIComponent(user.accountId)}`)),
    displayName: user.displayName,
    active: true,
    timeZone: 'Etc/UTC',
    locale: 'en_US',
  };
}

/** A user as Jira nests it in issue fields (assignee, reporter, creator). */
export function renderUserRef(store: Store, accountId: string | null): Json | null {
  if (!accountId) return null;
  const user = store.user(accountId);
  if (!user) return null;
  const full = renderUser(store, user);
  delete full.locale;
  delete full.emailAddress;
  return full;
}

export function renderStatusCategory(store: Store, status: StatusDef): Json {
  const c = STATUS_CATEGORIES[status.category];
  return { self: store.url(`/rest/api/3/statuscategory/${c.id}`), id: c.id, key: c.key, colorName: c.colorName, name: c.name };
}

export function renderStatus(store: Store, status: StatusDef): Json {
  return {
    self: store.url(`/rest/api/3/status/${status.id}`),
    description: status.description,
    iconUrl: store.url('/images/icons/statuses/generic.png'),
    name: status.name,
    id: status.id,
    statusCategory: renderStatusCategory(store, status),
  };
}

export function renderIssueType(store: Store, type: IssueTypeDef): Json {
  return {
    self: store.url(`/rest/api/3/issuetype/${type.id}`),
    id: type.id,
    description: type.description,
    iconUrl: store.url(`/rest/api/2/universal_avatar/view/type/issuetype/avatar/${type.avatarId}?size=medium`),
    name: type.name,
    subtask: type.hierarchyLevel < 0,
    avatarId: type.avatarId,
    hierarchyLevel: type.hierarchyLevel,
  };
}

/** The project as nested in an issue (`fields.project`). */
export function renderProjectRef(store: Store, project: ProjectRecord): Json {
  return {
    self: store.url(`/rest/api/3/project/${project.id}`),
    id: project.id,
    key: project.key,
    name: project.name,
    projectTypeKey: 'software',
    simplified: false,
    avatarUrls: avatarUrls(store.url(`/secure/projectavatar/${project.id}`)),
  };
}

/** `GET /rest/api/3/project/{projectIdOrKey}`. */
export function renderProject(store: Store, project: ProjectRecord): Json {
  const lead = store.user(project.leadAccountId);
  return {
    expand: 'description,lead,issueTypes,url,projectKeys,permissions,insight',
    self: store.url(`/rest/api/3/project/${project.id}`),
    id: project.id,
    key: project.key,
    description: project.description,
    ...(lead ? { lead: renderUserRef(store, lead.accountId) } : {}),
    components: [],
    issueTypes: store.projectIssueTypes(project).map((t) => renderIssueType(store, t)),
    assigneeType: 'UNASSIGNED',
    versions: [],
    name: project.name,
    roles: {},
    avatarUrls: avatarUrls(store.url(`/secure/projectavatar/${project.id}`)),
    projectTypeKey: 'software',
    simplified: false,
    style: 'classic',
    isPrivate: false,
    properties: {},
  };
}

export function renderPriority(store: Store, id: string): Json {
  const p = PRIORITIES.find((x) => x.id === id) ?? PRIORITIES[2];
  return { self: store.url(`/rest/api/3/priority/${p.id}`), iconUrl: store.url(`/images/icons/priorities/${p.name.toLowerCase()}.svg`), name: p.name, id: p.id };
}

export function renderResolution(store: Store, id: string | null): Json | null {
  if (!id) return null;
  const r = RESOLUTIONS.find((x) => x.id === id);
  if (!r) return null;
  return { self: store.url(`/rest/api/3/resolution/${r.id}`), id: r.id, description: r.description, name: r.name };
}

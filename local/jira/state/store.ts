/**
 * Lookups over the state that every route needs: projects, issues, types, statuses, users, fields,
 * permissions. Holds the state by reference, so a reset swaps it in one place.
 */
import { ISSUE_TYPES, STATUSES, USERS } from './catalog';
import type { CustomFieldRecord, IndexedPropertyPath, IssueRecord, IssueTypeDef, JiraState, ProjectRecord, StatusDef, UserDef } from './model';

export interface StoreConfig {
  appId: string;
  envId: string;
  baseUrl: string;
  indexedProperties: IndexedPropertyPath[];
  now: () => Date;
}

/** Jira's timestamp format: `2024-05-01T10:00:00.000+0000`. */
export function jiraTime(d: Date): string {
  return d.toISOString().replace('Z', '+0000');
}

export class Store {
  private issuesById = new Map<string, IssueRecord>();
  private issuesByKey = new Map<string, IssueRecord>();

  constructor(
    public state: JiraState,
    readonly config: StoreConfig,
  ) {
    this.reindex();
  }

  replace(state: JiraState): void {
    this.state = state;
    this.reindex();
  }

  private reindex(): void {
    this.issuesById.clear();
    this.issuesByKey.clear();
    for (const issue of this.state.issues) this.indexIssue(issue);
    for (const [oldKey, id] of Object.entries(this.state.movedKeys ?? {})) {
      const issue = this.issuesById.get(id);
      if (issue && !this.issuesByKey.has(oldKey)) this.issuesByKey.set(oldKey, issue);
    }
  }

  indexIssue(issue: IssueRecord): void {
    this.issuesById.set(issue.id, issue);
    this.issuesByKey.set(issue.key, issue);
  }

  nowString(): string {
    return jiraTime(this.config.now());
  }

  // Projects ---------------------------------------------------------------------------------
  project(idOrKey: string): ProjectRecord | undefined {
    const upper = idOrKey.toUpperCase();
    return this.state.projects.find((p) => p.id === idOrKey || p.key === upper);
  }

  projectById(id: string): ProjectRecord {
    const p = this.state.projects.find((x) => x.id === id);
    if (!p) throw new Error(`Emulator state is inconsistent: project ${id} is missing.`);
    return p;
  }

  // Issues -----------------------------------------------------------------------------------
  issue(idOrKey: string): IssueRecord | undefined {
    return /^\d+$/.test(idOrKey) ? this.issuesById.get(idOrKey) : this.issuesByKey.get(idOrKey.toUpperCase());
  }

  issueById(id: string): IssueRecord | undefined {
    return this.issuesById.get(id);
  }

  children(issue: IssueRecord): IssueRecord[] {
    return this.state.issues.filter((i) => i.parentId === issue.id);
  }

  // Catalog ----------------------------------------------------------------------------------
  issueType(id: string): IssueTypeDef {
    const t = ISSUE_TYPES.find((x) => x.id === id);
    if (!t) throw new Error(`Emulator state is inconsistent: issue type ${id} is missing.`);
    return t;
  }

  projectIssueTypes(project: ProjectRecord): IssueTypeDef[] {
    return project.issueTypeIds.map((id) => this.issueType(id));
  }

  status(id: string): StatusDef {
    const s = STATUSES.find((x) => x.id === id);
    if (!s) throw new Error(`Emulator state is inconsistent: status ${id} is missing.`);
    return s;
  }

  user(accountId: string): UserDef | undefined {
    return USERS.find((u) => u.accountId === accountId);
  }

  // Fields -----------------------------------------------------------------------------------
  customField(idOrKey: string): CustomFieldRecord | undefined {
    return this.state.customFields.find((f) => f.id === idOrKey || f.moduleKey === idOrKey);
  }

  customFieldAri(field: CustomFieldRecord): string {
    return `ari:cloud:ecosystem::extension/${this.config.appId}/${this.config.envId}/static/${field.moduleKey}`;
  }

  url(pathUnderBase: string): string {
    return `${this.config.baseUrl}${pathUnderBase}`;
  }

  // Permissions ------------------------------------------------------------------------------
  /**
   * The user's grants in the project: a per-project grant a test set (`state.projectGrants`) wins,
   * else the user's default `projectPermissions` (the seed has one permission scheme). Without a
   * project, only the defaults count.
   */
  projectPermissions(user: UserDef, project?: ProjectRecord): readonly string[] {
    const grants = project ? this.state.projectGrants?.[user.accountId] : undefined;
    const own = grants && project && Object.hasOwn(grants, project.key) ? grants[project.key] : undefined;
    return own ?? user.projectPermissions;
  }

  can(user: UserDef, permission: string, project?: ProjectRecord): boolean {
    return this.projectPermissions(user, project).includes(permission);
  }

  canGlobal(user: UserDef, permission: string): boolean {
    return user.globalPermissions.includes(permission);
  }

  canBrowse(user: UserDef, project: ProjectRecord): boolean {
    return this.can(user, 'BROWSE_PROJECTS', project);
  }

  /** The issue, if it exists and the user may see it; Jira answers both cases with the same 404. */
  visibleIssue(user: UserDef, idOrKey: string): IssueRecord | undefined {
    const issue = this.issue(idOrKey);
    if (!issue) return undefined;
    return this.canSeeIssue(user, issue) ? issue : undefined;
  }

  /** Browse projects on the issue's project, and inside its security level (when it has one). */
  canSeeIssue(user: UserDef, issue: IssueRecord): boolean {
    return this.canBrowse(user, this.projectById(issue.projectId)) && !(issue.hiddenFrom ?? []).includes(user.accountId);
  }
}

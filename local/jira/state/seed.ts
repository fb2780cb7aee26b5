/**
 * The seed the emulator starts from (and `reset()` returns to): project MSP and the app's custom
 * fields. Also how tests add further projects, e.g. one without an Epic type.
 */
import { DEFAULT_ISSUE_TYPE_NAMES, ISSUE_TYPES } from './catalog';
import type { CustomFieldRecord, JiraState, ProjectRecord } from './model';
import type { CustomFieldModule } from './manifest';
import type { ProjectSpec } from '../types';

export type { ProjectSpec };

/** Jira sites already hold a few dozen custom fields; the app's fields come after them. */
const FIRST_CUSTOM_FIELD_NUMBER = 10050;

export class SeedError extends Error {
  override name = 'SeedError';
}

/**
 * Installs the manifest's custom fields, keeping the id a field already had (so ids survive a
 * restart with a state file and a manifest that gained a field) and numbering new ones after the
 * highest id in use.
 */
export function installCustomFields(modules: CustomFieldModule[], existing: CustomFieldRecord[]): CustomFieldRecord[] {
  let next = Math.max(FIRST_CUSTOM_FIELD_NUMBER - 1, ...existing.map((f) => f.numericId)) + 1;
  return modules.map((m) => {
    const known = existing.find((f) => f.moduleKey === m.key);
    const numericId = known ? known.numericId : next++;
    return {
      id: `customfield_${numericId}`,
      numericId,
      moduleKey: m.key,
      name: m.name,
      description: m.description,
      type: m.type,
      collection: m.collection,
      readOnly: m.readOnly,
      ...(m.schema ? { schema: m.schema } : {}),
    };
  });
}

export function addProject(state: JiraState, spec: ProjectSpec): ProjectRecord {
  const key = spec.key.trim().toUpperCase();
  if (!/^[A-Z][A-Z0-9_]{1,9}$/.test(key)) {
    throw new SeedError(`Project key '${spec.key}' is invalid: use 2-10 capital letters or digits, starting with a letter.`);
  }
  if (state.projects.some((p) => p.key === key)) throw new SeedError(`A project with key '${key}' already exists.`);
  const names = spec.issueTypes ?? [...DEFAULT_ISSUE_TYPE_NAMES];
  const issueTypeIds = names.map((name) => {
    const type = ISSUE_TYPES.find((t) => t.name.toLowerCase() === name.toLowerCase());
    if (!type) throw new SeedError(`Unknown issue type '${name}': choose from ${ISSUE_TYPES.map((t) => t.name).join(', ')}.`);
    return type.id;
  });
  const project: ProjectRecord = {
    id: String(state.nextProjectId++),
    key,
    name: spec.name ?? key,
    description: '',
    leadAccountId: spec.leadAccountId ?? 'admin',
    issueTypeIds,
    nextIssueNumber: 1,
  };
  state.projects.push(project);
  return project;
}

export function seedState(customFieldModules: CustomFieldModule[], keepFields: CustomFieldRecord[] = []): JiraState {
  const state: JiraState = {
    version: 1,
    projects: [],
    issues: [],
    customFields: installCustomFields(customFieldModules, keepFields),
    nextIssueId: 10000,
    nextProjectId: 10000,
    nextChangelogId: 10000,
  };
  addProject(state, { key: 'MSP', name: 'MSP Audit' });
  state.projects[0]!.description = 'Audit readiness for the managed service provider programme.';
  return state;
}

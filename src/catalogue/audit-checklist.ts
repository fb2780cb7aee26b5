/** Which checklist an audit-day action works on: the one named or imported last, which the project must hold. */
import { NotFoundError } from '../../common/errors';
import type { ChecklistDefinition } from '../domain/types';
import { lastChecklist, projectChecklists } from '../storage/project-state';
import { findChecklistHeader, requireChecklist, UnknownChecklistError, type ChecklistHeader } from './index';

/** The project has no checklist to work on; the message says what to do. */
export class NoAuditChecklistError extends NotFoundError {}

/** The checklist named, or the one imported last; refuses a project that holds none. */
export async function auditChecklist(projectKey: string, checklistId: string | undefined): Promise<ChecklistDefinition> {
  const id = checklistId ?? (await lastChecklist(projectKey));
  if (id === undefined) {
    throw new NoAuditChecklistError(`Project ${projectKey} has no audit checklist yet: import one from the Audit page first.`);
  }
  return requireChecklist(id);
}

/** As auditChecklist, without the items (one small read for a custom checklist). */
export async function auditChecklistHeader(projectKey: string, checklistId: string | undefined): Promise<ChecklistHeader> {
  const id = checklistId ?? (await lastChecklist(projectKey));
  if (id === undefined) {
    throw new NoAuditChecklistError(`Project ${projectKey} has no audit checklist yet: import one from the Audit page first.`);
  }
  const header = await findChecklistHeader(id);
  if (!header) throw new UnknownChecklistError(id);
  return header;
}

/**
 * The checklist, which must be imported in the project: reviews and waivers of a checklist the
 * project does not hold would score nothing and confuse the next import.
 */
export async function importedChecklist(projectKey: string, checklistId: string): Promise<ChecklistDefinition> {
  const def = await requireChecklist(checklistId);
  if (!(await projectChecklists(projectKey)).includes(def.id)) {
    throw new NoAuditChecklistError(`${def.name} ${def.version} is not imported in project ${projectKey}: import it from the Audit page first.`);
  }
  return def;
}

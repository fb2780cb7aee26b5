/**
 * `listProjectChecklists {}` → ProjectChecklist[] (common/project-checklists.ts): the checklists
 * the project holds, so the Audit page can switch between them. The project comes from the
 * invocation context; the caller needs Browse projects in it (checked as the user). A checklist
 * the catalogue no longer has (a deleted custom one) is left out: it could not be scored.
 */
import type Resolver from '@forge/resolver';
import { z } from 'zod';
import type { ProjectChecklist } from '../../common/project-checklists';
import { findChecklist } from '../catalogue';
import { lastChecklist, projectChecklists } from '../storage/project-state';
import { requireProjectPermissions } from './access';
import { parsePayload, projectCaller } from './context';
import { jiraClientFor } from './jira';
import { logged } from './logged';

const payloadSchema = z.object({});

export function defineProjectChecklistResolvers(resolver: Resolver): void {
  resolver.define(
    'listProjectChecklists',
    logged('listProjectChecklists', async ({ payload, context }): Promise<ProjectChecklist[]> => {
      const caller = projectCaller(context);
      parsePayload(payloadSchema, payload, 'listProjectChecklists');
      await requireProjectPermissions(jiraClientFor('resolver'), caller, ['BROWSE_PROJECTS'], 'see its audit checklists');
      const [ids, last] = await Promise.all([projectChecklists(caller.projectKey), lastChecklist(caller.projectKey)]);
      const found = await Promise.all(ids.map(async (id) => ({ id, def: await findChecklist(id) })));
      return found.flatMap(({ id, def }) => (def ? [{ id, name: def.name, version: def.version, last: id === last }] : []));
    }),
  );
}

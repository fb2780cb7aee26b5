/**
 * `listProjectChecklists {}` → ProjectChecklist[] (common/project-checklists.ts): the checklists
 * the project holds, so the Audit page can switch between them. The project comes from the
 * invocation context; the caller needs Browse projects in it (checked as the user). A checklist
 * the catalogue no longer has (a deleted custom one) is left out: it could not be scored. A
 * checklist a version update moved away from is marked `retired` (when, by which version, its last
 * score before the move).
 */
import type Resolver from '@forge/resolver';
import { z } from 'zod';
import type { ProjectChecklist } from '../../common/project-checklists';
import { findChecklist } from '../catalogue';
import { lastChecklist, projectChecklists } from '../storage/project-state';
import { readRetiredChecklists } from '../platform/retired-checklists';
import { requireProjectPermissions } from '../platform/access';
import { parsePayload, projectCaller } from '../platform/context';
import { jiraClientFor } from '../platform/jira';
import { logged } from '../platform/logged';

const payloadSchema = z.object({});

export function defineProjectChecklistResolvers(resolver: Resolver): void {
  resolver.define(
    'listProjectChecklists',
    logged('listProjectChecklists', async ({ payload, context }): Promise<ProjectChecklist[]> => {
      const caller = projectCaller(context);
      parsePayload(payloadSchema, payload, 'listProjectChecklists');
      await requireProjectPermissions(jiraClientFor('resolver'), caller, ['BROWSE_PROJECTS'], 'see its audit checklists');
      const [ids, last, retired] = await Promise.all([projectChecklists(caller.projectKey), lastChecklist(caller.projectKey), readRetiredChecklists(caller.projectKey)]);
      const found = await Promise.all(ids.map(async (id) => ({ id, def: await findChecklist(id) })));
      const listed = await Promise.all(
        found.map(async ({ id, def }): Promise<ProjectChecklist | undefined> => {
          if (!def) return undefined;
          const entry: ProjectChecklist = { id, name: def.name, version: def.version, last: id === last };
          const record = retired[id];
          if (record?.at === undefined || id === last) return entry;
          const next = await findChecklist(record.replacedBy);
          const { at, replacedBy, lastScore } = record;
          return { ...entry, retired: { at, replacedBy, replacedByVersion: next?.version ?? replacedBy, ...(lastScore ? { lastScore } : {}) } };
        }),
      );
      return listed.filter((entry): entry is ProjectChecklist => entry !== undefined);
    }),
  );
}

/**
 * Resolvers for the site's crosswalk between checklists (common/crosswalk.ts):
 *
 *   previewCrosswalk { rows }                          → CrosswalkPreview (counts and every row's problems)
 *   saveCrosswalk { rows, fileName, basedOn? }         → SaveCrosswalkResult
 *   getItemCrosswalk {} (on an issue)                  → ItemCrosswalk (the item's mappings both ways; the issue read as the user)
 *   getCrosswalkSettings {}                            → CrosswalkSettings (the context project's)
 *   setCrosswalkSettings { countsInStrictMode }        → CrosswalkSettings (Administer Projects, as the user)
 *
 * The crosswalk applies to every project of the site, so saving one is a site administrator's act:
 * the caller needs Jira's global Administer Jira permission, checked as the user before anything is
 * written. A preview writes nothing and needs only a signed-in user in a project.
 */
import type Resolver from '@forge/resolver';
import { z } from 'zod';
import type { CrosswalkPreview, CrosswalkSettings, ItemCrosswalk, SaveCrosswalkResult } from '../../common/crosswalk';
import { AccessDeniedError } from '../../common/errors';
import { itemCrosswalk } from '../crosswalk/item';
import { readCrosswalkSettings, setCrosswalkSettings } from '../crosswalk/settings';
import { previewCrosswalk, saveCrosswalkRows } from '../crosswalk/upload';
import { requireProjectPermissions } from './access';
import { JiraHttp } from '../jira/http';
import { getMyGlobalPermissions } from '../jira/permissions';
import { createEvidenceJira } from '../jira/evidence-issue';
import { issueCaller } from '../evidence/context';
import { parsePayload, projectCaller } from './context';
import { jiraClientFor, jiraHttpOptionsFor } from './jira';
import { logged } from './logged';

const cell = z.string().max(1000).optional();
/** Past the crosswalk's own limit on purpose, so a file one row too long gets the domain's clear message. */
const rowsSchema = z.array(z.object({ fromChecklist: cell, fromItem: cell, toChecklist: cell, toItem: cell, coverage: cell, note: cell })).max(25_000);
const payloads = {
  previewCrosswalk: z.object({ rows: rowsSchema }),
  setCrosswalkSettings: z.object({ countsInStrictMode: z.boolean() }),
  saveCrosswalk: z.object({ rows: rowsSchema, fileName: z.string().min(1).max(255), basedOn: z.string().max(100).nullable().optional() }),
};

async function requireSiteAdministrator(): Promise<void> {
  const grants = await getMyGlobalPermissions(new JiraHttp(jiraHttpOptionsFor('resolver')), { permissions: ['ADMINISTER'] });
  if (grants.ADMINISTER === true) return;
  throw new AccessDeniedError(
    "You need Jira's global Administer Jira permission to save the crosswalk: it applies to every project of the site. Ask a Jira administrator to upload it.",
  );
}

export function defineCrosswalkResolvers(resolver: Resolver): void {
  resolver.define(
    'previewCrosswalk',
    logged('previewCrosswalk', async ({ payload, context }): Promise<CrosswalkPreview> => {
      projectCaller(context);
      const { rows } = parsePayload(payloads.previewCrosswalk, payload, 'previewCrosswalk');
      return previewCrosswalk(rows);
    }),
  );
  resolver.define(
    'saveCrosswalk',
    logged('saveCrosswalk', async ({ payload, context }): Promise<SaveCrosswalkResult> => {
      const caller = projectCaller(context);
      const { rows, fileName, basedOn } = parsePayload(payloads.saveCrosswalk, payload, 'saveCrosswalk');
      await requireSiteAdministrator();
      return saveCrosswalkRows(rows, { fileName, accountId: caller.accountId, basedOn });
    }),
  );
  resolver.define(
    'getCrosswalkSettings',
    logged('getCrosswalkSettings', async ({ context }): Promise<CrosswalkSettings> => {
      const caller = projectCaller(context);
      await requireProjectPermissions(jiraClientFor('resolver'), caller, ['BROWSE_PROJECTS'], 'see its audit settings');
      return readCrosswalkSettings(caller.projectKey);
    }),
  );
  resolver.define(
    'setCrosswalkSettings',
    logged('setCrosswalkSettings', async ({ payload, context }): Promise<CrosswalkSettings> => {
      const caller = projectCaller(context);
      const next = parsePayload(payloads.setCrosswalkSettings, payload, 'setCrosswalkSettings');
      return setCrosswalkSettings(jiraClientFor('resolver'), caller, next);
    }),
  );
  resolver.define(
    'getItemCrosswalk',
    logged('getItemCrosswalk', async ({ context }): Promise<ItemCrosswalk> => {
      const caller = issueCaller(context);
      return itemCrosswalk({ jira: jiraClientFor('resolver'), issues: createEvidenceJira(jiraHttpOptionsFor('resolver')), now: () => new Date() }, caller);
    }),
  );
}

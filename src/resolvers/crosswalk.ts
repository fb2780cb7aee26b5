/**
 * Resolvers for the site's crosswalk between checklists (common/api/crosswalk.ts). The crosswalk
 * applies to every project of the site, so saving one is a site administrator's act: the caller
 * needs Jira's global Administer Jira permission, checked as the user before anything is written.
 * A preview writes nothing and needs only a signed-in user in a project.
 */
import type { crosswalkApi } from '../../common/api/crosswalk';
import { AccessDeniedError } from '../../common/errors';
import { itemCrosswalk } from '../evidence/item-crosswalk';
import { linkItemCrosswalk } from '../evidence/item-link';
import { readCrosswalkSettings, setCrosswalkSettings } from '../crosswalk/settings';
import { previewCrosswalk, saveCrosswalkRows } from '../crosswalk/upload';
import { JiraHttp } from '../jira/http';
import { getMyGlobalPermissions } from '../jira/permissions';
import { evidenceJiraOf } from '../jira/evidence-issue';
import { requireProjectPermissions } from '../platform/access';
import { jiraClientFor, jiraHttpOptionsFor } from '../platform/jira';
import type { Handlers } from './define-all';

async function requireSiteAdministrator(): Promise<void> {
  const grants = await getMyGlobalPermissions(new JiraHttp(jiraHttpOptionsFor('resolver')), { permissions: ['ADMINISTER'] });
  if (grants.ADMINISTER === true) return;
  throw new AccessDeniedError(
    "You need Jira's global Administer Jira permission to save the crosswalk: it applies to every project of the site. Ask a Jira administrator to upload it.",
  );
}

export const crosswalkHandlers: Handlers<typeof crosswalkApi> = {
  previewCrosswalk: async ({ rows }) => previewCrosswalk(rows),
  saveCrosswalk: async ({ rows, fileName, basedOn }, caller) => {
    await requireSiteAdministrator();
    return saveCrosswalkRows(rows, { fileName, accountId: caller.accountId, basedOn });
  },
  getCrosswalkSettings: async (_payload, caller) => {
    await requireProjectPermissions(jiraClientFor('resolver'), caller, ['BROWSE_PROJECTS'], 'see its audit settings');
    return readCrosswalkSettings(caller.projectKey);
  },
  setCrosswalkSettings: (next, caller) => setCrosswalkSettings(jiraClientFor('resolver'), caller, next),
  getItemCrosswalk: (_payload, caller) => {
    const jira = jiraClientFor('resolver');
    return itemCrosswalk({ jira, issues: evidenceJiraOf(jira), now: () => new Date() }, caller);
  },
  linkItemCrosswalk: (payload, caller) => {
    const jira = jiraClientFor('resolver');
    return linkItemCrosswalk({ jira, issues: evidenceJiraOf(jira), now: () => new Date() }, caller, payload);
  },
};

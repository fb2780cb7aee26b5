/**
 * Resolvers for the site's crosswalk between checklists (common/api/crosswalk.ts). The crosswalk
 * applies to every project of the site, so saving one is a site administrator's act: the caller
 * needs Jira's global Administer Jira permission, checked as the user before anything is written.
 * A preview writes nothing and needs only a signed-in user in a project.
 */
import type { crosswalkApi } from '../../common/api/crosswalk';
import type { CrosswalkRowPayload } from '../../common/crosswalk';
import { AccessDeniedError, BadRequestError } from '../../common/errors';
import { itemCrosswalk } from '../evidence/item-crosswalk';
import { linkItemCrosswalk } from '../evidence/item-link';
import { readCrosswalkSettings, setCrosswalkSettings } from '../crosswalk/settings';
import { appendCrosswalkRows, beginCrosswalkUpload } from '../crosswalk/staging';
import { previewCrosswalk, previewStagedCrosswalk, saveCrosswalkRows, saveStagedCrosswalk } from '../crosswalk/upload';
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

/** Exactly one of `rows` and `uploadId`. */
function rowsOrUpload(payload: { rows?: CrosswalkRowPayload[] | undefined; uploadId?: string | undefined }): { rows: CrosswalkRowPayload[] } | { uploadId: string } {
  if (payload.rows !== undefined && payload.uploadId === undefined) return { rows: payload.rows };
  if (payload.uploadId !== undefined && payload.rows === undefined) return { uploadId: payload.uploadId };
  throw new BadRequestError('Send the rows, or the uploadId of a crosswalk staged in parts (beginCrosswalkUpload), not both and not neither.');
}

export const crosswalkHandlers: Handlers<typeof crosswalkApi> = {
  previewCrosswalk: async (payload, caller) => {
    const ref = rowsOrUpload(payload);
    return 'rows' in ref ? previewCrosswalk(ref.rows) : previewStagedCrosswalk(caller.accountId, ref.uploadId);
  },
  saveCrosswalk: async ({ fileName, basedOn, ...payload }, caller) => {
    const ref = rowsOrUpload(payload);
    await requireSiteAdministrator();
    const { accountId, projectKey } = caller;
    return 'rows' in ref ? saveCrosswalkRows(ref.rows, { fileName, accountId, projectKey, basedOn }) : saveStagedCrosswalk(accountId, ref.uploadId, { fileName, projectKey, basedOn });
  },
  beginCrosswalkUpload: async (payload, caller) => {
    await requireSiteAdministrator();
    return beginCrosswalkUpload(caller.accountId, payload);
  },
  appendCrosswalkRows: (payload, caller) => appendCrosswalkRows(caller.accountId, payload),
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

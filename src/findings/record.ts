/**
 * `recordFinding`: the audit lead records what the auditor found on a checklist item. The finding
 * becomes a Jira issue tied to the item's issue (a sub-task of it where the project has a sub-task
 * type, else a standard issue with an issue link), labelled `msp-finding`, due 10 business days
 * after the validation date for AWS checklists, and goes on the decision trail (`finding.record`).
 *
 * - Refused before anything is written: text that breaks the free-text rule, an item that is not a
 *   checklist item of the app's item map, a caller without Edit issues on the item's issue.
 * - Exactly once: the finding (its id is the idempotency key: the form's `requestId`) is stored as
 *   `pending` before the create, with the project's newest key number. A create answered 5xx is
 *   not resent blind: the keys after that number are read back (bulkfetch, no index lag) for an
 *   issue carrying the finding id; only when none exists is it created again. A repeated request
 *   with the same id answers the finding already recorded.
 */
import { randomUUID } from 'node:crypto';
import { BadRequestError, LimitError, NotFoundError } from '../../common/errors';
import type { RecordFindingPayload, RecordFindingResult } from '../../common/contract-findings';
import { importedChecklist, auditChecklist } from '../catalogue/audit-checklist';
import { checkFindingText, findingDueDate, findingIssueSummary, FindingInputError, FINDING_LABEL, MAX_FINDINGS } from '../domain/findings';
import { isAwsChecklist } from '../domain/plan';
import type { ChecklistDefinition } from '../domain/types';
import { JiraAmbiguousWriteError, JiraNotFoundError, type JiraClient, type JiraIssueTypeMeta } from '../jira';
import { doc, paragraph, text } from '../jira/adf';
import { FINDING_PROPERTY, getIssueLinkTypes, latestKeyNumber, myIssuePermissions } from '../jira/findings';
import type { JiraHttp } from '../jira/http';
import { chooseIssueTypes } from '../jira/issue-types';
import { checklistMap } from '../item-map/model';
import { openItemMap } from '../item-map/ensure';
import { readPlan } from '../platform/plan-store';
import { AccessDeniedError } from '../platform/access';
import type { ProjectCaller } from '../platform/context';
import { recordDecision } from '../trail/record';
import { findFindingIssue } from './recover';
import { findingsView } from './list';
import { readFindings, saveFinding, withFindingsLock, type StoredFinding } from './store';

type Clock = () => number;

/** Creates tried per recording: a create whose 5xx answer hid no issue is sent again, this often. */
const CREATE_ATTEMPTS = 3;
/** The link type a finding prefers, else the site's first. */
const PREFERRED_LINK = 'Relates';

export async function recordFinding(jira: JiraClient, http: JiraHttp, caller: ProjectCaller, args: RecordFindingPayload, now: Clock = Date.now): Promise<RecordFindingResult> {
  let words: { summary: string; detail?: string };
  try {
    words = checkFindingText(args);
  } catch (error) {
    if (error instanceof FindingInputError) throw new BadRequestError(error.message);
    throw error;
  }
  const def = args.checklistId !== undefined ? await importedChecklist(caller.projectKey, args.checklistId) : await auditChecklist(caller.projectKey, undefined);
  const item = def.items.find((candidate) => candidate.id === args.itemId);
  const mapped = item ? checklistMap(await openItemMap(jira, caller.projectKey, def.framework), def.id).items.get(item.id) : undefined;
  if (!item || !mapped || mapped.state !== 'active') {
    throw new BadRequestError(`${args.itemId} is not an item of ${def.name} ${def.version} with an issue the app made in project ${caller.projectKey}: record the finding on one of the checklist's items; nothing was recorded.`);
  }
  await requireEditOn(http, caller, mapped.key, 'record a finding on it');

  const id = args.requestId ?? randomUUID();
  const outcome = await withFindingsLock(caller.projectKey, def.id, async () => {
    const existing = (await readFindings(caller.projectKey, def.id)).find((finding) => finding.id === id);
    if (existing && existing.itemId !== item.id) throw new BadRequestError(`This request id was already used for a finding on ${existing.itemId}; send a new one.`);
    if (existing?.state === 'created') return { finding: await ensureTrailed(caller, def, existing, now), created: false };
    let finding = existing;
    const fresh = finding === undefined;
    if (!finding) {
      if ((await readFindings(caller.projectKey, def.id)).length >= MAX_FINDINGS) {
        throw new LimitError(`${def.name} ${def.version} already has ${MAX_FINDINGS} findings in project ${caller.projectKey}, the most the app keeps; nothing was recorded.`);
      }
      const plan = await readPlan(caller.projectKey, def.id);
      const dueDate = findingDueDate({ aws: isAwsChecklist(def), ...(plan ? { validationDate: plan.validationDate } : {}) });
      finding = {
        id,
        itemId: item.id,
        itemIssueKey: mapped.key,
        ...words,
        ...(dueDate !== undefined ? { dueDate } : {}),
        state: 'pending',
        afterKeyNumber: await latestKeyNumber(http, caller.projectKey),
        recordedBy: caller.accountId,
        recordedAt: new Date(now()).toISOString(),
      };
      // The idempotency key is stored before the create: a lost answer is found again, never made twice.
      await saveFinding(caller.projectKey, def.id, finding);
    }
    const made = await createOnce(jira, http, caller.projectKey, def, finding, fresh);
    const created: StoredFinding = { ...finding, ...made, state: 'created' };
    await saveFinding(caller.projectKey, def.id, created);
    console.info(`[findings] ${caller.projectKey}/${def.id}: finding ${created.id} on ${created.itemId} is ${created.issueKey} (${created.tie})`);
    return { finding: await ensureTrailed(caller, def, created, now), created: true };
  });
  const list = await findingsView(jira, http, caller, def, true, now);
  const view = list.findings.find((finding) => finding.id === outcome.finding.id);
  if (!view) throw new NotFoundError(`The finding was recorded as ${outcome.finding.issueKey ?? 'an issue'}, but you cannot see that issue.`);
  return { finding: view, created: outcome.created, list };
}

async function requireEditOn(http: JiraHttp, caller: ProjectCaller, issueKey: string, action: string): Promise<void> {
  let grants: Partial<Record<string, boolean>>;
  try {
    grants = await myIssuePermissions(http, issueKey, ['BROWSE_PROJECTS', 'EDIT_ISSUES']);
  } catch (error) {
    if (error instanceof JiraNotFoundError) throw new AccessDeniedError(`You cannot see issue ${issueKey}, so you cannot ${action}. Ask a Jira admin of project ${caller.projectKey} for access.`);
    throw error;
  }
  if (grants.BROWSE_PROJECTS !== true || grants.EDIT_ISSUES !== true) {
    throw new AccessDeniedError(`You need the Edit issues permission on ${issueKey} to ${action}. Ask a Jira admin of project ${caller.projectKey} to grant it; nothing was recorded.`);
  }
}

/** Finds the finding's issue from an earlier lost answer, else creates it (and links it). */
async function createOnce(jira: JiraClient, http: JiraHttp, projectKey: string, def: ChecklistDefinition, finding: StoredFinding, fresh: boolean): Promise<Pick<StoredFinding, 'issueKey' | 'issueId' | 'tie'>> {
  const types = await jira.getCreateMetaIssueTypes({ projectKey, as: 'app' });
  const subtask = types.find((type) => type.subtask === true);
  const standard = chooseIssueTypes(types).item;
  if (!subtask && !standard) throw new BadRequestError(`Project ${projectKey} offers no issue type the app can create a finding with (a sub-task or a standard type); nothing was created.`);
  const tie = subtask ? 'sub-task' : 'link';
  for (let attempt = 1; ; attempt++) {
    // A finding stored just now has no earlier create to find; one stored before (a lost answer) may.
    const found = fresh && attempt === 1 ? undefined : await findFindingIssue(jira, projectKey, finding);
    if (found) return { issueKey: found.key, issueId: found.id, tie: await tied(jira, http, finding, found.key, tie) };
    try {
      const [result] = await jira.bulkCreateIssues({ issues: [createInput(projectKey, def, finding, (subtask ?? standard) as JiraIssueTypeMeta, tie)] });
      if (!result || !result.ok) {
        const why = result && !result.ok ? [...result.errorMessages, ...Object.entries(result.errors).map(([field, message]) => `${field}: ${message}`)].join('; ') : 'no answer';
        throw new BadRequestError(`Jira refused the finding's issue (${why}); nothing was created. Fix that in the project (or ask its admin), then record the finding again.`);
      }
      return { issueKey: result.key, issueId: result.id, tie: await tied(jira, http, finding, result.key, tie) };
    } catch (error) {
      // The create may have happened: read back before trying again.
      if (error instanceof JiraAmbiguousWriteError && attempt < CREATE_ATTEMPTS) continue;
      throw error;
    }
  }
}

function createInput(projectKey: string, def: ChecklistDefinition, finding: StoredFinding, type: JiraIssueTypeMeta, tie: 'sub-task' | 'link') {
  const lines = [
    paragraph(text(finding.detail ?? finding.summary)),
    paragraph(text(`Finding of the validation audit on ${finding.itemId} (${def.name} ${def.version}), recorded in MSP Audit Ready.`)),
    ...(finding.dueDate ? [paragraph(text(`Due ${finding.dueDate}: AWS asks for the audit's action items to be closed within 10 business days after the validation date.`))] : []),
  ];
  return {
    fields: {
      project: { key: projectKey },
      issuetype: { id: type.id },
      summary: findingIssueSummary(finding.itemId, finding.summary),
      description: doc(...lines),
      labels: [FINDING_LABEL],
      ...(finding.dueDate ? { duedate: finding.dueDate } : {}),
      ...(tie === 'sub-task' ? { parent: { key: finding.itemIssueKey } } : {}),
    },
    properties: [{ key: FINDING_PROPERTY, value: { findingId: finding.id, checklistId: def.id, itemId: finding.itemId } }],
  };
}

/** A sub-task is tied by its parent; a standard issue gets a link (Jira answers a repeated link as created). */
async function tied(jira: JiraClient, http: JiraHttp, finding: StoredFinding, issueKey: string, tie: 'sub-task' | 'link'): Promise<'sub-task' | 'link' | 'none'> {
  if (tie === 'sub-task') return tie;
  const types = await getIssueLinkTypes(http);
  const type = types.find((candidate) => candidate.name === PREFERRED_LINK) ?? types[0];
  if (!type) {
    console.warn(`[findings] ${issueKey}: the site has no issue link type; the finding is not linked to ${finding.itemIssueKey}`);
    return 'none';
  }
  await jira.createIssueLink({ typeName: type.name, inwardKey: finding.itemIssueKey, outwardKey: issueKey, as: 'app' });
  return 'link';
}

async function ensureTrailed(caller: ProjectCaller, def: ChecklistDefinition, finding: StoredFinding, now: Clock): Promise<StoredFinding> {
  if (finding.trailed === true) return finding;
  await recordDecision({
    projectKey: caller.projectKey,
    actor: finding.recordedBy,
    action: 'finding.record',
    checklistId: def.id,
    itemId: finding.itemId,
    issueKey: finding.itemIssueKey,
    before: null,
    after: { finding: finding.issueKey ?? null, summary: finding.summary, due: finding.dueDate ?? null },
    at: new Date(now()),
  });
  const trailed: StoredFinding = { ...finding, trailed: true };
  await saveFinding(caller.projectKey, def.id, trailed);
  return trailed;
}


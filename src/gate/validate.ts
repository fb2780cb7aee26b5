/**
 * The Done gate (issue 23), as the `jira:workflowValidator` function: Jira calls it on every
 * transition the validator was added to, with `{ issue: { key }, configuration, transition: { from,
 * to } }`, and expects `{ result, errorMessage? }`.
 *
 * It answers from what the app keeps: the item map, checklist, waivers and settings from KVS; from
 * Jira, at most two reads (the issue's evidence field and identity; the target status's category),
 * made together. Issues that are not items of the map pass without any Jira call, as do items the
 * configuration does not cover. When anything cannot be read the transition is refused with why
 * and how to retry: a silent pass would let an item reach Done unchecked.
 */
import { readWaivers } from '../platform/records';
import { doneGate, readGateConfig, type DoneGateConfig } from '../domain/done-gate';
import { evidenceFieldId } from '../platform/evidence-field-id';
import { readProjectSettings } from '../platform/settings';
import { assessmentInForce, readVerdict } from '../domain/verdict-reading';
import { ITEM_PROPERTY, readIdentity } from '../jira/identity';
import { createGateJira, type GateJira } from '../jira/gate-issue';
import { locateItem, projectKeyOf } from './locate';

export interface ValidatorResult {
  result: boolean;
  errorMessage?: string;
}

export interface GateDeps {
  jira: GateJira;
  now: () => Date;
}

const RETRY = 'Nothing was changed: try the transition again in a minute. If it keeps failing, ask a Jira admin to look at the MSP Audit Ready logs.';

function refuse(errorMessage: string): ValidatorResult {
  return { result: false, errorMessage };
}

interface GateArgs {
  issueKey: string;
  toStatusId: string;
  config: DoneGateConfig;
}

function readArgs(args: unknown): GateArgs | ValidatorResult {
  const record = isRecord(args) ? args : {};
  const issueKey = isRecord(record.issue) && typeof record.issue.key === 'string' ? record.issue.key : undefined;
  const to = isRecord(record.transition) && isRecord(record.transition.to) ? record.transition.to.id : undefined;
  const toStatusId = typeof to === 'string' || typeof to === 'number' ? String(to) : undefined;
  if (!issueKey || !toStatusId) {
    return refuse(`MSP Audit Ready could not check this transition: Jira did not say which ${issueKey ? 'status it goes to' : 'issue it is'}. ${RETRY}`);
  }
  const config = readGateConfig(record.configuration);
  if (!config.ok) {
    return refuse(`The validator "Audit item: Done needs accepted evidence" on this transition is misconfigured. ${config.message} A Jira admin can fix it in the workflow editor.`);
  }
  return { issueKey, toStatusId, config: config.config };
}

/** The validator's answer for one transition. */
export async function validateDoneTransition(args: unknown, deps: GateDeps = { jira: createGateJira(), now: () => new Date() }): Promise<ValidatorResult> {
  const read = readArgs(args);
  if ('result' in read) return read;
  const { issueKey, toStatusId, config } = read;
  try {
    return await decide(issueKey, toStatusId, config, deps);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    console.warn(`[gate] ${issueKey}: could not check the transition: ${reason}`);
    return refuse(`MSP Audit Ready could not check ${issueKey}'s evidence, so it cannot move to Done yet (${reason}). ${RETRY}`);
  }
}

async function decide(issueKey: string, toStatusId: string, config: DoneGateConfig, deps: GateDeps): Promise<ValidatorResult> {
  const projectKey = projectKeyOf(issueKey);
  if (!projectKey) return refuse(`MSP Audit Ready could not check this transition: "${issueKey}" is not an issue key it knows how to read. ${RETRY}`);
  const located = await locateItem(projectKey, issueKey);
  if (located.kind === 'not-item') return { result: true };
  if (located.kind === 'item') {
    if (!located.def) return refuse(`${issueKey} is an item of checklist ${located.checklistId}, which MSP Audit Ready no longer has, so its evidence cannot be checked. Ask a project admin to sync the project to a current checklist version.`);
    const defItem = located.def.items.find((entry) => entry.id === located.itemId);
    if (!defItem) return refuse(`${issueKey} is item ${located.itemId}, which ${located.def.name} ${located.def.version} does not list, so its evidence cannot be checked. Ask a project admin to sync the project's checklist.`);
    if (config.scope === 'mandatory' && !defItem.mandatory) return { result: true };
  }

  const fieldId = await evidenceFieldId(deps.jira);
  if (!fieldId) return refuse(`MSP Audit Ready's evidence field is missing on this site, so ${issueKey}'s evidence cannot be checked. Ask a Jira admin to check that the app is installed, then retry.`);
  const [issue, category] = await Promise.all([deps.jira.getIssue(issueKey, [fieldId], [ITEM_PROPERTY]), deps.jira.statusCategory(toStatusId)]);
  if (category !== 'done') return { result: true };

  if (located.kind === 'unmapped') {
    // The map of the issue's framework was never built: its own identity says whether it is an item.
    const identity = readIdentity(issue.properties);
    if (identity?.kind !== 'item' || identity.state !== 'active') return { result: true };
    return refuse(`MSP Audit Ready has not yet listed the items of ${identity.framework} in project ${projectKey}, so ${issueKey}'s evidence cannot be checked. Open the project's Audit page once (it lists them), then try the transition again.`);
  }

  const def = located.def;
  const item = def?.items.find((entry) => entry.id === located.itemId);
  if (!def || !item) return refuse(`MSP Audit Ready could not read ${issueKey}'s checklist item. ${RETRY}`);
  const [settings, waivers] = await Promise.all([readProjectSettings(projectKey), readWaivers(projectKey, located.checklistId)]);
  const verdict = readVerdict(issue.fields[fieldId] ?? null);
  const decision = doneGate({
    def,
    item,
    evidence: verdict.evidence.entries,
    assessment: assessmentInForce(verdict),
    waivers,
    fourEyes: settings.fourEyes,
    today: deps.now().toISOString().slice(0, 10),
    config,
  });
  if (decision.allowed) return { result: true };
  console.info(`[gate] ${issueKey}: refused a move to Done (${located.checklistId} ${item.id})`);
  return refuse(decision.message);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

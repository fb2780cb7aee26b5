/**
 * The Audit page's Done gate section (issue 23): whether the validator is on for the project's
 * workflow, and the items already in Done without what the gate asks for.
 *
 * Whether the gate is on cannot be read from Jira with the app's scopes: every workflow API that
 * shows a transition's rules (`GET /rest/api/3/workflows/search`, `POST /rest/api/3/workflows`,
 * `GET /rest/api/3/workflow/rule/config`, `GET /rest/api/3/workflowscheme/project`) needs
 * `manage:jira-configuration` (and Administer Jira or Administer projects), which the app does not
 * ask for. So a project admin confirms it once, with the options the validator was saved with; who
 * and when are kept and the decision goes to the trail.
 *
 * The list reuses the gate's rule (domain/done-gate.ts) on the states and evidence the rollup read
 * (its cache while fresh): no search of its own beyond the caller's visibility.
 */
import { ConflictError } from '../../common/errors';
import { DEFAULT_GATE_CONFIG, type DoneGateConfig } from '../../common/gate-config';
import type { GateConfirmation, GateStatus, SetGateConfirmationPayload } from '../../common/gate-status';
import { auditChecklist } from '../catalogue/audit-checklist';
import { readGrants } from '../platform/audit-access';
import { doneWithoutEvidence } from '../domain/done-gate-backlog';
import { toAppliedWaivers } from '../domain/waivers';
import { utcDay } from '../domain/evidence-scoring';
import type { JiraClient } from '../jira';
import { requireProjectPermissions } from '../platform/access';
import type { ProjectCaller } from '../platform/context';
import { computeRollup } from '../rollup/get-rollup';
import { hasStandIns } from '../domain/evidence-stand-in';
import { visibleIssueKeys } from '../rollup/visibility';
import { projectChecklists } from '../storage/project-state';
import { writeRecordWithDecision } from '../trail/wal';
import { gateConfirmationKey } from '../storage/keys';
import { readConfirmation, withConfirmationLock, writeConfirmation } from './confirmation';

type Clock = () => number;

/** `getGateStatus { checklistId? }`: needs Browse projects. */
export async function getGateStatus(jira: JiraClient, caller: ProjectCaller, args: { checklistId?: string }, now: Clock = Date.now): Promise<GateStatus> {
  const grants = await readGrants(jira, caller, ['ADMINISTER_PROJECTS'], 'see whether the Done gate is on');
  return statusOf(jira, caller, args.checklistId, grants.ADMINISTER_PROJECTS === true, now);
}

async function statusOf(jira: JiraClient, caller: ProjectCaller, checklistId: string | undefined, canConfirm: boolean, now: Clock): Promise<GateStatus> {
  const def = await auditChecklist(caller.projectKey, checklistId);
  const held = (await projectChecklists(caller.projectKey)).includes(def.id);
  const [confirmation, first, visible] = await Promise.all([
    readConfirmation(caller.projectKey),
    computeRollup(jira, caller.projectKey, def, { store: held }, now),
    visibleIssueKeys(jira, caller.projectKey, def.id),
  ]);
  // The gate judges Done items by their entries (who reviewed them: four eyes); a cold read's
  // stand-ins (rollup/cold-read.ts) do not say: read Jira once.
  const computed = hasStandIns(first.evidence) ? await computeRollup(jira, caller.projectKey, def, { store: held, force: true }, now) : first;
  const config = confirmation?.config ?? DEFAULT_GATE_CONFIG;
  const today = utcDay(new Date(now()));
  const backlog = doneWithoutEvidence({
    def,
    states: computed.states,
    evidence: computed.evidence,
    // A waiver whose proof lapsed no longer lets an item be Done, as in scoring.
    waivers: toAppliedWaivers(computed.waivers, today).filter((waiver) => waiver.lapsedOn === undefined),
    fourEyes: computed.fourEyes ?? true,
    today,
    config,
  });
  const shown = backlog.filter((item) => visible.has(item.issueKey));
  return {
    checklistId: def.id,
    checklistName: def.name,
    version: def.version,
    source: 'confirmation',
    confirmation: confirmation ?? null,
    config,
    doneWithoutEvidence: shown,
    hiddenItems: backlog.length - shown.length,
    canConfirm,
  };
}

function sameStatement(a: GateConfirmation, on: boolean, config: DoneGateConfig): boolean {
  return a.on === on && a.config.scope === config.scope && a.config.naCounts === config.naCounts;
}

/**
 * `setGateConfirmation { on, scope?, naCounts?, revision? }`: a project admin says whether the
 * validator is on the Done transition of the project's workflow, and with which options.
 */
export async function setGateConfirmation(jira: JiraClient, caller: ProjectCaller, args: SetGateConfirmationPayload, now: Clock = Date.now): Promise<GateStatus> {
  await requireProjectPermissions(jira, caller, ['BROWSE_PROJECTS', 'ADMINISTER_PROJECTS'], 'confirm whether the Done gate is on for its workflow');
  const config: DoneGateConfig = { scope: args.scope ?? DEFAULT_GATE_CONFIG.scope, naCounts: args.naCounts ?? DEFAULT_GATE_CONFIG.naCounts };
  await withConfirmationLock(caller.projectKey, async () => {
    const before = await readConfirmation(caller.projectKey);
    if (before !== undefined && sameStatement(before, args.on, config)) return;
    if (args.revision !== undefined && args.revision !== (before?.revision ?? 0)) {
      throw new ConflictError(
        `Someone else changed the Done gate confirmation of project ${caller.projectKey} while you were looking at it${before ? ` (${before.confirmedAt.slice(0, 16).replace('T', ' ')} UTC)` : ''}; nothing of yours was saved. Reload the page, check what they said, and save again.`,
      );
    }
    const at = new Date(now());
    const confirmation: GateConfirmation = { on: args.on, config, confirmedBy: caller.accountId, confirmedAt: at.toISOString(), revision: (before?.revision ?? 0) + 1 };
    const decision = {
      projectKey: caller.projectKey,
      actor: caller.accountId,
      action: 'gate.confirm' as const,
      before: before ? { on: before.on, ...before.config } : null,
      after: { on: args.on, ...config },
      at,
    };
    await writeRecordWithDecision(decision, { key: gateConfirmationKey(caller.projectKey), value: confirmation }, () => writeConfirmation(caller.projectKey, confirmation));
    console.info(`[gate] ${caller.projectKey}: Done gate confirmed ${args.on ? 'on' : 'off'} by ${caller.accountId} (revision ${confirmation.revision})`);
  });
  return statusOf(jira, caller, args.checklistId, true, now);
}

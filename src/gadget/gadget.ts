/**
 * `getGadget { projectKey, checklistId? }`: what the dashboard gadget shows for the project and
 * checklist its configuration names: the score against the pass mark, days to the audit, open
 * mandatory items and open findings, with the Audit page to go to.
 *
 * A dashboard has no project: the project comes from the gadget's configuration (the payload), so
 * it is checked on the server as the viewer every time: Browse projects in that project (Jira
 * answers 404 for a project the viewer may not see, worded like an unknown one), and the checklist
 * must be one the project has imported. The configuration view calls the same resolver before it
 * saves, so a wrong project or checklist is refused with the message and never saved.
 */
import type { GadgetView, GetGadgetPayload } from '../../common/contract-findings';
import { BadRequestError, NotFoundError } from '../../common/errors';
import { readAccess } from '../platform/audit-access';
import { historyDay } from '../platform/history-store';
import { findChecklist } from '../catalogue';
import { daysFrom } from '../domain/plan-dates';
import type { ChecklistDefinition } from '../domain/types';
import { JiraNotFoundError, type JiraClient } from '../jira';
import type { JiraHttp } from '../jira/http';
import { findingsView } from '../findings/list';
import { readPlan } from '../platform/plan-store';
import { computeRollup } from '../rollup/get-rollup';
import { lastChecklist, projectChecklists } from '../storage/project-state';

type Clock = () => number;

/** The manifest's Audit page module. */
export const AUDIT_PAGE_MODULE = 'audit-page';
const PROJECT_KEY = /^[A-Z][A-Z0-9_]{0,254}$/;

export async function getGadget(jira: JiraClient, http: JiraHttp, accountId: string, args: GetGadgetPayload, now: Clock = Date.now): Promise<GadgetView> {
  const projectKey = args.projectKey.trim().toUpperCase();
  if (!PROJECT_KEY.test(projectKey)) throw new BadRequestError(`"${args.projectKey}" is not a Jira project key (e.g. MSP): choose a project in the gadget's settings.`);
  let project: { id: string; name: string };
  try {
    const found = await jira.getProject({ projectKey, as: 'user' });
    project = { id: String(found.id), name: found.name ?? projectKey };
  } catch (error) {
    if (error instanceof JiraNotFoundError) throw new NotFoundError(`No project ${projectKey} that you can see: check the key, or choose another project in the gadget's settings.`);
    throw error;
  }
  const caller = { accountId, projectKey, projectId: project.id };
  await readAccess(jira, caller, 'see its audit score on a dashboard');
  const held = await projectChecklists(projectKey);
  const defs = (await Promise.all(held.map((id) => findChecklist(id)))).filter((def): def is ChecklistDefinition => def !== undefined);
  if (defs.length === 0) throw new NotFoundError(`Project ${projectKey} has no audit checklist yet: import one from its Audit page, then choose it here.`);
  const wanted = args.checklistId ?? (await lastChecklist(projectKey)) ?? defs[0]!.id;
  const def = defs.find((candidate) => candidate.id === wanted);
  if (!def) {
    throw new BadRequestError(`Checklist "${wanted}" is not imported in project ${projectKey}: choose one of ${defs.map((candidate) => `${candidate.name} ${candidate.version}`).join(', ')} in the gadget's settings.`);
  }
  const [computed, plan, findings] = await Promise.all([
    computeRollup(jira, projectKey, def, {}, now),
    readPlan(projectKey, def.id),
    findingsView(jira, http, caller, def, false, now),
  ]);
  const report = computed.report;
  const today = historyDay(new Date(now()));
  return {
    projectKey,
    projectName: project.name,
    checklistId: def.id,
    checklistName: def.name,
    checklistVersion: def.version,
    model: def.model,
    score: report.score,
    maxScore: report.maxScore,
    passMark: report.passMark,
    passing: report.passed,
    verdict: verdictWords(report.passed, report.mandatoryOpen.length, def.model),
    openMandatory: report.mandatoryOpen.length,
    daysToAudit: plan ? daysFrom(today, plan.validationDate) : null,
    validationDate: plan?.validationDate ?? null,
    openFindings: findings.findings.filter((finding) => finding.state !== 'closed').length,
    checklists: defs.map((candidate) => ({ id: candidate.id, name: candidate.name, version: candidate.version })),
    auditPageModuleKey: AUDIT_PAGE_MODULE,
  };
}

function verdictWords(passed: boolean, openMandatory: number, model: ChecklistDefinition['model']): string {
  if (passed) return 'Would pass today';
  if (model === 'met') return `Would not pass today: ${openMandatory} mandatory item${openMandatory === 1 ? '' : 's'} open`;
  return openMandatory > 0 ? `Would not pass today: below the pass mark, ${openMandatory} mandatory item${openMandatory === 1 ? '' : 's'} open` : 'Would not pass today: below the pass mark';
}

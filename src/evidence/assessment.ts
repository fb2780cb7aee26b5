/**
 * `setAssessment`: the team's verdict on an item (met, not met, N/A, or none: "from status") and
 * its complexity, kept in the issue entity property `msp-audit-assessment` that the rollup reads
 * and the manifest indexes for JQL (`auditAssessment`, `auditComplexity`). Written as the user.
 */
import type { ItemPanel, SetAssessmentPayload } from '../../common/contract';
import { ASSESSMENT_PROPERTY } from '../jira/identity';
import { markProjectChanged } from '../storage/project-state';
import { requireIssueEdit } from './change';
import type { IssueCaller } from './context';
import { buildPanel, loadIssue, type IssueModuleDeps } from './panel';

export async function setAssessment(deps: IssueModuleDeps, caller: IssueCaller, payload: SetAssessmentPayload): Promise<ItemPanel> {
  await requireIssueEdit(deps, caller, 'assess it');
  const { issue, fieldId, reading } = await loadIssue(deps, caller);
  const now = deps.now();
  // Absent keys (not nulls) so JQL's `auditAssessment IS EMPTY` finds items assessed "from status".
  const value = {
    ...(payload.result !== null ? { result: payload.result } : {}),
    ...(payload.complexity !== null ? { complexity: payload.complexity } : {}),
    assessedBy: caller.accountId,
    assessedAt: now.toISOString(),
  };
  await deps.jira.setIssueProperty({ issueKey: caller.issueKey, propertyKey: ASSESSMENT_PROPERTY, value, as: 'user' });
  await markProjectChanged(caller.projectKey);
  console.info(`[assessment] ${caller.issueKey}: ${payload.result ?? 'from status'}`);
  const written = { ...issue, properties: { ...issue.properties, [ASSESSMENT_PROPERTY]: value } };
  return buildPanel({ projectKey: caller.projectKey, issue: written, fieldId, evidence: reading.value, ignored: reading.ignored, canEdit: true, now });
}

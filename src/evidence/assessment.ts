/**
 * `setAssessment`: the team's verdict on an item (met, not met, N/A, or none: "from status"), its
 * complexity and, for N/A, the written justification, recorded with who and when in the app-owned
 * evidence field (read-only in Jira; written as the app after the Edit-issues check as the user),
 * under the issue's verdict lock. An N/A the checklist does not allow is refused with a message that
 * says what is allowed (src/domain/na-rule.ts). The `msp-audit-assessment` property is then written
 * as the app as a mirror for JQL (`auditAssessment`, `auditComplexity`); it is never read back as
 * the truth. Recorded in the project's decision trail (before → after, the justification as reason)
 * through a pending record written before the field (src/trail/wal.ts), so a failed append is not lost.
 */
import type { ItemPanel, SetAssessmentPayload } from '../../common/contract';
import { AppError } from '../../common/errors';
import { assessmentMirror, verdictValue, type AssessmentRecord } from '../domain/evidence-verdict';
import { freeTextProblem } from '../domain/free-text';
import { checkNaAnswer, NA_JUSTIFICATION_MAX } from '../domain/na-rule';
import { ASSESSMENT_PROPERTY } from '../jira/identity';
import { markProjectChanged } from '../storage/project-state';
import { fieldDigestOf } from '../trail/pending';
import { beginDecisions, finishDecisions } from '../trail/wal';
import { EvidenceFieldMissingError, FIELD_MISSING, requireIssueEdit } from './change';
import type { IssueCaller } from '../platform/issue-context';
import type { ItemContext } from './item-context';
import { withIssueLock } from './lock';
import { buildPanel, loadIssue, type IssueModuleDeps } from './panel';

/** The justification to keep, or a refusal that says what to fix. */
function justificationFor(item: ItemContext, payload: SetAssessmentPayload): string | undefined {
  const text = payload.justification?.trim() ?? '';
  const problem = text === '' ? undefined : freeTextProblem('The N/A justification', text, NA_JUSTIFICATION_MAX);
  if (problem !== undefined) throw new AppError('invalid-input', `${problem} Nothing was saved.`);
  if (payload.result !== 'na') return undefined;
  if (item.def && item.defItem) {
    const check = checkNaAnswer(item.def, item.defItem, text);
    if (!check.ok) throw new AppError('invalid-input', `${check.message} Nothing was saved.`);
    return check.justification;
  }
  // Not an item of a known checklist: N/A still needs a reason, the default rule.
  if (text === '') throw new AppError('invalid-input', 'N/A needs a justification: say why this does not apply to you. Nothing was saved.');
  return text;
}

const summary = (record: AssessmentRecord | undefined) =>
  record === undefined
    ? { result: null, complexity: null }
    : { result: record.result ?? null, complexity: record.complexity ?? null, ...(record.justification !== undefined ? { justification: record.justification } : {}) };

export async function setAssessment(deps: IssueModuleDeps, caller: IssueCaller, payload: SetAssessmentPayload): Promise<ItemPanel> {
  await requireIssueEdit(deps, caller, 'assess it');
  const { loaded, record } = await withIssueLock(caller.issueId, caller.issueKey, async () => {
    const loaded = await loadIssue(deps, caller);
    if (loaded.fieldId === undefined) throw new EvidenceFieldMissingError(FIELD_MISSING);
    const justification = justificationFor(loaded.item, payload);
    const now = deps.now();
    const record: AssessmentRecord = {
      ...(payload.result !== null ? { result: payload.result } : {}),
      ...(payload.complexity !== null ? { complexity: payload.complexity } : {}),
      ...(justification !== undefined ? { justification } : {}),
      assessedBy: caller.accountId,
      assessedAt: now.toISOString(),
    };
    // The same person saving the same answer again (a retry after a lost answer, a double click),
    // with the mirror property intact: nothing changes, so nothing is written and no second decision
    // is recorded. (A mirror rewritten outside the app is put right by the save.)
    const held = loaded.verdict.assessment;
    const same = held !== undefined && held.assessedBy === caller.accountId && JSON.stringify(summary(held)) === JSON.stringify(summary(record));
    if (same && JSON.stringify(loaded.issue.properties[ASSESSMENT_PROPERTY]) === JSON.stringify(assessmentMirror(held))) return { loaded, record: held };
    const value = verdictValue(loaded.verdict.evidence, record);
    const pending = await beginDecisions([{
      projectKey: caller.projectKey,
      actor: caller.accountId,
      action: 'assessment.set',
      ...(loaded.item.identity ? { checklistId: loaded.item.identity.checklistId, itemId: loaded.item.identity.itemId } : {}),
      issueKey: caller.issueKey,
      before: summary(loaded.verdict.assessment),
      after: summary(record),
      ...(justification !== undefined ? { reason: justification } : {}),
      at: now,
    }], { kind: 'issue-field', issueId: loaded.issue.id, fieldId: loaded.fieldId, digest: fieldDigestOf(value) });
    await deps.issues.setVerdictField({ fieldId: loaded.fieldId, issueId: loaded.issue.id, value });
    await deps.issues.setAssessmentMirror({ issueKey: caller.issueKey, propertyKey: ASSESSMENT_PROPERTY, value: assessmentMirror(record) });
    await finishDecisions(pending);
    await markProjectChanged(caller.projectKey);
    return { loaded, record };
  });
  console.info(`[assessment] ${caller.issueKey}: ${payload.result ?? 'from status'}`);
  const issue = { ...loaded.issue, properties: { ...loaded.issue.properties, [ASSESSMENT_PROPERTY]: assessmentMirror(record) } };
  const verdict = { ...loaded.verdict, assessment: record, ignored: [], legacy: false, reviewsSetAside: 0 };
  return buildPanel({ ...loaded, issue, verdict, projectKey: caller.projectKey, viewer: caller.accountId, canEdit: true, now: deps.now() });
}

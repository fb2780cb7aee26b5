/**
 * Which of two issues of the same item stays (the README's duplicate rule): the one with work on it
 * (its status is no longer To Do, it has evidence, or an assessment), else the older one (the lower
 * key: keys are sequential per project). The other is closed as a duplicate and never scored.
 */
import type { JiraSearchIssue } from '../jira';
import { ASSESSMENT_PROPERTY } from '../jira/identity';
import { isRecord } from '../domain/records';
import { keyNumber } from './model';

/** Fields and properties a work check needs of an issue. */
export function workFields(evidenceFieldId: string | undefined): string[] {
  return ['status', ...(evidenceFieldId !== undefined ? [evidenceFieldId] : [])];
}

export function hasWork(issue: JiraSearchIssue, evidenceFieldId: string | undefined): boolean {
  const status = isRecord(issue.fields?.status) ? issue.fields.status : undefined;
  const category = isRecord(status?.statusCategory) ? status.statusCategory.key : undefined;
  if (typeof category === 'string' && category !== 'new') return true;
  // The property is never trusted for the score, but as a sign that people worked on this issue
  // (projects from before the app-owned field kept their assessments only there) it is enough.
  const mirror = issue.properties?.[ASSESSMENT_PROPERTY];
  const assessment = isRecord(mirror) ? mirror.result : undefined;
  if (typeof assessment === 'string' && assessment !== 'not_assessed') return true;
  const evidence = evidenceFieldId !== undefined ? issue.fields?.[evidenceFieldId] : undefined;
  if (isRecord(evidence)) {
    if (Array.isArray(evidence.entries) && evidence.entries.length > 0) return true;
    const verdict = isRecord(evidence.assessment) ? evidence.assessment.result : undefined;
    if (typeof verdict === 'string' && verdict !== 'not_assessed') return true;
  }
  return false;
}

/** The issue that stays of several standing for one item: with work first, then the lowest key. */
export function keeper<T extends { issue: JiraSearchIssue; key: string }>(candidates: readonly T[], evidenceFieldId: string | undefined): T {
  const ranked = [...candidates].sort((a, b) => {
    const work = Number(hasWork(b.issue, evidenceFieldId)) - Number(hasWork(a.issue, evidenceFieldId));
    return work !== 0 ? work : keyNumber(a.key) - keyNumber(b.key);
  });
  return ranked[0]!;
}

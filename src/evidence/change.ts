/**
 * Evidence changes (add, edit, remove, review) on the issue the module is open on. Each one:
 * 1. checks, as the user, that they may edit this issue (Edit Issues, with issue security);
 * 2. reads the field's current value from Jira (never from the frontend);
 * 3. applies the pure domain operation on the server (validation included);
 * 4. writes the result back as the user, so Jira enforces the edit permission a second time, and
 *    checks the value against the field's JSON schema;
 * 5. marks the project's rollup stale (the app's own writes fire no trigger for it).
 *
 * Concurrency: last write wins. Jira has no conditional field update, and re-reading just before
 * the write would only narrow, not close, the window; since every change starts from the value
 * Jira holds (not the browser's copy), two people changing different entries only collide when
 * their writes land within the same few hundred milliseconds.
 */
import { randomUUID } from 'node:crypto';
import type { EvidenceReviewStateName, ItemPanel } from '../../common/contract';
import { addEvidence, editEvidence, removeEvidence, reviewEvidence, type EvidenceFieldValue } from '../domain/evidence';
import { AccessDeniedError } from '../resolvers/access';
import type { IssueCaller } from './context';
import { buildPanel, loadIssue, type IssueModuleDeps } from './panel';
import { markProjectChanged } from '../storage/project-state';

export type EvidenceChange =
  | { kind: 'add'; input: unknown }
  | { kind: 'edit'; id: string; patch: unknown }
  | { kind: 'remove'; id: string }
  | { kind: 'review'; id: string; state: EvidenceReviewStateName; note?: string };

/** The evidence field is not in Jira (the app's installation is incomplete); nothing was changed. */
export class EvidenceFieldMissingError extends Error {
  override name = 'EvidenceFieldMissingError';
}

const WHAT: Record<EvidenceChange['kind'], string> = {
  add: 'add evidence to it',
  edit: 'edit its evidence',
  remove: 'remove its evidence',
  review: 'review its evidence',
};

/** Throws {@link AccessDeniedError} unless the caller may edit the issue. */
export async function requireIssueEdit(deps: IssueModuleDeps, caller: IssueCaller, action: string): Promise<void> {
  const grants = await deps.issues.getMyPermissions({ issueKey: caller.issueKey, permissions: ['EDIT_ISSUES'] });
  if (grants.EDIT_ISSUES === true) return;
  throw new AccessDeniedError(
    `You need the Edit issues permission on ${caller.issueKey} to ${action}. Ask a Jira admin of project ${caller.projectKey} to grant it.`,
  );
}

function apply(value: EvidenceFieldValue, change: EvidenceChange, actor: string, now: Date): EvidenceFieldValue {
  switch (change.kind) {
    case 'add':
      return addEvidence(value, change.input, { actor, now, newId: randomUUID() });
    case 'edit':
      return editEvidence(value, change.id, change.patch, { actor, now });
    case 'remove':
      return removeEvidence(value, change.id);
    case 'review':
      return reviewEvidence(value, change.id, { state: change.state, reviewer: actor, now, ...(change.note !== undefined ? { note: change.note } : {}) });
  }
}

export async function changeEvidence(deps: IssueModuleDeps, caller: IssueCaller, change: EvidenceChange): Promise<ItemPanel> {
  await requireIssueEdit(deps, caller, WHAT[change.kind]);
  const { issue, fieldId, reading } = await loadIssue(deps, caller);
  if (fieldId === undefined) {
    throw new EvidenceFieldMissingError('The Audit evidence field is not installed in this Jira site yet; ask a Jira admin to reinstall or update MSP Audit Ready, then try again.');
  }
  const now = deps.now();
  const next = apply(reading.value, change, caller.accountId, now);
  // An edit that changes nothing writes nothing (and leaves no history entry in Jira).
  const unchanged = reading.ignored.length === 0 && JSON.stringify(next) === JSON.stringify(reading.value);
  if (!unchanged) {
    await deps.jira.editIssue({ issueKey: caller.issueKey, fields: { [fieldId]: next }, as: 'user' });
    await markProjectChanged(caller.projectKey);
    console.info(`[evidence] ${caller.issueKey}: ${change.kind} (${next.count} entries)`);
  }
  return buildPanel({ projectKey: caller.projectKey, issue, fieldId, evidence: next, ignored: [], canEdit: true, now });
}

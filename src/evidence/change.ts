/**
 * Evidence changes (add, edit, remove, review) on the issue the module is open on. Each one:
 * 1. checks, as the user, that they may edit this issue (Edit Issues, with issue security), and
 *    that an owner it names is an account Jira knows (as the user, see references.ts);
 * 2. takes the issue's verdict lock (lock.ts), so concurrent changes are applied one after the
 *    other and none is lost;
 * 3. reads the field's current value from Jira (never from the frontend) and applies the pure
 *    domain operation on the server (validation, four eyes, an attachment of this very issue);
 * 4. writes the result as the app through the app field value API: the field is read-only to
 *    everyone else, so only changes made here (after step 1) ever reach it;
 * 5. records the decision in the project's trail through a pending record written before step 4
 *    (src/trail/wal.ts: a failed append is recorded late, never lost), then marks the rollup stale.
 */
import { randomUUID } from 'node:crypto';
import type { EvidenceReviewStateName, ItemPanel } from '../../common/contract';
import { AppError } from '../../common/errors';
import { addEvidence, editEvidence, removeEvidence, reviewEvidence, type EvidenceEntry, type EvidenceFieldValue } from '../domain/evidence';
import { withDefaultExpiry } from '../domain/evidence-validity';
import { verdictValue } from '../domain/evidence-verdict';
import { AccessDeniedError } from '../platform/access';
import { markProjectChanged } from '../storage/project-state';
import type { DecisionAction } from '../trail/record';
import { fieldDigestOf } from '../trail/pending';
import { beginDecisions, finishDecisions } from '../trail/wal';
import type { IssueCaller } from '../platform/issue-context';
import { withIssueLock } from './lock';
import { buildPanel, loadIssue, type IssueModuleDeps, type LoadedIssue } from './panel';
import { checkAttachment, checkReferences } from './references';
import { readProjectSettings } from '../platform/settings';

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

const ACTION: Record<EvidenceChange['kind'], DecisionAction> = {
  add: 'evidence.add',
  edit: 'evidence.edit',
  remove: 'evidence.remove',
  review: 'evidence.review',
};

/** Throws {@link AccessDeniedError} unless the caller may edit the issue. */
export async function requireIssueEdit(deps: IssueModuleDeps, caller: IssueCaller, action: string): Promise<void> {
  const grants = await deps.issues.getMyPermissions({ issueKey: caller.issueKey, permissions: ['EDIT_ISSUES'] });
  if (grants.EDIT_ISSUES === true) return;
  throw new AccessDeniedError(
    `You need the Edit issues permission on ${caller.issueKey} to ${action}. Ask a Jira admin of project ${caller.projectKey} to grant it.`,
  );
}

export const FIELD_MISSING =
  'The Audit evidence field is not installed in this Jira site yet; ask a Jira admin to reinstall or update MSP Audit Ready, then try again.';

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

/** Four eyes: the person who added an entry may not accept or reject it. */
function checkFourEyes(value: EvidenceFieldValue, change: EvidenceChange, actor: string, issueKey: string): void {
  if (change.kind !== 'review' || change.state === 'pending') return;
  const entry = value.entries.find((e) => e.id === change.id);
  if (entry?.addedBy !== actor) return;
  throw new AppError(
    'forbidden',
    `Four eyes: you added “${entry.title}”, so someone else must ${change.state === 'accepted' ? 'accept' : 'reject'} it. ` +
      `Ask a colleague with Edit issues on ${issueKey} to review it (a project admin can turn four eyes off in the audit settings). Nothing was saved.`,
  );
}

/** Small JSON of an entry for the trail: what it is and where it stands in review. */
function entryDigest(entry: EvidenceEntry | undefined): Record<string, unknown> | undefined {
  if (!entry) return undefined;
  const { id, kind, title, url, attachmentId, owner, expiryDate, reviewState, reviewer, reviewNote } = entry;
  return { id, kind, title, url, attachmentId, owner, expiryDate, reviewState, reviewer, reviewNote };
}

function changedEntry(before: EvidenceFieldValue, after: EvidenceFieldValue, change: EvidenceChange): { id: string; before?: EvidenceEntry; after?: EvidenceEntry } {
  const id = change.kind === 'add' ? (after.entries.find((e) => !before.entries.some((b) => b.id === e.id))?.id ?? '') : change.id;
  return { id, before: before.entries.find((e) => e.id === id), after: after.entries.find((e) => e.id === id) };
}

export async function changeEvidence(deps: IssueModuleDeps, caller: IssueCaller, change: EvidenceChange): Promise<ItemPanel> {
  await requireIssueEdit(deps, caller, WHAT[change.kind]);
  await checkReferences(deps, caller, change);
  const settings = await readProjectSettings(caller.projectKey);
  const { loaded, next } = await withIssueLock(caller.issueId, caller.issueKey, async (): Promise<{ loaded: LoadedIssue; next: EvidenceFieldValue }> => {
    const loaded = await loadIssue(deps, caller);
    const { fieldId, verdict } = loaded;
    if (fieldId === undefined) throw new EvidenceFieldMissingError(FIELD_MISSING);
    const now = deps.now();
    if (settings.fourEyes) checkFourEyes(verdict.evidence, change, caller.accountId, caller.issueKey);
    checkAttachment(change, caller.issueKey, loaded.issue.fields);
    // Evidence of an item that renews (e.g. yearly) gets its expiry when the person gave none.
    const months = loaded.item.defItem?.evidenceValidMonths;
    const effective = change.kind === 'add' ? { ...change, input: withDefaultExpiry(change.input, months, now) } : change;
    const next = apply(verdict.evidence, effective, caller.accountId, now);
    // An edit that changes nothing writes nothing (and leaves no history entry in Jira).
    const unchanged = !verdict.legacy && verdict.ignored.length === 0 && JSON.stringify(next) === JSON.stringify(verdict.evidence);
    if (unchanged) return { loaded, next };
    const value = verdictValue(next, verdict.assessment);
    const entry = changedEntry(verdict.evidence, next, change);
    const pending = await beginDecisions([{
      projectKey: caller.projectKey,
      actor: caller.accountId,
      action: ACTION[change.kind],
      ...(loaded.item.identity ? { checklistId: loaded.item.identity.checklistId, itemId: loaded.item.identity.itemId } : {}),
      issueKey: caller.issueKey,
      ...(entry.before ? { before: entryDigest(entry.before) } : {}),
      ...(entry.after ? { after: entryDigest(entry.after) } : {}),
      ...(change.kind === 'review' && change.note !== undefined ? { reason: change.note } : {}),
      at: now,
    }], { kind: 'issue-field', issueId: loaded.issue.id, fieldId, digest: fieldDigestOf(value) });
    await deps.issues.setVerdictField({ fieldId, issueId: loaded.issue.id, value });
    await finishDecisions(pending);
    await markProjectChanged(caller.projectKey);
    console.info(`[evidence] ${caller.issueKey}: ${change.kind} (${next.count} entries)`);
    return { loaded, next };
  });
  const verdict = { ...loaded.verdict, evidence: next, ignored: [], legacy: false, reviewsSetAside: 0 };
  return buildPanel({ ...loaded, verdict, projectKey: caller.projectKey, viewer: caller.accountId, canEdit: true, now: deps.now(), settings });
}

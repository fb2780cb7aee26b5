/**
 * What evidence input names outside itself is checked before anything is stored:
 * - an owner must be an account Jira knows (asked as the user, so nobody learns of accounts they
 *   could not look up), before the verdict lock is taken: the lookup is slow and does not depend on
 *   the field's value;
 * - an attachment must be one of this issue's attachments, as the issue read (as the user) under
 *   the lock lists them: no extra call.
 */
import { AppError } from '../../common/errors';
import { accountIdSchema } from '../domain/evidence';
import { isRecord } from '../domain/records';
import type { IssueCaller } from '../platform/issue-context';
import type { EvidenceChange } from './change';
import type { IssueModuleDeps } from './panel';

function named(change: EvidenceChange, key: 'owner' | 'attachmentId'): string | undefined {
  const source = change.kind === 'add' ? change.input : change.kind === 'edit' ? change.patch : undefined;
  if (!isRecord(source) || typeof source[key] !== 'string') return undefined;
  const value = source[key].trim();
  return value === '' ? undefined : value;
}

function namedOwner(change: EvidenceChange): string | undefined {
  const owner = named(change, 'owner');
  if (owner === undefined) return undefined;
  // A malformed id is the domain rules' to refuse, with their message.
  return accountIdSchema.safeParse(owner).success ? owner : undefined;
}

/** The ids of the issue's attachments, from its `attachment` field as Jira answered it. */
export function attachmentIdsOf(fields: Record<string, unknown>): Set<string> {
  const list = Array.isArray(fields.attachment) ? fields.attachment : [];
  return new Set(list.flatMap((a: unknown) => (isRecord(a) && (typeof a.id === 'string' || typeof a.id === 'number') ? [String(a.id)] : [])));
}

/** Refuses an attachment id that is not one of this issue's attachments. */
export function checkAttachment(change: EvidenceChange, issueKey: string, fields: Record<string, unknown>): void {
  const id = named(change, 'attachmentId');
  // A malformed id is the domain rules' to refuse, with their message.
  if (id === undefined || !/^[0-9]{1,18}$/.test(id) || attachmentIdsOf(fields).has(id)) return;
  throw new AppError(
    'invalid-input',
    `Evidence is not valid; fix and try again: attachmentId: ${id} is not an attachment of ${issueKey}; attach the file to this issue first, then pick it. Nothing was saved.`,
  );
}

export async function checkReferences(deps: IssueModuleDeps, caller: IssueCaller, change: EvidenceChange): Promise<void> {
  const owner = namedOwner(change);
  if (owner !== undefined && !(await deps.issues.accountExists(owner))) {
    throw new AppError(
      'invalid-input',
      `Evidence is not valid; fix and try again: owner: no Jira user has the account id "${owner.slice(0, 64)}" (or you may not see them); pick the owner from your site's people. Nothing was saved.`,
    );
  }
}

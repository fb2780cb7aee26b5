/**
 * What evidence input names outside itself is checked before anything is stored: an owner must be
 * an account Jira knows (asked as the user, so nobody learns of accounts they could not look up).
 * Checked before the verdict lock is taken: a lookup is slow, and the answer does not depend on the
 * field's value.
 */
import { AppError } from '../../common/errors';
import { accountIdSchema } from '../domain/evidence';
import { isRecord } from '../domain/records';
import type { IssueCaller } from './context';
import type { EvidenceChange } from './change';
import type { IssueModuleDeps } from './panel';

function namedOwner(change: EvidenceChange): string | undefined {
  const source = change.kind === 'add' ? change.input : change.kind === 'edit' ? change.patch : undefined;
  if (!isRecord(source) || typeof source.owner !== 'string') return undefined;
  const owner = source.owner.trim();
  // A malformed id is the domain rules' to refuse, with their message.
  return owner !== '' && accountIdSchema.safeParse(owner).success ? owner : undefined;
}

export async function checkReferences(deps: IssueModuleDeps, caller: IssueCaller, change: EvidenceChange): Promise<void> {
  const owner = namedOwner(change);
  if (owner !== undefined && !(await deps.issues.accountExists(owner))) {
    throw new AppError(
      'bad_request',
      `Evidence is not valid; fix and try again: owner: no Jira user has the account id "${owner.slice(0, 64)}" (or you may not see them); pick the owner from your site's people. Nothing was saved.`,
    );
  }
}

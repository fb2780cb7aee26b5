/**
 * Display names of Jira accounts: `GET /rest/api/3/user/bulk` (PageBeanUser), asked as the app in
 * pages of {@link USER_BULK_PAGE} account ids. An account Jira no longer returns (deleted, or hidden
 * by its privacy settings) is simply absent from the answer; the caller shows the id.
 */
import { route } from '@forge/api';
import { z } from 'zod';
import { product } from './actor';
import { ACCEPT_JSON, type JiraHttp } from './http';

/** Account ids asked per request (and `maxResults`): keeps the URL well under proxies' limits. */
export const USER_BULK_PAGE = 50;

const userPageSchema = z.looseObject({
  values: z.array(z.looseObject({ accountId: z.string(), displayName: z.string().optional(), active: z.boolean().optional() })).optional(),
  isLast: z.boolean().optional(),
});

export interface JiraUserName {
  accountId: string;
  displayName: string;
  active: boolean;
}

/** The accounts Jira knows among `accountIds`, in pages; unknown ids are left out. */
export async function getUsersBulk(http: JiraHttp, accountIds: readonly string[]): Promise<JiraUserName[]> {
  const ids = [...new Set(accountIds)];
  const found: JiraUserName[] = [];
  for (let start = 0; start < ids.length; start += USER_BULK_PAGE) {
    const params = new URLSearchParams();
    for (const id of ids.slice(start, start + USER_BULK_PAGE)) params.append('accountId', id);
    params.set('maxResults', String(USER_BULK_PAGE));
    const { body } = await http.json('getUsersBulk', () => product('app').requestJira(route`/rest/api/3/user/bulk?${params}`, { headers: ACCEPT_JSON }), userPageSchema);
    for (const user of body.values ?? []) {
      found.push({ accountId: user.accountId, displayName: user.displayName ?? user.accountId, active: user.active !== false });
    }
  }
  return found;
}

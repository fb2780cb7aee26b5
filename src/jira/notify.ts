/**
 * `POST /rest/api/3/issue/{issueIdOrKey}/notify`: an e-mail about an issue to named users, asked as
 * the app. Jira queues the mail and answers 204. A refusal Jira will not change its mind about
 * (400: a user gone or not allowed, 403, 404: the issue gone) is returned, not thrown, so a caller
 * can log it and move on; 429 is retried by JiraHttp as elsewhere; a 5xx is thrown (the mail may or
 * may not be queued: the caller tries again another day).
 */
import { route } from '@forge/api';
import { product } from './actor';
import { JiraError } from './errors';
import { jsonBody, type JiraHttp } from './http';

export interface NotifyInput {
  issueKey: string;
  to: readonly string[];
  subject: string;
  textBody: string;
}

export type NotifyOutcome = { sent: true } | { sent: false; status: number; reason: string };

export async function notifyIssue(http: JiraHttp, input: NotifyInput): Promise<NotifyOutcome> {
  const body = { subject: input.subject, textBody: input.textBody, to: { users: input.to.map((accountId) => ({ accountId })) } };
  try {
    await http.empty('notifyIssue', () => product('app').requestJira(route`/rest/api/3/issue/${input.issueKey}/notify`, { method: 'POST', ...jsonBody(body) }));
    return { sent: true };
  } catch (error) {
    if (error instanceof JiraError && (error.status === 400 || error.status === 403 || error.status === 404)) {
      return { sent: false, status: error.status, reason: error.message };
    }
    throw error;
  }
}

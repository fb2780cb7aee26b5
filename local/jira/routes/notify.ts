/**
 * `POST /rest/api/3/issue/{issueIdOrKey}/notify` (Notification): an e-mail about an issue to the
 * users named (and/or the assignee, reporter, watchers). The emulator sends no mail; it records
 * each delivery for `GET /jira/__admin/notifications`. As in Jira: 404 for an issue the caller
 * cannot see, 400 for a malformed body, a user that does not exist or no recipient at all, 403 when
 * the caller may not notify (here: it cannot browse the project).
 */
import type { Router, RouteContext, RouteResult } from '../http/router';
import { JiraError, errorCollection, fail, messages } from '../http/errors';
import { bodyObject, isRecord } from '../http/params';

function notify(ctx: RouteContext): RouteResult {
  const { store, actor } = ctx;
  const issue = store.visibleIssue(actor, ctx.params.issueIdOrKey ?? '');
  if (!issue) fail(404, messages.issueNotFound);
  const body = bodyObject(ctx.req.body);
  for (const field of ['subject', 'textBody', 'htmlBody'] as const) {
    if (body[field] !== undefined && typeof body[field] !== 'string') throw new JiraError(400, errorCollection([], { [field]: `${field} must be a string.` }));
  }
  const to = body.to === undefined ? {} : body.to;
  if (!isRecord(to)) throw new JiraError(400, errorCollection([], { to: 'to must be an object (NotificationRecipients).' }));
  const recipients = new Set<string>();
  const users = to.users === undefined ? [] : to.users;
  if (!Array.isArray(users)) throw new JiraError(400, errorCollection([], { to: 'to.users must be a list of users.' }));
  for (const user of users) {
    const accountId = isRecord(user) && typeof user.accountId === 'string' ? user.accountId : undefined;
    const found = accountId !== undefined ? store.user(accountId) : undefined;
    if (!found) throw new JiraError(400, errorCollection([`The user with account ID '${String(accountId)}' does not exist.`]));
    recipients.add(found.accountId);
  }
  if (to.assignee === true && issue.assigneeId) recipients.add(issue.assigneeId);
  if (to.reporter === true && issue.reporterId) recipients.add(issue.reporterId);
  if (recipients.size === 0) throw new JiraError(400, errorCollection(['No recipients were defined for notification.']));
  const state = store.state;
  (state.notifications ??= []).push({
    at: new Date().toISOString(),
    issueKey: issue.key,
    to: [...recipients],
    subject: typeof body.subject === 'string' ? body.subject : `${issue.key}: ${issue.summary}`,
    text: typeof body.textBody === 'string' ? body.textBody : '',
    from: actor.accountId,
  });
  return { status: 204 };
}

export function registerNotifyRoutes(router: Router): void {
  router.post('/rest/api/3/issue/:issueIdOrKey/notify', notify);
}

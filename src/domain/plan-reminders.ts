/**
 * Which reminders the daily run sends, and which it holds back. Pure: the caller gives the items
 * (owner, result, evidence), the audit plan, today and the log of what was sent.
 *
 * Kinds, each to the item's assignee (an item without one gets none):
 * - `evidence-expiring`: an entry not rejected, still valid today, whose expiry date falls before
 *   the audit date or within {@link EXPIRING_WITHIN_DAYS} days;
 * - `review-pending`: an entry waiting for review for more than {@link PENDING_REVIEW_DAYS} days
 *   (since it was added or last edited);
 * - `mandatory-open`: a mandatory item not met within {@link MANDATORY_WINDOW_DAYS} days of the
 *   audit (from 30 days before the validation date to the day itself).
 * Throttling: at most one reminder per issue and kind every {@link THROTTLE_DAYS} days, whatever
 * was decided about it then (sent, or refused by Jira): so two runs the same day send nothing twice
 * and a refused notify is not retried every day.
 */
import type { EvidenceEntry } from './evidence-types';
import { isOpen } from './plan';
import { addDays, daysFrom } from './plan-dates';
import type { ItemResult } from './types';

export const EXPIRING_WITHIN_DAYS = 14;
export const PENDING_REVIEW_DAYS = 7;
export const MANDATORY_WINDOW_DAYS = 30;
export const THROTTLE_DAYS = 7;

export type ReminderKind = 'evidence-expiring' | 'review-pending' | 'mandatory-open';

export interface ReminderItem {
  itemId: string;
  title: string;
  issueKey: string;
  mandatory: boolean;
  result: ItemResult;
  assignee: string | null;
  entries: readonly Pick<EvidenceEntry, 'title' | 'reviewState' | 'expiryDate' | 'addedAt' | 'updatedAt'>[];
}

export interface Reminder {
  issueKey: string;
  itemId: string;
  kind: ReminderKind;
  to: string;
  subject: string;
  text: string;
}

/** When each issue and kind was last reminded: `issueKey|kind` → day. */
export type ReminderLog = Record<string, string>;

export const logKey = (reminder: Pick<Reminder, 'issueKey' | 'kind'>): string => `${reminder.issueKey}|${reminder.kind}`;

/**
 * @example
 * dueReminders(items, '2026-06-30', '2026-06-10', {}).map((r) => [r.issueKey, r.kind, r.to]);
 * // [['MSP-3', 'mandatory-open', 'alice'], ...]
 */
export function dueReminders(items: readonly ReminderItem[], auditDate: string, today: string, log: ReminderLog): Reminder[] {
  const reminders: Reminder[] = [];
  const daysToAudit = daysFrom(today, auditDate);
  for (const item of items) {
    if (item.assignee === null) continue;
    const base = { issueKey: item.issueKey, itemId: item.itemId, to: item.assignee };
    const name = `${item.itemId} ${item.title}`;
    const live = item.entries.filter((entry) => entry.reviewState !== 'rejected');
    const expiring = live.filter(
      (entry) => entry.expiryDate !== undefined && entry.expiryDate >= today && (entry.expiryDate < auditDate || daysFrom(today, entry.expiryDate) <= EXPIRING_WITHIN_DAYS),
    );
    if (item.result !== 'na' && expiring.length > 0) {
      const list = expiring.map((entry) => `"${entry.title}" (${entry.expiryDate})`).join(', ');
      reminders.push({ ...base, kind: 'evidence-expiring', subject: `Evidence of ${name} expires soon`, text: `Evidence expiring before the audit on ${auditDate} or within ${EXPIRING_WITHIN_DAYS} days: ${list}. Add a current version.` });
    }
    const waiting = live.filter((entry) => entry.reviewState === 'pending' && daysFrom((entry.updatedAt ?? entry.addedAt).slice(0, 10), today) > PENDING_REVIEW_DAYS);
    if (waiting.length > 0) {
      reminders.push({ ...base, kind: 'review-pending', subject: `Evidence of ${name} waits for review`, text: `${waiting.length} evidence entr${waiting.length === 1 ? 'y has' : 'ies have'} waited more than ${PENDING_REVIEW_DAYS} days for review: ask a reviewer to accept or reject ${waiting.length === 1 ? 'it' : 'them'}.` });
    }
    if (item.mandatory && isOpen(item.result) && daysToAudit >= 0 && daysToAudit <= MANDATORY_WINDOW_DAYS) {
      reminders.push({ ...base, kind: 'mandatory-open', subject: `${name} is not met, ${daysToAudit} days before the audit`, text: `This mandatory item is not met and the validation audit is on ${auditDate} (${daysToAudit} days). Meet it, or record why it does not apply.` });
    }
  }
  return reminders.filter((reminder) => !recentlySent(log, reminder, today));
}

function recentlySent(log: ReminderLog, reminder: Reminder, today: string): boolean {
  const last = log[logKey(reminder)];
  return last !== undefined && daysFrom(last, today) < THROTTLE_DAYS;
}

/** The log without entries too old to hold anything back. */
export function pruneLog(log: ReminderLog, today: string): ReminderLog {
  const since = addDays(today, -THROTTLE_DAYS);
  return Object.fromEntries(Object.entries(log).filter(([, day]) => day > since));
}

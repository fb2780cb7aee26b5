/**
 * Daily reminders (`scheduledTrigger` `audit-reminders`, interval `day`): for every project holding
 * a checklist with an audit plan, the reminders src/domain/plan-reminders.ts selects go to each
 * item's assignee through Jira's issue notify API, as the app.
 *
 * - A project can turn them off (`setReminders { enabled: false }`, Edit issues); on by default.
 * - Throttle log per project and checklist (reminderLogKey): an issue and kind is reminded at most
 *   every 7 days. The log is written after every notify, so a run cut short or run twice the same
 *   day sends nothing twice; a refused notify (400, 403, 404: user gone, issue gone) is logged and
 *   counted as decided, so it is not retried every day; a 5xx is not logged and tries again the next
 *   day; 429s are retried by JiraHttp as elsewhere.
 * - Items, results, owners and the evidence entries come from one read of Jira (the rollup's paged
 *   search, forced: review age needs the entries, which the cache keeps only as digests).
 * - The preview (`getReminders`) is the same selection without sending.
 */
import { z } from 'zod';
import type { RemindersView } from '../../common/contract';
import { requireEditAccess } from '../platform/audit-access';
import { auditChecklist } from '../catalogue/audit-checklist';
import { historyDay } from '../platform/history-store';
import { findChecklist } from '../catalogue';
import { dueReminders, logKey, pruneLog, type Reminder, type ReminderItem, type ReminderLog } from '../domain/plan-reminders';
import type { ChecklistDefinition } from '../domain/types';
import type { JiraClient } from '../jira';
import { JiraHttp } from '../jira/http';
import { notifyIssue } from '../jira/notify';
import type { ProjectCaller } from '../platform/context';
import { jiraClientFor, jiraHttpOptionsFor } from '../platform/jira';
import { computeRollup } from '../rollup/get-rollup';
import { projectChecklistsPrefix, reminderLogKey, reminderSettingsKey, reminderSettingsLockKey } from '../storage/keys';
import { withRecordLock } from '../storage/record-lock';
import { readByPrefix, readValue, writeValue } from '../storage/kvs';
import { writeRecordWithDecision } from '../trail/wal';
import { readPlan } from '../platform/plan-store';

const logSchema = z.record(z.string(), z.string());
const settingsSchema = z.object({ enabled: z.boolean() });
const indexSchema = z.object({ checklistIds: z.array(z.string()) });

export interface ReminderRunSummary {
  day: string;
  sent: number;
  refused: number;
  failed: number;
  skippedProjects: number;
}

export async function remindersEnabled(projectKey: string): Promise<boolean> {
  return (await readValue(reminderSettingsKey(projectKey), settingsSchema).catch(() => undefined))?.enabled ?? true;
}

/** The reminders one checklist of a project is due today, after the throttle. */
async function selectFor(jira: JiraClient, projectKey: string, def: ChecklistDefinition, today: string, now: () => number): Promise<{ reminders: Reminder[]; log: ReminderLog } | undefined> {
  const plan = await readPlan(projectKey, def.id);
  if (!plan) return undefined;
  const computed = await computeRollup(jira, projectKey, def, { force: true }, now);
  const owners = new Map(computed.states.map((state) => [state.itemId, state.assignee ?? null]));
  const items: ReminderItem[] = computed.report.items.flatMap((item) =>
    item.issueKey === undefined
      ? []
      : [{ itemId: item.id, title: item.title, issueKey: item.issueKey, mandatory: item.mandatory, result: item.result, assignee: owners.get(item.id) ?? null, entries: computed.evidence.get(item.id)?.entries ?? [] }],
  );
  const log = pruneLog((await readValue(reminderLogKey(projectKey, def.id), logSchema).catch(() => undefined)) ?? {}, today);
  return { reminders: dueReminders(items, plan.validationDate, today, log), log };
}

/** The daily run over every project and checklist with a plan. */
export async function sendReminders(jira: JiraClient, http: JiraHttp, now: () => number = Date.now): Promise<ReminderRunSummary> {
  const today = historyDay(new Date(now()));
  const summary: ReminderRunSummary = { day: today, sent: 0, refused: 0, failed: 0, skippedProjects: 0 };
  const prefix = projectChecklistsPrefix();
  for (const { key, value } of await readByPrefix(prefix, indexSchema)) {
    const projectKey = key.slice(prefix.length);
    if (!(await remindersEnabled(projectKey))) {
      summary.skippedProjects += 1;
      continue;
    }
    for (const checklistId of value.checklistIds) {
      try {
        const def = await findChecklist(checklistId);
        const selected = def ? await selectFor(jira, projectKey, def, today, now) : undefined;
        if (!def || !selected) continue;
        const { reminders, log } = selected;
        for (const reminder of reminders) {
          const outcome = await notifyIssue(http, { issueKey: reminder.issueKey, to: [reminder.to], subject: reminder.subject, textBody: reminder.text });
          if (outcome.sent) summary.sent += 1;
          else {
            summary.refused += 1;
            console.warn(`[reminders] ${projectKey}/${reminder.issueKey} ${reminder.kind}: Jira refused the notification (${outcome.status}); skipped until next week`);
          }
          log[logKey(reminder)] = today;
          await writeValue(reminderLogKey(projectKey, def.id), log);
        }
      } catch (error) {
        summary.failed += 1;
        console.warn(`[reminders] ${projectKey}/${checklistId}: reminders failed (${error instanceof Error ? error.name : 'error'}); tried again tomorrow`);
      }
    }
  }
  console.info(`[reminders] ${today}: ${summary.sent} sent, ${summary.refused} refused, ${summary.failed} checklists failed, ${summary.skippedProjects} projects with reminders off`);
  return summary;
}

/** The `reminders` function (manifest `scheduledTrigger` `audit-reminders`). */
export async function remindersHandler(): Promise<ReminderRunSummary> {
  return sendReminders(jiraClientFor('async'), new JiraHttp(jiraHttpOptionsFor('async')));
}

/** `getReminders { checklistId? }`: whether they are on, and what the next run would send (Edit issues: it reads Jira afresh). */
export async function getReminders(jira: JiraClient, caller: ProjectCaller, args: { checklistId?: string }, now: () => number = Date.now): Promise<RemindersView> {
  await requireEditAccess(jira, caller, 'preview the reminders');
  const def = await auditChecklist(caller.projectKey, args.checklistId);
  const today = historyDay(new Date(now()));
  const selected = await selectFor(jira, caller.projectKey, def, today, now);
  return {
    enabled: await remindersEnabled(caller.projectKey),
    next: (selected?.reminders ?? []).map((reminder) => ({ issueKey: reminder.issueKey, itemId: reminder.itemId, kind: reminder.kind, to: reminder.to, subject: reminder.subject })),
  };
}

/** `setReminders { enabled, checklistId? }` (Edit issues), recorded in the trail as a setting. */
export async function setReminders(jira: JiraClient, caller: ProjectCaller, args: { enabled: boolean; checklistId?: string }, now: () => number = Date.now): Promise<RemindersView> {
  await requireEditAccess(jira, caller, 'turn the reminders on or off');
  // Two people switching at once take turns: the second sees the first's switch, so the trail never
  // records a change from a state that was no longer there.
  const busy = `Someone else is switching the reminders of project ${caller.projectKey} right now; try again in a moment.`;
  await withRecordLock(reminderSettingsLockKey(caller.projectKey), busy, async () => {
    const before = await remindersEnabled(caller.projectKey);
    if (before === args.enabled) return;
    const record = { key: reminderSettingsKey(caller.projectKey), value: { enabled: args.enabled } };
    await writeRecordWithDecision(
      { projectKey: caller.projectKey, actor: caller.accountId, action: 'settings.change', before: { reminders: before }, after: { reminders: args.enabled }, at: new Date(now()) },
      record,
      () => writeValue(record.key, record.value),
    );
  });
  return getReminders(jira, caller, args.checklistId !== undefined ? { checklistId: args.checklistId } : {}, now);
}



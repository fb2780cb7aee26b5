/**
 * The issue trigger (`avi:jira:created:issue`, `avi:jira:updated:issue`, ignoring the app's own
 * changes): when an audit issue changes, record that its project changed so cached rollups are
 * re-read. Issues that are not the app's are ignored after a look at the event alone, unless the
 * event does not say (no labels in it): then the identity property decides.
 */
import { z } from 'zod';
import type { JiraClient } from '../jira';
import { ITEM_PROPERTY } from '../jira/identity';
import { AUDIT_LABEL } from '../jira/layout';
import { jiraClientFor } from '../resolvers/jira';
import { markProjectChanged } from '../storage/project-state';

const eventSchema = z.looseObject({
  issue: z.looseObject({
    key: z.string(),
    fields: z
      .looseObject({
        labels: z.array(z.string()).optional(),
        project: z.looseObject({ key: z.string() }).optional(),
      })
      .optional(),
  }),
  changelog: z
    .looseObject({
      items: z.array(z.looseObject({ field: z.string().optional(), fromString: z.string().nullish() })).optional(),
    })
    .optional(),
});

export async function handleIssueEvent(jira: JiraClient, event: unknown): Promise<void> {
  const parsed = eventSchema.safeParse(event);
  if (!parsed.success) return;
  const { issue, changelog } = parsed.data;
  const projectKey = issue.fields?.project?.key ?? issue.key.replace(/-\d+$/, '');
  if (!(await isAuditIssue(jira, issue.key, issue.fields?.labels, changelog?.items ?? []))) return;
  await markProjectChanged(projectKey);
  console.info(`[rollup] project ${projectKey}: audit issue changed; cached rollups will be re-read`);
}

async function isAuditIssue(
  jira: JiraClient,
  issueKey: string,
  labels: string[] | undefined,
  changes: { field?: string; fromString?: string | null }[],
): Promise<boolean> {
  if (labels?.includes(AUDIT_LABEL)) return true;
  // Someone removed the app's label: the issue still counts until the rollup re-reads it.
  if (changes.some((change) => change.field === 'labels' && (change.fromString ?? '').split(' ').includes(AUDIT_LABEL))) return true;
  if (labels !== undefined) return false;
  return (await jira.getIssueProperty({ issueKey, propertyKey: ITEM_PROPERTY })) !== undefined;
}

/** The `issue-trigger` function. Trigger events are not retried, so a failure is logged and dropped. */
export async function issueTriggerHandler(event: unknown): Promise<void> {
  try {
    await handleIssueEvent(jiraClientFor('async'), event);
  } catch (error) {
    console.warn(`[rollup] issue trigger failed: ${error instanceof Error ? error.name : 'error'}; the rollup cache expires on its own`);
  }
}

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
import { jiraClientFor } from '../platform/jira';
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
      items: z.array(z.looseObject({ field: z.string().optional(), fromString: z.string().nullish(), toString: z.string().nullish() })).optional(),
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
  // A move to another project changes the issue's key (changelog `Key`): the project it left counts
  // one item issue less, so its cached rollups are stale too.
  const from = movedFrom(changelog?.items ?? []);
  if (from !== undefined && from !== projectKey) {
    await markProjectChanged(from);
    console.info(`[rollup] project ${from}: an audit issue moved away; cached rollups will be re-read`);
  }
}

/** The project key an issue had before a move, from the changelog's `Key` item (`MSP-7` → `MSP`). */
export function movedFrom(changes: { field?: string; fromString?: string | null }[]): string | undefined {
  const keyChange = changes.find((change) => change.field?.toLowerCase() === 'key' && typeof change.fromString === 'string');
  const match = keyChange?.fromString ? /^([A-Z][A-Z0-9_]*)-\d+$/.exec(keyChange.fromString) : null;
  return match?.[1];
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

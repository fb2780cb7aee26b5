/**
 * The trail's use cases for the resolvers: each checks Browse projects as the calling user (on the
 * project in context, or on the issue for the item panel) before reading as the app.
 */
import { displayNames } from '../platform/people';
import type { ItemHistory, TrailExportPage, TrailPage, TrailVerification } from '../../common/contract';
import { AppError } from '../../common/errors';
import { readGrants } from '../platform/audit-access';
import type { IssueCaller } from '../platform/issue-context';
import { JiraNotFoundError, type JiraClient } from '../jira';
import type { EvidenceJira } from '../jira/evidence-issue';
import { ITEM_PROPERTY, readIdentity } from '../jira/identity';
import type { ProjectCaller } from '../platform/context';
import { DEFAULT_PAGE, MAX_PAGE, readExportPage, readItemHistory, readTrailPage } from './read';
import { START, verifySlice, type VerifyCarry } from './verify';
import { settlePending } from './wal';

/** `getTrail { cursor?, limit? }`: newest first. */
export async function getTrail(jira: JiraClient, caller: ProjectCaller, args: { cursor?: string; limit?: number }): Promise<TrailPage> {
  await readGrants(jira, caller, [], 'read the decision trail');
  const limit = args.limit ?? DEFAULT_PAGE;
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_PAGE) throw new AppError('invalid-input', `Ask for 1 to ${MAX_PAGE} trail entries a page, not ${limit}.`);
  const before = args.cursor === undefined ? undefined : cursorNumber(args.cursor, 2);
  if (before === undefined) await settleBeforeReading(jira, caller.projectKey);
  const page = await readTrailPage(caller.projectKey, { limit, ...(before !== undefined ? { before } : {}) });
  return { ...page, people: await displayNames(caller.projectKey, page.entries.map((entry) => entry.actor)) };
}

/** `verifyTrail { cursor? }`: the chain, a slice a call, and where it breaks. */
export async function verifyTrail(jira: JiraClient, caller: ProjectCaller, args: { cursor?: string }, now: Date = new Date()): Promise<TrailVerification> {
  await readGrants(jira, caller, [], 'verify the decision trail');
  const carry = args.cursor === undefined ? START : verifyCursor(args.cursor);
  const { verdict, next } = await verifySlice(caller.projectKey, carry, now);
  if (next) return { ...verdict, nextCursor: `${next.chunk}.${next.lastSeq}.${next.prevHash}` };
  console.info(`[trail] ${caller.projectKey}: verified ${verdict.entries} entries, ${verdict.intact ? 'intact' : `${verdict.breakCount} break(s)`}`);
  return verdict;
}

function verifyCursor(cursor: string): VerifyCarry {
  const match = /^(\d{1,9})\.(\d{1,9})\.([0-9a-f]{64})$/.exec(cursor);
  if (!match) throw new AppError('invalid-input', 'That is not a cursor this verification gave out; verify again from the start.');
  return { chunk: Number(match[1]), lastSeq: Number(match[2]), prevHash: match[3] ?? '' };
}

/** `exportTrail { cursor? }`: CSV pages, oldest first, that the browser joins. */
export async function exportTrail(jira: JiraClient, caller: ProjectCaller, args: { cursor?: string }, now: Date = new Date()): Promise<TrailExportPage> {
  await readGrants(jira, caller, [], 'export the decision trail');
  const from = args.cursor === undefined ? 0 : cursorNumber(args.cursor, 0);
  if (from === 0) await settleBeforeReading(jira, caller.projectKey, now);
  return readExportPage(caller.projectKey, from, `${caller.projectKey}-decision-trail-${now.toISOString().slice(0, 10)}.csv`);
}

/** `getItemHistory {}`: the issue in context and the checklist item it stands for. */
export async function getItemHistory(issues: EvidenceJira, caller: IssueCaller): Promise<ItemHistory> {
  const grants = await issues.getMyPermissions({ issueKey: caller.issueKey, permissions: ['BROWSE_PROJECTS'] }).catch((error: unknown) => {
    if (error instanceof JiraNotFoundError) return { BROWSE_PROJECTS: false };
    throw error;
  });
  if (grants.BROWSE_PROJECTS !== true) {
    throw new AppError('forbidden', `You need the Browse projects permission on ${caller.issueKey} to see its history. Ask a Jira admin of project ${caller.projectKey} to grant it.`);
  }
  const issue = await issues.getIssue({ issueKey: caller.issueKey, fields: [], properties: [ITEM_PROPERTY] });
  const identity = readIdentity(issue.properties);
  const item = identity?.kind === 'item' ? { checklistId: identity.checklistId, itemId: identity.itemId } : undefined;
  const history = await readItemHistory(caller.projectKey, { issueKey: caller.issueKey, ...(item ? { item } : {}) });
  return { ...history, people: await displayNames(caller.projectKey, history.entries.map((entry) => entry.actor)) };
}

/**
 * The first page of the Trail tab and of the export first records the project's overdue pending
 * decisions (src/trail/wal.ts; bounded), so what is shown includes every decision in force. A
 * failure only leaves them for the next reader.
 */
async function settleBeforeReading(jira: JiraClient, projectKey: string, now: Date = new Date()): Promise<void> {
  await settlePending(projectKey, { jira, now }).catch((error: unknown) => {
    console.warn(`[trail] ${projectKey}: pending decisions not settled before reading: ${error instanceof Error ? error.name : 'error'}`);
  });
}

function cursorNumber(cursor: string, min: number): number {
  const value = /^\d{1,9}$/.test(cursor) ? Number(cursor) : Number.NaN;
  if (!Number.isInteger(value) || value < min) throw new AppError('invalid-input', `"${cursor.slice(0, 40)}" is not a cursor this trail gave out; start again from the first page.`);
  return value;
}

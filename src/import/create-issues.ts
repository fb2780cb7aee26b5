/**
 * Creating checklist issues in Jira, 50 a call: chapter Epics, then items. Shared by import and
 * version sync, so both write exactly the same layout. Each chunk is reported to the caller before
 * the next is sent, so a caller can checkpoint and stop between chunks.
 */
import type { Chapter, ChecklistDefinition, ChecklistItem } from '../domain/types';
import { BULK_CREATE_MAX, JiraUnavailableError, type BulkElementResult, type JiraClient } from '../jira';
import type { EntityPropertyInput } from '../jira/issues';
import { formatErrorBody } from '../jira/errors';
import { chapterCreateInput, itemCreateInput } from '../jira/layout';
import type { CreatedIssue } from './created';

/** Jira refused an item or chapter for its content; the message names it and the field. */
export class IssueRejectedError extends Error {
  override name = 'IssueRejectedError';
}

type Failure = Extract<BulkElementResult, { ok: false }>;

export interface CreateItemsArgs {
  jira: JiraClient;
  def: ChecklistDefinition;
  projectKey: string;
  issueTypeId: string;
  /** Chapter id → Epic key; items of these chapters get the Epic as parent. */
  chapterKeys: Readonly<Record<string, string>>;
  items: readonly ChecklistItem[];
  /** Called after every chunk with what it created (also when the chunk then fails). */
  onChunk: (created: Record<string, CreatedIssue>) => Promise<void>;
  /** Asked before each chunk; true stops cleanly (e.g. the invocation is running out of time). */
  shouldStop?: () => boolean | Promise<boolean>;
  /** More entity properties for an item's new issue, set in the same bulk call (e.g. an initial assessment). */
  extraProperties?: (item: ChecklistItem) => EntityPropertyInput[];
}

/** Returns true when every item was sent, false when `shouldStop` stopped it first. */
export async function createItems(args: CreateItemsArgs): Promise<boolean> {
  for (let start = 0; start < args.items.length; start += BULK_CREATE_MAX) {
    if (await args.shouldStop?.()) return false;
    const chunk = args.items.slice(start, start + BULK_CREATE_MAX);
    const inputs = chunk.map((item) => {
      const input = itemCreateInput({
        def: args.def,
        item,
        projectKey: args.projectKey,
        issueTypeId: args.issueTypeId,
        ...(args.chapterKeys[item.chapterId] !== undefined ? { parentKey: args.chapterKeys[item.chapterId] } : {}),
      });
      const extra = args.extraProperties?.(item) ?? [];
      return extra.length === 0 ? input : { ...input, properties: [...(input.properties ?? []), ...extra] };
    });
    const results = await args.jira.bulkCreateIssues({ issues: inputs });
    const created: Record<string, CreatedIssue> = {};
    const failures: { name: string; failure: Failure }[] = [];
    results.forEach((result, index) => {
      const item = chunk[index]!;
      if (result.ok) created[item.id] = { id: result.id, key: result.key };
      else failures.push({ name: `item ${item.id}`, failure: result });
    });
    await args.onChunk(created);
    if (failures.length > 0) throw failureError(failures);
  }
  return true;
}

/** Creates chapter Epics; returns chapter id → key for the ones created. */
export async function createChapters(args: {
  jira: JiraClient;
  def: ChecklistDefinition;
  projectKey: string;
  epicTypeId: string;
  chapters: readonly Chapter[];
}): Promise<Record<string, string>> {
  const keys: Record<string, string> = {};
  if (args.chapters.length === 0) return keys;
  const inputs = args.chapters.map((chapter) => chapterCreateInput({ def: args.def, chapter, projectKey: args.projectKey, epicTypeId: args.epicTypeId }));
  const results = await args.jira.bulkCreateIssues({ issues: inputs });
  const failures: { name: string; failure: Failure }[] = [];
  results.forEach((result, index) => {
    const chapter = args.chapters[index]!;
    if (result.ok) keys[chapter.id] = result.key;
    else failures.push({ name: `chapter ${chapter.id}`, failure: result });
  });
  if (failures.length > 0) throw failureError(failures);
  return keys;
}

/**
 * Elements that still failed with 429/5xx after the client's retries are a passing condition
 * (retry later); anything else is Jira refusing the content, named item by item.
 */
function failureError(failures: { name: string; failure: Failure }[]): Error {
  const rejected = failures.filter(({ failure }) => failure.status !== 429 && failure.status < 500);
  if (rejected.length === 0) {
    const first = failures[0]!.failure;
    return new JiraUnavailableError({ operation: 'bulkCreateIssues', status: first.status, errorMessages: first.errorMessages, errors: first.errors });
  }
  const [first] = rejected;
  const detail = formatErrorBody(first!.failure) || `status ${first!.failure.status}`;
  const more = rejected.length > 1 ? ` (and ${rejected.length - 1} more)` : '';
  return new IssueRejectedError(`Jira rejected ${first!.name}: ${detail}${more}. Fix the checklist or the project's field configuration, then import again; items already created are kept.`);
}

/**
 * Creating checklist issues in Jira, 50 a call: chapter Epics, then items. Shared by import and
 * version sync, so both write exactly the same layout. Each chunk is reported to the caller before
 * the next is sent, so a caller can checkpoint and stop between chunks.
 */
import type { Chapter, ChecklistDefinition, ChecklistItem } from '../domain/types';
import { BULK_CREATE_MAX, JiraUnavailableError, type BulkElementResult, type JiraClient } from '../jira';
import type { EntityPropertyInput, IssueCreateInput } from '../jira/issues';
import { formatErrorBody, JiraAmbiguousWriteError } from '../jira/errors';
import { checklistIssuesJql, ITEM_PROPERTY, readIdentity } from '../jira/identity';
import { jqlString } from '../jira/jql';
import { chapterCreateInput, itemCreateInput } from '../jira/layout';
import type { CreatedIssue } from './created';

/** Bulk calls answered with an ambiguous 5xx (read back, then resend the rest) before giving up for now. */
const AMBIGUOUS_ATTEMPTS = 3;

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
  /** Called after every chunk with what it created, by item id (also when the chunk then fails). */
  onChunk: (created: Map<string, CreatedIssue>) => Promise<void>;
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
        ...(Object.hasOwn(args.chapterKeys, item.chapterId) ? { parentKey: args.chapterKeys[item.chapterId]! } : {}),
      });
      const extra = args.extraProperties?.(item) ?? [];
      return extra.length === 0 ? input : { ...input, properties: [...(input.properties ?? []), ...extra] };
    });
    const results = await createOnce({ jira: args.jira, def: args.def, projectKey: args.projectKey, kind: 'item', ids: chunk.map((item) => item.id), inputs });
    const created = new Map<string, CreatedIssue>();
    const failures: { name: string; failure: Failure }[] = [];
    results.forEach((result, index) => {
      const item = chunk[index]!;
      if (result.ok) created.set(item.id, { id: result.id, key: result.key });
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
  // Null prototype: chapter ids such as `constructor` or `__proto__` are plain keys here.
  const keys: Record<string, string> = Object.create(null) as Record<string, string>;
  if (args.chapters.length === 0) return keys;
  const inputs = args.chapters.map((chapter) => chapterCreateInput({ def: args.def, chapter, projectKey: args.projectKey, epicTypeId: args.epicTypeId }));
  const results = await createOnce({ jira: args.jira, def: args.def, projectKey: args.projectKey, kind: 'chapter', ids: args.chapters.map((chapter) => chapter.id), inputs });
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
 * One bulk create (≤ 50 issues) that never creates an issue twice. A 5xx to the call is ambiguous
 * (Jira may have committed it before the gateway failed), so the http layer does not resend it;
 * here one search by identity finds which of `ids` exist, and only the others are sent again.
 * After AMBIGUOUS_ATTEMPTS the error (transient) goes up: the caller's next run starts from the
 * identity search anyway.
 */
async function createOnce(args: {
  jira: JiraClient;
  def: ChecklistDefinition;
  projectKey: string;
  kind: 'item' | 'chapter';
  ids: readonly string[];
  inputs: readonly IssueCreateInput[];
}): Promise<BulkElementResult[]> {
  const results = new Array<BulkElementResult | undefined>(args.ids.length).fill(undefined);
  let pending = args.ids.map((_, index) => index);
  for (let attempt = 1; ; attempt++) {
    try {
      const sent = await args.jira.bulkCreateIssues({ issues: pending.map((index) => args.inputs[index]!) });
      sent.forEach((result, position) => {
        results[pending[position]!] = result;
      });
      return results.map((result) => result ?? { ok: false, status: 0, errorMessages: ['not sent'], errors: {} });
    } catch (error) {
      if (!(error instanceof JiraAmbiguousWriteError) || attempt >= AMBIGUOUS_ATTEMPTS) throw error;
      const found = await findByIdentity(args, pending.map((index) => args.ids[index]!));
      console.warn(`[import] bulk create answered ${error.status}; ${found.size} of ${pending.length} issues were created anyway, sending the rest again`);
      pending = pending.filter((index) => {
        const issue = found.get(args.ids[index]!);
        if (issue) results[index] = { ok: true, id: issue.id, key: issue.key };
        return !issue;
      });
    }
  }
}

/** The issues of `def` standing for these item (or chapter) ids, lowest key first, in one search. */
async function findByIdentity(
  args: { jira: JiraClient; def: ChecklistDefinition; projectKey: string; kind: 'item' | 'chapter' },
  ids: readonly string[],
): Promise<Map<string, CreatedIssue>> {
  const found = new Map<string, CreatedIssue>();
  if (ids.length === 0) return found;
  const path = args.kind === 'item' ? 'itemId' : 'chapterId';
  const issues = await args.jira.searchJql({
    jql: `${checklistIssuesJql(args.projectKey, [args.def.id])} AND issue.property[${ITEM_PROPERTY}].${path} in (${ids.map(jqlString).join(', ')}) ORDER BY key ASC`,
    fields: ['key'],
    properties: [ITEM_PROPERTY],
  });
  for (const issue of issues) {
    const identity = readIdentity(issue.properties);
    if (identity?.kind !== args.kind || issue.key === undefined) continue;
    const id = identity.kind === 'item' ? identity.itemId : identity.chapterId;
    if (!found.has(id)) found.set(id, { id: issue.id, key: issue.key });
  }
  return found;
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

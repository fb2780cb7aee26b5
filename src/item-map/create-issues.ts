/**
 * Creating checklist issues in Jira, 50 a call: chapter Epics, then items. Shared by import and
 * version sync, so both write exactly the same layout. Each chunk is reported to the caller before
 * the next is sent, so a caller can checkpoint and stop between chunks.
 */
import type { Chapter, ChecklistDefinition, ChecklistItem } from '../domain/types';
import { BULK_CREATE_MAX, JiraUnavailableError, type BulkElementResult, type JiraClient } from '../jira';
import type { EntityPropertyInput, IssueCreateInput } from '../jira/issues';
import { formatErrorBody, JiraAmbiguousWriteError } from '../jira/errors';
import { ITEM_PROPERTY } from '../jira/identity';
import { isRecord } from '../domain/records';
import type { ItemLedger } from './ledger';
import { chapterCreateInput, itemCreateInput } from '../jira/layout';
import type { CreatedIssue } from './created';

/** Bulk calls answered with an ambiguous 5xx (read back, then resend the rest) before giving up for now. */
const AMBIGUOUS_ATTEMPTS = 6;

/** Jira refused an item or chapter for its content; the message names it and the field. */
export class IssueRejectedError extends Error {
  override name = 'IssueRejectedError';
}

type Failure = Extract<BulkElementResult, { ok: false }>;

export interface CreateItemsArgs {
  jira: JiraClient;
  def: ChecklistDefinition;
  projectKey: string;
  /** Checkpoints each bulk call and records its answer in the item map. */
  ledger: ItemLedger;
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
    const results = await createOnce({ jira: args.jira, def: args.def, ledger: args.ledger, kind: 'item', ids: chunk.map((item) => item.id), inputs });
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
  ledger: ItemLedger;
  epicTypeId: string;
  chapters: readonly Chapter[];
}): Promise<Record<string, string>> {
  // Null prototype: chapter ids such as `constructor` or `__proto__` are plain keys here.
  const keys: Record<string, string> = Object.create(null) as Record<string, string>;
  if (args.chapters.length === 0) return keys;
  const inputs = args.chapters.map((chapter) => chapterCreateInput({ def: args.def, chapter, projectKey: args.projectKey, epicTypeId: args.epicTypeId }));
  const results = await createOnce({ jira: args.jira, def: args.def, ledger: args.ledger, kind: 'chapter', ids: args.chapters.map((chapter) => chapter.id), inputs });
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
 * One bulk create (≤ 50 issues) that never creates an issue twice. The ledger checkpoints the call
 * before it is sent (with a batch id written into each new issue's identity) and records its answer
 * in the item map. A 5xx to the call is ambiguous (Jira may have committed it before the gateway
 * failed): the issues of the batch are then read back by key, never through the lagging search
 * index (item-map/recover.ts), and only the ids not found are sent again, as a new batch. After
 * AMBIGUOUS_ATTEMPTS the error (transient) goes up; the next run starts from the map.
 */
async function createOnce(args: {
  jira: JiraClient;
  def: ChecklistDefinition;
  ledger: ItemLedger;
  kind: 'item' | 'chapter';
  ids: readonly string[];
  inputs: readonly IssueCreateInput[];
}): Promise<BulkElementResult[]> {
  const results = new Array<BulkElementResult | undefined>(args.ids.length).fill(undefined);
  let pending = args.ids.map((_, index) => index);
  for (let attempt = 1; pending.length > 0; attempt++) {
    const batch = await args.ledger.checkpoint(args.def.id, args.kind, pending.map((index) => args.ids[index]!));
    try {
      const sent = await args.jira.bulkCreateIssues({ issues: pending.map((index) => withBatch(args.inputs[index]!, batch)) });
      const created = new Map<string, CreatedIssue>();
      sent.forEach((result, position) => {
        const index = pending[position]!;
        results[index] = result;
        if (result.ok) created.set(args.ids[index]!, { id: result.id, key: result.key });
      });
      await args.ledger.record(args.def.id, args.kind, created);
      pending = [];
    } catch (error) {
      if (!(error instanceof JiraAmbiguousWriteError)) throw error;
      const found = await args.ledger.recoverLast();
      console.warn(`[import] bulk create answered ${error.status}; ${found.size} of ${pending.length} issues were created anyway, sending the rest again`);
      pending = pending.filter((index) => {
        const issue = found.get(args.ids[index]!);
        if (issue) results[index] = { ok: true, id: issue.id, key: issue.key };
        return !issue;
      });
      if (pending.length > 0 && attempt >= AMBIGUOUS_ATTEMPTS) throw error;
    }
  }
  return results.map((result) => result ?? { ok: false, status: 0, errorMessages: ['not sent'], errors: {} });
}

/** The input with the call's batch id in its identity property (how recovery recognises it). */
function withBatch(input: IssueCreateInput, batch: string): IssueCreateInput {
  if (!input.properties) return input;
  return {
    ...input,
    properties: input.properties.map((property) => (property.key === ITEM_PROPERTY && isRecord(property.value) ? { key: property.key, value: { ...property.value, batch } } : property)),
  };
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

/**
 * The writer's side of the item map: what import and version sync hold while they create issues.
 *
 * Exactly one issue per item, even when Jira commits a bulk create and the answer is lost (a 5xx
 * after commit, a consumer killed during the call) while the search index lags:
 * 1. before each bulk call, {@link ItemLedger.checkpoint} stores what is about to be created, a
 *    fresh `batch` id (also written into each new issue's identity) and the highest issue key number
 *    known (a lower bound of the project's last key);
 * 2. the answer goes into the map, then the checkpoint is cleared;
 * 3. a lost answer (now, or found as a leftover checkpoint when a job resumes) is never resent
 *    blind: issue keys are sequential per project, so `bulkfetch` of the keys after the one known
 *    shows what the call created, by its `batch` (recover.ts); those issues go into the map and only
 *    the rest is sent again, under a new checkpoint. No step reads the search index.
 */
import { randomUUID } from 'node:crypto';
import type { JiraClient } from '../jira';
import { jqlString } from '../jira/jql';
import type { CreatedIssue } from './created';
import { checklistMap, highestKeyNumber, keyNumber, type ItemMap } from './model';
import { findBatch } from './recover';
import { clearPending, loadItemMap, readPending, saveItemMap, writePending, type PendingCreate } from './store';
import { openItemMap } from './ensure';

export type CreateKind = 'item' | 'chapter';

export class ItemLedger {
  private knownKeyNumber: number;
  /** The checkpoint of the bulk call in flight, if any. */
  private last: PendingCreate | undefined;

  private constructor(
    private readonly jira: JiraClient,
    readonly projectKey: string,
    readonly framework: string,
    readonly map: ItemMap,
    knownKeyNumber: number,
    private readonly owns: string | undefined,
  ) {
    this.knownKeyNumber = knownKeyNumber;
  }

  /**
   * Opens (or builds) the framework's map and settles a bulk create a previous run left unanswered.
   * `owns`: the one checklist this writer changes (an import); two imports of different versions of
   * a framework may run at once, so each save keeps the other checklists as stored. Without it the
   * writer holds the framework's write lock (a version update, an adoption) and saves the whole map.
   */
  static async open(jira: JiraClient, projectKey: string, framework: string, owns?: string): Promise<ItemLedger> {
    const map = await openItemMap(jira, projectKey, framework);
    const ledger = new ItemLedger(jira, projectKey, framework, map, highestKeyNumber(map), owns);
    // An import settles only its own checklist's checkpoint (another version's import may be mid-call).
    for (const pending of await readPending(projectKey, framework, owns)) {
      const found = await ledger.recover(pending);
      console.warn(`[item-map] ${projectKey}/${pending.checklistId}: a bulk create's answer was lost; ${found.size} of ${pending.ids.length} issues were created and are kept`);
    }
    return ledger;
  }

  /** The highest issue key number known so far; a search (lagging, so a lower bound) the first time. */
  async lastKeyNumber(): Promise<number> {
    if (this.knownKeyNumber === 0) {
      const [last] = await this.jira.searchJql({ jql: `project = ${jqlString(this.projectKey)} ORDER BY key DESC`, fields: ['key'], limit: 1 });
      this.knownKeyNumber = last?.key !== undefined ? keyNumber(last.key) : 0;
    }
    return this.knownKeyNumber;
  }

  /** Stores what a bulk call is about to create; returns the batch id to write into each identity. */
  async checkpoint(checklistId: string, kind: CreateKind, ids: readonly string[]): Promise<string> {
    const pending: PendingCreate = {
      batch: randomUUID(),
      checklistId,
      kind,
      ids: [...ids],
      afterKeyNumber: await this.lastKeyNumber(),
      projectKey: this.projectKey,
      at: new Date().toISOString(),
    };
    await writePending(this.framework, pending);
    this.last = pending;
    return pending.batch;
  }

  /** Puts what a bulk call created into the map, saves it, and clears the checkpoint. */
  async record(checklistId: string, kind: CreateKind, created: ReadonlyMap<string, CreatedIssue>): Promise<void> {
    const target = checklistMap(this.map, checklistId);
    for (const [id, issue] of created) {
      if (kind === 'item') target.items.set(id, { id: issue.id, key: issue.key, state: 'active' });
      else target.chapters.set(id, { id: issue.id, key: issue.key });
      this.knownKeyNumber = Math.max(this.knownKeyNumber, keyNumber(issue.key));
    }
    await this.save();
    await clearPending(this.projectKey, this.framework, checklistId);
    this.last = undefined;
  }

  /** Settles the bulk call just checkpointed whose answer was lost (see recover.ts). */
  async recoverLast(): Promise<Map<string, CreatedIssue>> {
    if (!this.last) return new Map();
    return this.recover(this.last);
  }

  /** What the bulk call of `pending` created, read by key (never by search); recorded in the map. */
  async recover(pending: PendingCreate): Promise<Map<string, CreatedIssue>> {
    const { found, lastKeyNumber } = await findBatch(this.jira, pending);
    this.knownKeyNumber = Math.max(this.knownKeyNumber, lastKeyNumber);
    await this.record(pending.checklistId, pending.kind, found);
    return found;
  }

  async save(): Promise<void> {
    if (this.owns !== undefined) {
      const stored = await loadItemMap(this.projectKey, this.framework);
      for (const [checklistId, entry] of stored?.checklists ?? []) if (checklistId !== this.owns) this.map.checklists.set(checklistId, entry);
      for (const [id, duplicate] of stored?.duplicates ?? []) if (duplicate.checklistId !== this.owns) this.map.duplicates.set(id, duplicate);
    }
    await saveItemMap(this.projectKey, this.framework, this.map);
  }
}

/**
 * Search index lag (`searchLagMs`), as Jira Cloud's eventually consistent index behaves: for that
 * long after a write, every search (search/jql with fields or ids only, approximate-count) answers
 * from the index as it was: an issue created is missing, an issue changed (fields, labels, status,
 * properties, app field values) still matches on its old values. Reads by id or key (GET issue,
 * bulkfetch) and ids named in `reconcileIssues` see the issue as it is now. Results carry the
 * issue's current data, as Jira hydrates hits from its database.
 */
import type { EmulatorRequest } from './types';
import type { IssueRecord } from './state/model';
import type { Store } from './state/store';

interface Stale {
  /** The issue as the index still has it; null for an issue the index does not have yet. */
  snapshot: IssueRecord | null;
  at: number;
}

export class IndexLag {
  private readonly stale = new Map<string, Stale>();

  constructor(private readonly lagMs: () => number) {}

  clear(): void {
    this.stale.clear();
  }

  /** Before a write: remembers how the index sees each issue the request names (unless it already lags). */
  beforeWrite(store: Store, req: EmulatorRequest, params: Record<string, string>): string[] {
    if (this.lagMs() <= 0 || req.method.toUpperCase() === 'GET') return [];
    const touched = touchedIssues(store, req, params);
    for (const issue of touched) if (!this.lagging(issue.id)) this.stale.set(issue.id, { snapshot: structuredClone(issue), at: Date.now() });
    return touched.map((issue) => issue.id);
  }

  /** After the write: the index catches up `lagMs` after the last write of each issue. */
  afterWrite(ids: readonly string[], createdIds: readonly string[]): void {
    if (this.lagMs() <= 0) return;
    const now = Date.now();
    for (const id of ids) {
      const entry = this.stale.get(id);
      if (entry) entry.at = now;
    }
    for (const id of createdIds) this.stale.set(id, { snapshot: null, at: now });
  }

  /** The issue as search sees it now: its indexed copy, undefined when not indexed yet, or itself. */
  indexed(issue: IssueRecord): IssueRecord | undefined {
    const entry = this.stale.get(issue.id);
    if (!entry) return issue;
    if (!this.lagging(issue.id)) {
      this.stale.delete(issue.id);
      return issue;
    }
    return entry.snapshot ?? undefined;
  }

  private lagging(id: string): boolean {
    const entry = this.stale.get(id);
    return entry !== undefined && this.lagMs() > 0 && Date.now() - entry.at < this.lagMs();
  }
}

/** The existing issues a write request names: in its path, or in a bulk body. */
function touchedIssues(store: Store, req: EmulatorRequest, params: Record<string, string>): IssueRecord[] {
  const refs: string[] = [];
  if (params.issueIdOrKey) refs.push(params.issueIdOrKey);
  const body = req.body as Record<string, unknown> | undefined;
  if (body && typeof body === 'object') {
    if (Array.isArray(body.issues)) for (const entry of body.issues as { issueID?: unknown }[]) if (entry && entry.issueID !== undefined) refs.push(String(entry.issueID));
    if (Array.isArray(body.selectedIssueIdsOrKeys)) refs.push(...body.selectedIssueIdsOrKeys.map(String));
    if (Array.isArray(body.updates)) for (const update of body.updates as { issueIds?: unknown }[]) if (update && Array.isArray(update.issueIds)) refs.push(...update.issueIds.map(String));
    if (Array.isArray(body.issueIds)) refs.push(...body.issueIds.map(String));
  }
  const found = new Map<string, IssueRecord>();
  for (const ref of refs) {
    const issue = store.issue(ref);
    if (issue) found.set(issue.id, issue);
  }
  return [...found.values()];
}

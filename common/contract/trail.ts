/** The resolver contract, part: The decision trail. (common/contract.ts re-exports every part.) */

// ---------------------------------------------------------------------------------------------
// Decision trail (src/trail, helper "trail"): every decision the verdict stands on, chained by
// hash per project.
//   getTrail { cursor?, limit? }   → TrailPage            (Browse projects; newest first)
//   getItemHistory {}              → ItemHistory          (the issue in context; Browse projects)
//   verifyTrail { cursor? }        → TrailVerification    (Browse projects; slices while nextCursor)
//   exportTrail { cursor? }        → TrailExportPage      (Browse projects; the browser joins pages)
// ---------------------------------------------------------------------------------------------

/** One decision as stored: who (account id or `app`), when, what, before → after, why. */
export interface TrailEntryView {
  seq: number;
  /** ISO 8601, UTC. */
  at: string;
  actor: string;
  /** `assessment.set`, `evidence.review`, `chapter.review`, … (DECISION_ACTIONS). */
  action: string;
  checklistId?: string;
  itemId?: string;
  issueKey?: string;
  /** JSON values; one too large for the trail is `{ trailSummary, bytes, sha256, preview }`. */
  before?: unknown;
  after?: unknown;
  reason?: string;
  /** The decision's id (decisions written through a pending record). */
  decisionId?: string;
  /** Only on an entry recorded late (its trail append had failed): when it was recorded; `at` is when it was decided. */
  recordedAt?: string;
  hash: string;
}

export interface GetTrailPayload {
  /** `nextCursor` of the page before; absent for the newest entries. */
  cursor?: string;
  /** Entries per page, 1–100 (default 25). */
  limit?: number;
}

export interface TrailPage {
  /** Newest first. */
  entries: TrailEntryView[];
  /** Entries in the whole trail. */
  total: number;
  nextCursor?: string;
  /** Display names of the entries' actors; null when Jira does not return the account. */
  people?: Record<string, string | null>;
}

export interface ItemHistory {
  issueKey: string;
  /** The item the issue stands for, when it is a checklist item. */
  itemId?: string;
  /** Newest first, at most 50. */
  entries: TrailEntryView[];
  /** Entries about the issue or its item in the whole trail. */
  total: number;
  /** Display names of the entries' actors; null when Jira does not return the account. */
  people?: Record<string, string | null>;
}

/**
 * Why the chain breaks at an entry: `altered` (its content no longer matches its hash), `chain` (it
 * does not name the hash of the entry before it: that one was altered and rehashed, or replaced),
 * `missing` (entries before it are gone), `reordered` (out of order or repeated), `damaged` (not
 * an entry), `misplaced` (in the wrong chunk), `head` (the head's count or last hash disagrees).
 */
export type TrailProblem = 'altered' | 'chain' | 'missing' | 'reordered' | 'damaged' | 'misplaced' | 'head';

export interface TrailBreak {
  seq: number;
  problem: TrailProblem;
  message: string;
}

export interface TrailVerification {
  intact: boolean;
  /** Entries read. */
  entries: number;
  /** Hash of the last entry: write it down to notice later that the end was cut and the head rewritten. */
  lastHash: string;
  /** The first few breaks, lowest seq first. */
  breaks: TrailBreak[];
  /** Breaks in all (more than `breaks` lists when many). */
  breakCount: number;
  checkedAt: string;
  /** A long trail is checked in slices: call `verifyTrail { cursor }` again; the verdict so far is intact. */
  nextCursor?: string;
}

export interface VerifyTrailPayload {
  cursor?: string;
}

export interface ExportTrailPayload {
  cursor?: string;
}

export interface TrailExportPage {
  /** CSV text: the first page starts with the byte order mark and the header; join pages in order. */
  csv: string;
  rows: number;
  total: number;
  fileName: string;
  nextCursor?: string;
}

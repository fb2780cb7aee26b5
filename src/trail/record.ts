/**
 * The one door to the decision trail: every decision the verdict stands on (assessment, evidence
 * added / edited / reviewed / removed, waiver applied / removed, chapter reviewed, settings,
 * version update, import, adoption of an issue, duplicate closed, a "before you apply" tick) calls
 * {@link recordDecision} after its write has succeeded.
 *
 * The trail is per project, append-only and chained by hash (src/trail/ owns how it is stored).
 * Decisions with the highest audit weight (assessment, evidence, waivers, crosswalk links) go
 * through a pending record instead (src/trail/wal.ts: beginDecisions before the write,
 * finishDecisions after), so a trail append that fails after the write is recorded late, never lost.
 */
import { appendEntry } from './append';
import type { EntryInput, TrailEntry } from './entry';
import { settleIfDue } from './wal';

export { TRAIL_CHUNK_ENTRIES, entryHash, type TrailEntry } from './entry';

export const DECISION_ACTIONS = [
  'assessment.set',
  'evidence.add',
  'evidence.edit',
  'evidence.review',
  'evidence.remove',
  'waiver.apply',
  'waiver.remove',
  'chapter.review',
  'settings.change',
  'sync.apply',
  'import.done',
  'item.adopt',
  'duplicate.close',
  'prerequisite.set',
  'plan.set',
  'gate.confirm',
  'finding.record',
  'crosswalk.link',
  'crosswalk.unlink',
  'crosswalk.upload',
] as const;
export type DecisionAction = (typeof DECISION_ACTIONS)[number];

/**
 * One decision: the entry's fields (src/trail/entry.ts: who, what, before → after — small JSON
 * values —, the reason given, when; default now) with the project and an action of the list above.
 */
export type DecisionInput = Omit<EntryInput, 'decisionId' | 'recordedAt'> & { projectKey: string; action: DecisionAction };


/**
 * Appends one decision to the project's trail (src/trail/append.ts): O(1) KVS operations under a
 * per-project lock, chunk, head and the item's index written together, so two appends never fork
 * the chain and a failed write leaves nothing half-done. Large values and long reasons are bounded
 * (src/trail/entry.ts). Throws ConflictError when the trail stays busy for ~10 s.
 */
export async function recordDecision(input: DecisionInput): Promise<TrailEntry> {
  const { projectKey, ...rest } = input;
  // The project's overdue pending decisions first (src/trail/wal.ts), so a late one keeps its place
  // before this one; bounded, at most one KVS query per grace period, never a reason to refuse this one.
  await settleIfDue(projectKey).catch((error: unknown) => {
    console.warn(`[trail] ${projectKey}: pending decisions not settled now: ${error instanceof Error ? error.name : 'error'}`);
  });
  return appendEntry(projectKey, rest);
}

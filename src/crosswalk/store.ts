/**
 * The site's crosswalk in KVS. One header (`crosswalk`) names the current revision; the rows of a
 * revision live in chunks (`crosswalk-rows:<revision>:<n>`), each row a compact tuple so 20,000
 * rows fit in a few values. A save writes the new revision's chunks first and the header last, so
 * a reader sees the old crosswalk or the new one, never half of one; then it removes the chunks of
 * other revisions (a sweep cut short is finished by the next save).
 *
 * Two saves at once: each save claims `crosswalk-lock` (FAIL_IF_EXISTS, with a TTL); the loser
 * gets ConflictError. A save also names the revision its preview showed (`basedOn`): when someone
 * saved another crosswalk in between, it is refused rather than silently overwriting their rows.
 * The same rows saved again (a retry after a lost answer) are answered as saved, writing nothing.
 */
import { partsBySize } from '../../common/parts';
import { createHash, randomUUID } from 'node:crypto';
import { z } from 'zod';
import { ConflictError } from '../../common/errors';
import type { CrosswalkMapping } from '../domain/crosswalk';
import { crosswalkDecisionsKey, crosswalkKey, crosswalkLockKey, crosswalkRowsKey, crosswalkRowsPrefix } from '../storage/keys';
import { claimValue, deleteValue, jsonBytes, MAX_VALUE_BYTES, readByPrefix, readMany, readValue, writeAll, writeValue } from '../storage/kvs';

export const LOCK_TTL_SECONDS = 60;
/**
 * Decision ids kept (newest last), site-wide: far more crosswalk edits than come between a decision
 * and its reconciliation (at the latest the next daily run). Kept in their own record, written in one
 * transaction with the header, so the header every Audit page open reads stays small.
 */
export const DECISIONS_KEPT = 1_000;
const decisionsSchema = z.object({ ids: z.array(z.string()) });

const headerSchema = z.object({
  revision: z.string(),
  chunks: z.number().int().min(0),
  rowCount: z.number().int().min(0),
  /** sha-256 of the rows, to answer a repeated save without writing. */
  digest: z.string(),
  fileName: z.string(),
  savedAt: z.string(),
  savedBy: z.string(),
  /**
   * Ids of trail decisions, in headers written before they moved to their own record
   * (`crosswalkDecisionsKey`, {@link DECISIONS_KEPT}): read, no longer written.
   */
  decisions: z.array(z.string()).optional(),
});
export type CrosswalkHeader = z.infer<typeof headerSchema>;

/** [fromChecklist, fromItem, toChecklist, toItem, 'f' | 'p', note?] */
const rowSchema = z.union([
  z.tuple([z.string(), z.string(), z.string(), z.string(), z.enum(['f', 'p'])]),
  z.tuple([z.string(), z.string(), z.string(), z.string(), z.enum(['f', 'p']), z.string()]),
]);
type StoredRow = z.infer<typeof rowSchema>;
const chunkSchema = z.object({ rows: z.array(rowSchema) });

/** Someone else is saving the crosswalk, or saved another one since the preview; nothing was written. */
export class CrosswalkConflictError extends ConflictError {}

export async function readCrosswalkHeader(): Promise<CrosswalkHeader | undefined> {
  return readValue(crosswalkKey(), headerSchema);
}

/**
 * The saved mappings (none when no crosswalk was ever saved). A part missing because a save swept
 * the revision this read began with is read again under the new header (once): a reader sees the
 * old crosswalk or the new one, never half of each.
 */
export async function loadCrosswalk(): Promise<{ header?: CrosswalkHeader; mappings: CrosswalkMapping[] }> {
  const header = await readCrosswalkHeader();
  if (!header) return { mappings: [] };
  const mappings = await readRevision(header);
  if (mappings) return { header, mappings };
  const moved = await readCrosswalkHeader();
  const again = moved && moved.revision !== header.revision ? await readRevision(moved) : undefined;
  if (moved && again) return { header: moved, mappings: again };
  throw new CrosswalkConflictError('The saved crosswalk is incomplete (a part is missing); ask a Jira administrator to upload it again.');
}

async function readRevision(header: CrosswalkHeader): Promise<CrosswalkMapping[] | undefined> {
  const keys = Array.from({ length: header.chunks }, (_, chunk) => crosswalkRowsKey(header.revision, chunk));
  const found = await readMany(keys, chunkSchema);
  const mappings: CrosswalkMapping[] = [];
  for (const key of keys) {
    const chunk = found.get(key);
    if (!chunk) return undefined;
    mappings.push(...chunk.rows.map(fromStored));
  }
  return mappings;
}

export interface SaveOutcome {
  header: CrosswalkHeader;
  /** The same rows were already saved: nothing was written. */
  unchanged: boolean;
}

/**
 * Saves validated mappings as the new crosswalk. `basedOn`: the revision the person's preview
 * showed (`null`: none was saved then); a different current revision is refused.
 */
export async function saveCrosswalk(
  mappings: readonly CrosswalkMapping[],
  meta: { fileName: string; savedBy: string; basedOn: string | null | undefined; now: Date },
  /**
   * Under the lock, once the save will write: what the revision keeps of the decision (its trail
   * id, src/trail/wal.ts), given the header it replaces.
   */
  beforeWrite?: (current: CrosswalkHeader | undefined) => Promise<{ decisionId: string }>,
): Promise<SaveOutcome> {
  const digest = crosswalkDigest(mappings);
  const claimed = await claimValue(crosswalkLockKey(), { since: meta.now.toISOString() }, { ttlSeconds: LOCK_TTL_SECONDS });
  if (!claimed) throw new CrosswalkConflictError('Someone else is saving the crosswalk right now; wait a minute, look at what they saved, then upload again.');
  try {
    const current = await readCrosswalkHeader();
    if (current !== undefined && current.digest === digest) return { header: current, unchanged: true };
    if (meta.basedOn !== undefined && (current?.revision ?? null) !== meta.basedOn) {
      throw new CrosswalkConflictError(
        `Someone else saved the crosswalk (${current ? `${current.rowCount} rows, ${current.savedAt}` : 'removed it'}) after you previewed yours; preview your file again, then save.`,
      );
    }
    const decision = beforeWrite ? await beforeWrite(current) : undefined;
    return { header: await writeRevision(mappings, { ...meta, ...(decision ? { decisionId: decision.decisionId } : {}) }), unchanged: false };
  } finally {
    await deleteValue(crosswalkLockKey());
  }
}

/** sha-256 of the mappings as stored: the same rows have the same digest. */
export function crosswalkDigest(mappings: readonly CrosswalkMapping[]): string {
  return createHash('sha256').update(JSON.stringify(mappings.map(toStored))).digest('hex');
}

/**
 * Writes the mappings as a new revision: its chunks, then the header that names it, then the sweep
 * of other revisions. The caller holds `crosswalk-lock` (saveCrosswalk, or edit.ts's one-row edits).
 */
export async function writeRevision(mappings: readonly CrosswalkMapping[], meta: { fileName: string; savedBy: string; now: Date; decisionId?: string }): Promise<CrosswalkHeader> {
  const rows = mappings.map(toStored);
  const revision = randomUUID();
  const chunks = chunkRows(rows);
  for (const [index, chunk] of chunks.entries()) await writeValue(crosswalkRowsKey(revision, index), { rows: chunk });
  const header: CrosswalkHeader = { revision, chunks: chunks.length, rowCount: rows.length, digest: crosswalkDigest(mappings), fileName: meta.fileName, savedAt: meta.now.toISOString(), savedBy: meta.savedBy };
  if (meta.decisionId === undefined) {
    await writeValue(crosswalkKey(), header);
  } else {
    // The revision and the decision that made it, together or not at all (the trail's probe reads the ids).
    const kept = (await readValue(crosswalkDecisionsKey(), decisionsSchema))?.ids ?? [];
    await writeAll([
      { key: crosswalkKey(), value: header },
      { key: crosswalkDecisionsKey(), value: { ids: [...kept, meta.decisionId].slice(-DECISIONS_KEPT) } },
    ]);
  }
  await sweepOtherRevisions(revision);
  return header;
}

async function sweepOtherRevisions(keep: string): Promise<void> {
  const stale = await readByPrefix(crosswalkRowsPrefix(), z.unknown());
  for (const { key } of stale) if (!key.startsWith(`${crosswalkRowsPrefix()}${keep}:`)) await deleteValue(key);
}

function chunkRows(rows: readonly StoredRow[]): StoredRow[][] {
  return partsBySize(rows, MAX_VALUE_BYTES, jsonBytes);
}

function toStored(m: CrosswalkMapping): StoredRow {
  const base = [m.from.checklistId, m.from.itemId, m.to.checklistId, m.to.itemId, m.coverage === 'full' ? 'f' : 'p'] as const;
  return m.note !== undefined ? [...base, m.note] : [...base];
}

function fromStored(row: StoredRow): CrosswalkMapping {
  const [fromChecklist, fromItem, toChecklist, toItem, coverage, note] = row;
  return {
    from: { checklistId: fromChecklist, itemId: fromItem },
    to: { checklistId: toChecklist, itemId: toItem },
    coverage: coverage === 'f' ? 'full' : 'partial',
    ...(note !== undefined ? { note } : {}),
  };
}

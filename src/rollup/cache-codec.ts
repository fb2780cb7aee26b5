/**
 * The compact form of cached item states, and how they are cut into blocks that each fit one KVS
 * value. Columns, not one tuple per item: a tuple repeats brackets, quotes and nulls for every item
 * (~69 bytes an item, so 5,000 items needed 340 KB, more than a value holds). Here an item costs
 * its id, its issue number (the `PROJ-` prefix is stored once), an index into the block's few
 * distinct (category, status, resolution, assessment) combinations, and its `updated` time as
 * milliseconds after the oldest one: 20-24 bytes, so 5,000 items take ~0.11 MB, one value.
 * Evidence digests and assessment justifications are stored only for items that have them.
 *
 * `updated` is kept to the millisecond only for issues changed since `exactFrom` (packStates): the
 * delta read compares it only for issues changed within its look-back window, which starts after
 * that (cache.ts). An older one is stored as -1 with the block's `before`: "changed before this
 * instant" (ItemRead.updatedBefore). In a project worked on for months those times are spread to
 * the millisecond and were over half of the compressed cache, which every Audit page open reads.
 */
import { createHash } from 'node:crypto';
import { z } from 'zod';
import type { ItemResult, StatusCategory } from '../domain/types';
import { evidenceDigestSchema, type EvidenceDigest } from '../domain/evidence-digest';
import { jsonBytes } from '../storage/kvs';
import type { ItemRead } from '../platform/item-states';

const categorySchema = z.enum(['new', 'indeterminate', 'done']);
const assessmentSchema = z.enum(['met', 'not_met', 'na', 'not_assessed']);

/** [statusCategory, statusName, resolution, assessment]: few distinct ones in any checklist. */
const kindSchema = z.tuple([categorySchema.nullable(), z.string().nullable(), z.string().nullable(), assessmentSchema.nullable()]);
type Kind = z.infer<typeof kindSchema>;

export const stateBlockSchema = z
  .object({
    /** Issue keys that are `keyPrefix` + digits are stored as the number alone. */
    keyPrefix: z.string(),
    /**
     * Numbers in `keys` are steps from the block's previous number (the first from 0): an import
     * numbers issues in item order, so the steps are mostly 1 and compress to almost nothing.
     * Absent in blocks written before (numbers as they are).
     */
    keySteps: z.literal(true).optional(),
    /** `updated` values are stored as milliseconds after this. */
    since: z.number().int(),
    /**
     * Item ids; with `idOrder`, an id of the checklist is stored as the step from the previous one's
     * position in the checklist's item order (states come in issue order, mostly the item order, so
     * the steps are mostly ±1 and compress to almost nothing). Other ids are stored whole.
     */
    ids: z.array(z.union([z.string(), z.number().int()])),
    /** A digest of the item order the steps count in: read back only with the same order (orderDigest). */
    idOrder: z.string().optional(),
    /** The issue number, the whole key when it is not `keyPrefix` + digits, or null for none. */
    keys: z.array(z.union([z.number().int(), z.string()]).nullable()),
    kinds: z.array(kindSchema),
    /** Index into `kinds`, one per item. */
    kind: z.array(z.number().int().nonnegative()),
    /** Milliseconds after `since`; -1: changed before `before`; null when Jira gave no `updated`. */
    updated: z.array(z.number().int().min(-1).nullable()),
    /** The instant (ms) an `updated` of -1 is before; absent in blocks that keep every time exactly. */
    before: z.number().int().optional(),
    /** Evidence digests by the item's position in this block, for items with evidence. */
    evidence: z.record(z.string(), evidenceDigestSchema),
    /** The block's distinct assignees (account ids); absent in caches written before assignees were read. */
    people: z.array(z.string()).optional(),
    /** Index into `people` per item, or null when unassigned. */
    owner: z.array(z.number().int().nonnegative().nullable()).optional(),
    /** The assessment's justification by the item's position in this block, for items with one (absent when none). */
    why: z.record(z.string(), z.string()).optional(),
  })
  .refine((block) => [block.keys, block.kind, block.updated].every((column) => column.length === block.ids.length), 'columns differ in length')
  .refine((block) => block.kind.every((index) => index < block.kinds.length), 'kind index out of range')
  .refine((block) => block.before !== undefined || block.updated.every((value) => value !== -1), 'an updated of -1 needs before')
  .refine((block) => block.keySteps === true || block.keys.every((key) => typeof key !== 'number' || key >= 0), 'a negative issue number needs keySteps')
  .refine((block) => block.idOrder !== undefined || block.ids.every((id) => typeof id === 'string'), 'an id step needs idOrder');
export type StateBlock = z.infer<typeof stateBlockSchema>;

export interface DecodedStates {
  states: ItemRead[];
  /** Evidence digests by item id (the first state of an item carries them). */
  evidence: Map<string, EvidenceDigest>;
}

/**
 * Cuts the states into blocks of at most `limitBytes` of JSON each, in order. Undefined when one
 * item alone would not fit (its evidence digest is huge): such states are not cached at all.
 */
export function packStates(
  projectKey: string,
  states: readonly ItemRead[],
  evidence: ReadonlyMap<string, EvidenceDigest>,
  limitBytes: number,
  /** Keep `updated` exactly only from this instant (ms); an earlier one becomes "before exactFrom". */
  exactFrom?: number,
  /** The checklist's item ids in order: ids are stored as steps in it (see `ids`). */
  order?: readonly string[],
): StateBlock[] | undefined {
  const ids = order ? itemOrder(order) : undefined;
  const keyPrefix = `${projectKey}-`;
  // One base for every block, so an item's size does not depend on which block it lands in.
  const since = states.reduce((min, state) => {
    const ms = updatedMs(state.updatedAt);
    return ms === undefined || (exactFrom !== undefined && ms < exactFrom) ? min : Math.min(min, ms);
  }, Number.POSITIVE_INFINITY);
  const base = Number.isFinite(since) ? since : 0;
  const blocks: StateBlock[] = [];
  const newBuilder = () => new BlockBuilder(keyPrefix, base, exactFrom, ids);
  let builder = newBuilder();
  const withEvidence = new Set<string>();
  for (const state of states) {
    // Only the first state of an item carries its digest: scoring uses the first issue of an item.
    const digest = withEvidence.has(state.itemId) ? undefined : evidence.get(state.itemId);
    if (digest) withEvidence.add(state.itemId);
    let row = builder.row(state, digest);
    if (builder.count > 0 && builder.bytes + row.bytes > limitBytes) {
      blocks.push(builder.block());
      builder = newBuilder();
      row = builder.row(state, digest);
    }
    if (builder.bytes + row.bytes > limitBytes) return undefined;
    builder.add(row);
  }
  if (builder.count > 0 || blocks.length === 0) blocks.push(builder.block());
  // The estimate is an upper bound by construction; checked anyway, as a value over the limit fails the write.
  return blocks.every((block) => jsonBytes(block) <= limitBytes) ? blocks : undefined;
}

/** A short digest of an item order: blocks written with another order (the checklist changed) are not read. */
export function orderDigest(order: readonly string[]): string {
  return createHash('sha256').update(order.join('\u0000')).digest('base64url').slice(0, 12);
}

interface ItemOrder {
  digest: string;
  position: Map<string, number>;
}

function itemOrder(order: readonly string[]): ItemOrder {
  const position = new Map<string, number>();
  order.forEach((id, index) => {
    if (!position.has(id)) position.set(id, index);
  });
  return { digest: orderDigest(order), position };
}

/**
 * The states of blocks read back in order, as they were before packing; undefined when a block
 * stores ids as steps in an item order other than `order` (the checklist's items changed since).
 */
export function unpackStates(blocks: readonly StateBlock[]): DecodedStates;
export function unpackStates(blocks: readonly StateBlock[], order: readonly string[]): DecodedStates | undefined;
export function unpackStates(blocks: readonly StateBlock[], order?: readonly string[]): DecodedStates | undefined {
  const states: ItemRead[] = [];
  const evidence = new Map<string, EvidenceDigest>();
  const digest = order && blocks.some((block) => block.idOrder !== undefined) ? orderDigest(order) : undefined;
  for (const block of blocks) {
    if (block.idOrder !== undefined && order === undefined) throw new Error('These blocks store item ids as steps in an item order: pass the order.');
    if (block.idOrder !== undefined && block.idOrder !== digest) return undefined;
    let number = 0;
    let position = 0;
    const idAt = (stored: string | number): string => {
      if (typeof stored === 'string') return stored;
      position += stored;
      return order?.[position] ?? '';
    };
    block.ids.map(idAt).forEach((itemId, index) => {
      const [category, statusName, resolution, assessment] = block.kinds[block.kind[index] ?? 0] ?? [null, null, null, null];
      let key = block.keys[index] ?? null;
      if (typeof key === 'number' && block.keySteps === true) key = number += key;
      const updated = block.updated[index] ?? null;
      states.push({
        itemId,
        ...(key !== null ? { issueKey: typeof key === 'number' ? `${block.keyPrefix}${key}` : key } : {}),
        ...(category !== null ? { statusCategory: category as StatusCategory } : {}),
        ...(statusName !== null ? { statusName } : {}),
        resolution,
        assessment: assessment as ItemResult | null,
        ...(updated !== null && updated >= 0 ? { updatedAt: new Date(block.since + updated).toISOString() } : {}),
        ...(updated === -1 && block.before !== undefined ? { updatedBefore: new Date(block.before).toISOString() } : {}),
        ...(block.owner !== undefined ? { assignee: block.people?.[block.owner[index] ?? -1] ?? null } : {}),
        ...(block.why?.[String(index)] !== undefined ? { assessmentJustification: block.why[String(index)] } : {}),
      });
      const digest = block.evidence[String(index)];
      if (digest && !evidence.has(itemId)) evidence.set(itemId, digest);
    });
  }
  return { states, evidence };
}

interface Row {
  itemId: string;
  /** As stored: a step in the item order, or the whole id. */
  id: string | number;
  /** The item's position in the order, when it has one. */
  at: number | undefined;
  /** As stored: a step from the previous number, a whole key, or null. */
  key: number | string | null;
  /** The issue number, when the key is one. */
  number: number | undefined;
  kind: Kind;
  kindIndex: number;
  updated: number | null;
  digest: EvidenceDigest | undefined;
  /** The assignee, null when unassigned, undefined when not read. */
  assignee: string | null | undefined;
  justification: string | undefined;
  /** An upper bound of what adding the row adds to the block's JSON (with its commas). */
  bytes: number;
}

/** One block being filled, with an upper bound of its JSON size kept as rows are added. */
class BlockBuilder {
  private readonly ids: (string | number)[] = [];
  private readonly keys: (number | string | null)[] = [];
  private readonly kinds: Kind[] = [];
  private readonly kindIndex = new Map<string, number>();
  private readonly kind: number[] = [];
  private readonly updated: (number | null)[] = [];
  private readonly evidence: Record<string, EvidenceDigest> = {};
  private readonly people: string[] = [];
  private readonly personIndex = new Map<string, number>();
  private readonly owner: (number | null)[] = [];
  /** The last issue number added (keySteps). */
  private lastNumber = 0;
  /** The last item position added (ids as steps). */
  private lastPosition = 0;
  private readonly why: Record<string, string> = {};
  /** Whether any state carried its assignee (states read before assignees were read do not). */
  private assigneesRead = false;
  bytes: number;

  constructor(
    private readonly keyPrefix: string,
    private readonly since: number,
    private readonly before?: number,
    private readonly order?: ItemOrder,
  ) {
    this.bytes = jsonBytes(this.block());
  }

  get count(): number {
    return this.ids.length;
  }

  /** The row for a state, sized against this block as it is now (new kinds cost their entry). */
  row(state: ItemRead, digest: EvidenceDigest | undefined): Row {
    const whole = this.issueKey(state.issueKey);
    const number = typeof whole === 'number' ? whole : undefined;
    const key = number !== undefined ? number - this.lastNumber : whole;
    const kind: Kind = [state.statusCategory ?? null, state.statusName ?? null, state.resolution ?? null, state.assessment ?? null];
    const known = this.kindIndex.get(JSON.stringify(kind));
    const kindIndex = known ?? this.kinds.length;
    const updated = this.updatedOf(state);
    const at = this.order?.position.get(state.itemId);
    const id = at !== undefined ? at - this.lastPosition : state.itemId;
    const position = String(this.ids.length);
    const bytes =
      jsonBytes(id) + 1 + jsonBytes(key) + 1 + String(kindIndex).length + 1 + jsonBytes(updated) + 1 +
      (known === undefined ? jsonBytes(kind) + 1 : 0) +
      (digest ? jsonBytes(position) + 1 + jsonBytes(digest) + 1 : 0) +
      (state.assessmentJustification !== undefined ? jsonBytes({ why: {} }) + jsonBytes(position) + 1 + jsonBytes(state.assessmentJustification) + 1 : 0) +
      this.ownerBytes(state.assignee);
    return { itemId: state.itemId, id, at, key, number, kind, kindIndex, updated, digest, assignee: state.assignee, justification: state.assessmentJustification, bytes };
  }

  add(row: Row): void {
    if (row.kindIndex === this.kinds.length) {
      this.kinds.push(row.kind);
      this.kindIndex.set(JSON.stringify(row.kind), row.kindIndex);
    }
    if (row.digest) this.evidence[String(this.ids.length)] = row.digest;
    if (row.justification !== undefined) this.why[String(this.ids.length)] = row.justification;
    this.ids.push(row.id);
    if (row.at !== undefined) this.lastPosition = row.at;
    this.keys.push(row.key);
    if (row.number !== undefined) this.lastNumber = row.number;
    this.kind.push(row.kindIndex);
    this.updated.push(row.updated);
    if (row.assignee !== undefined) this.assigneesRead = true;
    this.owner.push(row.assignee === null || row.assignee === undefined ? null : this.personOf(row.assignee));
    this.bytes += row.bytes;
  }

  /**
   * An owner index (or null) with its comma, plus the account id when the block has not seen it.
   * The owner columns are written once a state of the block carries its assignee: the first such
   * state also pays for the columns and a null for every row before it.
   */
  private ownerBytes(assignee: string | null | undefined): number {
    if (assignee === undefined) return this.assigneesRead ? 5 : 0;
    const columns = this.assigneesRead ? 0 : jsonBytes({ people: [], owner: [] }) + 5 * this.ids.length;
    if (assignee === null) return columns + 5;
    const known = this.personIndex.get(assignee);
    return columns + String(known ?? this.people.length).length + 1 + (known === undefined ? jsonBytes(assignee) + 1 : 0);
  }

  private personOf(assignee: string): number {
    const known = this.personIndex.get(assignee);
    if (known !== undefined) return known;
    this.people.push(assignee);
    this.personIndex.set(assignee, this.people.length - 1);
    return this.people.length - 1;
  }

  /** Milliseconds after `since`; -1 for a change known to be before `before`; null when unknown. */
  private updatedOf(state: ItemRead): number | null {
    const ms = updatedMs(state.updatedAt);
    if (ms !== undefined && (this.before === undefined || ms >= this.before)) return ms - this.since;
    if (this.before === undefined) return null;
    // Earlier than `before`, exactly or by a bound no later than it (a bound after it says less).
    const bound = ms ?? updatedMs(state.updatedBefore);
    return bound !== undefined && bound <= this.before ? -1 : null;
  }

  block(): StateBlock {
    return {
      keyPrefix: this.keyPrefix,
      keySteps: true,
      since: this.since,
      ...(this.order !== undefined ? { idOrder: this.order.digest } : {}),
      ids: this.ids,
      keys: this.keys,
      kinds: this.kinds,
      kind: this.kind,
      updated: this.updated,
      ...(this.before !== undefined ? { before: this.before } : {}),
      evidence: this.evidence,
      ...(this.assigneesRead ? { people: this.people, owner: this.owner } : {}),
      ...(Object.keys(this.why).length > 0 ? { why: this.why } : {}),
    };
  }

  private issueKey(issueKey: string | undefined): number | string | null {
    if (issueKey === undefined || issueKey === '') return null;
    const rest = issueKey.startsWith(this.keyPrefix) ? issueKey.slice(this.keyPrefix.length) : '';
    // Only canonical numbers ("12", not "012"), so the key reads back exactly as it was.
    return /^[1-9]\d{0,14}$/.test(rest) ? Number(rest) : issueKey;
  }
}

function updatedMs(iso: string | undefined): number | undefined {
  const ms = iso === undefined ? Number.NaN : Date.parse(iso);
  return Number.isNaN(ms) ? undefined : ms;
}

/**
 * Packing item states into the cache's compact blocks (the form: cache-codec.ts): the columns, the
 * steps (issue numbers, item ids in the checklist's order), `updated` kept exactly only when recent,
 * and blocks cut so each one's JSON stays within a KVS value.
 */
import type { EvidenceDigest } from '../domain/evidence-digest';
import { jsonBytes } from '../storage/kvs';
import type { ItemRead } from '../platform/item-states';
import { orderDigest, type Kind, type StateBlock } from './cache-codec';

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

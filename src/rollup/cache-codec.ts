/**
 * The compact form of cached item states (packing it and cutting it into blocks that each fit one
 * KVS value: cache-pack.ts), and reading it back. Columns, not one tuple per item: a tuple repeats brackets, quotes and nulls for every item
 * (~69 bytes an item, so 5,000 items needed 340 KB, more than a value holds). Here an item costs
 * its id, its issue number (the `PROJ-` prefix is stored once), an index into the block's few
 * distinct (category, status, resolution, assessment) combinations, and its `updated` time as
 * milliseconds after the oldest one: 20-24 bytes, so 5,000 items take ~0.11 MB, one value; issue
 * numbers and item ids as steps (see the fields), so they compress to almost nothing.
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
import type { ItemRead } from '../platform/item-states';

const categorySchema = z.enum(['new', 'indeterminate', 'done']);
const assessmentSchema = z.enum(['met', 'not_met', 'na', 'not_assessed']);

/** [statusCategory, statusName, resolution, assessment]: few distinct ones in any checklist. */
const kindSchema = z.tuple([categorySchema.nullable(), z.string().nullable(), z.string().nullable(), assessmentSchema.nullable()]);
export type Kind = z.infer<typeof kindSchema>;

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

/** A short digest of an item order: blocks written with another order (the checklist changed) are not read. */
export function orderDigest(order: readonly string[]): string {
  return createHash('sha256').update(order.join('\u0000')).digest('base64url').slice(0, 12);
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

/**
 * One trail entry: what is stored, how it is bounded, and the hash that chains it to the one
 * before. Pure (node:crypto's sha256 only).
 *
 * Bounds: a chunk holds {@link TRAIL_CHUNK_ENTRIES} entries and must stay under Forge's value limit
 * whatever people typed, so every entry is kept within {@link ENTRY_MAX_BYTES}: long text is cut
 * with a marker that says how much was left out, and a large before/after value is replaced by a
 * summary carrying its size and sha256 (so it can still be matched to the decision it stands for).
 * The full decision stays where its owner stores it; the trail says who changed what, and when.
 *
 * Text a person typed was checked by its owner with freeTextProblem before the decision was
 * written. The trail cannot refuse it afterwards (the decision stands), so control and
 * text-direction characters that slipped in (or came from an older version) are replaced by a
 * visible `[U+202E]` marker rather than kept: they could hide or reorder text on the page or in the
 * CSV. The hash covers the entry as stored.
 */
import { createHash } from 'node:crypto';
import { z } from 'zod';
import { canonicalJson, type JsonValue } from '../domain/hash';

/** Entries per stored chunk: an append reads and writes one chunk, whatever the trail's length. */
export const TRAIL_CHUNK_ENTRIES = 40;
/** The most one entry takes as JSON; 40 of them stay under MAX_VALUE_BYTES (200 KiB). */
export const ENTRY_MAX_BYTES = 5_000;
/** Budgets (UTF-8 bytes as JSON) of the parts that can be large: a 2,000-character review note fits. */
export const REASON_MAX_BYTES = 2_400;
export const VALUE_MAX_BYTES = 800;
export const ID_MAX_BYTES = 128;

export interface TrailEntry {
  seq: number;
  at: string;
  actor: string;
  /** One of DECISION_ACTIONS (src/trail/record.ts); read as text so a newer action still verifies. */
  action: string;
  checklistId?: string;
  itemId?: string;
  issueKey?: string;
  before?: JsonValue;
  after?: JsonValue;
  reason?: string;
  /** The decision's id when it went through a pending record (src/trail/pending.ts): an append skips an id already in the trail's recent entries. */
  decisionId?: string;
  /** Set only on an entry appended late by reconciliation: when it was recorded (`at` stays the decision's own time). */
  recordedAt?: string;
  /** Hash of the previous entry ('' for the first). */
  prev: string;
  /** sha256 over the entry's canonical JSON without `hash` (so over prev and seq too). */
  hash: string;
}

/** What an append is given (record.ts's DecisionInput is this plus the project); values are reduced to JSON here. */
export interface EntryInput {
  actor: string;
  action: string;
  checklistId?: string;
  itemId?: string;
  issueKey?: string;
  before?: unknown;
  after?: unknown;
  reason?: string;
  at?: Date;
  decisionId?: string;
  /** Only for an entry recorded late (see TrailEntry.recordedAt). */
  recordedAt?: Date;
}

const jsonValue: z.ZodType<JsonValue> = z.lazy(() =>
  z.union([z.string(), z.number(), z.boolean(), z.null(), z.array(jsonValue), z.record(z.string(), jsonValue)]),
);

/** A decision's fields as stored, in an entry and in a pending decision (pending.ts). */
export const decisionShape = {
  at: z.string(),
  actor: z.string(),
  action: z.string(),
  checklistId: z.string().optional(),
  itemId: z.string().optional(),
  issueKey: z.string().optional(),
  before: jsonValue.optional(),
  after: jsonValue.optional(),
  reason: z.string().optional(),
};

/** A decision's fields, as {@link decisionShape} checks them. */
export type DecisionFields = z.infer<z.ZodObject<typeof decisionShape>>;

/** An entry as read back: every field checked, so a damaged entry is reported, not crashed on. */
export const entrySchema = z.object({
  seq: z.number().int().min(1),
  ...decisionShape,
  decisionId: z.string().optional(),
  recordedAt: z.string().optional(),
  prev: z.string(),
  hash: z.string(),
});

/** The chunk that holds entry `seq` (1-based). */
export function chunkOf(seq: number): number {
  return Math.floor((seq - 1) / TRAIL_CHUNK_ENTRIES);
}

/**
 * The entry's hash: sha256 of the canonical JSON of everything but `hash`.
 *
 * @example
 * entryHash({ seq: 1, at: '2026-01-01T00:00:00.000Z', actor: 'a', action: 'chapter.review', prev: '' }); // 64 hex digits
 */
export function entryHash(entry: Omit<TrailEntry, 'hash'>): string {
  const { hash: _ignored, ...body } = entry as TrailEntry;
  return sha256(canonicalJson(body as unknown as JsonValue));
}

export function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/**
 * The entry appended as number `seq` after the entry whose hash is `prev`: bounded, cleaned, hashed.
 *
 * @example
 * buildEntry({ actor: 'a', action: 'chapter.review', reason: 'ok' }, 1, '').seq; // 1
 */
export function buildEntry(input: EntryInput, seq: number, prev: string): TrailEntry {
  const before = boundedValue(input.before);
  const after = boundedValue(input.after);
  const body: Omit<TrailEntry, 'hash'> = {
    seq,
    at: (input.at ?? new Date()).toISOString(),
    actor: clipText(input.actor, ID_MAX_BYTES),
    action: clipText(input.action, ID_MAX_BYTES),
    ...(input.checklistId !== undefined ? { checklistId: clipText(input.checklistId, ID_MAX_BYTES) } : {}),
    ...(input.itemId !== undefined ? { itemId: clipText(input.itemId, ID_MAX_BYTES) } : {}),
    ...(input.issueKey !== undefined ? { issueKey: clipText(input.issueKey, ID_MAX_BYTES) } : {}),
    ...(before !== undefined ? { before } : {}),
    ...(after !== undefined ? { after } : {}),
    ...(input.reason !== undefined ? { reason: clipText(input.reason, REASON_MAX_BYTES) } : {}),
    ...(input.decisionId !== undefined ? { decisionId: clipText(input.decisionId, ID_MAX_BYTES) } : {}),
    ...(input.recordedAt !== undefined ? { recordedAt: input.recordedAt.toISOString() } : {}),
    prev,
  };
  return { ...body, hash: entryHash(body) };
}

// C0 controls except \t \n \r, DEL, C1 controls; bidi embeddings/overrides/isolates; LRM/RLM/ALM
// (the characters freeTextProblem refuses).
// eslint-disable-next-line no-control-regex
const FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u200E\u200F\u061C\u202A-\u202E\u2066-\u2069]/gu;

/**
 * Text made safe to show: forbidden characters become a visible `[U+XXXX]`.
 *
 * @example
 * cleanText('ok\u202Egnp.exe'); // 'ok[U+202E]gnp.exe'
 */
export function cleanText(text: string): string {
  return text.replace(FORBIDDEN, (ch) => `[U+${(ch.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}]`);
}

const bytesAsJson = (value: unknown): number => Buffer.byteLength(JSON.stringify(value), 'utf8');

/**
 * Cleaned text whose JSON is at most `maxBytes`; when cut, it ends with a marker saying how many
 * characters were left out.
 *
 * @example
 * clipText('x'.repeat(5000), 100); // 'xxx… … [4937 more characters not kept in the trail]'
 */
export function clipText(text: string, maxBytes: number): string {
  const clean = cleanText(text);
  if (bytesAsJson(clean) <= maxBytes) return clean;
  const chars = Array.from(clean);
  const marker = (left: number) => ` … [${left} more characters not kept in the trail]`;
  // The longest prefix that fits with its marker: binary search on whole code points.
  let low = 0;
  let high = chars.length;
  while (low < high) {
    const mid = Math.ceil((low + high) / 2);
    if (bytesAsJson(chars.slice(0, mid).join('') + marker(chars.length - mid)) <= maxBytes) low = mid;
    else high = mid - 1;
  }
  return chars.slice(0, low).join('') + marker(chars.length - low);
}

/** The marker key of a value too large for the trail (see {@link boundedValue}). */
export const SUMMARY_KEY = 'trailSummary';

/**
 * A before/after value as JSON, its strings cleaned; over {@link VALUE_MAX_BYTES} it becomes
 * `{ trailSummary, bytes, sha256, preview }`, the sha256 being over the value's canonical JSON.
 */
export function boundedValue(value: unknown): JsonValue | undefined {
  if (value === undefined) return undefined;
  const json = cleanJson(JSON.parse(JSON.stringify(value) ?? 'null') as JsonValue);
  const bytes = bytesAsJson(json);
  if (bytes <= VALUE_MAX_BYTES) return json;
  const canonical = canonicalJson(json);
  return {
    [SUMMARY_KEY]: `A value of ${bytes} bytes, too large to keep in the trail; its sha256 and start are kept.`,
    bytes,
    sha256: sha256(canonical),
    preview: clipText(canonical, 300),
  };
}

function cleanJson(value: JsonValue): JsonValue {
  if (typeof value === 'string') return cleanText(value);
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map(cleanJson);
  const out: { [key: string]: JsonValue } = {};
  for (const [key, member] of Object.entries(value)) if (member !== undefined) out[cleanText(key)] = cleanJson(member);
  return out;
}

/**
 * The little of an item's evidence the rollup needs once the entries are read: what the risk check
 * and strict mode look at (id, title, review state, effective and expiry dates). The rollup cache
 * keeps this digest, not whole entries, so a big checklist's cache still fits one KVS value.
 */
import { z } from 'zod';
import { evidenceValue, REVIEW_STATES, type EvidenceEntry, type EvidenceFieldValue } from './evidence';

/** [id, title, reviewState, effectiveDate, expiryDate] per entry. */
export const evidenceDigestSchema = z.array(
  z.tuple([z.string(), z.string(), z.enum(REVIEW_STATES), z.string().nullable(), z.string().nullable()]),
);
export type EvidenceDigest = z.infer<typeof evidenceDigestSchema>;

export function toDigest(value: EvidenceFieldValue): EvidenceDigest {
  return value.entries.map((entry) => [entry.id, entry.title, entry.reviewState, entry.effectiveDate ?? null, entry.expiryDate ?? null]);
}

/**
 * A field value rebuilt from a digest, for `evidenceRisks` and `isMetUnderStrictMode`, which read
 * only the digested fields. The rest (kind, who, when) is filled with placeholders: never show
 * or store a value made here.
 */
export function fromDigest(digest: EvidenceDigest): EvidenceFieldValue {
  const entries = digest.map(([id, title, reviewState, effectiveDate, expiryDate]): EvidenceEntry => ({
    id,
    kind: 'document',
    title,
    addedAt: '1970-01-01T00:00:00.000Z',
    addedBy: 'digest',
    reviewState,
    ...(effectiveDate !== null ? { effectiveDate } : {}),
    ...(expiryDate !== null ? { expiryDate } : {}),
  }));
  return evidenceValue(entries);
}

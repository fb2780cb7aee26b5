/**
 * The little of an item's evidence the rollup needs once the entries are read: what the risk check
 * and strict mode look at (id, title, review state, effective and expiry dates). The rollup cache
 * keeps this digest, not whole entries, so a big checklist's cache still fits one KVS value.
 */
import { z } from 'zod';
import { evidenceValue, REVIEW_STATES, type EvidenceEntry, type EvidenceFieldValue } from './evidence';

/**
 * [id, title, reviewState, effectiveDate, expiryDate, reviewedByOther?] per entry. The last element
 * (whether someone other than who added it reviewed it: the Done gate's four eyes) is absent in
 * caches written before it; such an entry counts as not reviewed by another until the next read.
 */
export const evidenceDigestSchema = z.array(
  z.tuple([z.string(), z.string(), z.enum(REVIEW_STATES), z.string().nullable(), z.string().nullable(), z.boolean().optional()]),
);
export type EvidenceDigest = z.infer<typeof evidenceDigestSchema>;

export function toDigest(value: EvidenceFieldValue): EvidenceDigest {
  return value.entries.map((entry) => {
    const row: EvidenceDigest[number] = [entry.id, entry.title, entry.reviewState, entry.effectiveDate ?? null, entry.expiryDate ?? null];
    if (entry.reviewer !== undefined) row.push(entry.reviewer !== entry.addedBy);
    return row;
  });
}

/**
 * A field value rebuilt from a digest, for `evidenceRisks` and `isMetUnderStrictMode`, which read
 * only the digested fields. The rest (kind, who, when) is filled with placeholders: never show
 * or store a value made here.
 */
export function fromDigest(digest: EvidenceDigest): EvidenceFieldValue {
  const entries = digest.map(([id, title, reviewState, effectiveDate, expiryDate, reviewedByOther]): EvidenceEntry => ({
    id,
    kind: 'document',
    title,
    addedAt: '1970-01-01T00:00:00.000Z',
    addedBy: 'digest',
    reviewState,
    ...(effectiveDate !== null ? { effectiveDate } : {}),
    ...(expiryDate !== null ? { expiryDate } : {}),
    // Placeholders that keep only whether the reviewer was someone else (four eyes).
    ...(reviewedByOther !== undefined ? { reviewer: reviewedByOther ? 'digest-reviewer' : 'digest' } : {}),
  }));
  return evidenceValue(entries);
}

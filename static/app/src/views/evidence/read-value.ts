/**
 * The evidence field's value as Jira hands it to the field view (`extension.fieldValue`): untrusted,
 * since anyone who may edit the issue can write it through Jira's REST API. Keeps the entries that
 * have the shape of one, as plain strings; the server's rules (read.ts) decide everything else.
 */
import type { EvidenceEntryView, EvidenceKindName, EvidenceReviewStateName } from '../../../../../common/contract';
import { KIND_WORDS } from './words';

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
const text = (value: unknown): string | undefined => (typeof value === 'string' && value !== '' ? value : undefined);
const REVIEW_STATES: readonly string[] = ['pending', 'accepted', 'rejected'];
/** The most entries the field holds (its JSON schema's maxItems); more is not from Jira. */
const MAX_ENTRIES = 50;

export interface FieldEntries {
  entries: EvidenceEntryView[];
  /** Entries left out because they did not have an entry's shape. */
  skipped: number;
}

export function readFieldValue(value: unknown): FieldEntries {
  const raw = isRecord(value) && Array.isArray(value.entries) ? value.entries : [];
  const entries: EvidenceEntryView[] = [];
  for (const item of raw.slice(0, MAX_ENTRIES)) {
    if (!isRecord(item)) continue;
    const id = text(item.id);
    const title = text(item.title);
    const kind = text(item.kind);
    const reviewState = text(item.reviewState);
    if (!id || !title || !kind || !Object.hasOwn(KIND_WORDS, kind) || !reviewState || !REVIEW_STATES.includes(reviewState)) continue;
    const optional = (key: 'url' | 'attachmentId' | 'owner' | 'effectiveDate' | 'expiryDate' | 'note' | 'reviewer' | 'reviewNote') => {
      const v = text(item[key]);
      return v !== undefined ? { [key]: v } : {};
    };
    entries.push({
      id,
      kind: kind as EvidenceKindName,
      title,
      addedAt: text(item.addedAt) ?? '',
      addedBy: text(item.addedBy) ?? '',
      reviewState: reviewState as EvidenceReviewStateName,
      ...optional('url'),
      ...optional('attachmentId'),
      ...optional('owner'),
      ...optional('effectiveDate'),
      ...optional('expiryDate'),
      ...optional('note'),
      ...optional('reviewer'),
      ...optional('reviewNote'),
    });
  }
  return { entries, skipped: raw.length - entries.length };
}

/**
 * The evidence form's values and what they become in a payload: an add sends the fields filled in,
 * an edit sends only what changed (a cleared optional field as null). The server validates both.
 */
import type { EvidenceEntryView, EvidenceInputPayload, EvidenceKindName, EvidencePatchPayload } from '../../../../../common/contract';

export const FORM_FIELDS = ['kind', 'title', 'url', 'attachmentId', 'owner', 'effectiveDate', 'expiryDate', 'note'] as const;
export type FormField = (typeof FORM_FIELDS)[number];
export type FormValues = Record<FormField, string>;

export const EMPTY_FORM: FormValues = { kind: 'link', title: '', url: '', attachmentId: '', owner: '', effectiveDate: '', expiryDate: '', note: '' };

export function formOf(entry: EvidenceEntryView): FormValues {
  const values = { ...EMPTY_FORM };
  for (const field of FORM_FIELDS) values[field] = entry[field] ?? '';
  return values;
}

/** The add payload: kind and title always, the rest when filled in. */
export function toInput(values: FormValues): EvidenceInputPayload {
  const input: Record<string, string> = { kind: values.kind, title: values.title };
  for (const field of FORM_FIELDS) if (field !== 'kind' && field !== 'title' && values[field].trim() !== '') input[field] = values[field];
  return input as unknown as EvidenceInputPayload;
}

/** The edit payload: only changed fields; an optional field emptied is sent as null (clear it). */
export function toPatch(before: EvidenceEntryView, values: FormValues): EvidencePatchPayload {
  const patch: Record<string, string | null> = {};
  for (const field of FORM_FIELDS) {
    const was = before[field] ?? '';
    const now = values[field];
    if (now === was) continue;
    patch[field] = now.trim() === '' && field !== 'kind' && field !== 'title' ? null : now;
  }
  return patch as EvidencePatchPayload;
}

export const isKind = (value: string): value is EvidenceKindName =>
  ['link', 'document', 'presentation', 'process', 'demo', 'attachment'].includes(value);

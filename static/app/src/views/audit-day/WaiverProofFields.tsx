/**
 * The proof a named waiver needs (the certificate or report that grants the exemption), asked for
 * in the confirmation step, and the proof as shown on a waiver in force. Only what a person can fix
 * before sending is checked here; the server checks everything again (waiver-proof.ts).
 */
import { useId } from 'react';
import Select from '@atlaskit/select';
import Textfield from '@atlaskit/textfield';
import { token } from '@atlaskit/tokens';
import { DateField } from '../../components/DateField';
import type { WaiverProofView, WaiverView } from '../../../../../common/contract';

const KINDS: { value: WaiverProofView['kind']; label: string }[] = [
  { value: 'document', label: 'Document (certificate, report)' },
  { value: 'link', label: 'Link' },
  { value: 'process', label: 'Process' },
  { value: 'presentation', label: 'Presentation' },
  { value: 'demo', label: 'Demo' },
];

/** The form's state: text as typed. */
export interface ProofDraft {
  kind: WaiverProofView['kind'];
  title: string;
  url: string;
  note: string;
  effectiveDate: string;
  expiryDate: string;
}

export const EMPTY_PROOF: ProofDraft = { kind: 'document', title: '', url: '', note: '', effectiveDate: '', expiryDate: '' };

/** What is still missing before the proof can be sent, in words; empty when it may be sent. */
export function proofMissing(draft: ProofDraft): string[] {
  const missing: string[] = [];
  if (draft.title.trim() === '') missing.push('a title');
  if (draft.url.trim() === '' && draft.note.trim() === '') missing.push('a link or a note saying where the auditor finds it');
  if (draft.effectiveDate === '') missing.push('the effective date');
  if (draft.expiryDate === '') missing.push('the expiry date');
  return missing;
}

/** The proof as sent: empty optional text left out. */
export function toProof(draft: ProofDraft): WaiverProofView {
  return {
    kind: draft.kind,
    title: draft.title.trim(),
    ...(draft.url.trim() !== '' ? { url: draft.url.trim() } : {}),
    ...(draft.note.trim() !== '' ? { note: draft.note.trim() } : {}),
    effectiveDate: draft.effectiveDate,
    expiryDate: draft.expiryDate,
  };
}

export function WaiverProofFields({ draft, onChange }: { draft: ProofDraft; onChange: (draft: ProofDraft) => void }) {
  const ids = { kind: useId(), title: useId(), url: useId(), note: useId(), effective: useId(), expiry: useId() };
  const setDate = (field: 'effectiveDate' | 'expiryDate') => (value: string) => onChange({ ...draft, [field]: value });
  const backwards = draft.effectiveDate !== '' && draft.expiryDate !== '' && draft.expiryDate < draft.effectiveDate;
  const setText = (field: keyof ProofDraft) => (event: { currentTarget: { value: string } }) => onChange({ ...draft, [field]: event.currentTarget.value });
  const row = { display: 'grid', gap: 2 } as const;
  return (
    <fieldset style={{ display: 'grid', gap: 6, border: `1px solid ${token('color.border', '#091E4224')}`, padding: token('space.100', '8px') }}>
      <legend>Proof the auditor will ask for (the waiver lapses when it expires)</legend>
      <div style={row}>
        <label htmlFor={ids.kind}>Kind</label>
        <Select inputId={ids.kind} options={KINDS} value={KINDS.find((kind) => kind.value === draft.kind) ?? null} onChange={(choice) => choice && onChange({ ...draft, kind: choice.value })} />
      </div>
      <div style={row}>
        <label htmlFor={ids.title}>Proof title</label>
        <Textfield id={ids.title} value={draft.title} onChange={setText('title')} placeholder="e.g. ISO 27001 certificate" maxLength={255} />
      </div>
      <div style={row}>
        <label htmlFor={ids.url}>Link</label>
        <Textfield id={ids.url} type="url" value={draft.url} onChange={setText('url')} placeholder="https://…" />
      </div>
      <div style={row}>
        <label htmlFor={ids.note}>Or a note saying where the auditor finds it</label>
        <Textfield id={ids.note} value={draft.note} onChange={setText('note')} maxLength={2000} />
      </div>
      <div style={{ display: 'flex', gap: 12, flexWrap: 'wrap' }}>
        <DateField id={ids.effective} label="Effective date" value={draft.effectiveDate} onChange={setDate('effectiveDate')} />
        <DateField
          id={ids.expiry}
          label="Expiry date (last valid day)"
          value={draft.expiryDate}
          onChange={setDate('expiryDate')}
          error={backwards ? 'The expiry date is before the effective date: correct one of them.' : undefined}
        />
      </div>
    </fieldset>
  );
}

/** The proof on a waiver in force: title (a link when it has one), where to find it, its validity and when the waiver lapses. */
export function ProofLine({ waiver }: { waiver: WaiverView }) {
  const { proof } = waiver;
  if (!proof) {
    return waiver.source === 'named' ? <div>No proof on record: applied before proof was asked for. Remove it and apply it again with its proof.</div> : null;
  }
  const safeUrl = proof.url !== undefined && /^https?:\/\//i.test(proof.url) ? proof.url : undefined;
  return (
    <div style={{ display: 'grid', gap: 2 }}>
      <div>
        Proof:{' '}
        {safeUrl ? (
          <a href={safeUrl} target="_blank" rel="noopener noreferrer">
            {proof.title}
          </a>
        ) : (
          proof.title
        )}
        {proof.note !== undefined ? ` (${proof.note})` : ''}, valid {proof.effectiveDate} to {proof.expiryDate}
      </div>
      <div style={{ color: waiver.lapsed ? token('color.text.danger', '#AE2E24') : undefined }}>
        {waiver.lapsed ? `Lapsed on ${waiver.lapsesOn ?? ''}: its proof expired, so the items it covers count on their own.` : `Lapses on ${waiver.lapsesOn ?? ''} unless renewed.`}
      </div>
    </div>
  );
}

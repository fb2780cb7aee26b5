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
import { useT } from '../../i18n';
import { auditDayEnglish, auditDayMessages } from './messages';
import type { AuditDayMessages } from './messages.en';

const KIND_VALUES: WaiverProofView['kind'][] = ['document', 'link', 'process', 'presentation', 'demo'];

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
export function proofMissing(draft: ProofDraft, t: AuditDayMessages = auditDayEnglish()): string[] {
  const missing: string[] = [];
  if (draft.title.trim() === '') missing.push(t.proof.missingTitle);
  if (draft.url.trim() === '' && draft.note.trim() === '') missing.push(t.proof.missingWhere);
  if (draft.effectiveDate === '') missing.push(t.proof.missingEffective);
  if (draft.expiryDate === '') missing.push(t.proof.missingExpiry);
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
  const w = useT(auditDayMessages).proof;
  const KINDS = KIND_VALUES.map((value) => ({ value, label: w.kinds[value] ?? value }));
  const ids = { kind: useId(), title: useId(), url: useId(), note: useId(), effective: useId(), expiry: useId() };
  const setDate = (field: 'effectiveDate' | 'expiryDate') => (value: string) => onChange({ ...draft, [field]: value });
  const backwards = draft.effectiveDate !== '' && draft.expiryDate !== '' && draft.expiryDate < draft.effectiveDate;
  const setText = (field: keyof ProofDraft) => (event: { currentTarget: { value: string } }) => onChange({ ...draft, [field]: event.currentTarget.value });
  const row = { display: 'grid', gap: 2 } as const;
  return (
    <fieldset style={{ display: 'grid', gap: 6, border: `1px solid ${token('color.border', '#091E4224')}`, padding: token('space.100', '8px') }}>
      <legend>{w.legend}</legend>
      <div style={row}>
        <label htmlFor={ids.kind}>{w.kind}</label>
        <Select inputId={ids.kind} options={KINDS} value={KINDS.find((kind) => kind.value === draft.kind) ?? null} onChange={(choice) => choice && onChange({ ...draft, kind: choice.value })} />
      </div>
      <div style={row}>
        <label htmlFor={ids.title}>{w.title}</label>
        <Textfield id={ids.title} value={draft.title} onChange={setText('title')} placeholder={w.titlePlaceholder} maxLength={255} />
      </div>
      <div style={row}>
        <label htmlFor={ids.url}>{w.link}</label>
        <Textfield id={ids.url} type="url" value={draft.url} onChange={setText('url')} placeholder="https://…" />
      </div>
      <div style={row}>
        <label htmlFor={ids.note}>{w.note}</label>
        <Textfield id={ids.note} value={draft.note} onChange={setText('note')} maxLength={2000} />
      </div>
      <div style={{ display: 'flex', gap: 12, flexWrap: 'wrap' }}>
        <DateField id={ids.effective} label={w.effective} value={draft.effectiveDate} onChange={setDate('effectiveDate')} />
        <DateField
          id={ids.expiry}
          label={w.expiry}
          value={draft.expiryDate}
          onChange={setDate('expiryDate')}
          error={backwards ? w.backwards : undefined}
        />
      </div>
    </fieldset>
  );
}

/** The proof on a waiver in force: title (a link when it has one), where to find it, its validity and when the waiver lapses. */
export function ProofLine({ waiver }: { waiver: WaiverView }) {
  const w = useT(auditDayMessages).proof;
  const { proof } = waiver;
  if (!proof) {
    return waiver.source === 'named' ? <div>{w.noProof}</div> : null;
  }
  const safeUrl = proof.url !== undefined && /^https?:\/\//i.test(proof.url) ? proof.url : undefined;
  return (
    <div style={{ display: 'grid', gap: 2 }}>
      <div>
        {w.proofLabel}{' '}
        {safeUrl ? (
          <a href={safeUrl} target="_blank" rel="noopener noreferrer">
            {proof.title}
          </a>
        ) : (
          proof.title
        )}
        {proof.note !== undefined ? ` (${proof.note})` : ''}
        {w.valid(proof.effectiveDate, proof.expiryDate)}
      </div>
      <div style={{ color: waiver.lapsed ? token('color.text.danger', '#AE2E24') : undefined }}>
        {waiver.lapsed ? w.lapsed(waiver.lapsesOn ?? '') : w.lapses(waiver.lapsesOn ?? '')}
      </div>
    </div>
  );
}

/**
 * Add or edit one evidence entry. Plain inputs (no Atlaskit form packages: they would weigh on the
 * bundle for a handful of fields); the server checks every value and its message is shown as is.
 */
import { useId, useState, type FormEvent } from 'react';
import Button from '@atlaskit/button/new';
import { token } from '@atlaskit/tokens';
import { KINDS, KIND_WORDS } from './words';
import { EMPTY_FORM, isKind, type FormField, type FormValues } from './form-values';

interface EvidenceFormProps {
  initial?: FormValues;
  submitLabel: string;
  busy: boolean;
  onSubmit: (values: FormValues) => void;
  onCancel?: () => void;
}

const row = { display: 'grid', gap: 4 } as const;

export function EvidenceForm({ initial = EMPTY_FORM, submitLabel, busy, onSubmit, onCancel }: EvidenceFormProps) {
  const [values, setValues] = useState<FormValues>(initial);
  const id = useId();
  const set = (field: FormField) => (event: { target: { value: string } }) => setValues((v) => ({ ...v, [field]: event.target.value }));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSubmit(values);
  };
  const attachment = values.kind === 'attachment';

  return (
    <form onSubmit={submit} aria-label={submitLabel} style={{ display: 'grid', gap: token('space.100', '8px'), maxWidth: 560 }}>
      <div style={{ display: 'grid', gridTemplateColumns: 'minmax(140px, 1fr) 3fr', gap: token('space.100', '8px') }}>
        <label htmlFor={`${id}-kind`} style={row}>
          Kind
          <select id={`${id}-kind`} value={values.kind} onChange={(e) => isKind(e.target.value) && set('kind')(e)}>
            {KINDS.map((kind) => (
              <option key={kind} value={kind}>
                {KIND_WORDS[kind]}
              </option>
            ))}
          </select>
        </label>
        <label htmlFor={`${id}-title`} style={row}>
          Title
          <input id={`${id}-title`} value={values.title} onChange={set('title')} maxLength={300} required />
        </label>
      </div>
      {attachment ? (
        <label htmlFor={`${id}-attachment`} style={row}>
          Attachment id (a file attached to this issue)
          <input id={`${id}-attachment`} value={values.attachmentId} onChange={set('attachmentId')} inputMode="numeric" />
        </label>
      ) : (
        <label htmlFor={`${id}-url`} style={row}>
          Link (https://…)
          <input id={`${id}-url`} type="url" value={values.url} onChange={set('url')} placeholder="https://example.com/policy.pdf" />
        </label>
      )}
      <div style={{ display: 'grid', gridTemplateColumns: '1fr 1fr', gap: token('space.100', '8px') }}>
        <label htmlFor={`${id}-effective`} style={row}>
          Effective date
          <input id={`${id}-effective`} type="date" value={values.effectiveDate} onChange={set('effectiveDate')} />
        </label>
        <label htmlFor={`${id}-expiry`} style={row}>
          Expiry date
          <input id={`${id}-expiry`} type="date" value={values.expiryDate} onChange={set('expiryDate')} />
        </label>
      </div>
      <label htmlFor={`${id}-owner`} style={row}>
        Owner (Atlassian account id, optional)
        <input id={`${id}-owner`} value={values.owner} onChange={set('owner')} />
      </label>
      <label htmlFor={`${id}-note`} style={row}>
        Note (where the auditor finds it, optional)
        <textarea id={`${id}-note`} value={values.note} onChange={set('note')} rows={2} />
      </label>
      <div style={{ display: 'flex', gap: 8 }}>
        <Button type="submit" appearance="primary" isDisabled={busy}>
          {submitLabel}
        </Button>
        {onCancel && (
          <Button onClick={onCancel} isDisabled={busy}>
            Cancel
          </Button>
        )}
      </div>
    </form>
  );
}

/**
 * Add or edit one evidence entry with Atlaskit controls (this view loads lazily, so they do not weigh
 * on the first paint); the server checks every value and its message is shown as is.
 */
import { useId, useState, type FormEvent } from 'react';
import Button from '@atlaskit/button/new';
import Select from '@atlaskit/select';
import TextArea from '@atlaskit/textarea';
import Textfield from '@atlaskit/textfield';
import { token } from '@atlaskit/tokens';
import { KINDS } from './words';
import { EMPTY_FORM, isKind, type FormField, type FormValues } from './form-values';
import { useT } from '../../i18n';
import { evidenceMessages } from './messages';

interface EvidenceFormProps {
  initial?: FormValues;
  submitLabel: string;
  busy: boolean;
  onSubmit: (values: FormValues) => void;
  onCancel?: () => void;
}

const row = { display: 'grid', gap: 4 } as const;

export function EvidenceForm({ initial = EMPTY_FORM, submitLabel, busy, onSubmit, onCancel }: EvidenceFormProps) {
  const t = useT(evidenceMessages);
  const [values, setValues] = useState<FormValues>(initial);
  const id = useId();
  const set = (field: FormField) => (event: { target: { value: string } }) => setValues((v) => ({ ...v, [field]: event.target.value }));
  const setText = (field: FormField) => (event: { currentTarget: { value: string } }) => {
    const { value } = event.currentTarget;
    setValues((v) => ({ ...v, [field]: value }));
  };
  const kinds = KINDS.map((kind) => ({ label: t.kinds[kind], value: kind }));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSubmit(values);
  };
  const attachment = values.kind === 'attachment';

  return (
    <form onSubmit={submit} aria-label={submitLabel} style={{ display: 'grid', gap: token('space.100', '8px'), maxWidth: 560 }}>
      <div style={{ display: 'grid', gridTemplateColumns: 'minmax(140px, 1fr) 3fr', gap: token('space.100', '8px') }}>
        <div style={row}>
          <label htmlFor={`${id}-kind`}>{t.kind}</label>
          <Select
            inputId={`${id}-kind`}
            options={kinds}
            value={kinds.find((kind) => kind.value === values.kind) ?? null}
            onChange={(choice) => choice && isKind(choice.value) && setValues((v) => ({ ...v, kind: choice.value }))}
          />
        </div>
        <div style={row}>
          <label htmlFor={`${id}-title`}>{t.title}</label>
          <Textfield id={`${id}-title`} value={values.title} onChange={setText('title')} maxLength={300} isRequired />
        </div>
      </div>
      {attachment ? (
        <div style={row}>
          <label htmlFor={`${id}-attachment`}>{t.attachmentId}</label>
          <Textfield id={`${id}-attachment`} value={values.attachmentId} onChange={setText('attachmentId')} inputMode="numeric" />
        </div>
      ) : (
        <div style={row}>
          <label htmlFor={`${id}-url`}>{t.link}</label>
          <Textfield id={`${id}-url`} type="url" value={values.url} onChange={setText('url')} placeholder="https://example.com/policy.pdf" />
        </div>
      )}
      <div style={{ display: 'grid', gridTemplateColumns: '1fr 1fr', gap: token('space.100', '8px') }}>
        <label htmlFor={`${id}-effective`} style={row}>
          {t.effectiveDate}
          <input id={`${id}-effective`} type="date" value={values.effectiveDate} onChange={set('effectiveDate')} />
        </label>
        <label htmlFor={`${id}-expiry`} style={row}>
          {t.expiryDate}
          <input id={`${id}-expiry`} type="date" value={values.expiryDate} onChange={set('expiryDate')} />
        </label>
      </div>
      <div style={row}>
        <label htmlFor={`${id}-owner`}>{t.ownerField}</label>
        <Textfield id={`${id}-owner`} value={values.owner} onChange={setText('owner')} />
      </div>
      <div style={row}>
        <label htmlFor={`${id}-note`}>{t.note}</label>
        <TextArea id={`${id}-note`} value={values.note} onChange={setText('note')} minimumRows={2} />
      </div>
      <div style={{ display: 'flex', gap: 8 }}>
        <Button type="submit" appearance="primary" isDisabled={busy}>
          {submitLabel}
        </Button>
        {onCancel && (
          <Button onClick={onCancel} isDisabled={busy}>
            {t.cancel}
          </Button>
        )}
      </div>
    </form>
  );
}

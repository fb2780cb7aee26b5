/**
 * Add or edit one evidence entry with Atlaskit controls (this view loads lazily, so they do not weigh
 * on the first paint); the server checks every value and its message is shown as is.
 */
import { useId, useState, type FormEvent } from 'react';
import Button from '@atlaskit/button/new';
import { ErrorMessage } from '@atlaskit/form';
import Select from '@atlaskit/select';
import TextArea from '@atlaskit/textarea';
import Textfield from '@atlaskit/textfield';
import { token } from '@atlaskit/tokens';
import { DateField } from '../../components/DateField';
import { KINDS } from './words';
import { EMPTY_FORM, isKind, type FormField, type FormValues } from './form-values';
import { useT } from '../../i18n';
import { evidenceEnglish, evidenceMessages } from './messages';
import type { EvidenceMessages } from './messages.en';

interface EvidenceFormProps {
  initial?: FormValues;
  submitLabel: string;
  busy: boolean;
  onSubmit: (values: FormValues) => void;
  onCancel?: () => void;
}

const row = { display: 'grid', gap: 4 } as const;

/** What a person can fix before sending, under the field it belongs to; the server checks everything again. */
export function evidenceFormErrors(values: FormValues, t: EvidenceMessages = evidenceEnglish()): Partial<Record<'title' | 'expiryDate', string>> {
  const errors: Partial<Record<'title' | 'expiryDate', string>> = {};
  if (values.title.trim() === '') errors.title = t.giveTitle;
  if (values.effectiveDate !== '' && values.expiryDate !== '' && values.expiryDate < values.effectiveDate) {
    errors.expiryDate = t.expiryBeforeEffective;
  }
  return errors;
}

export function EvidenceForm({ initial = EMPTY_FORM, submitLabel, busy, onSubmit, onCancel }: EvidenceFormProps) {
  const t = useT(evidenceMessages);
  const [values, setValues] = useState<FormValues>(initial);
  const id = useId();
  const [tried, setTried] = useState(false);
  const setDate = (field: 'effectiveDate' | 'expiryDate') => (value: string) => setValues((v) => ({ ...v, [field]: value }));
  const setText = (field: FormField) => (event: { currentTarget: { value: string } }) => {
    const { value } = event.currentTarget;
    setValues((v) => ({ ...v, [field]: value }));
  };
  const kinds = KINDS.map((kind) => ({ label: t.kinds[kind], value: kind }));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setTried(true);
    if (Object.keys(evidenceFormErrors(values, t)).length > 0) return;
    onSubmit(values);
  };
  const attachment = values.kind === 'attachment';
  // Shown once the person has tried to save, then as they fix each field.
  const errors = tried ? evidenceFormErrors(values, t) : {};

  return (
    <form onSubmit={submit} noValidate aria-label={submitLabel} style={{ display: 'grid', gap: token('space.100', '8px'), maxWidth: 560 }}>
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
          <Textfield
            id={`${id}-title`}
            value={values.title}
            onChange={setText('title')}
            maxLength={300}
            isRequired
            isInvalid={errors.title !== undefined}
            aria-describedby={errors.title !== undefined ? `${id}-title-error` : undefined}
          />
          {errors.title !== undefined && (
            <div id={`${id}-title-error`}>
              <ErrorMessage>{errors.title}</ErrorMessage>
            </div>
          )}
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
        <DateField id={`${id}-effective`} label={t.effectiveDate} value={values.effectiveDate} onChange={setDate('effectiveDate')} />
        <DateField id={`${id}-expiry`} label={t.expiryDate} value={values.expiryDate} onChange={setDate('expiryDate')} error={errors.expiryDate} />
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

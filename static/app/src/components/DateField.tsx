/**
 * A date typed or picked as the server stores it (YYYY-MM-DD, whatever the locale): Atlaskit's
 * DatePicker with its label above and, when given, the field's own error under it. The picker (about
 * 30 KB gzipped with its calendar) loads when a form with a date first shows, not with the view that
 * holds the form (the item panel opens without it); until then a disabled field holds its place.
 */
import { lazy, Suspense } from 'react';
import { ErrorMessage } from '@atlaskit/form';
import Textfield from '@atlaskit/textfield';
import { token } from '@atlaskit/tokens';
import { useT } from '../i18n';
import { shellMessages } from '../messages';

const DatePicker = lazy(() => import('@atlaskit/datetime-picker/date-picker'));

/** Typed and shown as stored: one unambiguous format. */
export const DATE_FORMAT = 'YYYY-MM-DD';

interface DateFieldProps {
  id: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  /** What to fix in this field, shown under it (and the field marked invalid). */
  error?: string;
  isDisabled?: boolean;
}

export function DateField({ id, label, value, onChange, error, isDisabled }: DateFieldProps) {
  const t = useT(shellMessages);
  return (
    <div style={{ display: 'grid', gap: token('space.050', '4px'), minWidth: 160 }}>
      <label htmlFor={id}>{label}</label>
      <Suspense fallback={<Textfield id={id} value={value} placeholder={DATE_FORMAT} isDisabled isReadOnly />}>
        <DatePicker
          id={id}
          dateFormat={DATE_FORMAT}
          placeholder={DATE_FORMAT}
          value={value}
          onChange={onChange}
          isInvalid={error !== undefined}
          isDisabled={isDisabled}
          aria-describedby={error !== undefined ? `${id}-error` : undefined}
          clearControlLabel={t.clearDate(label)}
        />
      </Suspense>
      {error !== undefined && (
        <div id={`${id}-error`}>
          <ErrorMessage>{error}</ErrorMessage>
        </div>
      )}
    </div>
  );
}

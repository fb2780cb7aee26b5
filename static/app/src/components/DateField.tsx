/**
 * A date typed or picked as the server stores it (YYYY-MM-DD, whatever the locale): Atlaskit's
 * DatePicker with its label above and, when given, the field's own error under it. Only used in
 * views that load lazily (the evidence form, the waiver proof), so the picker's calendar does not
 * weigh on any first paint.
 */
import { DatePicker } from '@atlaskit/datetime-picker';
import { ErrorMessage } from '@atlaskit/form';
import { token } from '@atlaskit/tokens';

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
  return (
    <div style={{ display: 'grid', gap: token('space.050', '4px'), minWidth: 160 }}>
      <label htmlFor={id}>{label}</label>
      <DatePicker
        id={id}
        dateFormat={DATE_FORMAT}
        placeholder={DATE_FORMAT}
        value={value}
        onChange={onChange}
        isInvalid={error !== undefined}
        isDisabled={isDisabled}
        aria-describedby={error !== undefined ? `${id}-error` : undefined}
        clearControlLabel={`Clear ${label.toLowerCase()}`}
      />
      {error !== undefined && (
        <div id={`${id}-error`}>
          <ErrorMessage>{error}</ErrorMessage>
        </div>
      )}
    </div>
  );
}

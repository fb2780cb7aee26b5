/** The file field both uploads open with (checklist and crosswalk): a label, the browser's chooser, a hint. */
import { useId } from 'react';
import { section, subtle } from './styles';

interface FileChooserProps {
  label: string;
  hint: string;
  accept: string;
  disabled: boolean;
  onChoose: (file: File | undefined) => void;
}

export function FileChooser({ label, hint, accept, disabled, onChoose }: FileChooserProps) {
  const id = useId();
  return (
    <div style={section}>
      <label htmlFor={id} style={{ fontWeight: 600 }}>
        {label}
      </label>
      <input id={id} type="file" accept={accept} disabled={disabled} onChange={(event) => onChoose(event.target.files?.[0])} />
      <span style={subtle}>{hint}</span>
    </div>
  );
}

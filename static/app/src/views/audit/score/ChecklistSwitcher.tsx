/**
 * Which of the project's imported checklists the page scores: a labelled native select (keyboard
 * operable as is), shown by the headline when the project holds more than one.
 */
import { useId } from 'react';
import { token } from '@atlaskit/tokens';
import type { ProjectChecklist } from '../../../../../../common/project-checklists';

interface ChecklistSwitcherProps {
  checklists: ProjectChecklist[];
  selectedId: string;
  onSwitch: (checklistId: string) => void;
  disabled?: boolean;
}

export function ChecklistSwitcher({ checklists, selectedId, onSwitch, disabled }: ChecklistSwitcherProps) {
  const id = useId();
  return (
    <div style={{ display: 'flex', gap: token('space.100', '8px'), alignItems: 'center', flexWrap: 'wrap' }}>
      <label htmlFor={id} style={{ color: token('color.text.subtle', '#44546F') }}>
        Checklist
      </label>
      <select
        id={id}
        value={selectedId}
        disabled={disabled}
        onChange={(event) => event.target.value !== selectedId && onSwitch(event.target.value)}
        style={{ font: 'inherit', padding: '4px 8px', borderRadius: 4, border: `1px solid ${token('color.border.input', '#8590A2')}` }}
      >
        {checklists.map((checklist) => (
          <option key={checklist.id} value={checklist.id}>
            {checklist.name} {checklist.version}
          </option>
        ))}
      </select>
    </div>
  );
}

/**
 * Which of the project's imported checklists the page scores: a labelled Atlaskit Select (a
 * combobox: arrows, Enter, type to find), shown by the headline when the project holds more than one. A checklist a
 * version update retired is history: listed but not selectable (no score to work on, no update to
 * offer), with when it was replaced, by which version, and its last score before the move.
 */
import { useId } from 'react';
import Select from '@atlaskit/select';
import { token } from '@atlaskit/tokens';
import type { ProjectChecklist } from '../../../../../../common/project-checklists';

interface ChecklistSwitcherProps {
  checklists: ProjectChecklist[];
  selectedId: string;
  onSwitch: (checklistId: string) => void;
  disabled?: boolean;
}

const day = (iso: string): string => {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : date.toLocaleDateString('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });
};

/** "AWS MSP Partner Program Validation Checklist 4.x: retired 7 Dec 2026, replaced by version 7.1; last score 412 / 1000 (not passed)." */
export function retiredLine(checklist: ProjectChecklist): string | undefined {
  const { retired } = checklist;
  if (!retired) return undefined;
  const score = retired.lastScore
    ? `last score ${retired.lastScore.score} / ${retired.lastScore.maxScore} (${retired.lastScore.passed ? 'passed' : 'not passed'}) on ${day(retired.lastScore.at)}`
    : 'no score was recorded before the move';
  return `${checklist.name} ${checklist.version}: retired ${day(retired.at)}, replaced by version ${retired.replacedByVersion}; ${score}. Read only: its issues moved or were retired with their work.`;
}

interface Choice {
  label: string;
  value: string;
  isDisabled: boolean;
}

export function ChecklistSwitcher({ checklists, selectedId, onSwitch, disabled }: ChecklistSwitcherProps) {
  const id = useId();
  const history = checklists.flatMap((checklist) => retiredLine(checklist) ?? []);
  const choices: Choice[] = checklists.map((checklist) => ({
    label: `${checklist.name} ${checklist.version}${checklist.retired ? ` (retired, replaced by ${checklist.retired.replacedByVersion})` : ''}`,
    value: checklist.id,
    isDisabled: checklist.retired !== undefined && checklist.id !== selectedId,
  }));
  return (
    <div style={{ display: 'grid', gap: token('space.050', '4px') }}>
      <div style={{ display: 'flex', gap: token('space.100', '8px'), alignItems: 'center', flexWrap: 'wrap' }}>
        <label htmlFor={id} style={{ color: token('color.text.subtle', '#44546F') }}>
          Checklist
        </label>
        <div style={{ minWidth: 280 }} data-testid="checklist-switcher">
          <Select<Choice>
            inputId={id}
            options={choices}
            value={choices.find((choice) => choice.value === selectedId) ?? null}
            isOptionDisabled={(choice) => choice.isDisabled}
            isDisabled={disabled}
            spacing="compact"
            onChange={(choice) => choice && choice.value !== selectedId && onSwitch(choice.value)}
          />
        </div>
      </div>
      {history.length > 0 && (
        <ul aria-label="Retired checklists" style={{ margin: 0, paddingLeft: 20, color: token('color.text.subtle', '#44546F') }}>
          {history.map((line) => (
            <li key={line}>{line}</li>
          ))}
        </ul>
      )}
    </div>
  );
}

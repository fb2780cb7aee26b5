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
import { useT } from '../../../i18n';
import { auditEnglish, auditMessages } from '../messages';
import type { AuditMessages } from '../messages.en';

interface ChecklistSwitcherProps {
  checklists: ProjectChecklist[];
  selectedId: string;
  onSwitch: (checklistId: string) => void;
  disabled?: boolean;
}

/** "AWS MSP Partner Program Validation Checklist 4.x: retired 7 Dec 2026, replaced by version 7.1; last score 412 / 1000 (not passed)." */
export function retiredLine(checklist: ProjectChecklist, t: AuditMessages = auditEnglish()): string | undefined {
  const { retired } = checklist;
  if (!retired) return undefined;
  return t.retiredLine(`${checklist.name} ${checklist.version}`, retired.at, retired.replacedByVersion, retired.lastScore);
}

interface Choice {
  label: string;
  value: string;
  isDisabled: boolean;
}

export function ChecklistSwitcher({ checklists, selectedId, onSwitch, disabled }: ChecklistSwitcherProps) {
  const t = useT(auditMessages);
  const id = useId();
  const history = checklists.flatMap((checklist) => retiredLine(checklist, t) ?? []);
  const choices: Choice[] = checklists.map((checklist) => ({
    label: `${checklist.name} ${checklist.version}${checklist.retired ? t.retiredOption(checklist.retired.replacedByVersion) : ''}`,
    value: checklist.id,
    isDisabled: checklist.retired !== undefined && checklist.id !== selectedId,
  }));
  return (
    <div style={{ display: 'grid', gap: token('space.050', '4px') }}>
      <div style={{ display: 'flex', gap: token('space.100', '8px'), alignItems: 'center', flexWrap: 'wrap' }}>
        <label htmlFor={id} style={{ color: token('color.text.subtle', '#44546F') }}>
          {t.checklist}
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
        <ul aria-label={t.retiredList} style={{ margin: 0, paddingLeft: 20, color: token('color.text.subtle', '#44546F') }}>
          {history.map((line) => (
            <li key={line}>{line}</li>
          ))}
        </ul>
      )}
    </div>
  );
}

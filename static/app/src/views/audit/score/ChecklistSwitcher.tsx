/**
 * Which of the project's imported checklists the page scores: a labelled native select (keyboard
 * operable as is), shown by the headline when the project holds more than one. A checklist a
 * version update retired is history: listed but not selectable (no score to work on, no update to
 * offer), with when it was replaced, by which version, and its last score before the move.
 */
import { useId } from 'react';
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

export function ChecklistSwitcher({ checklists, selectedId, onSwitch, disabled }: ChecklistSwitcherProps) {
  const t = useT(auditMessages);
  const id = useId();
  const history = checklists.flatMap((checklist) => retiredLine(checklist, t) ?? []);
  return (
    <div style={{ display: 'grid', gap: token('space.050', '4px') }}>
      <div style={{ display: 'flex', gap: token('space.100', '8px'), alignItems: 'center', flexWrap: 'wrap' }}>
        <label htmlFor={id} style={{ color: token('color.text.subtle', '#44546F') }}>
          {t.checklist}
        </label>
        <select
          id={id}
          value={selectedId}
          disabled={disabled}
          onChange={(event) => event.target.value !== selectedId && onSwitch(event.target.value)}
          style={{ font: 'inherit', padding: '4px 8px', borderRadius: 4, border: `1px solid ${token('color.border.input', '#8590A2')}` }}
        >
          {checklists.map((checklist) => (
            <option key={checklist.id} value={checklist.id} disabled={checklist.retired !== undefined && checklist.id !== selectedId}>
              {checklist.name} {checklist.version}
              {checklist.retired ? t.retiredOption(checklist.retired.replacedByVersion) : ''}
            </option>
          ))}
        </select>
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

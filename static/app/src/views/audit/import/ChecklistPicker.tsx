/** The checklists a team can import, as a group of Atlaskit radios (one choice; arrows move, Space picks). */
import { Radio } from '@atlaskit/radio';
import { token } from '@atlaskit/tokens';
import type { ChecklistSummary } from '../../../../../../common/contract';
import { useT } from '../../../i18n';
import { auditMessages } from '../messages';
import type { AuditMessages } from '../messages.en';

interface ChecklistPickerProps {
  checklists: ChecklistSummary[];
  selectedId: string | null;
  onSelect: (id: string) => void;
  disabled?: boolean;
  /** Ids of the checklists the project already holds: marked, so "Import another" is not a guess. */
  inProject?: ReadonlySet<string>;
}

const modelWords = (summary: ChecklistSummary, t: AuditMessages): string =>
  summary.model === 'points' ? t.modelPoints(summary.maxScore, summary.passMark) : t.modelMet;

export function ChecklistPicker({ checklists, selectedId, onSelect, disabled, inProject }: ChecklistPickerProps) {
  const t = useT(auditMessages);
  return (
    <fieldset style={{ border: 0, padding: 0, margin: 0 }} disabled={disabled}>
      <legend style={{ fontWeight: 600, marginBottom: token('space.100', '8px') }}>{t.checklist}</legend>
      <div style={{ display: 'grid', gap: token('space.100', '8px') }}>
        {checklists.map((summary) => {
          const selected = summary.id === selectedId;
          return (
            <div
              key={summary.id}
              style={{
                padding: token('space.100', '8px'),
                borderRadius: token('radius.small', '4px'),
                border: `1px solid ${selected ? token('color.border.selected', '#0C66E4') : token('color.border', '#091E4224')}`,
              }}
            >
              <Radio
                name="checklist"
                value={summary.id}
                isChecked={selected}
                isDisabled={disabled}
                onChange={() => onSelect(summary.id)}
                label={
                  <span>
                    <span style={{ fontWeight: 600 }}>{summary.name}</span> <span>{t.version(summary.version)}</span>
                    {inProject?.has(summary.id) ? <span data-testid="in-project">{t.alreadyInProject}</span> : null}
                    <span style={{ display: 'block', color: token('color.text.subtle', '#44546F') }}>
                      {t.itemsInChapters(summary.itemCount, summary.chapterCount)} · {modelWords(summary, t)}
                      {summary.source === 'custom' ? t.yourOwnFile : ''}
                    </span>
                  </span>
                }
              />
            </div>
          );
        })}
      </div>
    </fieldset>
  );
}

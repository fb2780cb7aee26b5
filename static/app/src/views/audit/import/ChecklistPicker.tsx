/** The checklists a team can import, as a group of Atlaskit radios (one choice; arrows move, Space picks). */
import { Radio } from '@atlaskit/radio';
import { token } from '@atlaskit/tokens';
import type { ChecklistSummary } from '../../../../../../common/contract';
import { plural } from '../format';

interface ChecklistPickerProps {
  checklists: ChecklistSummary[];
  selectedId: string | null;
  onSelect: (id: string) => void;
  disabled?: boolean;
  /** Ids of the checklists the project already holds: marked, so "Import another" is not a guess. */
  inProject?: ReadonlySet<string>;
}

const modelWords = (summary: ChecklistSummary): string =>
  summary.model === 'points'
    ? `points${summary.maxScore !== undefined ? `, max ${summary.maxScore}` : ''}${summary.passMark !== undefined ? `, pass mark ${summary.passMark}` : ''}`
    : 'met / not met';

export function ChecklistPicker({ checklists, selectedId, onSelect, disabled, inProject }: ChecklistPickerProps) {
  return (
    <fieldset style={{ border: 0, padding: 0, margin: 0 }} disabled={disabled}>
      <legend style={{ fontWeight: 600, marginBottom: token('space.100', '8px') }}>Checklist</legend>
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
                    <span style={{ fontWeight: 600 }}>{summary.name}</span> <span>version {summary.version}</span>
                    {inProject?.has(summary.id) ? <span data-testid="in-project"> · already in this project</span> : null}
                    <span style={{ display: 'block', color: token('color.text.subtle', '#44546F') }}>
                      {plural(summary.itemCount, 'item')} in {plural(summary.chapterCount, 'chapter')} · {modelWords(summary)}
                      {summary.source === 'custom' ? ' · your own file' : ''}
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

/**
 * Linking by hand: pick an item of another checklist the project holds, which way the coverage
 * goes and how far, then link. The server checks everything again (Edit issues on both issues,
 * known items, no cycle of partial mappings) and says what to fix.
 */
import { useId, useState } from 'react';
import Button from '@atlaskit/button/new';
import { token } from '@atlaskit/tokens';
import type { LinkableChecklist, LinkItemPayload } from '../../../../../common/crosswalk';
import { control } from '../upload/styles';

interface LinkFormProps {
  checklists: LinkableChecklist[];
  busy: boolean;
  onLink: (payload: LinkItemPayload) => Promise<unknown>;
}

const row = { display: 'flex', gap: token('space.100', '8px'), alignItems: 'center', flexWrap: 'wrap' } as const;

export function LinkForm({ checklists, busy, onLink }: LinkFormProps) {
  const ids = { direction: useId(), checklist: useId(), item: useId(), note: useId() };
  const [direction, setDirection] = useState<LinkItemPayload['direction']>('covers');
  const [checklistId, setChecklistId] = useState(checklists[0]?.checklistId ?? '');
  const [itemId, setItemId] = useState('');
  const [coverage, setCoverage] = useState<LinkItemPayload['coverage']>('full');
  const [note, setNote] = useState('');
  const checklist = checklists.find((c) => c.checklistId === checklistId);

  const submit = async () => {
    const answer = await onLink({ checklistId, itemId, direction, coverage, ...(note.trim() !== '' ? { note: note.trim() } : {}) });
    if (answer !== undefined) {
      setItemId('');
      setNote('');
    }
  };

  return (
    <details>
      <summary>Link to an item of another checklist</summary>
      <div style={{ display: 'grid', gap: token('space.100', '8px'), marginTop: token('space.100', '8px') }}>
        <div style={row}>
          <label htmlFor={ids.direction}>This item</label>
          <select id={ids.direction} value={direction} onChange={(e) => setDirection(e.target.value as LinkItemPayload['direction'])} style={control}>
            <option value="covers">covers</option>
            <option value="covered-by">is covered by</option>
          </select>
          <select aria-label="Coverage" value={coverage} onChange={(e) => setCoverage(e.target.value as LinkItemPayload['coverage'])} style={control}>
            <option value="full">fully</option>
            <option value="partial">partly</option>
          </select>
        </div>
        <div style={row}>
          <label htmlFor={ids.checklist}>Checklist</label>
          <select
            id={ids.checklist}
            value={checklistId}
            onChange={(e) => {
              setChecklistId(e.target.value);
              setItemId('');
            }}
            style={control}
          >
            {checklists.map((c) => (
              <option key={c.checklistId} value={c.checklistId}>
                {c.checklistName}
              </option>
            ))}
          </select>
          <label htmlFor={ids.item}>Item</label>
          <select id={ids.item} value={itemId} onChange={(e) => setItemId(e.target.value)} style={{ ...control, maxWidth: '100%' }}>
            <option value="">Choose an item</option>
            {(checklist?.items ?? []).map((item) => (
              <option key={item.id} value={item.id}>
                {item.id} {item.title}
              </option>
            ))}
          </select>
        </div>
        <div style={row}>
          <label htmlFor={ids.note}>Why (optional)</label>
          <input id={ids.note} value={note} maxLength={500} onChange={(e) => setNote(e.target.value)} style={{ ...control, flex: 1 }} />
        </div>
        <div>
          <Button appearance="primary" isDisabled={itemId === '' || busy} isLoading={busy} onClick={() => void submit()}>
            Link
          </Button>
        </div>
      </div>
    </details>
  );
}

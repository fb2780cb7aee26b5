/**
 * A team's own waiver: a reason (required: an auditor will ask), whole chapters and/or item ids.
 * Checked here only for what a person can fix before sending; the server checks everything again.
 */
import { useId, useState, type FormEvent } from 'react';
import Button from '@atlaskit/button/new';
import Heading from '@atlaskit/heading';
import { token } from '@atlaskit/tokens';
import type { AddCustomWaiverPayload, RollupChapter } from '../../../../../common/contract';
import { parseItemIds } from './words';

const REASON_MAX = 500;
const NAME_MAX = 120;

interface CustomWaiverFormProps {
  chapters: readonly Pick<RollupChapter, 'id' | 'title'>[];
  itemIds: readonly string[];
  busy: boolean;
  onSubmit: (waiver: Omit<AddCustomWaiverPayload, 'checklistId'>) => void;
}

export function CustomWaiverForm({ chapters, itemIds, busy, onSubmit }: CustomWaiverFormProps) {
  const ids = { heading: useId(), name: useId(), reason: useId(), items: useId(), chapters: useId() };
  const [name, setName] = useState('');
  const [reason, setReason] = useState('');
  const [itemsText, setItemsText] = useState('');
  const [picked, setPicked] = useState<string[]>([]);
  const [problems, setProblems] = useState<string[]>([]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const items = parseItemIds(itemsText);
    const known = new Set(itemIds);
    const found: string[] = [];
    if (reason.trim() === '') found.push('Give a reason: an auditor will ask why these items are waived.');
    if (Array.from(reason.trim()).length > REASON_MAX) found.push(`Shorten the reason to at most ${REASON_MAX} characters.`);
    if (Array.from(name.trim()).length > NAME_MAX) found.push(`Shorten the name to at most ${NAME_MAX} characters.`);
    if (items.length === 0 && picked.length === 0) found.push('Pick at least one chapter or type at least one item id.');
    const unknown = items.filter((id) => !known.has(id));
    if (unknown.length > 0) found.push(`Not in this checklist: ${unknown.join(', ')}.`);
    setProblems(found);
    if (found.length > 0) return;
    onSubmit({
      reason: reason.trim(),
      ...(name.trim() !== '' ? { name: name.trim() } : {}),
      ...(items.length > 0 ? { items } : {}),
      ...(picked.length > 0 ? { chapters: picked } : {}),
    });
    setName('');
    setReason('');
    setItemsText('');
    setPicked([]);
  };

  const toggle = (id: string) => setPicked((current) => (current.includes(id) ? current.filter((entry) => entry !== id) : [...current, id]));

  return (
    <form aria-labelledby={ids.heading} onSubmit={submit} style={{ display: 'grid', gap: token('space.100', '8px'), maxWidth: 640 }}>
      <Heading size="xsmall" as="h4" id={ids.heading}>
        Add a team waiver
      </Heading>
      <label htmlFor={ids.name} style={{ display: 'grid', gap: 4 }}>
        Name (optional)
        <input id={ids.name} value={name} onChange={(event) => setName(event.target.value)} placeholder="Team waiver" />
      </label>
      <label htmlFor={ids.reason} style={{ display: 'grid', gap: 4 }}>
        Reason
        <textarea id={ids.reason} rows={2} value={reason} onChange={(event) => setReason(event.target.value)} />
      </label>
      <fieldset style={{ border: 0, padding: 0, margin: 0, display: 'grid', gap: 4 }}>
        <legend>Whole chapters</legend>
        <div style={{ display: 'flex', flexWrap: 'wrap', gap: '4px 16px' }}>
          {chapters.map((chapter) => (
            <label key={chapter.id} style={{ display: 'flex', gap: 4, alignItems: 'center' }}>
              <input type="checkbox" checked={picked.includes(chapter.id)} onChange={() => toggle(chapter.id)} />
              {chapter.title}
            </label>
          ))}
        </div>
      </fieldset>
      <label htmlFor={ids.items} style={{ display: 'grid', gap: 4 }}>
        Items (ids separated by commas or spaces)
        <input id={ids.items} value={itemsText} onChange={(event) => setItemsText(event.target.value)} placeholder="e.g. OPS-009, OPS-010" />
      </label>
      {problems.length > 0 && (
        <ul role="alert" style={{ margin: 0, color: token('color.text.danger', '#AE2E24') }}>
          {problems.map((problem) => (
            <li key={problem}>{problem}</li>
          ))}
        </ul>
      )}
      <div>
        <Button type="submit" isDisabled={busy}>
          Add waiver
        </Button>
      </div>
    </form>
  );
}

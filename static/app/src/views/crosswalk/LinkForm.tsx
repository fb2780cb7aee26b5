/**
 * Linking by hand: pick an item of another checklist the project holds, which way the coverage
 * goes and how far, then link. The controls are Atlaskit's (Select: arrows, Enter, type to find an
 * item among a checklist's 130; Textfield), as in the rest of the app. The server checks everything
 * again (Edit issues on both issues, known items, no cycle of partial mappings) and says what to fix.
 */
import { useId, useState } from 'react';
import Button from '@atlaskit/button/new';
import Select from '@atlaskit/select';
import Textfield from '@atlaskit/textfield';
import { token } from '@atlaskit/tokens';
import type { LinkableChecklist, LinkItemPayload } from '../../../../../common/crosswalk';
import { useT } from '../../i18n';
import { crosswalkMessages } from './messages';

interface LinkFormProps {
  checklists: LinkableChecklist[];
  busy: boolean;
  onLink: (payload: LinkItemPayload) => Promise<unknown>;
}

interface Choice<T extends string> {
  label: string;
  value: T;
}

const DIRECTIONS: LinkItemPayload['direction'][] = ['covers', 'covered-by'];
const COVERAGES: LinkItemPayload['coverage'][] = ['full', 'partial'];

const row = { display: 'flex', gap: token('space.100', '8px'), alignItems: 'center', flexWrap: 'wrap' } as const;

export function LinkForm({ checklists, busy, onLink }: LinkFormProps) {
  const t = useT(crosswalkMessages);
  const directions = DIRECTIONS.map((value): Choice<LinkItemPayload['direction']> => ({ label: t.directions[value], value }));
  const coverages = COVERAGES.map((value): Choice<LinkItemPayload['coverage']> => ({ label: t.coverages[value], value }));
  const ids = { direction: useId(), checklist: useId(), item: useId(), note: useId() };
  const [direction, setDirection] = useState<LinkItemPayload['direction']>('covers');
  const [checklistId, setChecklistId] = useState(checklists[0]?.checklistId ?? '');
  const [itemId, setItemId] = useState('');
  const [coverage, setCoverage] = useState<LinkItemPayload['coverage']>('full');
  const [note, setNote] = useState('');
  const checklist = checklists.find((c) => c.checklistId === checklistId);
  const checklistChoices: Choice<string>[] = checklists.map((c) => ({ label: c.checklistName, value: c.checklistId }));
  const itemChoices: Choice<string>[] = (checklist?.items ?? []).map((item) => ({ label: `${item.id} ${item.title}`, value: item.id }));

  const submit = async () => {
    const answer = await onLink({ checklistId, itemId, direction, coverage, ...(note.trim() !== '' ? { note: note.trim() } : {}) });
    if (answer !== undefined) {
      setItemId('');
      setNote('');
    }
  };

  return (
    <details>
      <summary>{t.linkSummary}</summary>
      <div style={{ display: 'grid', gap: token('space.100', '8px'), marginTop: token('space.100', '8px') }}>
        <div style={row}>
          <label htmlFor={ids.direction}>{t.thisItem}</label>
          <div style={{ minWidth: 160 }}>
            <Select<Choice<LinkItemPayload['direction']>>
              inputId={ids.direction}
              options={directions}
              value={directions.find((choice) => choice.value === direction) ?? null}
              onChange={(choice) => choice && setDirection(choice.value)}
              isDisabled={busy}
              spacing="compact"
            />
          </div>
          <div style={{ minWidth: 120 }}>
            <Select<Choice<LinkItemPayload['coverage']>>
              aria-label={t.coverage}
              options={coverages}
              value={coverages.find((choice) => choice.value === coverage) ?? null}
              onChange={(choice) => choice && setCoverage(choice.value)}
              isDisabled={busy}
              spacing="compact"
            />
          </div>
        </div>
        <div style={row}>
          <label htmlFor={ids.checklist}>{t.checklist}</label>
          <div style={{ minWidth: 220, flex: 1 }}>
            <Select<Choice<string>>
              inputId={ids.checklist}
              options={checklistChoices}
              value={checklistChoices.find((choice) => choice.value === checklistId) ?? null}
              onChange={(choice) => {
                if (!choice || choice.value === checklistId) return;
                setChecklistId(choice.value);
                setItemId('');
              }}
              isDisabled={busy}
              spacing="compact"
            />
          </div>
        </div>
        <div style={row}>
          <label htmlFor={ids.item}>{t.item}</label>
          <div style={{ minWidth: 220, flex: 1 }}>
            <Select<Choice<string>>
              inputId={ids.item}
              options={itemChoices}
              value={itemChoices.find((choice) => choice.value === itemId) ?? null}
              onChange={(choice) => setItemId(choice?.value ?? '')}
              placeholder={t.chooseItem}
              noOptionsMessage={() => t.noItemMatches}
              isDisabled={busy}
              spacing="compact"
            />
          </div>
        </div>
        <div style={row}>
          <label htmlFor={ids.note}>{t.why}</label>
          <div style={{ flex: 1, minWidth: 220 }}>
            <Textfield id={ids.note} value={note} maxLength={500} onChange={(event) => setNote(event.currentTarget.value)} isCompact isDisabled={busy} />
          </div>
        </div>
        <div>
          <Button appearance="primary" isDisabled={itemId === '' || busy} isLoading={busy} onClick={() => void submit()}>
            {t.link}
          </Button>
        </div>
      </div>
    </details>
  );
}

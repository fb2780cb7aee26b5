/**
 * A team's own waiver: a reason (required: an auditor will ask), whole chapters and/or item ids,
 * and optionally its proof (then it lapses when the proof expires, as a named waiver does).
 * Checked here only for what a person can fix before sending; the server checks everything again.
 */
import { useId, useState, type FormEvent } from 'react';
import Button from '@atlaskit/button/new';
import Checkbox from '@atlaskit/checkbox';
import { ErrorMessage } from '@atlaskit/form';
import Heading from '@atlaskit/heading';
import TextArea from '@atlaskit/textarea';
import Textfield from '@atlaskit/textfield';
import { token } from '@atlaskit/tokens';
import type { AddCustomWaiverPayload, RollupChapter } from '../../../../../common/contract';
import { EMPTY_PROOF, proofMissing, toProof, WaiverProofFields, type ProofDraft } from './WaiverProofFields';
import { useT } from '../../i18n';
import { auditDayMessages } from './messages';
import type { AuditDayMessages } from './messages.en';
import { parseItemIds } from './words';

const REASON_MAX = 500;
const NAME_MAX = 120;
const field = { display: 'grid', gap: 4 } as const;

/** A problem the person can fix, with the field it belongs under. */
interface Problem {
  field: 'name' | 'reason' | 'items' | 'proof';
  text: string;
}

interface CustomWaiverFormProps {
  chapters: readonly Pick<RollupChapter, 'id' | 'title'>[];
  itemIds: readonly string[];
  /** Mandatory items with their chapter, to say before adding when a waiver would cover one. */
  mandatoryItems?: readonly { id: string; chapterId: string }[];
  busy: boolean;
  onSubmit: (waiver: Omit<AddCustomWaiverPayload, 'checklistId'>) => void;
}

export function CustomWaiverForm({ chapters, itemIds, mandatoryItems = [], busy, onSubmit }: CustomWaiverFormProps) {
  const t = useT(auditDayMessages);
  const w = t.waiverForm;
  const ids = { heading: useId(), name: useId(), reason: useId(), items: useId(), chapters: useId() };
  const [name, setName] = useState('');
  const [reason, setReason] = useState('');
  const [itemsText, setItemsText] = useState('');
  const [picked, setPicked] = useState<string[]>([]);
  const [problems, setProblems] = useState<Problem[]>([]);
  const [withProof, setWithProof] = useState(false);
  const [proof, setProof] = useState<ProofDraft>(EMPTY_PROOF);
  /** A checked waiver waiting for the person to confirm what it covers. */
  const [pending, setPending] = useState<Omit<AddCustomWaiverPayload, 'checklistId'> | undefined>(undefined);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const items = parseItemIds(itemsText);
    const known = new Set(itemIds);
    const found: Problem[] = [];
    if (reason.trim() === '') found.push({ field: 'reason', text: w.giveReason });
    if (Array.from(reason.trim()).length > REASON_MAX) found.push({ field: 'reason', text: w.reasonTooLong(REASON_MAX) });
    if (Array.from(name.trim()).length > NAME_MAX) found.push({ field: 'name', text: w.nameTooLong(NAME_MAX) });
    if (items.length === 0 && picked.length === 0) found.push({ field: 'items', text: w.pickSomething });
    const unknown = items.filter((id) => !known.has(id));
    if (unknown.length > 0) found.push({ field: 'items', text: w.notInChecklist(unknown.join(', ')) });
    const missing = withProof ? proofMissing(proof, t) : [];
    if (missing.length > 0) found.push({ field: 'proof', text: w.completeProof(missing.join(', ')) });
    setProblems(found);
    if (found.length > 0) return;
    setPending({
      reason: reason.trim(),
      ...(name.trim() !== '' ? { name: name.trim() } : {}),
      ...(items.length > 0 ? { items } : {}),
      ...(picked.length > 0 ? { chapters: picked } : {}),
      ...(withProof ? { proof: toProof(proof) } : {}),
    });
  };

  const confirm = () => {
    if (!pending) return;
    onSubmit(pending);
    setPending(undefined);
    setName('');
    setReason('');
    setItemsText('');
    setPicked([]);
    setWithProof(false);
    setProof(EMPTY_PROOF);
  };

  /** The problems of one field, under it, and the control described by them. */
  const errorsOf = (field: Problem['field']) => problems.filter((problem) => problem.field === field);
  const errorId = (field: Problem['field']) => `${ids.heading}-${field}-error`;
  const fieldError = (field: Problem['field']) =>
    errorsOf(field).length > 0 ? (
      <div id={errorId(field)}>
        {errorsOf(field).map((problem) => (
          <ErrorMessage key={problem.text}>{problem.text}</ErrorMessage>
        ))}
      </div>
    ) : null;
  const invalid = (field: Problem['field']) => (errorsOf(field).length > 0 ? { isInvalid: true, 'aria-describedby': errorId(field) } : {});

  const toggle = (id: string) => setPicked((current) => (current.includes(id) ? current.filter((entry) => entry !== id) : [...current, id]));

  return (
    <form aria-labelledby={ids.heading} onSubmit={submit} noValidate style={{ display: 'grid', gap: token('space.100', '8px'), maxWidth: 640 }}>
      <Heading size="xsmall" as="h4" id={ids.heading}>
        {w.title}
      </Heading>
      <div style={field}>
        <label htmlFor={ids.name}>{w.name}</label>
        <Textfield id={ids.name} value={name} onChange={(event) => setName(event.currentTarget.value)} placeholder={w.defaultName} {...invalid('name')} />
        {fieldError('name')}
      </div>
      <div style={field}>
        <label htmlFor={ids.reason}>{w.reason}</label>
        <TextArea id={ids.reason} minimumRows={2} value={reason} onChange={(event) => setReason(event.currentTarget.value)} isRequired {...invalid('reason')} />
        {fieldError('reason')}
      </div>
      <fieldset style={{ border: 0, padding: 0, margin: 0, display: 'grid', gap: 4 }}>
        <legend>{w.wholeChapters}</legend>
        <div style={{ display: 'flex', flexWrap: 'wrap', gap: '4px 16px' }}>
          {chapters.map((chapter) => (
            <Checkbox key={chapter.id} isChecked={picked.includes(chapter.id)} onChange={() => toggle(chapter.id)} label={chapter.title} />
          ))}
        </div>
      </fieldset>
      <div style={field}>
        <label htmlFor={ids.items}>{w.itemsLabel}</label>
        <Textfield id={ids.items} value={itemsText} onChange={(event) => setItemsText(event.currentTarget.value)} placeholder={w.itemsPlaceholder} {...invalid('items')} />
        {fieldError('items')}
      </div>
      <Checkbox isChecked={withProof} onChange={() => setWithProof(!withProof)} label={w.attachProof} />
      {withProof && <WaiverProofFields draft={proof} onChange={setProof} />}
      {fieldError('proof')}
      {problems.length > 0 && (
        // The summary a screen reader hears on Add; each problem also stands under its field.
        <ul role="alert" aria-label={w.whatToFix} style={{ margin: 0, color: token('color.text.danger', '#AE2E24') }}>
          {problems.map((problem) => (
            <li key={problem.text}>{problem.text}</li>
          ))}
        </ul>
      )}
      {pending ? (
        <div role="group" aria-label={w.confirmLabel} style={{ display: 'grid', gap: 4 }}>
          <div>{confirmWords(pending, chapters, mandatoryItems, w)}</div>
          <div style={{ display: 'flex', gap: 8 }}>
            <Button appearance="primary" isDisabled={busy} onClick={confirm}>
              {w.confirm}
            </Button>
            <Button appearance="subtle" onClick={() => setPending(undefined)}>
              {w.change}
            </Button>
          </div>
        </div>
      ) : (
        <div>
          <Button type="submit" isDisabled={busy}>
            {w.add}
          </Button>
        </div>
      )}
    </form>
  );
}

/** What the waiver will cover, and whether it decides the pass, before it is added. */
function confirmWords(
  waiver: Omit<AddCustomWaiverPayload, 'checklistId'>,
  chapters: readonly Pick<RollupChapter, 'id' | 'title'>[],
  mandatoryItems: readonly { id: string; chapterId: string }[],
  w: AuditDayMessages['waiverForm'],
): string {
  const titles = new Map(chapters.map((chapter) => [chapter.id, chapter.title]));
  const parts = [
    ...(waiver.chapters ?? []).map((id) => w.chapter(titles.get(id) ?? id)),
    ...((waiver.items ?? []).length > 0 ? [w.items((waiver.items ?? []).length, (waiver.items ?? []).join(', '))] : []),
  ];
  const covered = new Set(waiver.items ?? []);
  const inChapters = new Set(waiver.chapters ?? []);
  const mandatory = mandatoryItems.filter((item) => covered.has(item.id) || inChapters.has(item.chapterId)).map((item) => item.id);
  const decides =
    mandatory.length > 0
      ? w.mandatory(mandatory.length, mandatory.slice(0, 8).join(', '), Math.max(0, mandatory.length - 8))
      : '';
  return w.confirmWords(waiver.name ?? w.defaultName, parts.join('; '), waiver.reason, decides);
}

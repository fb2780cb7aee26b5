/**
 * Accept or reject one entry, with an optional note (worth giving on a rejection), or reopen it.
 * Under four eyes the person who added the entry cannot accept or reject it (the server refuses it
 * too): the buttons are disabled and say why.
 */
import { useId, useState } from 'react';
import Button from '@atlaskit/button/new';
import TextArea from '@atlaskit/textarea';
import type { EvidenceEntryView, EvidenceReviewStateName } from '../../../../../common/contract';
import { useT } from '../../i18n';
import { evidenceMessages } from './messages';

interface ReviewBoxProps {
  entry: EvidenceEntryView;
  busy: boolean;
  /** Four eyes forbids this person to accept or reject it (they added it). */
  ownUnderFourEyes?: boolean;
  onReview: (state: EvidenceReviewStateName, note: string) => void;
  onCancel: () => void;
}

export function ReviewBox({ entry, busy, ownUnderFourEyes = false, onReview, onCancel }: ReviewBoxProps) {
  const t = useT(evidenceMessages);
  const [note, setNote] = useState('');
  const id = useId();
  return (
    <div role="group" aria-label={t.reviewOf(entry.title)} style={{ display: 'grid', gap: 4, width: '100%', maxWidth: 560 }}>
      <label htmlFor={id}>{t.reviewNote}</label>
      <TextArea id={id} minimumRows={2} value={note} onChange={(e) => setNote(e.currentTarget.value)} />
      {ownUnderFourEyes && <p style={{ margin: 0 }}>{t.fourEyesOwn}</p>}
      <div style={{ display: 'flex', gap: 8, flexWrap: 'wrap' }}>
        <Button appearance="primary" isDisabled={busy || ownUnderFourEyes} onClick={() => onReview('accepted', note)}>
          {t.accept}
        </Button>
        <Button appearance="danger" isDisabled={busy || ownUnderFourEyes} onClick={() => onReview('rejected', note)}>
          {t.reject}
        </Button>
        {entry.reviewState !== 'pending' && (
          <Button isDisabled={busy} onClick={() => onReview('pending', '')}>
            {t.reopen}
          </Button>
        )}
        <Button appearance="subtle" isDisabled={busy} onClick={onCancel}>
          {t.cancel}
        </Button>
      </div>
    </div>
  );
}

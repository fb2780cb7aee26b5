/**
 * Accept or reject one entry, with an optional note (worth giving on a rejection), or reopen it.
 * Under four eyes the person who added the entry cannot accept or reject it (the server refuses it
 * too): the buttons are disabled and say why.
 */
import { useId, useState } from 'react';
import Button from '@atlaskit/button/new';
import TextArea from '@atlaskit/textarea';
import type { EvidenceEntryView, EvidenceReviewStateName } from '../../../../../common/contract';

interface ReviewBoxProps {
  entry: EvidenceEntryView;
  busy: boolean;
  /** Four eyes forbids this person to accept or reject it (they added it). */
  ownUnderFourEyes?: boolean;
  onReview: (state: EvidenceReviewStateName, note: string) => void;
  onCancel: () => void;
}

export function ReviewBox({ entry, busy, ownUnderFourEyes = false, onReview, onCancel }: ReviewBoxProps) {
  const [note, setNote] = useState('');
  const id = useId();
  return (
    <div role="group" aria-label={`Review ${entry.title}`} style={{ display: 'grid', gap: 4, width: '100%', maxWidth: 560 }}>
      <label htmlFor={id}>Review note (optional; say what to fix when rejecting)</label>
      <TextArea id={id} minimumRows={2} value={note} onChange={(e) => setNote(e.currentTarget.value)} />
      {ownUnderFourEyes && <p style={{ margin: 0 }}>Four eyes: you added this evidence, so someone else accepts or rejects it.</p>}
      <div style={{ display: 'flex', gap: 8, flexWrap: 'wrap' }}>
        <Button appearance="primary" isDisabled={busy || ownUnderFourEyes} onClick={() => onReview('accepted', note)}>
          Accept
        </Button>
        <Button appearance="danger" isDisabled={busy || ownUnderFourEyes} onClick={() => onReview('rejected', note)}>
          Reject
        </Button>
        {entry.reviewState !== 'pending' && (
          <Button isDisabled={busy} onClick={() => onReview('pending', '')}>
            Reopen
          </Button>
        )}
        <Button appearance="subtle" isDisabled={busy} onClick={onCancel}>
          Cancel
        </Button>
      </div>
    </div>
  );
}

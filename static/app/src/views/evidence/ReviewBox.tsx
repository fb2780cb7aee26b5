/** Accept or reject one entry, with an optional note (worth giving on a rejection), or reopen it. */
import { useId, useState } from 'react';
import Button from '@atlaskit/button/new';
import type { EvidenceEntryView, EvidenceReviewStateName } from '../../../../../common/contract';

interface ReviewBoxProps {
  entry: EvidenceEntryView;
  busy: boolean;
  onReview: (state: EvidenceReviewStateName, note: string) => void;
  onCancel: () => void;
}

export function ReviewBox({ entry, busy, onReview, onCancel }: ReviewBoxProps) {
  const [note, setNote] = useState('');
  const id = useId();
  return (
    <div role="group" aria-label={`Review ${entry.title}`} style={{ display: 'grid', gap: 4, width: '100%', maxWidth: 560 }}>
      <label htmlFor={id} style={{ display: 'grid', gap: 4 }}>
        Review note (optional; say what to fix when rejecting)
        <textarea id={id} rows={2} value={note} onChange={(e) => setNote(e.target.value)} />
      </label>
      <div style={{ display: 'flex', gap: 8, flexWrap: 'wrap' }}>
        <Button appearance="primary" isDisabled={busy} onClick={() => onReview('accepted', note)}>
          Accept
        </Button>
        <Button appearance="danger" isDisabled={busy} onClick={() => onReview('rejected', note)}>
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

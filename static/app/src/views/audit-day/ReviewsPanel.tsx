/**
 * Chapter dry runs: each chapter reviewed, stale (an item changed after the review) or not yet, and
 * a way to record a review with an optional note. People without Edit issues see the states only.
 */
import { useId, useState } from 'react';
import Button from '@atlaskit/button/new';
import { ErrorMessage } from '@atlaskit/form';
import Heading from '@atlaskit/heading';
import TextArea from '@atlaskit/textarea';
import { token } from '@atlaskit/tokens';
import { StatusPill } from '../../components/StatusPill';
import type { AuditDay, ChapterReviewView } from '../../../../../common/contract';
import { REVIEW_TONES, reviewDetail, reviewSummaryLine } from './words';
import { useT } from '../../i18n';
import { auditDayMessages } from './messages';

const cell = { padding: `${token('space.075', '6px')} ${token('space.100', '8px')}`, borderBottom: `1px solid ${token('color.border', '#091E4224')}`, verticalAlign: 'top' as const };
const NOTE_MAX = 2000;

interface ReviewsPanelProps {
  day: AuditDay;
  /** Set while a change is being saved; every action waits for it. */
  busy: boolean;
  onMarkReviewed: (chapterId: string, note: string) => void;
}

export function ReviewsPanel({ day, busy, onMarkReviewed }: ReviewsPanelProps) {
  const t = useT(auditDayMessages);
  const headingId = useId();
  const [editing, setEditing] = useState<string | null>(null);

  return (
    <section aria-labelledby={headingId} style={{ display: 'grid', gap: token('space.100', '8px') }}>
      <Heading size="small" as="h3" id={headingId}>
        {t.dryRuns}
      </Heading>
      <p style={{ margin: 0 }} data-testid="review-summary">
        {reviewSummaryLine(day.reviewCounts, t)}
      </p>
      <div style={{ overflowX: 'auto' }}>
        <table style={{ borderCollapse: 'collapse', width: '100%' }} aria-label={t.chapterReviews}>
          <thead>
            <tr>
              <th scope="col" style={{ ...cell, textAlign: 'left' }}>{t.colChapter}</th>
              <th scope="col" style={{ ...cell, textAlign: 'left' }}>{t.colDryRun}</th>
              <th scope="col" style={{ ...cell, textAlign: 'left' }}>{t.colDetails}</th>
              {day.canEdit && <th scope="col" style={{ ...cell, textAlign: 'left' }}><span style={{ position: 'absolute', left: -9999 }}>{t.colActions}</span></th>}
            </tr>
          </thead>
          <tbody>
            {day.chapters.map((chapter) => (
              <ReviewRow
                key={chapter.chapterId}
                chapter={chapter}
                canEdit={day.canEdit}
                busy={busy}
                editing={editing === chapter.chapterId}
                onEdit={() => setEditing(chapter.chapterId)}
                onCancel={() => setEditing(null)}
                onSave={(note) => {
                  setEditing(null);
                  onMarkReviewed(chapter.chapterId, note);
                }}
              />
            ))}
          </tbody>
        </table>
      </div>
      {!day.canEdit && (
        <p style={{ margin: 0, color: token('color.text.subtle', '#44546F') }}>
          {t.needsEdit}
        </p>
      )}
    </section>
  );
}

interface ReviewRowProps {
  chapter: ChapterReviewView;
  canEdit: boolean;
  busy: boolean;
  editing: boolean;
  onEdit: () => void;
  onCancel: () => void;
  onSave: (note: string) => void;
}

function ReviewRow({ chapter, canEdit, busy, editing, onEdit, onCancel, onSave }: ReviewRowProps) {
  const t = useT(auditDayMessages);
  const noteId = useId();
  const [note, setNote] = useState('');
  const tooLong = Array.from(note.trim()).length > NOTE_MAX;
  return (
    <tr data-chapter={chapter.chapterId}>
      <th scope="row" style={{ ...cell, textAlign: 'left', fontWeight: 400 }}>{chapter.title}</th>
      <td style={cell}>
        <StatusPill tone={REVIEW_TONES[chapter.state]}>{t.review[chapter.state]}</StatusPill>
      </td>
      <td style={cell}>
        <div>{reviewDetail(chapter, t)}</div>
        {chapter.review?.note && <div style={{ color: token('color.text.subtle', '#44546F'), whiteSpace: 'pre-wrap' }}>“{chapter.review.note}”</div>}
        {editing && (
          <form
            style={{ display: 'grid', gap: 4, marginTop: 8 }}
            onSubmit={(event) => {
              event.preventDefault();
              if (!tooLong) onSave(note.trim());
            }}
          >
            <label htmlFor={noteId}>{t.noteLabel(chapter.title)}</label>
            <TextArea
              id={noteId}
              minimumRows={2}
              value={note}
              onChange={(event) => setNote(event.currentTarget.value)}
              isInvalid={tooLong}
              aria-describedby={tooLong ? `${noteId}-error` : undefined}
            />
            {tooLong && (
              <span role="alert" id={`${noteId}-error`}>
                <ErrorMessage>{t.noteTooLong(NOTE_MAX)}</ErrorMessage>
              </span>
            )}
            <div style={{ display: 'flex', gap: 8 }}>
              <Button type="submit" appearance="primary" isDisabled={busy || tooLong}>
                {t.record}
              </Button>
              <Button onClick={onCancel}>{t.cancel}</Button>
            </div>
          </form>
        )}
      </td>
      {canEdit && (
        <td style={cell}>
          {!editing && (
            // The name starts with the visible words (WCAG 2.5.3: speech users say what they see).
            <Button isDisabled={busy} onClick={onEdit} aria-label={t.actionOn(chapter.state === 'not-reviewed' ? t.markReviewed : t.reviewAgain, chapter.title)}>
              {chapter.state === 'not-reviewed' ? t.markReviewed : t.reviewAgain}
            </Button>
          )}
        </td>
      )}
    </tr>
  );
}

/**
 * Waivers: those in force (with their reason, who applied them and a way to remove them), the
 * checklist's named waivers on offer, and a team's own waiver with a reason. A waived item counts as
 * the scoring model says, with the reason shown on the chapter table and in the explanation.
 */
import { useId, useMemo } from 'react';
import Button from '@atlaskit/button/new';
import Heading from '@atlaskit/heading';
import { token } from '@atlaskit/tokens';
import { StatusPill } from '../../components/StatusPill';
import type { AddCustomWaiverPayload, AuditDay, Rollup } from '../../../../../common/contract';
import { CustomWaiverForm } from './CustomWaiverForm';
import { dayOf, waiverTargets } from './words';

const card = {
  border: `1px solid ${token('color.border', '#091E4224')}`,
  borderRadius: token('radius.small', '4px'),
  padding: token('space.100', '8px'),
  display: 'grid',
  gap: 4,
} as const;

interface WaiversPanelProps {
  day: AuditDay;
  rollup: Rollup;
  busy: boolean;
  onApply: (waiverId: string) => void;
  onRemove: (id: string) => void;
  onAddCustom: (waiver: Omit<AddCustomWaiverPayload, 'checklistId'>) => void;
}

export function WaiversPanel({ day, rollup, busy, onApply, onRemove, onAddCustom }: WaiversPanelProps) {
  const headingId = useId();
  const chapterTitles = useMemo(() => new Map(rollup.chapters.map((chapter) => [chapter.id, chapter.title])), [rollup.chapters]);
  const offered = day.namedWaivers.filter((waiver) => !waiver.inForce);
  const subtle = token('color.text.subtle', '#44546F');

  return (
    <section aria-labelledby={headingId} style={{ display: 'grid', gap: token('space.150', '12px') }}>
      <Heading size="small" as="h3" id={headingId}>
        Waivers
      </Heading>
      {day.waivers.length === 0 ? (
        <p style={{ margin: 0 }}>No waiver is in force: every item counts as its issue says.</p>
      ) : (
        <ul aria-label="Waivers in force" style={{ listStyle: 'none', margin: 0, padding: 0, display: 'grid', gap: 8 }}>
          {day.waivers.map((waiver) => (
            <li key={waiver.id} style={card}>
              <div style={{ display: 'flex', gap: 8, alignItems: 'center', flexWrap: 'wrap' }}>
                <strong>{waiver.name}</strong>
                <StatusPill tone="information">{waiver.source === 'named' ? 'Checklist waiver' : 'Team waiver'}</StatusPill>
              </div>
              <div>{waiverTargets(waiver, chapterTitles)}</div>
              <div>Reason: {waiver.reason}</div>
              <div style={{ color: subtle }}>
                Applied {dayOf(waiver.appliedAt)} by {waiver.appliedBy}
              </div>
              {day.canEdit && (
                <div>
                  <Button isDisabled={busy} onClick={() => onRemove(waiver.id)} aria-label={`Remove the waiver ${waiver.name}`}>
                    Remove
                  </Button>
                </div>
              )}
            </li>
          ))}
        </ul>
      )}
      {offered.length > 0 && (
        <div style={{ display: 'grid', gap: 8 }}>
          <Heading size="xsmall" as="h4">
            Waivers this checklist offers
          </Heading>
          <ul aria-label="Named waivers" style={{ listStyle: 'none', margin: 0, padding: 0, display: 'grid', gap: 8 }}>
            {offered.map((waiver) => (
              <li key={waiver.id} style={card}>
                <strong>{waiver.name}</strong>
                <div>{waiverTargets(waiver, chapterTitles)}</div>
                <div style={{ color: subtle }}>{waiver.reason}</div>
                {day.canEdit && (
                  <div>
                    <Button isDisabled={busy} onClick={() => onApply(waiver.id)} aria-label={`Apply the waiver ${waiver.name}`}>
                      Apply
                    </Button>
                  </div>
                )}
              </li>
            ))}
          </ul>
        </div>
      )}
      {day.canEdit ? (
        <CustomWaiverForm chapters={rollup.chapters} itemIds={rollup.items.map((item) => item.id)} busy={busy} onSubmit={onAddCustom} />
      ) : (
        <p style={{ margin: 0, color: subtle }}>Applying or removing a waiver needs the Edit issues permission in this project.</p>
      )}
    </section>
  );
}

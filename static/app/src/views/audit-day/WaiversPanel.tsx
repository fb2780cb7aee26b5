/**
 * Waivers: those in force (with their reason, who applied them and a way to remove them), the
 * checklist's named waivers on offer, and a team's own waiver with a reason. A waived item counts as
 * the scoring model says, with the reason shown on the chapter table and in the explanation.
 *
 * A waiver that covers a mandatory item decides whether the project passes: only a project admin
 * may apply or remove it (the server checks; the panel says so instead of offering the button).
 * Applying a named waiver asks for confirmation, lists what it covers first and asks for its proof
 * (the certificate or report, with its expiry: the waiver lapses when it expires).
 */
import { useId, useMemo, useState } from 'react';
import Button from '@atlaskit/button/new';
import Heading from '@atlaskit/heading';
import { token } from '@atlaskit/tokens';
import { StatusPill } from '../../components/StatusPill';
import type { AddCustomWaiverPayload, AuditDay, Rollup, WaiverProofView } from '../../../../../common/contract';
import { CustomWaiverForm } from './CustomWaiverForm';
import { EMPTY_PROOF, ProofLine, proofMissing, toProof, WaiverProofFields, type ProofDraft } from './WaiverProofFields';
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
  onApply: (waiverId: string, proof: WaiverProofView) => void;
  onRemove: (id: string) => void;
  onAddCustom: (waiver: Omit<AddCustomWaiverPayload, 'checklistId'>) => void;
}

export function WaiversPanel({ day, rollup, busy, onApply, onRemove, onAddCustom }: WaiversPanelProps) {
  const headingId = useId();
  const chapterTitles = useMemo(() => new Map(rollup.chapters.map((chapter) => [chapter.id, chapter.title])), [rollup.chapters]);
  const offered = day.namedWaivers.filter((waiver) => !waiver.inForce);
  const subtle = token('color.text.subtle', '#44546F');
  const [confirming, setConfirming] = useState<string | undefined>(undefined);
  const [proof, setProof] = useState<ProofDraft>(EMPTY_PROOF);
  const missing = proofMissing(proof);
  const adminOnly = (mandatory: readonly string[] | undefined): boolean => (mandatory?.length ?? 0) > 0 && day.canAdminister !== true;

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
              <MandatoryLine items={waiver.mandatoryItems} />
              <div>Reason: {waiver.reason}</div>
              <ProofLine waiver={waiver} />
              <div style={{ color: subtle }}>
                Applied {dayOf(waiver.appliedAt)} by {day.people?.[waiver.appliedBy] ?? waiver.appliedBy}
              </div>
              {day.canEdit && adminOnly(waiver.mandatoryItems) && <div style={{ color: subtle }}>Only a project admin (Administer projects) may remove it.</div>}
              {day.canEdit && !adminOnly(waiver.mandatoryItems) && (
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
                <MandatoryLine items={waiver.mandatoryItems} />
                <div style={{ color: subtle }}>{waiver.reason}</div>
                {day.canEdit && adminOnly(waiver.mandatoryItems) && (
                  <div style={{ color: subtle }}>It covers mandatory items, so only a project admin (Administer projects) may apply it.</div>
                )}
                {day.canEdit && !adminOnly(waiver.mandatoryItems) && confirming !== waiver.id && (
                  <div>
                    <Button
                      isDisabled={busy}
                      onClick={() => {
                        setProof(EMPTY_PROOF);
                        setConfirming(waiver.id);
                      }}
                      aria-label={`Apply the waiver ${waiver.name}`}
                    >
                      Apply
                    </Button>
                  </div>
                )}
                {confirming === waiver.id && (
                  <div role="group" aria-label={`Confirm the waiver ${waiver.name}`} style={{ display: 'grid', gap: 4, paddingTop: 4 }}>
                    <div>
                      Apply “{waiver.name}”? {waiverTargets(waiver, chapterTitles)} will count as waived in the score
                      {(waiver.mandatoryItems?.length ?? 0) > 0 ? ', mandatory items included: this changes whether the project passes.' : '.'} It is recorded with
                      your name, today’s date, its reason and the proof below.
                    </div>
                    <WaiverProofFields draft={proof} onChange={setProof} />
                    {missing.length > 0 && <div style={{ color: subtle }}>{`Still needed: ${missing.join(', ')}.`}</div>}
                    <div style={{ display: 'flex', gap: 8 }}>
                      <Button
                        appearance="primary"
                        isDisabled={busy || missing.length > 0}
                        onClick={() => {
                          setConfirming(undefined);
                          onApply(waiver.id, toProof(proof));
                        }}
                      >
                        Apply waiver
                      </Button>
                      <Button appearance="subtle" onClick={() => setConfirming(undefined)}>
                        Cancel
                      </Button>
                    </div>
                  </div>
                )}
              </li>
            ))}
          </ul>
        </div>
      )}
      {day.canEdit ? (
        <CustomWaiverForm
          chapters={rollup.chapters}
          itemIds={rollup.items.map((item) => item.id)}
          mandatoryItems={rollup.items.filter((item) => item.mandatory).map((item) => ({ id: item.id, chapterId: item.chapterId }))}
          busy={busy}
          onSubmit={onAddCustom}
        />
      ) : (
        <p style={{ margin: 0, color: subtle }}>
          Applying or removing a waiver needs the Edit issues permission in this project; one that covers mandatory items needs Administer projects.
        </p>
      )}
      {day.maxWaivers !== undefined && day.waivers.length >= day.maxWaivers && (
        <p role="status" style={{ margin: 0 }}>
          {day.maxWaivers} waivers are in force, the most one checklist may have: remove one before adding another.
        </p>
      )}
    </section>
  );
}

/** "Covers mandatory items OPS-009, OPS-010": why the waiver decides whether the project passes. */
function MandatoryLine({ items }: { items: readonly string[] | undefined }) {
  if (!items || items.length === 0) return null;
  const shown = items.length > 8 ? `${items.slice(0, 8).join(', ')} and ${items.length - 8} more` : items.join(', ');
  return <div>{`Covers mandatory item${items.length === 1 ? '' : 's'} ${shown}`}</div>;
}

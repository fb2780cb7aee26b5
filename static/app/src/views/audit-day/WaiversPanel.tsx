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
import { waiverTargets } from './words';
import { useT } from '../../i18n';
import { auditDayMessages } from './messages';

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
  const t = useT(auditDayMessages);
  const headingId = useId();
  const chapterTitles = useMemo(() => new Map(rollup.chapters.map((chapter) => [chapter.id, chapter.title])), [rollup.chapters]);
  const offered = day.namedWaivers.filter((waiver) => !waiver.inForce);
  const subtle = token('color.text.subtle', '#44546F');
  const [confirming, setConfirming] = useState<string | undefined>(undefined);
  const [proof, setProof] = useState<ProofDraft>(EMPTY_PROOF);
  const missing = proofMissing(proof, t);
  const adminOnly = (mandatory: readonly string[] | undefined): boolean => (mandatory?.length ?? 0) > 0 && day.canAdminister !== true;

  return (
    <section aria-labelledby={headingId} style={{ display: 'grid', gap: token('space.150', '12px') }}>
      <Heading size="small" as="h3" id={headingId}>
        {t.waivers}
      </Heading>
      {day.waivers.length === 0 ? (
        <p style={{ margin: 0 }}>{t.noWaiver}</p>
      ) : (
        <ul aria-label={t.inForce} style={{ listStyle: 'none', margin: 0, padding: 0, display: 'grid', gap: 8 }}>
          {day.waivers.map((waiver) => (
            <li key={waiver.id} style={card}>
              <div style={{ display: 'flex', gap: 8, alignItems: 'center', flexWrap: 'wrap' }}>
                <strong>{waiver.name}</strong>
                <StatusPill tone="information">{waiver.source === 'named' ? t.checklistWaiver : t.teamWaiver}</StatusPill>
              </div>
              <div>{waiverTargets(waiver, chapterTitles, t)}</div>
              <MandatoryLine items={waiver.mandatoryItems} />
              <div>{t.reason(waiver.reason)}</div>
              <ProofLine waiver={waiver} />
              <div style={{ color: subtle }}>
                {t.applied(waiver.appliedAt, day.people?.[waiver.appliedBy] ?? waiver.appliedBy)}
              </div>
              {day.canEdit && adminOnly(waiver.mandatoryItems) && <div style={{ color: subtle }}>{t.adminRemoves}</div>}
              {day.canEdit && !adminOnly(waiver.mandatoryItems) && (
                <div>
                  <Button isDisabled={busy} onClick={() => onRemove(waiver.id)} aria-label={t.removeWaiver(waiver.name)}>
                    {t.remove}
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
            {t.offered}
          </Heading>
          <ul aria-label={t.namedWaivers} style={{ listStyle: 'none', margin: 0, padding: 0, display: 'grid', gap: 8 }}>
            {offered.map((waiver) => (
              <li key={waiver.id} style={card}>
                <strong>{waiver.name}</strong>
                <div>{waiverTargets(waiver, chapterTitles, t)}</div>
                <MandatoryLine items={waiver.mandatoryItems} />
                <div style={{ color: subtle }}>{waiver.reason}</div>
                {day.canEdit && adminOnly(waiver.mandatoryItems) && (
                  <div style={{ color: subtle }}>{t.adminApplies}</div>
                )}
                {day.canEdit && !adminOnly(waiver.mandatoryItems) && confirming !== waiver.id && (
                  <div>
                    <Button
                      isDisabled={busy}
                      onClick={() => {
                        setProof(EMPTY_PROOF);
                        setConfirming(waiver.id);
                      }}
                      aria-label={t.applyWaiver(waiver.name)}
                    >
                      {t.apply}
                    </Button>
                  </div>
                )}
                {confirming === waiver.id && (
                  <div role="group" aria-label={t.confirmWaiver(waiver.name)} style={{ display: 'grid', gap: 4, paddingTop: 4 }}>
                    <div>
                      {t.confirmText(waiver.name, waiverTargets(waiver, chapterTitles, t), (waiver.mandatoryItems?.length ?? 0) > 0)}
                    </div>
                    <WaiverProofFields draft={proof} onChange={setProof} />
                    {missing.length > 0 && <div style={{ color: subtle }}>{t.stillNeeded(missing.join(', '))}</div>}
                    <div style={{ display: 'flex', gap: 8 }}>
                      <Button
                        appearance="primary"
                        isDisabled={busy || missing.length > 0}
                        onClick={() => {
                          setConfirming(undefined);
                          onApply(waiver.id, toProof(proof));
                        }}
                      >
                        {t.applyButton}
                      </Button>
                      <Button appearance="subtle" onClick={() => setConfirming(undefined)}>
                        {t.cancel}
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
          {t.waiverRights}
        </p>
      )}
      {day.maxWaivers !== undefined && day.waivers.length >= day.maxWaivers && (
        <p role="status" style={{ margin: 0 }}>
          {t.maxWaivers(day.maxWaivers)}
        </p>
      )}
    </section>
  );
}

/** "Covers mandatory items OPS-009, OPS-010": why the waiver decides whether the project passes. */
function MandatoryLine({ items }: { items: readonly string[] | undefined }) {
  const t = useT(auditDayMessages);
  if (!items || items.length === 0) return null;
  const shown = items.length > 8 ? t.andMore(items.slice(0, 8).join(', '), items.length - 8) : items.join(', ');
  return <div>{t.coversMandatory(items.length, shown)}</div>;
}

/**
 * Audit day on the Audit page, loaded lazily: chapter dry runs, waivers, the score over time and the
 * audit pack. Each change answers with the whole audit day; a waiver change also asks the page to
 * reload the score, which the waiver moved.
 */
import { useId } from 'react';
import Button from '@atlaskit/button/new';
import Heading from '@atlaskit/heading';
import { token } from '@atlaskit/tokens';
import type { AuditDayApi } from '../../api/audit-day-api';
import type { TrailApi } from '../../api/trail-api';
import { Loading } from '../../components/Loading';
import { Notice } from '../../components/Notice';
import { useAction } from '../../hooks/useAction';
import { useResource } from '../../hooks/useResource';
import type { AuditDay, Rollup } from '../../../../../common/contract';
import { ExportActions } from './ExportActions';
import { HistoryChart } from './HistoryChart';
import { ReviewsPanel } from './ReviewsPanel';
import { WaiversPanel } from './WaiversPanel';
import { useT } from '../../i18n';
import { auditDayMessages } from './messages';

export interface AuditDaySectionProps {
  api: AuditDayApi;
  rollup: Rollup;
  /** A waiver changed the score: reload it. */
  onScoreChanged: () => void;
  /** Open the printable report. */
  onPrint: () => void;
  /** The decision trail, for the .xlsx audit pack. */
  trail?: TrailApi;
}

export default function AuditDaySection({ api, rollup, onScoreChanged, onPrint, trail }: AuditDaySectionProps) {
  const t = useT(auditDayMessages);
  const headingId = useId();
  const days = useResource<AuditDay>(() => api.getAuditDay(rollup.checklistId), [api, rollup.checklistId]);
  const { state, reload } = days;
  // A change answers with the new audit day, which replaces the shown one (unless the page moved
  // to another checklist meanwhile); a change that moves the score has the page rescore.
  const change = useAction((call: () => Promise<AuditDay>, _movesScore: boolean) => call(), {
    onSuccess: (fresh, _call, movesScore) => {
      if (fresh.checklistId === rollup.checklistId) days.set(fresh);
      if (movesScore) onScoreChanged();
    },
  });
  const { busy, error: actionError } = change;
  const day = state.status === 'ready' ? state.value : null;
  const act = (call: () => Promise<AuditDay>, movesScore: boolean) => void change.run(call, movesScore);

  const checklistId = rollup.checklistId;
  return (
    <section aria-labelledby={headingId} style={{ display: 'grid', gap: token('space.300', '24px') }}>
      <Heading size="medium" as="h2" id={headingId}>
        {t.title}
      </Heading>
      {state.status === 'loading' && !day && <Loading label={t.loading} />}
      {state.status === 'error' && !day && (
        <Notice appearance="error" title={t.loadFailed} actions={<Button onClick={reload}>{t.tryAgain}</Button>}>
          {state.message}
        </Notice>
      )}
      {actionError && (
        <Notice appearance="error" title={t.notSaved}>
          {actionError}
        </Notice>
      )}
      {day && (
        <>
          <ReviewsPanel
            day={day}
            busy={busy}
            onMarkReviewed={(chapterId, note) => act(() => api.markChapterReviewed({ checklistId, chapterId, ...(note ? { note } : {}) }), false)}
          />
          <WaiversPanel
            day={day}
            rollup={rollup}
            busy={busy}
            onApply={(waiverId, proof) => act(() => api.applyWaiver(checklistId, waiverId, proof), true)}
            onRemove={(id) => act(() => api.removeWaiver(checklistId, id), true)}
            onAddCustom={(waiver) => act(() => api.addCustomWaiver({ checklistId, ...waiver }), true)}
          />
          <HistoryChart points={day.history} model={day.model} />
        </>
      )}
      <ExportActions api={api} checklistId={checklistId} onPrint={onPrint} {...(trail ? { trail } : {})} />
    </section>
  );
}

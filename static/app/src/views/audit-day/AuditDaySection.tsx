/**
 * Audit day on the Audit page, loaded lazily: chapter dry runs, waivers, the score over time and the
 * audit pack. Each change answers with the whole audit day; a waiver change also asks the page to
 * reload the score, which the waiver moved.
 */
import { useEffect, useId, useRef, useState } from 'react';
import Button from '@atlaskit/button/new';
import Heading from '@atlaskit/heading';
import { token } from '@atlaskit/tokens';
import type { AuditDayApi } from '../../api/audit-day-api';
import type { TrailApi } from '../../api/trail-api';
import { errorMessage } from '../../api/errors';
import { Loading } from '../../components/Loading';
import { Notice } from '../../components/Notice';
import { useLoad } from '../../hooks/useLoad';
import type { AuditDay, Rollup } from '../../../../../common/contract';
import { ExportActions } from './ExportActions';
import { HistoryChart } from './HistoryChart';
import { ReviewsPanel } from './ReviewsPanel';
import { WaiversPanel } from './WaiversPanel';

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
  const headingId = useId();
  const { state, reload } = useLoad<AuditDay>(rollup.checklistId, (checklistId) => api.getAuditDay(checklistId));
  // The latest answer of a change replaces the loaded one until the checklist changes.
  const [changed, setChanged] = useState<AuditDay | null>(null);
  const [busy, setBusy] = useState(false);
  const [actionError, setActionError] = useState<string | undefined>(undefined);
  const mounted = useRef(true);
  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
    };
  }, []);

  const loaded = state.status === 'ready' ? state.value : null;
  const day = changed && changed.checklistId === rollup.checklistId ? changed : loaded;

  const act = (change: () => Promise<AuditDay>, movesScore: boolean) => {
    setBusy(true);
    setActionError(undefined);
    change().then(
      (fresh) => {
        if (!mounted.current) return;
        setChanged(fresh);
        setBusy(false);
        if (movesScore) onScoreChanged();
      },
      (error: unknown) => {
        if (!mounted.current) return;
        setBusy(false);
        setActionError(errorMessage(error));
      },
    );
  };

  const checklistId = rollup.checklistId;
  return (
    <section aria-labelledby={headingId} style={{ display: 'grid', gap: token('space.300', '24px') }}>
      <Heading size="medium" as="h2" id={headingId}>
        Audit day
      </Heading>
      {state.status === 'loading' && !day && <Loading label="Loading dry runs, waivers and history" />}
      {state.status === 'error' && !day && (
        <Notice appearance="error" title="Could not load the audit day" actions={<Button onClick={reload}>Try again</Button>}>
          {state.message}
        </Notice>
      )}
      {actionError && (
        <Notice appearance="error" title="That change was not saved">
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

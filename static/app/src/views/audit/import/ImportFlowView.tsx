/**
 * The import screen drawn from props only: the picker, "bring your own checklist", the preview,
 * Import and the progress. ImportFlow (the container) reads and starts things.
 */
import { useEffect, useId, useRef } from 'react';
import Button from '@atlaskit/button/new';
import Heading from '@atlaskit/heading';
import { token } from '@atlaskit/tokens';
import type { ChecklistSummary, ChecklistView } from '../../../../../../common/contract';
import type { SaveCustomChecklistResult } from '../../../../../../common/custom-checklists';
import { Loading } from '../../../components/Loading';
import { Notice } from '../../../components/Notice';
import type { LoadState } from '../../../hooks/useResource';
import { ChecklistPicker } from './ChecklistPicker';
import { ChecklistPreview } from './ChecklistPreview';
import { ImportProgress } from './ImportProgress';
import type { ImportJob } from './useImportJob';
import { useT } from '../../../i18n';
import { auditMessages } from '../messages';

export interface ImportFlowViewProps {
  firstImport: boolean;
  /** The checklists offered (state of their read). */
  list: LoadState<ChecklistSummary[]>;
  onRetryList: () => void;
  selectedId: string | null;
  onSelect: (id: string) => void;
  /** Checklists the project holds already (marked in the picker). */
  inProject: ReadonlySet<string>;
  preview: LoadState<ChecklistView>;
  onRetryPreview: () => void;
  /** False when the user lacks Create issues in the project. */
  mayCreate: boolean;
  /** A custom checklist just saved (selected in the picker). */
  saved?: SaveCustomChecklistResult;
  onUpload: () => void;
  job: ImportJob;
  /** The checklist an import just finished for, without failures. */
  importedId?: string;
  onImport: (checklistId: string) => void;
  onResume: () => void;
  onShowScore: (checklistId: string) => void;
  onCancel?: () => void;
}

export function ImportFlowView({
  firstImport,
  list,
  onRetryList,
  selectedId,
  onSelect,
  inProject,
  preview,
  onRetryPreview,
  mayCreate,
  saved,
  onUpload,
  job,
  importedId,
  onImport,
  onResume,
  onShowScore,
  onCancel,
}: ImportFlowViewProps) {
  const t = useT(auditMessages);
  const headingId = useId();
  const reasonId = useId();
  const checklists = list.status === 'ready' ? list.value : null;
  // The progress sits below a long preview: bring it into view when an import starts, or the
  // click on Import looks like it did nothing, and again when it ends, because the outcome (and
  // its "See the score" button) adds a notice below the bar that would land off-screen.
  const progressRef = useRef<HTMLDivElement>(null);
  const ended = job.status?.state === 'done' || job.status?.state === 'failed' || job.error !== undefined;
  useEffect(() => {
    if (job.starting || ended) progressRef.current?.scrollIntoView?.({ block: 'nearest', behavior: 'smooth' });
  }, [job.starting, ended]);
  const busy = job.starting || job.status?.state === 'queued' || job.status?.state === 'running';
  const alreadyImported = selectedId !== null && inProject.has(selectedId);
  const started = job.starting || job.jobId !== undefined || job.error !== undefined;

  return (
    <section aria-labelledby={headingId} style={{ display: 'grid', gap: token('space.200', '16px') }}>
      <Heading size="large" as="h2" id={headingId}>
        {t.importTitle}
      </Heading>
      {firstImport && importedId === undefined && (
        <Notice title={t.noneImported}>
          {t.noneImportedBody}
        </Notice>
      )}

      {list.status === 'loading' && <Loading label={t.loadingChecklists} />}
      {list.status === 'error' && (
        <Notice appearance="error" title={t.checklistsFailed} actions={<Button onClick={onRetryList}>{t.tryAgain}</Button>}>
          {list.message}
        </Notice>
      )}
      {checklists?.length === 0 && (
        <Notice appearance="warning" title={t.noChecklists}>
          {t.noChecklistsBody}
        </Notice>
      )}
      {checklists && checklists.length > 0 && (
        <ChecklistPicker checklists={checklists} selectedId={selectedId} onSelect={onSelect} disabled={busy} inProject={inProject} />
      )}
      {checklists && (
        <div style={{ display: 'grid', gap: 4, justifyItems: 'start' }}>
          <Button
            isDisabled={busy || !mayCreate}
            aria-describedby={mayCreate ? undefined : reasonId}
            onClick={onUpload}
          >
            {t.bringYourOwn}
          </Button>
          {!mayCreate && (
            <p id={reasonId} style={{ margin: 0, color: token('color.text.subtle', '#44546F') }}>
              {t.createIssuesReason}
            </p>
          )}
        </div>
      )}
      {saved && (
        <Notice appearance="success" title={t.savedChecklist(`${saved.checklist.name} ${saved.checklist.version}`)}>
          {t.savedBody(saved.checklist.itemCount, saved.initialResults)}
        </Notice>
      )}

      {preview.status === 'loading' && <Loading label={t.loadingPreview} />}
      {preview.status === 'error' && (
        <Notice appearance="error" title={t.previewFailed} actions={<Button onClick={onRetryPreview}>{t.tryAgain}</Button>}>
          {preview.message}
        </Notice>
      )}
      {preview.status === 'ready' && <ChecklistPreview checklist={preview.value} />}

      <div style={{ display: 'flex', gap: token('space.100', '8px') }}>
        <Button
          appearance="primary"
          isDisabled={preview.status !== 'ready' || busy || !mayCreate || importedId === selectedId}
          aria-describedby={mayCreate ? undefined : reasonId}
          isLoading={busy}
          onClick={() => selectedId && onImport(selectedId)}
        >
          {alreadyImported ? t.importAgain : t.importButton}
        </Button>
        {onCancel && (
          <Button appearance="subtle" onClick={onCancel} isDisabled={busy}>
            {t.backToScore}
          </Button>
        )}
      </div>

      <div ref={progressRef}>
        {started && (
          <ImportProgress
            job={job}
            onRetry={() => job.checklistId && onImport(job.checklistId)}
            onResume={onResume}
            onShowScore={() => job.checklistId && onShowScore(job.checklistId)}
          />
        )}
      </div>
    </section>
  );
}

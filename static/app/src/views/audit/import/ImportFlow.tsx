/**
 * Before an import: pick a checklist, preview it, import it with one click, follow the progress.
 */
import { lazy, Suspense, useEffect, useId, useRef, useState } from 'react';
import Button from '@atlaskit/button/new';
import Heading from '@atlaskit/heading';
import { token } from '@atlaskit/tokens';
import type { SaveCustomChecklistResult } from '../../../../../../common/custom-checklists';
import { useServices } from '../../../api/services';
import { Loading } from '../../../components/Loading';
import { Notice } from '../../../components/Notice';
import { useLoad } from '../../../hooks/useLoad';
import { CREATE_ISSUES_REASON } from '../format';
import { ChecklistPicker } from './ChecklistPicker';
import { ChecklistPreview } from './ChecklistPreview';
import { ImportProgress } from './ImportProgress';
import { useImportJob } from './useImportJob';

// The upload view carries the file parsers (exceljs alone is ~250 KB gzipped): loaded when opened.
const UploadView = lazy(() => import('../../upload/UploadView'));

interface ImportFlowProps {
  /** True when the project has no imported checklist yet (the page's empty state). */
  firstImport: boolean;
  /** The import finished and the user wants its score. */
  onShowScore: (checklistId: string) => void;
  /** Back to the score without importing; absent when there is no score to go back to. */
  onCancel?: () => void;
  pollMs?: number;
  /** False when the user lacks Create issues in the project (from the rollup's `can`); undefined when unknown. */
  canCreateIssues?: boolean;
}

export function ImportFlow({ firstImport, onShowScore, onCancel, pollMs = 1000, canCreateIssues }: ImportFlowProps) {
  const { api } = useServices();
  const headingId = useId();
  const reasonId = useId();
  const mayCreate = canCreateIssues !== false;
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const list = useLoad('all', () => api.listChecklists());
  // Which checklists the project holds already (marked in the picker); a failure only loses the marks.
  const held = useLoad(firstImport ? null : 'held', async () => (api.listProjectChecklists ? api.listProjectChecklists().catch(() => []) : []));
  const preview = useLoad(selectedId, (id) => api.getChecklist(id));
  const { job, start, resume } = useImportJob(api, pollMs);
  const [uploading, setUploading] = useState(false);
  const [saved, setSaved] = useState<SaveCustomChecklistResult | undefined>(undefined);

  // Preselect when there is only one choice, so the common case is one click.
  const checklists = list.state.status === 'ready' ? list.state.value : null;
  useEffect(() => {
    if (checklists?.length === 1 && selectedId === null) setSelectedId(checklists[0]?.id ?? null);
  }, [checklists, selectedId]);

  // The progress sits below a long preview: bring it into view when an import starts, or the
  // click on Import looks like it did nothing, and again when it ends, because the outcome (and
  // its "See the score" button) adds a notice below the bar that would land off-screen.
  const progressRef = useRef<HTMLDivElement>(null);
  const ended = job.status?.state === 'done' || job.status?.state === 'failed' || job.error !== undefined;
  useEffect(() => {
    if (job.starting || ended) progressRef.current?.scrollIntoView?.({ block: 'nearest', behavior: 'smooth' });
  }, [job.starting, ended]);

  const busy = job.starting || job.status?.state === 'queued' || job.status?.state === 'running';
  // A finished import: the checklist is in the project now, so the empty state and a second
  // Import of the same checklist would both say something untrue.
  const importedId = job.status?.state === 'done' && job.status.failed === 0 ? job.checklistId : undefined;
  const inProject = new Set([...(held.state.status === 'ready' ? held.state.value.map((c) => c.id) : []), ...(importedId ? [importedId] : [])]);
  const alreadyImported = selectedId !== null && inProject.has(selectedId);
  const started = job.starting || job.jobId !== undefined || job.error !== undefined;

  if (uploading) {
    const onSaved = (result: SaveCustomChecklistResult) => {
      // Back to the picker with the new checklist chosen: the same Import button imports it.
      setUploading(false);
      setSaved(result);
      list.reload();
      setSelectedId(result.checklist.id);
    };
    return (
      <Suspense fallback={<Loading label="Opening the checklist upload" />}>
        <UploadView existing={checklists ?? []} onSaved={onSaved} onCancel={() => setUploading(false)} />
      </Suspense>
    );
  }

  return (
    <section aria-labelledby={headingId} style={{ display: 'grid', gap: token('space.200', '16px') }}>
      <Heading size="large" as="h2" id={headingId}>
        Import a checklist
      </Heading>
      {firstImport && importedId === undefined && (
        <Notice title="No checklist imported yet">
          Pick the checklist your audit uses and import it: the app creates one Jira issue per item, grouped by
          chapter, and then shows whether you would pass.
        </Notice>
      )}

      {list.state.status === 'loading' && <Loading label="Loading checklists" />}
      {list.state.status === 'error' && (
        <Notice appearance="error" title="Could not load the checklists" actions={<Button onClick={list.reload}>Try again</Button>}>
          {list.state.message}
        </Notice>
      )}
      {checklists?.length === 0 && (
        <Notice appearance="warning" title="No checklists available">
          The app has no checklist to offer. Ask a Jira admin to check the app’s installation.
        </Notice>
      )}
      {checklists && checklists.length > 0 && (
        <ChecklistPicker checklists={checklists} selectedId={selectedId} onSelect={setSelectedId} disabled={busy} inProject={inProject} />
      )}
      {checklists && (
        <div style={{ display: 'grid', gap: 4, justifyItems: 'start' }}>
          <Button
            isDisabled={busy || !mayCreate}
            aria-describedby={mayCreate ? undefined : reasonId}
            onClick={() => {
              setSaved(undefined);
              setUploading(true);
            }}
          >
            Bring your own checklist
          </Button>
          {!mayCreate && (
            <p id={reasonId} style={{ margin: 0, color: token('color.text.subtle', '#44546F') }}>
              {CREATE_ISSUES_REASON}
            </p>
          )}
        </div>
      )}
      {saved && (
        <Notice appearance="success" title={`Saved ${saved.checklist.name} ${saved.checklist.version}`}>
          {`${saved.checklist.itemCount} items${saved.initialResults > 0 ? `, ${saved.initialResults} with an initial result from the file` : ''}. It is selected above; check the preview and import it.`}
        </Notice>
      )}

      {preview.state.status === 'loading' && <Loading label="Loading the preview" />}
      {preview.state.status === 'error' && (
        <Notice appearance="error" title="Could not load this checklist" actions={<Button onClick={preview.reload}>Try again</Button>}>
          {preview.state.message}
        </Notice>
      )}
      {preview.state.status === 'ready' && <ChecklistPreview checklist={preview.state.value} />}

      <div style={{ display: 'flex', gap: token('space.100', '8px') }}>
        <Button
          appearance="primary"
          isDisabled={preview.state.status !== 'ready' || busy || !mayCreate || importedId === selectedId}
          aria-describedby={mayCreate ? undefined : reasonId}
          isLoading={busy}
          onClick={() => selectedId && start(selectedId)}
        >
          {alreadyImported ? 'Import again (adds only missing items)' : 'Import'}
        </Button>
        {onCancel && (
          <Button appearance="subtle" onClick={onCancel} isDisabled={busy}>
            Back to the score
          </Button>
        )}
      </div>

      <div ref={progressRef}>
        {started && (
          <ImportProgress
            job={job}
            onRetry={() => job.checklistId && start(job.checklistId)}
            onResume={resume}
            onShowScore={() => job.checklistId && onShowScore(job.checklistId)}
          />
        )}
      </div>
    </section>
  );
}

/**
 * Before an import: pick a checklist, preview it, import it with one click, follow the progress.
 * The container: what is read and started; ImportFlowView draws it.
 */
import { lazy, Suspense, useEffect, useState } from 'react';
import type { SaveCustomChecklistResult } from '../../../../../../common/custom-checklists';
import { useServices } from '../../../api/services';
import { Loading } from '../../../components/Loading';
import { useResource } from '../../../hooks/useResource';
import { useT } from '../../../i18n';
import { auditMessages } from '../messages';
import { ImportFlowView } from './ImportFlowView';
import { recommendedChecklist } from './recommended';
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
  const { api, now } = useServices();
  const t = useT(auditMessages);
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const list = useResource(() => api.listChecklists(), [api]);
  // Which checklists the project holds already (marked in the picker); a failure only loses the marks.
  const held = useResource(firstImport ? null : async () => (api.listProjectChecklists ? api.listProjectChecklists().catch(() => []) : []), [api, firstImport]);
  const preview = useResource(selectedId === null ? null : () => api.getChecklist(selectedId), [api, selectedId]);
  const { job, start, resume } = useImportJob(api, pollMs);
  const [uploading, setUploading] = useState(false);
  const [saved, setSaved] = useState<SaveCustomChecklistResult | undefined>(undefined);

  // Preselect the recommended checklist (its preview loads at once), so import is one click.
  const checklists = list.state.status === 'ready' ? list.state.value : null;
  useEffect(() => {
    if (checklists && selectedId === null) setSelectedId(recommendedChecklist(checklists, now().toISOString().slice(0, 10))?.id ?? null);
  }, [checklists, selectedId, now]);

  // A finished import: the checklist is in the project now, so the empty state and a second
  // Import of the same checklist would both say something untrue.
  const importedId = job.status?.state === 'done' && job.status.failed === 0 ? job.checklistId : undefined;
  const inProject = new Set([...(held.state.status === 'ready' ? held.state.value.map((c) => c.id) : []), ...(importedId ? [importedId] : [])]);

  if (uploading) {
    const onSaved = (result: SaveCustomChecklistResult) => {
      // Back to the picker with the new checklist chosen: the same Import button imports it.
      setUploading(false);
      setSaved(result);
      list.reload();
      setSelectedId(result.checklist.id);
    };
    return (
      <Suspense fallback={<Loading label={t.openingUpload} />}>
        <UploadView existing={checklists ?? []} onSaved={onSaved} onCancel={() => setUploading(false)} />
      </Suspense>
    );
  }

  return (
    <ImportFlowView
      firstImport={firstImport}
      list={list.state}
      onRetryList={list.reload}
      selectedId={selectedId}
      onSelect={setSelectedId}
      inProject={inProject}
      preview={preview.state}
      onRetryPreview={preview.reload}
      mayCreate={canCreateIssues !== false}
      saved={saved}
      onUpload={() => {
        setSaved(undefined);
        setUploading(true);
      }}
      job={job}
      importedId={importedId}
      onImport={start}
      onResume={resume}
      onShowScore={onShowScore}
      onCancel={onCancel}
    />
  );
}

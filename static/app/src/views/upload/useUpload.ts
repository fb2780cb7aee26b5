/**
 * The upload view's state: the file read in the browser (it never crosses the invoke limit whole),
 * the source and settings the person adjusts, the checklist they build, and the save.
 */
import { useCallback, useDeferredValue, useMemo, useRef, useState } from 'react';
import { MAX_FILE_BYTES, readChecklistFile, SheetReadError, type ItemField } from '../../../../../common/sheets';
import type { ChecklistSummary } from '../../../../../common/contract';
import type { SaveCustomChecklistResult } from '../../../../../common/custom-checklists';
import type { AuditApi } from '../../api/audit-api';
import { useErrorMessage } from '../../hooks/useErrorMessage';
import { useT } from '../../i18n';
import { uploadMessages } from './messages';
import { readBytes } from './read-bytes';
import { saveChecklist, type SaveProgress } from './save';
import { basedOn, buildUpload, changeMeta, initialMeta, sourceFor, withColumn, withHeaderRow, withSheet, type MetaDraft, type UploadSource } from './upload-model';

export type ReadState = { status: 'none' } | { status: 'reading'; fileName: string } | { status: 'error'; message: string } | { status: 'ready'; fileName: string };

type SaveState = { status: 'idle' } | { status: 'saving'; progress: SaveProgress } | { status: 'error'; message: string };


export function useUpload(api: AuditApi, existing: readonly ChecklistSummary[], onSaved: (saved: SaveCustomChecklistResult) => void) {
  const t = useT(uploadMessages);
  const describe = useErrorMessage();
  const [read, setRead] = useState<ReadState>({ status: 'none' });
  const [source, setSource] = useState<UploadSource | undefined>(undefined);
  const [draft, setDraft] = useState<MetaDraft | undefined>(undefined);
  const [save, setSave] = useState<SaveState>({ status: 'idle' });
  // Each chosen file gets a number; a slow read of an earlier file must not replace a later one.
  const generation = useRef(0);

  const chooseFile = useCallback(
    (file: File | undefined) => {
      const mine = ++generation.current;
      setSave({ status: 'idle' });
      if (!file) return;
      // Checked before reading: a 200 MB file should not be loaded into the page to be refused.
      if (file.size > MAX_FILE_BYTES) {
        // Megabytes to one decimal: 5.1 MB, 6 MB.
        const mb = (bytes: number) => Math.round((bytes / (1024 * 1024)) * 10) / 10;
        setRead({ status: 'error', message: t.tooLarge(file.name, mb(file.size), mb(MAX_FILE_BYTES)) });
        return;
      }
      setRead({ status: 'reading', fileName: file.name });
      readBytes(file)
        .then((bytes) => readChecklistFile({ name: file.name, bytes }))
        .then(
          (workbook) => {
            if (mine !== generation.current) return;
            const next = sourceFor(workbook);
            setSource(next);
            setDraft(initialMeta(next, existing, t.unnamedChecklist));
            setRead({ status: 'ready', fileName: file.name });
          },
          (error: unknown) => {
            if (mine !== generation.current) return;
            setSource(undefined);
            setRead({ status: 'error', message: error instanceof SheetReadError ? error.message : describe(error) });
          },
        );
    },
    [existing, t, describe],
  );

  // Typing a name rebuilds up to 2,000 items: let the keystroke render first.
  const deferredDraft = useDeferredValue(draft);
  const build = useMemo(
    () => (source && deferredDraft ? buildUpload(source, deferredDraft, existing, t.settingProblems) : undefined),
    [source, deferredDraft, existing, t],
  );

  const edit = {
    sheet: (name: string) => setSource((current) => current && withSheet(current, name)),
    headerRow: (row: number) => setSource((current) => current && withHeaderRow(current, row)),
    column: (index: number, field: ItemField | undefined) => setSource((current) => current && withColumn(current, index, field)),
    /** Leaves the recognised AWS layout for a manual mapping of one sheet. */
    mapManually: () => setSource((current) => (current?.kind === 'table' ? { ...current, useAws: false } : current)),
    meta: (change: Partial<Omit<MetaDraft, 'edited'>>) => setDraft((current) => current && changeMeta(current, change, existing)),
    basedOn: (framework: string | undefined) => setDraft((current) => current && basedOn(current, framework, existing)),
  };

  const submit = useCallback(() => {
    if (!source || !draft || read.status !== 'ready') return;
    // Built again from the current settings: the preview may still show a deferred one.
    const current = buildUpload(source, draft, existing);
    if (current.problems.length > 0) return;
    setSave({ status: 'saving', progress: { done: 0, total: 1 } });
    saveChecklist(api, { definition: current.definition, initialResults: current.initialResults, fileName: read.fileName }, (progress) =>
      setSave({ status: 'saving', progress }),
    ).then(
      (saved) => {
        setSave({ status: 'idle' });
        onSaved(saved);
      },
      (error: unknown) => setSave({ status: 'error', message: describe(error) }),
    );
  }, [api, draft, existing, onSaved, read, source, describe]);

  return { read, source, draft, build, save, chooseFile, edit, submit, stale: deferredDraft !== draft };
}

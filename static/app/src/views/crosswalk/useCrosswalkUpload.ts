/**
 * The crosswalk upload's state: the file read in the browser into rows (common/crosswalk-file.ts:
 * CSV, YAML/JSON, or an Excel workbook through the checklist upload's reader), sent the cheapest way
 * (common/crosswalk-parts.ts: in the call when it fits, else staged in parts), the server's preview
 * of them (every row's problems, counts, the crosswalk it would replace), and the save, which names
 * the revision the preview showed so it never overwrites a crosswalk someone saved in between. A
 * later file always wins over a slower earlier one.
 */
import { useRef, useState } from 'react';
import { CrosswalkFileError, type CrosswalkPreview, type SaveCrosswalkResult } from '../../../../../common/crosswalk';
import { readCrosswalkFile } from '../../../../../common/crosswalk-file';
import { stageCrosswalk, type CrosswalkRowsRef } from '../../../../../common/crosswalk-parts';
import type { CrosswalkApi } from '../../api/crosswalk-api';
import { useErrorMessage } from '../../hooks/useErrorMessage';
import { useAction } from '../../hooks/useAction';
import { useT } from '../../i18n';
import { readBytes } from '../upload/read-bytes';
import { crosswalkMessages } from './messages';

/** A crosswalk of 20,000 rows is about 2 MB as CSV (less as .xlsx); the checklist upload's 5 MB bound. */
export const MAX_CROSSWALK_FILE_BYTES = 5 * 1024 * 1024;
export const CROSSWALK_ACCEPT = '.csv,.txt,.xlsx,.yaml,.yml,.json';

/** How the rows of a file are numbered for the person: CSV counts the header, a workbook names sheet and row, YAML counts mappings. */
export type CrosswalkFileKind = 'csv' | 'xlsx' | 'yaml';

export type CrosswalkRead =
  | { status: 'none' }
  | { status: 'reading'; fileName: string }
  | { status: 'error'; fileName: string; message: string }
  | { status: 'ready'; fileName: string; ref: CrosswalkRowsRef; preview: CrosswalkPreview; kind: CrosswalkFileKind };

export function fileKind(fileName: string): CrosswalkFileKind {
  if (/\.xlsx$/i.test(fileName)) return 'xlsx';
  return /\.(ya?ml|json)$/i.test(fileName) ? 'yaml' : 'csv';
}

export function useCrosswalkUpload(api: CrosswalkApi) {
  const t = useT(crosswalkMessages);
  const describe = useErrorMessage();
  const [read, setRead] = useState<CrosswalkRead>({ status: 'none' });
  const generation = useRef(0);
  const save = useAction((ref: CrosswalkRowsRef, fileName: string, basedOn: string | null): Promise<SaveCrosswalkResult> => api.saveCrosswalk({ ...ref, fileName, basedOn }));

  const chooseFile = (file: File | undefined) => {
    const mine = ++generation.current;
    save.clearError();
    if (!file) return setRead({ status: 'none' });
    const fileName = file.name;
    if (file.size > MAX_CROSSWALK_FILE_BYTES) {
      return setRead({ status: 'error', fileName, message: t.tooLarge(fileName, file.size / 1024 / 1024) });
    }
    setRead({ status: 'reading', fileName });
    void (async () => {
      try {
        const rows = await readCrosswalkFile({ name: fileName, bytes: await readBytes(file) });
        if (mine !== generation.current) return;
        // A file past one call (Forge takes 500 KB) is staged in parts; preview and save then name the upload.
        const ref = await stageCrosswalk(api, rows, fileName);
        const preview = await api.previewCrosswalk(ref);
        if (mine === generation.current) setRead({ status: 'ready', fileName, ref, preview, kind: fileKind(fileName) });
      } catch (error) {
        if (mine !== generation.current) return;
        setRead({ status: 'error', fileName, message: error instanceof CrosswalkFileError ? error.message : describe(error) });
      }
    })();
  };

  const submit = () => {
    if (read.status !== 'ready' || read.preview.problems.length > 0 || read.preview.moreProblems > 0) return;
    void save.run(read.ref, read.fileName, read.preview.current?.revision ?? null);
  };

  return { read, save, chooseFile, submit };
}

